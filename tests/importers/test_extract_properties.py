"""The extractor never raises and every span it returns lies inside the text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.extract import extract
from importers.records import DocumentText

FRAGMENTS = [
    "The Baltic Energy Forum",
    " will take place on ",
    "3-4 October 2022",
    " in Riga",
    ". ",
    "moderated by ",
    "Jane Roe",
    ", Director of the X Institute",
    "“Quoted title”",
    "\n",
    "09:00 – 10:00 Panel 1: Water",
    "Moderator: ",
    "Tel: +41 22 123 45 67",
    "jroe@example.org",
    "Ambassador Roe",
    " (15/6)",
    "Thursday",
    " high-level panel ",
    "WHEN: Jan. 12-14, 2031",
    "**",
    "Professor ",
    "the event",
    "Council",
    " will meet ",
    ";",
    ",",
    " and ",
]


def check(text: str, reference: date | None) -> None:
    result = extract(DocumentText(path="x.txt", format="txt", text=text, reference_date=reference))
    spans = [s for e in result.events for s in e.spans]
    spans += [s for e in result.events for p in e.panels for s in p.spans]
    spans += [s for p in result.people for s in p.spans]
    for start, end in spans:
        assert 0 <= start <= end <= len(text)
    for event in result.events:
        if event.start and event.end:
            assert event.start.first_day() <= event.end.last_day()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.none() | st.dates())
def test_any_text_is_safe(text: str, reference: date | None) -> None:
    check(text, reference)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.none() | st.dates())
def test_fragments_of_real_documents_are_safe(parts: list[str], reference: date | None) -> None:
    check("".join(parts), reference)


def test_a_huge_text_is_analysed_from_its_beginning_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importers.extract as extraction

    monkeypatch.setattr(extraction, "MAX_ANALYSED", 20_000)  # the same rule, a smaller text
    block = "The Baltic Energy Forum will take place on 3-4 October 2022 in Riga.\n\n"
    text = block * (20_000 // len(block) + 50)
    result = extract(DocumentText(path="dump.txt", format="txt", text=text))
    assert result.warnings == ("only the first 20,000 characters were analysed",)
    (forum,) = result.events
    assert forum.title == "Baltic Energy Forum"
    assert all(end <= 20_000 for _, end in forum.spans)
