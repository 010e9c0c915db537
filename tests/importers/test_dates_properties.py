"""find_dates and find_times never raise and always return well-formed mentions."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.extract.dates import find_dates, find_times, is_us_style

# Pieces of the grammar, so that generated texts reach the date forms and not only noise.
PIECES = [
    "1",
    "15",
    "31",
    "30",
    "29",
    "0",
    "00",
    "12",
    "13",
    "99",
    "2016",
    "1899",
    "2100",
    "2101",
    "1st",
    "3rd",
    "June",
    "JUNE",
    "june",
    "Jan.",
    "Sept",
    "May",
    "may",
    "March",
    "Julyx",
    "Friday",
    "FRI.",
    "Thursday",
    "on",
    "in",
    "since",
    "the",
    "of",
    "next",
    "this",
    "last",
    "today",
    "tomorrow",
    "yesterday",
    "week",
    "weekend",
    "month",
    "year",
    "today's",
    "-",
    "–",
    "—",
    "/",
    ".",
    ",",
    "(",
    ")",
    ":",
    "to",
    "and",
    "until",
    "through",
    "&",
    "T",
    "Z",
    "+02:00",
    "10:00",
    "9",
    "am",
    "p.m.",
    "noon",
    "h",
    "CET",
    "UTC+2",
    "\n",
    "\n\n",
    "İ",
    "ſ",
    "K",
    "\u00a0",
    "١٢",
]
pieced = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", " ", "", "\n"])),
    max_size=40,
).map(lambda parts: "".join(p + sep for p, sep in parts))
texts = st.one_of(st.text(max_size=300), pieced)
references = st.one_of(st.none(), st.dates())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, references, st.one_of(st.none(), st.booleans()))
def test_find_dates_returns_ordered_valid_mentions(text: str, reference, us_style) -> None:
    mentions = find_dates(text, reference, us_style)
    previous_end = 0
    for m in mentions:
        start, end = m.span
        assert 0 <= start < end <= len(text)
        assert start >= previous_end, "mentions overlap or are out of order"
        previous_end = end
        assert m.start.first_day() <= m.end.last_day()
        assert m.start.first_day() <= m.end.first_day()
        assert m.start.precision == m.end.precision
        assert m.kind in {"range", "day", "numeric", "iso", "weekday", "relative", "month", "year"}
        if m.end_time is not None:
            assert m.start_time is not None


@settings(max_examples=150, deadline=None)
@given(texts)
def test_find_times_and_is_us_style_never_raise(text: str) -> None:
    for t in find_times(text):
        assert 0 <= t.span[0] < t.span[1] <= len(text)
    assert isinstance(is_us_style(text), bool)


def test_reference_at_the_edges_of_the_calendar() -> None:
    text = "Today, tomorrow, next week, last month, next year, on Friday, 30 June."
    for reference in (date.min, date.max, date(1, 1, 1), date(9999, 12, 31)):
        for m in find_dates(text, reference):
            assert m.start.first_day() <= m.end.last_day()
