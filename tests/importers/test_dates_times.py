"""Times of day: clock times, meridiems, words, ranges and zones."""

from __future__ import annotations

from datetime import time

import pytest

from importers.extract.dates import find_times


def times(text: str) -> list[tuple]:
    return [(text[t.span[0] : t.span[1]], t.start, t.end, t.timezone) for t in find_times(text)]


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "zone"),
    [
        ("Session 10:00–12:00 CET.", "10:00–12:00 CET", time(10), time(12), "CET"),
        ("Opens at 2 p.m. sharp", "2 p.m.", time(14), None, None),
        ("Dinner 9 p.m.", "9 p.m.", time(21), None, None),
        ("Coffee at 9:30 a.m. then", "9:30 a.m.", time(9, 30), None, None),
        ("Lunch at 12:15 p.m.", "12:15 p.m.", time(12, 15), None, None),
        ("Open 9am to 6pm daily", "9am to 6pm", time(9), time(18), None),
        ("Doors at 5:40 pm", "5:40 pm", time(17, 40), None, None),
        ("We break at noon.", "noon", time(12), None, None),
        ("Until midnight", "midnight", time(0), None, None),
        ("Début 17h30", "17h30", time(17, 30), None, None),
        ("Talks 9h-17h CEST", "9h-17h CEST", time(9), time(17), "CET"),
        ("from 9 to 11 a.m.", "9 to 11 a.m.", time(9), time(11), None),
        ("from 11 to 2 p.m.", "11 to 2 p.m.", time(11), time(14), None),
        ("noon to 2pm", "noon to 2pm", time(12), time(14), None),
        ("Call at 14:00 (UTC+2)", "14:00 (UTC+2)", time(14), None, "Etc/GMT-2"),
        ("Call at 14:00 GMT", "14:00 GMT", time(14), None, "UTC"),
        ("Call at 9:00 EST", "9:00 EST", time(9), None, "America/New_York"),
        ("Call at 12 am", "12 am", time(0), None, None),
    ],
)
def test_times_of_day(text: str, written: str, start: time, end: time | None, zone: str | None):
    assert times(text) == [(written, start, end, zone)]


@pytest.mark.parametrize(
    "text",
    [
        "It has 175 member states.",
        "Version 1.20 is out.",
        "at 5 people",
        "Results 25:00 and 13 pm",
        "In the afternoon",
        "Score 2:1",
        "Dated 2031-06-15T10:00",
    ],
)
def test_numbers_that_are_not_times(text: str):
    assert times(text) == []


def test_zone_word_in_lowercase_is_not_a_zone():
    assert times("at 10:00 est. arrival") == [("10:00", time(10), None, None)]


def test_range_whose_second_side_is_a_count_keeps_the_first_time():
    assert times("At 10:00 - 5 people came") == [("10:00", time(10), None, None)]
