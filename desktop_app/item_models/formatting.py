"""How dates, phone numbers and source sentences read on screen (no Qt, no database)."""

from __future__ import annotations

import datetime as dt

import phonenumbers

APPROXIMATE = "date approximate"
_SENTENCE_ENDS = ".!?"
_MAX_CONTEXT = 280


def format_partial(day: dt.date | None, precision: str | None) -> str:
    """``15 June 2016``, ``June 2016`` or ``2016`` depending on what the source gave."""
    if day is None:
        return "Undated"
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day:%B} {day.year}"
    return f"{day.day} {day:%B} {day.year}"


def format_span(
    start: dt.date | None,
    start_precision: str | None,
    end: dt.date | None = None,
    end_precision: str | None = None,
) -> str:
    """A date or a date range at its precision: ``15–16 June 2016``, ``June 2016``."""
    if start is None:
        return "Undated"
    if end is None or end == start or (start_precision or "day") != "day":
        text = format_partial(start, start_precision)
        if (start_precision or "day") != "day":
            text += f" — {APPROXIMATE}"
        return text
    if (end_precision or "day") != "day":
        return f"{format_partial(start, 'day')} – {format_partial(end, end_precision)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B} {end.year}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B} {end.year}"
    return f"{format_partial(start, 'day')} – {format_partial(end, 'day')}"


def format_times(start: dt.time | None, end: dt.time | None) -> str:
    """``10:00–11:30``, ``10:00`` or an empty string."""
    if start is None:
        return ""
    return f"{start:%H:%M}" + (f"–{end:%H:%M}" if end else "")


def format_phone(value: str) -> str:
    """An E.164 number in international format for reading (``+32 2 287 70 00``)."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_phone(text: str) -> str:
    """A typed number as E.164 when it parses as a valid international number, else as typed."""
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return text.strip()
    if not phonenumbers.is_valid_number(number):
        return text.strip()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` begins and ends.

    Sentences end at ``.``/``!``/``?`` followed by white space, or at a line break; the
    context on either side is cut to a readable length.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = start
    floor = max(0, start - _MAX_CONTEXT)
    while left > floor:
        prev = text[left - 1]
        if prev == "\n" or (prev.isspace() and left >= 2 and text[left - 2] in _SENTENCE_ENDS):
            break
        left -= 1
    right = end
    ceiling = min(len(text), end + _MAX_CONTEXT)
    while right < ceiling:
        char = text[right]
        if char == "\n":
            break
        right += 1
        if char in _SENTENCE_ENDS and (right == len(text) or text[right].isspace()):
            break
    return left, right


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence holding ``text[start:end]`` as (before, found words, after) (see
    :func:`sentence_bounds`); "…" marks context that was cut."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left, right = sentence_bounds(text, start, end)
    before = text[left:start].lstrip()
    after = text[end:right].rstrip()
    if left == max(0, start - _MAX_CONTEXT) and left > 0:
        before = "…" + before
    if right == min(len(text), end + _MAX_CONTEXT) and right < len(text):
        after += "…"
    return before, text[start:end], after
