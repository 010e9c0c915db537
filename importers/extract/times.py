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
    # North American zones written without standard/daylight ("2 p.m. ET")
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "AKST": "America/Anchorage",
    "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide",
    "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
    "SAST": "Africa/Johannesburg",
    "EAT": "Africa/Nairobi",
    "WAT": "Africa/Lagos",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "KST": "Asia/Seoul",
    "MSK": "Europe/Moscow",
}

_TZ_NAMES = "|".join(sorted(TIMEZONES, key=len, reverse=True))


def _clock(n: int) -> str:
    """A time written with digits; the hour is checked later. Groups are suffixed with ``n``."""
    return (
        rf"(?P<h{n}>[0-9][0-9]?)"
        rf"(?:(?P<sep{n}>[:.h])(?P<mi{n}>[0-5][0-9])(?::[0-5][0-9])?|(?P<hh{n}>h(?:rs?)?)(?![a-z]))?"
        rf"(?![0-9])(?:{S}*(?P<ap{n}>[ap])\.?{S}?m(?![a-z])\.?)?"
    )


def _word(n: int) -> str:
    return rf"(?P<word{n}>noon|midday|midnight)(?![a-z])"


_DASH = rf"(?:{S}*[-–—]{S}*|{S}+(?:to|until|till|and){S}+)"
_ZONE = (
    rf"(?:{S}*(?P<tzo>\()?(?P<tz>{_TZ_NAMES.lower()})(?![a-z])"
    rf"(?:{S}?(?P<off>[+-]){S}?(?P<offh>1[0-4]|0?[0-9])(?::?00)?(?![0-9]))?(?(tzo)\)))?"
)
# Two passes over a lowercased copy, each starting with a plain character class or word so
# that the engine can skip ahead quickly: times written with digits, and the words.
_TIME_PATTERNS = [
    re.compile(rf"(?P<t1>{first})(?:{_DASH}(?P<t2>{_clock(2)}|{_word(2)}))?{_ZONE}")
    for first in (_clock(1), _word(1))
]
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class TimeMention:
    """A time of day, or a range of two, with the zone when one was written."""

    span: Span
    start: time
    end: time | None
    timezone: str | None


def _part(g: dict[str, str | None], n: int) -> tuple[int, int, str | None, bool] | None:
    """(hour, minute, meridiem, bare) of one side, before the meridiem is applied."""
    word = g.get(f"word{n}")
    if word:
        return (0, 0, None, False) if word == "midnight" else (12, 0, None, False)
    hour_text = g.get(f"h{n}")
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute = int(g.get(f"mi{n}") or 0)
    ap = g.get(f"ap{n}")
    if hour > 23 or (ap is not None and not 1 <= hour <= 12):
        return None
    # "10.30" without am/pm is more often a number than a time.
    if g.get(f"sep{n}") == "." and ap is None:
        return None
    bare = g.get(f"mi{n}") is None and g.get(f"hh{n}") is None and ap is None
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


def _mention(m: re.Match[str], text: str) -> TimeMention | None:
    g = m.groupdict()
    first = _part(g, 1)
    if first is None:
        return None
    h1, m1, ap1, bare1 = first
    second = _part(g, 2) if g.get("h2") is not None or g.get("word2") else None
    if second is not None and second[3]:
        second = None  # "10:00 - 5 people": the first side alone
    if second is None:
        if bare1:
            return None
        end = m.end("t1")
        zone = _zone(m, text, end)
        return TimeMention((m.start(), m.end() if zone else end), _apply(h1, m1, ap1), None, zone)
    h2, m2, ap2, _ = second
    finish = _apply(h2, m2, ap2)
    if ap1 is None and ap2 is not None and 1 <= h1 <= 12:
        # "9 to 11 a.m.", "11 to 2 p.m.": the first side borrows the meridiem that fits.
        start = _apply(h1, m1, ap2)
        if start > finish:
            start = _apply(h1, m1, "a")
    else:
        start = _apply(h1, m1, ap1)
    end = m.end("t2")
    zone = _zone(m, text, end)
    return TimeMention((m.start(), m.end() if zone else end), start, finish, zone)


def _zone(m: re.Match[str], text: str, end: int) -> str | None:
    """The zone written right after the time, in capitals ("CET", not the word "cet")."""
    if m.group("tz") is None or m.start("tz") < end:
        return None
    if not text[m.start("tz") : m.end("tz")].isupper():
        return None
    return zone_name(m.group("tz"), m.group("off"), m.group("offh"))


def find_times(text: str) -> list[TimeMention]:
    """Times of day in text order: "10:00–12:00 CET", "2 p.m.", "9am to 6pm", "noon", "17h30".

    A bare number ("at 5") is not taken as a time unless it starts a range whose other side is
    a clear time ("9 to 11 a.m."). The span covers the zone when one follows.
    """
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_LOWER)
    return times_in(text, low)


def times_in(text: str, low: str) -> list[TimeMention]:
    """:func:`find_times` given a lowercased copy of text of the same length."""
    found: list[TimeMention] = []
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(low):
            i = m.start()
            if i and (low[i - 1].isalnum() or low[i - 1] in ":.,/-"):
                continue
            try:
                mention = _mention(m, text)
            except ValueError:
                continue
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda t: (t.span[0], -t.span[1]))
    kept: list[TimeMention] = []
    for mention in found:
        if not kept or mention.span[0] >= kept[-1].span[1]:
            kept.append(mention)
    return kept
