"""The main-event corpus (importers/extract/corpus/main_event.txt) through extract."""

from __future__ import annotations

from importlib import resources

import pytest

from importers.extract import extract
from importers.records import DocumentText


def _cases() -> list[tuple[str, tuple[str, str | None, str | None]]]:
    text = (
        resources.files("importers.extract").joinpath("corpus", "main_event.txt").read_text("utf-8")
    )
    cases = []
    _header, *blocks = text.split("\n---\n")
    for block in blocks:
        document, _, expected = block.rpartition("\n=> ")
        title, start, end = (p.strip() for p in expected.split("|"))
        cases.append(
            (document + "\n", (title, None if start == "-" else start, None if end == "-" else end))
        )
    return cases


@pytest.mark.parametrize(
    ("document", "expected"), _cases(), ids=[expected[0] for _, expected in _cases()]
)
def test_main_event_corpus(document: str, expected: tuple[str, str | None, str | None]) -> None:
    result = extract(DocumentText(path="x.txt", format="txt", text=document))
    assert result.events, "no event found"
    event = result.events[0]
    found = (
        event.title,
        event.start.iso() if event.start else None,
        event.end.iso() if event.end else None,
    )
    assert found == expected
