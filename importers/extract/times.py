"""Times of day written in running text: "10:00–12:00 CET", "2 p.m.", "9am to 6pm", "17h30".

A small grammar: an hour, optional minutes (``:``, ``.`` or ``h`` between), an optional
meridiem (``am``, ``p.m.``), the words noon/midday/midnight, two of these joined by a dash or
"to"/"until" for a range, and an optional zone abbreviation after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from importers.records import Span

# Horizontal white space only: a time never continues on the next line.
S = r"[^\S\n]"

# Zone abbreviations mapped to IANA names. The central/eastern/western European abbreviations
# are kept as the IANA zones of the same name rather than guessed cities.
TIMEZONES: dict[str, str] = {
    "CET": "CET",
    "CEST": "CET",
    "EET": "EET",
    "EEST": "EET",
    "WET": "WET",
    "WEST": "WET",
    "UTC": "UTC",
    "GMT": "UTC",
    "BST": "Europe/London",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "JST": "Asia/Tokyo",
}

_TZ_NAMES = "|".join(sorted(TIMEZONES, key=len, reverse=True))


def _one(n: int) -> str:
    """One time of day; groups are suffixed with ``n`` so that a range can hold two."""
    return (
        rf"(?:(?P<h{n}>2[0-3]|[01]?[0-9])"
        rf"(?:(?P<sep{n}>[:.h])(?P<mi{n}>[0-5][0-9])|(?P<hh{n}>h(?:rs?)?)(?![a-z]))?"
        rf"(?![0-9])(?:{S}*(?P<ap{n}>[ap])\.?{S}?m(?![a-z])\.?)?"
        rf"|(?P<word{n}>noon|midday|midnight)(?![a-z]))"
    )


_DASH = rf"(?:{S}*[-–—]{S}*|{S}+(?:to|until|till|and){S}+)"
_TIME_RE = re.compile(
    rf"(?<![0-9A-Za-z:.,/\-]){_one(1)}(?:{_DASH}{_one(2)})?"
    rf"(?:{S}*(?P<tzo>\()?(?P<tz>(?-i:{_TZ_NAMES}))(?![A-Za-z])"
    rf"(?:{S}?(?P<off>[+-]){S}?(?P<offh>1[0-4]|0?[0-9])(?::?00)?(?![0-9]))?(?(tzo)\)))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeMention:
    """A time of day, or a range of two, with the zone when one was written."""

    span: Span
    start: time
    end: time | None
    timezone: str | None


def _part(m: re.Match[str], n: int) -> tuple[int, int, str | None, bool] | None:
    """(hour, minute, meridiem, bare) of one side, before the meridiem is applied."""
    word = m.group(f"word{n}")
    if word:
        return (0, 0, None, False) if word.lower() == "midnight" else (12, 0, None, False)
    hour_text = m.group(f"h{n}")
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute = int(m.group(f"mi{n}") or 0)
    ap = m.group(f"ap{n}")
    ap = ap.lower() if ap else None
    sep = m.group(f"sep{n}")
    if ap is not None and not 1 <= hour <= 12:
        return None
    # "10.30" without am/pm is more often a number than a time.
    if sep == "." and ap is None:
        return None
    bare = m.group(f"mi{n}") is None and m.group(f"hh{n}") is None and ap is None
    return hour, minute, ap, bare


def _apply(hour: int, minute: int, ap: str | None) -> time:
    if ap == "a":
        hour = 0 if hour == 12 else hour
    elif ap == "p":
        hour = 12 if hour == 12 else hour + 12
    return time(hour, minute)


def zone_name(abbreviation: str, sign: str | None = None, hours: str | None = None) -> str | None:
    """IANA name for a written zone; "UTC+2" gives "Etc/GMT-2" (the Etc names invert the sign)."""
    name = TIMEZONES.get(abbreviation.upper())
    if name is None:
        return None
    if sign and hours is not None:
        if name != "UTC":
            return name
        offset = int(hours)
        if offset == 0:
            return "UTC"
        return f"Etc/GMT{'-' if sign == '+' else '+'}{offset}"
    return name


def _mention(m: re.Match[str]) -> TimeMention | None:
    first = _part(m, 1)
    if first is None:
        return None
    second = _part(m, 2) if m.group("h2") is not None or m.group("word2") else None
    tz = m.group("tz")
    timezone = zone_name(tz, m.group("off"), m.group("offh")) if tz else None
    h1, m1, ap1, bare1 = first
    if second is None:
        if bare1:
            return None
        return TimeMention((m.start(), m.end()), _apply(h1, m1, ap1), None, timezone)
    h2, m2, ap2, bare2 = second
    if bare2:
        if bare1:
            return None
        # "10:00 - 5 people": keep the first side alone.
        first_end = max(m.end(g) for g in ("h1", "mi1", "hh1", "ap1", "word1"))
        return TimeMention((m.start(), first_end), _apply(h1, m1, ap1), None, None)
    end = _apply(h2, m2, ap2)
    if ap1 is None and ap2 is not None and 1 <= h1 <= 12:
        # "9 to 11 a.m.", "11 to 2 p.m.": the first side borrows the meridiem that fits.
        start = _apply(h1, m1, ap2)
        if start > end:
            start = _apply(h1, m1, "a")
    else:
        start = _apply(h1, m1, ap1)
    return TimeMention((m.start(), m.end()), start, end, timezone)


def find_times(text: str) -> list[TimeMention]:
    """Times of day in text order: "10:00–12:00 CET", "2 p.m.", "9am to 6pm", "noon", "17h30".

    A bare number ("at 5") is not taken as a time unless it starts a range whose other side is
    a clear time ("9 to 11 a.m."). The span covers the zone when one follows.
    """
    found: list[TimeMention] = []
    for m in _TIME_RE.finditer(text):
        try:
            mention = _mention(m)
        except ValueError:
            continue
        if mention is not None:
            found.append(mention)
    return found
