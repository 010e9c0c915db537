"""Dates, phone numbers and source sentences as the window shows them."""

from __future__ import annotations

import datetime as dt

from desktop_app.item_models.formatting import (
    format_partial,
    format_phone,
    format_span,
    normalise_phone,
    sentence_around,
)


def test_partial_dates_keep_their_precision() -> None:
    day = dt.date(1988, 6, 1)
    assert format_partial(day, "day") == "1 June 1988"
    assert format_partial(day, "month") == "June 1988"
    assert format_partial(day, "year") == "1988"
    assert format_partial(None, None) == "Undated"


def test_spans_read_naturally() -> None:
    assert (
        format_span(dt.date(1988, 6, 15), "day", dt.date(1988, 6, 16), "day") == "15–16 June 1988"
    )
    assert (
        format_span(dt.date(1988, 6, 30), "day", dt.date(1988, 7, 1), "day")
        == "30 June – 1 July 1988"
    )
    assert format_span(dt.date(1988, 6, 1), "month", dt.date(1988, 6, 30), "month") == (
        "June 1988 — date approximate"
    )


def test_phone_numbers_are_shown_in_international_format() -> None:
    assert format_phone("+3222870000") == "+32 2 287 00 00"
    assert format_phone("not a number") == "not a number"
    assert normalise_phone("+32 2 287 00 00") == "+3222870000"
    assert normalise_phone("ext. 12") == "ext. 12"


def test_sentence_around_a_span_stops_at_sentence_ends() -> None:
    text = "First sentence here. The panel meets Ada Quill today! Last one."
    start = text.index("Ada Quill")
    before, found, after = sentence_around(text, start, start + len("Ada Quill"))
    assert (before, found, after) == ("The panel meets ", "Ada Quill", " today!")


def test_sentence_around_stops_at_line_breaks_and_cuts_long_context() -> None:
    text = "Heading\nName: Ada Quill\nNext line"
    start = text.index("Ada")
    assert sentence_around(text, start, start + 3) == ("Name: ", "Ada", " Quill")
    long_text = "x" * 1000 + " Ada " + "y" * 1000
    start = long_text.index("Ada")
    before, found, after = sentence_around(long_text, start, start + 3)
    assert found == "Ada" and before.startswith("…") and after.endswith("…")
    assert len(before) + len(after) < 700
