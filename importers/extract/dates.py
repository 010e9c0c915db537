"""Dates written in running text, found with a grammar of day, month, year and weekday parts.

Each form ("15-16 June", "June 30 – July 2, 2019", "Thursday (16/6)", "in May", "since 1951",
"next Tuesday", ...) is one regular expression assembled from the same parts, compiled once.
All forms are matched, overlaps are settled leftmost-longest, and a day or month written
without a year gets one from, in order: its own range, its sentence, its line, its blank-line
block, the reference date, the document's most frequent year. A mention that gets no year, or
that is not a calendar date, is left out: nothing is invented.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time, timedelta

from importers.extract.times import TimeMention, find_times, zone_name
from importers.records import PartialDate, Span

__all__ = ["DateMention", "TimeMention", "find_dates", "find_times", "is_us_style"]

# ---------------------------------------------------------------------------------------------
# Vocabulary

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
# Nouns and units that make a four-digit number a count rather than a year.
COUNT_WORDS = (
    "people|persons?|participants?|delegates?|attendees?|members?|states?|countries|country|"
    "surveys?|migrants?|refugees?|millions?|billions?|thousands?|hundreds?|km|kilomet[er]{2}s?|"
    "miles?|metres?|meters?|euros?|dollars?|usd|eur|chf|gbp|tons?|tonnes?|households?|"
    "children|women|men|workers?|students?|cases|jobs|projects?|hours|minutes|employees?|"
    "staff|beneficiaries|respondents?|signatures?|visitors?|copies|units|pages|words|times"
)
# Words before a bare month name that make it a date: "in May", "mid-March", "of March".
MONTH_CONTEXT = (
    "in|of|since|until|till|during|by|from|before|after|throughout|through|between|early|late|"
    "mid|next|last|this|coming|and|or|to|each|every"
)
# Words before a four-digit number that make it a year: "since 1951", "in 2014".
YEAR_CONTEXT = (
    "in|since|until|till|by|from|during|before|after|of|circa|year|early|late|mid|spring|summer|"
    "autumn|fall|winter|throughout|between|around|and|or|through|for"
)

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}

# ---------------------------------------------------------------------------------------------
# Grammar parts

S = r"[^\S\n]"  # horizontal white space: an expression never continues on the next line
_FULL_MONTH = "|".join(MONTHS)
_ABBR_MONTH = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
_FULL_WEEKDAY = "|".join(WEEKDAYS)
_ABBR_WEEKDAY = "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
_DAY_NUMBER = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
# Before a day number: not the tail of another number, time or numeric date.
_DAY_START = r"(?<![0-9.,:/+\-])"
_DASH = rf"(?:{S}*[-–—‑−]{S}*|{S}+(?:to|until|till|through|thru|and){S}+|{S}*&{S}*)"


def _month(name: str, glued: bool = False) -> str:
    """A month name, full or abbreviated with an optional dot.

    ``glued`` also accepts a full name run into a following lowercase word, as scraped pages
    have it ("1 Julydiscussing"); only used after a day number, where it is unambiguous.
    """
    alternatives = [
        rf"(?:{_FULL_MONTH})(?![a-z])",
        rf"(?:{_ABBR_MONTH})(?:\.|(?![a-z]))",
    ]
    if glued:
        alternatives.append(rf"(?:{_FULL_MONTH})(?=(?-i:[a-z]))")
    return rf"(?<![a-z])(?P<{name}>{'|'.join(alternatives)})"


def _day(name: str) -> str:
    """A day of the month with an optional ordinal suffix: "1", "01", "1st", "23rd"."""
    return rf"(?P<{name}>{_DAY_NUMBER})(?:st|nd|rd|th)?(?![a-z0-9])"


def _year(name: str) -> str:
    """A four-digit year 1900..2100 that is not a count ("2000 people") nor a decimal."""
    return (
        rf"(?P<{name}>19[0-9][0-9]|20[0-9][0-9]|2100)"
        rf"(?![0-9%]|[.,][0-9]|{S}*(?:{COUNT_WORDS})(?![a-z]))"
    )


def _year_suffix(name: str) -> str:
    return rf"(?:{S}*,?{S}*{_year(name)})?"


def _weekday(name: str, abbreviated: bool = True) -> str:
    alternatives = [rf"(?:{_FULL_WEEKDAY})(?![a-z])"]
    if abbreviated:
        alternatives.append(rf"(?:{_ABBR_WEEKDAY})(?:\.|(?![a-z]))")
    return rf"(?<![a-z])(?P<{name}>{'|'.join(alternatives)})"


def _weekday_prefix(name: str) -> str:
    """ "Friday ", "Monday, ", "Friday the " before a day."""
    return rf"(?:{_weekday(name)}{S}*,?{S}*(?:the{S}+)?)?"


_OF = rf"(?:{S}+of)?{S}+"
_NOT_BEFORE_DAY = rf"(?!{S}*{_DAY_NUMBER})"

_FORMS: list[tuple[str, str]] = [
    (
        "iso",
        r"(?<![0-9])(?P<y>19[0-9][0-9]|20[0-9][0-9]|2100)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])"
        r"(?P=sep)(?P<d>3[01]|[12][0-9]|0?[1-9])"
        r"(?:[T ](?P<hh>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?"
        r"(?P<z>Z|[+-][0-9][0-9]:?[0-9][0-9])?)?(?![0-9])",
    ),
    (
        "dmy_dmy",  # "15 June – 2 July 2019"
        rf"{_weekday_prefix('w1')}{_DAY_START}{_day('d1')}{_OF}{_month('m1')}{_year_suffix('y1')}"
        rf"{_DASH}{_weekday_prefix('w2')}{_day('d2')}{_OF}{_month('m2', True)}"
        rf"{_year_suffix('y2')}",
    ),
    (
        "mdy_mdy",  # "June 30 – July 2, 2019"
        rf"{_weekday_prefix('w1')}{_month('m1')}{S}*{_day('d1')}{_year_suffix('y1')}"
        rf"{_DASH}{_weekday_prefix('w2')}{_month('m2')}{S}*{_day('d2')}{_year_suffix('y2')}",
    ),
    (
        "dd_m",  # "15-16 June", "from 11 to 15 September 2017", "1st–3rd March 2020"
        rf"{_weekday_prefix('w1')}{_DAY_START}{_day('d1')}{_DASH}{_weekday_prefix('w2')}"
        rf"{_day('d2')}{_OF}{_month('m1', True)}{_year_suffix('y1')}",
    ),
    (
        "m_dd",  # "June 15-16, 2019", "Jan. 12-14, 2007"
        rf"{_weekday_prefix('w1')}{_month('m1')}{S}*{_day('d1')}{_DASH}{_day('d2')}"
        rf"{_year_suffix('y1')}",
    ),
    (
        "dm",  # "Friday 30 June", "30th of June 2017", "1 Julydiscussing"
        rf"{_weekday_prefix('w1')}{_DAY_START}{_day('d1')}{_OF}{_month('m1', True)}"
        rf"{_year_suffix('y1')}",
    ),
    (
        "md",  # "Friday, November 30", "THURSDAY, JAN. 11", "June 30th, 2019"
        rf"{_weekday_prefix('w1')}{_month('m1')}{S}*{_day('d1')}{_year_suffix('y1')}",
    ),
    (
        "numeric",  # "(15/6)", "Thursday (16/6)", "15/06/2016", "15.06.2016", "tomorrow (15/6)"
        rf"(?:(?:{_weekday('w1')}|(?<![a-z])(?P<rel>today|tonight|tomorrow|yesterday)(?![a-z])"
        rf"|(?<![a-z])(?P<on>on)){S}*,?{S}*)?(?P<open>\({S}*)?(?<![0-9./\-])"
        r"(?P<a>[0-9][0-9]?)(?P<sep>[/.\-])(?P<b>[0-9][0-9]?)"
        r"(?:(?P=sep)(?P<y>19[0-9][0-9]|20[0-9][0-9]|2100|[0-9][0-9]))?"
        rf"(?![0-9]|[./\-][0-9])(?(open){S}*\))",
    ),
    (
        "month_range",  # "May–June 2019", "between May and July"
        rf"(?:(?<![a-z])(?P<ctx>{MONTH_CONTEXT})(?:{S}|-)+)?{_month('m1')}{_DASH}"
        rf"{_month('m2')}{_NOT_BEFORE_DAY}{_year_suffix('y1')}",
    ),
    (
        "month",  # "in May", "May 2022", "mid-March", "of March 2006"
        rf"(?:(?<![a-z])(?P<ctx>{MONTH_CONTEXT})(?:{S}+the{S}+month{S}+of)?(?:{S}|-)+)?"
        rf"{_month('m1')}{_NOT_BEFORE_DAY}{_year_suffix('y1')}",
    ),
    (
        "weekday",  # "on Thursday", "next Tuesday", "this Friday"
        rf"(?<![a-z])(?P<mod>on|next|this|last|coming|past|from|until|till|by|before|after|since)"
        rf"{S}+{_weekday('w1', abbreviated=False)}",
    ),
    (
        "relative",  # "today", "tomorrow", "this week", "next weekend", "last month"
        rf"(?<![a-z])(?P<rel>today(?!['’]s)|tonight|tomorrow|yesterday|"
        rf"(?P<mod>this|next|last|coming){S}+(?P<unit>weekend|week|month|year))(?![a-z])",
    ),
    (
        "year",  # "in 2014", "since 1951", "(2005)", "2012–2020"
        rf"(?:(?<![a-z])(?P<ctx>{YEAR_CONTEXT}){S}+(?:the{S}+(?:year{S}+)?)?|(?P<open>\(){S}*)?"
        rf"(?<![0-9.,/:\-]){_year('y1')}"
        rf"(?:(?:{S}*[-–—]{S}*|{S}+(?:to|until|till|through|and){S}+){_year('y2')})?"
        rf"(?(open){S}*\))",
    ),
]
_PATTERNS = [(name, re.compile(source, re.IGNORECASE)) for name, source in _FORMS]
_PRIORITY = {name: i for i, (name, _) in enumerate(_FORMS)}

# A cheap test that rules out texts without anything date-like at all.
_ANY = re.compile(
    rf"[0-9]|(?<![a-z])(?:{_FULL_MONTH}|{_ABBR_MONTH}|{_FULL_WEEKDAY}|today|tonight|tomorrow|"
    r"yesterday|week|month|year)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z])|\n")
_BLOCK_END = re.compile(r"\n[^\S\n]*\n")
_YEAR_AFTER = re.compile(rf"{S}*(?:[.,;:!?)\]\"”’'–—-]|$)", re.MULTILINE)
_GAP_AFTER = re.compile(
    rf"{S}*[,(]?{S}*(?:(?:at|from|between|starting{S}+at|beginning{S}+at|starts{S}+at|"
    rf"begins{S}+at|opening{S}+at|@|,)(?:{S}|\()*)?",
    re.IGNORECASE,
)
_GAP_BEFORE = re.compile(rf"{S}*,?{S}*(?:on{S}+)?", re.IGNORECASE)
_MAX_GAP = 30

# ---------------------------------------------------------------------------------------------
# Public values


@dataclass(frozen=True)
class DateMention:
    """One date expression: a day, a range of days, a month or a year, at the precision written.

    ``span`` covers the whole expression including a time attached to it ("Friday 30 June at
    5:40 pm"); leading words that only signal a date ("on", "in", "from") are outside it.
    ``kind`` is "range" for a range of days, "day", "numeric", "iso", "weekday" (resolved from a
    weekday name alone), "relative", "month" (one month or a range of months) or "year" (one
    year or a range of years).
    """

    span: Span
    start: PartialDate
    end: PartialDate
    kind: str
    explicit_year: bool
    start_time: time | None = None
    end_time: time | None = None
    timezone: str | None = None


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    priority: int
    month: int | None = None
    day: int | None = None
    year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    end_year: int | None = None
    weekday: int | None = None
    mod: str | None = None
    relative: str | None = None  # a relative word; "today" etc. or "week", "month", ...
    order: str | None = None  # "dmy" or "mdy" for the US-style vote
    numeric: tuple[int, int] | None = None  # the two parts of a numeric date, unresolved
    explicit_year: bool = False
    start_time: time | None = None
    timezone: str | None = None
    resolved: tuple[PartialDate, PartialDate] | None = None


# ---------------------------------------------------------------------------------------------
# Matching


def _month_number(token: str) -> int:
    key = token.casefold().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    if key in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[key]
    # a full name run into the next word: "Julydiscussing"
    for name, number in MONTHS.items():
        if key.startswith(name):
            return number
    raise KeyError(token)


def _weekday_number(token: str) -> int:
    key = token.casefold().rstrip(".")
    return WEEKDAYS[key] if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS[key]


def _plausible(month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= _DAYS_IN_MONTH[month - 1])


def _is_word_month(token: str) -> bool:
    """ "may" in lowercase is the verb; "march"/"august" in lowercase are ordinary words."""
    return token.islower() and token.casefold().rstrip(".") in ("may", "march", "august")


def _int(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value is not None else None


def _two_digit_year(value: int, today: date) -> int:
    century = 2000 if value <= today.year % 100 + 10 else 1900
    return century + value


def _build(name: str, m: re.Match[str], text: str, today: date) -> _Candidate | None:
    groups = m.groupdict()
    priority = _PRIORITY[name]
    if name == "iso":
        c = _Candidate(m.start(), m.end(), "iso", priority, _int(m, "m"), _int(m, "d"))
        c.year = _int(m, "y")
        c.explicit_year = True
        if groups["hh"] is not None:
            c.start_time = time(int(groups["hh"]), int(groups["mi"]))
            z = groups["z"]
            if z == "Z":
                c.timezone = "UTC"
            elif z and z[3:].strip(":") == "00":
                c.timezone = zone_name("UTC", z[0], z[1:3])
        return c if _plausible(c.month or 0, c.day) else None

    if name == "numeric":
        a, b = int(groups["a"]), int(groups["b"])
        sep, y = groups["sep"], groups["y"]
        if y is None:
            if sep != "/" or not (groups["open"] or groups["w1"] or groups["on"] or groups["rel"]):
                return None
            if (a, b) == (24, 7):
                return None
        elif sep != "/" and len(y) != 4:
            return None
        if not (_plausible(b, a) or _plausible(a, b)):
            return None
        start = m.start("w1") if groups["w1"] else m.start("rel") if groups["rel"] else None
        if start is None:
            start = m.start("open") if groups["open"] else m.start("a")
        c = _Candidate(start, m.end(), "numeric", priority, numeric=(a, b))
        if groups["w1"]:
            c.weekday = _weekday_number(groups["w1"])
        if groups["rel"]:
            c.relative = groups["rel"].lower()
        if y is not None:
            c.year = int(y) if len(y) == 4 else _two_digit_year(int(y), today)
            c.explicit_year = True
        if a > 12:
            c.order = "dmy"
        elif b > 12:
            c.order = "mdy"
        return c

    if name == "weekday":
        mod = groups["mod"].lower()
        start = m.start() if mod in ("next", "this", "last", "coming", "past") else m.start("w1")
        c = _Candidate(start, m.end(), "weekday", priority, mod=mod)
        c.weekday = _weekday_number(groups["w1"])
        return c

    if name == "relative":
        c = _Candidate(m.start(), m.end(), "relative", priority)
        if groups["unit"]:
            c.mod, c.relative = groups["mod"].lower(), groups["unit"].lower()
        else:
            c.relative = groups["rel"].lower()
        return c

    if name == "year":
        y1 = int(groups["y1"])
        y2 = _int(m, "y2")
        if y2 is not None and not (y1 < y2 <= y1 + 100):
            return None
        if not (groups["ctx"] or groups["open"] or y2 is not None):
            # a bare year only at the end of a phrase: "... Days” 2016", "(in Geneva, 2016)."
            if not _YEAR_AFTER.match(text, m.end("y1")):
                return None
        end = m.end("y2") if y2 is not None else m.end("y1")
        c = _Candidate(m.start("y1"), end, "year", priority, year=y1, end_year=y2 or y1)
        c.explicit_year = True
        return c

    # Forms with month names.
    m1 = groups["m1"]
    month = _month_number(m1)
    y1 = _int(m, "y1")
    if name in ("month", "month_range"):
        if groups["m1"].lower() == "may" and groups["m1"].islower():
            return None
        if y1 is None and (not groups["ctx"] or _is_word_month(m1)):
            return None
        if groups["ctx"] and not groups["ctx"].islower() and y1 is None:
            # "And May" at a sentence start is no context; "In May" is.
            if groups["ctx"].lower() not in ("in", "since", "until", "during", "by", "from"):
                return None
        c = _Candidate(m.start("m1"), m.end(), "month", priority, month=month)
        c.end_month = month
        if name == "month_range":
            m2 = groups["m2"]
            if _is_word_month(m2):
                return None
            c.end_month = _month_number(m2)
            if c.end_month == month:
                return None
        if y1 is not None:
            c.year = y1
            c.explicit_year = True
            if c.end_month is not None and c.end_month < month:
                c.year = y1 - 1
            c.end_year = y1
        return c

    if m1.lower() == "may" and m1.islower():
        return None
    d1 = int(groups["d1"])
    w1 = groups.get("w1")
    start = m.start("w1") if w1 else min(m.start("d1"), m.start("m1"))
    c = _Candidate(start, m.end(), "day", priority, month=month, day=d1)
    if w1:
        c.weekday = _weekday_number(w1)
    c.order = "mdy" if name in ("md", "m_dd", "mdy_mdy") else "dmy"
    if name in ("dmy_dmy", "mdy_mdy"):
        c.kind = "range"
        c.end_month, c.end_day = _month_number(groups["m2"]), int(groups["d2"])
        y2 = _int(m, "y2")
        if not (_plausible(month, d1) and _plausible(c.end_month, c.end_day)):
            return None
        wrap = (c.end_month, c.end_day) < (month, d1)
        if y1 is not None and y2 is not None:
            if (y2, c.end_month, c.end_day) <= (y1, month, d1):
                return None
            c.year, c.end_year = y1, y2
        elif y2 is not None:
            c.year, c.end_year = y2 - wrap, y2
        elif y1 is not None:
            c.year, c.end_year = y1, y1 + wrap
        elif (c.end_month, c.end_day) == (month, d1):
            return None
        c.explicit_year = y1 is not None or y2 is not None
        return c
    if name in ("dd_m", "m_dd"):
        d2 = int(groups["d2"])
        if d2 <= d1:
            return None
        c.kind = "range"
        c.end_month, c.end_day = month, d2
        if not _plausible(month, d2):
            return None
    else:
        c.end_month, c.end_day = month, d1
    if not _plausible(month, d1):
        return None
    if y1 is not None:
        c.year = c.end_year = y1
        c.explicit_year = True
    return c


def _candidates(text: str, today: date) -> list[_Candidate]:
    """Every form's matches, then leftmost-longest without overlaps."""
    found: list[_Candidate] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            try:
                c = _build(name, m, text, today)
            except (KeyError, ValueError, IndexError):
                continue
            if c is not None and c.start < c.end:
                found.append(c)
    found.sort(key=lambda c: (c.start, -c.end, c.priority))
    chosen: list[_Candidate] = []
    last_end = -1
    for c in found:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


def _us_votes(candidates: list[_Candidate]) -> bool:
    us = sum(1 for c in candidates if c.order == "mdy")
    eu = sum(1 for c in candidates if c.order == "dmy")
    return us > eu


def is_us_style(text: str) -> bool:
    """True when the document clearly writes month-first.

    Month-first expressions ("June 15, 2019", "Jan. 12-14") and numeric dates whose second part
    exceeds 12 count for; day-first expressions ("15 June") and numeric dates whose first part
    exceeds 12 count against. Ties, and texts without either, are day-first.
    """
    try:
        return _us_votes(_candidates(text, date.today()))
    except RecursionError:  # pragma: no cover - regular expressions of this size do not recurse
        return False


# ---------------------------------------------------------------------------------------------
# Years


class _Layout:
    """Sentence, line and block numbers of character offsets."""

    def __init__(self, text: str) -> None:
        self.sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.lines = [i for i, ch in enumerate(text) if ch == "\n"]
        self.blocks = [m.end() for m in _BLOCK_END.finditer(text)]

    def keys(self, offset: int) -> tuple[int, int, int]:
        return (
            bisect.bisect_right(self.sentences, offset),
            bisect.bisect_right(self.lines, offset),
            bisect.bisect_right(self.blocks, offset),
        )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_matches(c: _Candidate, year: int) -> bool:
    if c.weekday is None or c.day is None or c.month is None:
        return True
    d = _safe_date(year, c.month, c.day)
    return d is not None and d.weekday() == c.weekday


def _near_reference(c: _Candidate, reference: date) -> int | None:
    """The year that puts month/day closest to the reference, preferring a matching weekday."""
    assert c.month is not None
    options: list[tuple[int, int]] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = _safe_date(year, c.month, c.day or 15)
        if d is None:
            continue
        distance = abs((d - reference).days)
        if distance <= 200 or not options:
            options.append((distance, year))
    if not options:
        return None
    options.sort()
    for _, year in options:
        if _weekday_matches(c, year):
            return year
    return options[0][1]


def _check_weekday(c: _Candidate, year: int) -> int:
    for candidate in (year, year - 1, year + 1):
        if _weekday_matches(c, candidate):
            return candidate
    return year


def _latest_matching_year(c: _Candidate, today: date) -> int | None:
    if c.weekday is None or c.day is None or c.month is None:
        return None
    for year in range(today.year, 1989, -1):
        d = _safe_date(year, c.month, c.day)
        if d is not None and d <= today and d.weekday() == c.weekday:
            return year
    return None


def _assign_years(
    text: str, candidates: list[_Candidate], reference: date | None, today: date
) -> None:
    pending = [c for c in candidates if c.year is None and c.month is not None]
    if not pending:
        return
    layout = _Layout(text)
    stated = [c for c in candidates if c.explicit_year and c.year is not None]
    stated_keys = [(c.start, layout.keys(c.start), c.year) for c in stated]
    counts = Counter(c.year for c in stated)
    dominant = max(counts, key=lambda y: (counts[y], y)) if counts else None
    for c in pending:
        keys = layout.keys(c.start)
        year: int | None = None
        for level in range(3):
            near = [
                (abs(pos - c.start), pos > c.start, y)
                for pos, k, y in stated_keys
                if k[level] == keys[level]
            ]
            if near:
                year = _check_weekday(c, min(near)[2])
                break
        if year is None and reference is not None:
            year = _near_reference(c, reference)
        if year is None and dominant is not None:
            year = _check_weekday(c, dominant)
        if year is None:
            year = _latest_matching_year(c, today)
        if year is None:
            continue
        c.year = year
        if c.end_month is not None:
            wrap = (c.end_month, c.end_day or 0) < (c.month, c.day or 0)
            c.end_year = year + wrap
        else:
            c.end_year = year


# ---------------------------------------------------------------------------------------------
# Weekdays and relative words


def _week_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _weekday_from(anchor: date, weekday: int, mod: str | None) -> date:
    if mod == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if mod in ("last", "past"):
        return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    if mod in ("this", "coming"):
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    # "on Thursday": the nearest one, three days either way.
    return anchor + timedelta(days=(weekday - anchor.weekday() + 3) % 7 - 3)


def _relative_range(c: _Candidate, reference: date) -> tuple[PartialDate, PartialDate]:
    word = c.relative or ""
    if word in _RELATIVE_DAYS:
        d = PartialDate.from_date(reference + timedelta(days=_RELATIVE_DAYS[word]))
        return d, d
    step = {"this": 0, "coming": 1, "next": 1, "last": -1}.get(c.mod or "", 0)
    if word == "week":
        monday = _week_of(reference) + timedelta(days=7 * step)
        return PartialDate.from_date(monday), PartialDate.from_date(monday + timedelta(days=6))
    if word == "weekend":
        saturday = _week_of(reference) + timedelta(days=5 + 7 * step)
        return PartialDate.from_date(saturday), PartialDate.from_date(saturday + timedelta(days=1))
    if word == "month":
        index = reference.year * 12 + reference.month - 1 + step
        p = PartialDate(index // 12, index % 12 + 1)
        return p, p
    p = PartialDate(reference.year + step)
    return p, p


def _resolve_relative(candidates: list[_Candidate], reference: date | None) -> None:
    if reference is None:
        # "today (18/05)", "tomorrow (15/6)": the explicit date tells what day the text is from.
        for c in candidates:
            if c.kind == "numeric" and c.relative and c.resolved:
                day = c.resolved[0].first_day()
                reference = day - timedelta(days=_RELATIVE_DAYS.get(c.relative, 0))
                break
    anchors = [c for c in candidates if c.resolved and c.kind in ("range", "day", "numeric", "iso")]
    starts = [c.start for c in anchors]
    for c in candidates:
        if c.kind == "relative" and reference is not None:
            c.resolved = _relative_range(c, reference)
        elif c.kind == "weekday" and c.weekday is not None:
            if reference is not None:
                d = _weekday_from(reference, c.weekday, c.mod)
            else:
                i = bisect.bisect_left(starts, c.start) - 1
                if i < 0:
                    continue
                anchor = anchors[i]
                assert anchor.resolved is not None
                first = anchor.resolved[0].first_day()
                last = anchor.resolved[1].last_day()
                d = _weekday_from(first, c.weekday, c.mod)
                if c.mod not in ("next", "last", "past"):
                    within = [
                        first + timedelta(days=k)
                        for k in range(min((last - first).days, 13) + 1)
                        if (first + timedelta(days=k)).weekday() == c.weekday
                    ]
                    d = within[0] if within else _week_of(first) + timedelta(days=c.weekday)
            c.resolved = (PartialDate.from_date(d), PartialDate.from_date(d))


# ---------------------------------------------------------------------------------------------
# Putting it together


def _resolve_numeric(c: _Candidate, us_style: bool) -> bool:
    assert c.numeric is not None
    a, b = c.numeric
    if a > 12 or not (us_style or b > 12):
        day, month = a, b
    else:
        month, day = a, b
    if not _plausible(month, day):
        return False
    c.month, c.day, c.end_month, c.end_day = month, day, month, day
    return True


def _close(c: _Candidate) -> tuple[PartialDate, PartialDate] | None:
    """Start and end at the written precision, if both are real calendar dates."""
    if c.year is None:
        return None
    start = PartialDate(c.year, c.month, c.day if c.month is not None else None)
    end_year = c.end_year if c.end_year is not None else c.year
    end_month = None
    end_day = None
    if c.month is not None:
        end_month = c.end_month if c.end_month is not None else c.month
        if c.day is not None:
            end_day = c.end_day if c.end_day is not None else c.day
    end = PartialDate(end_year, end_month, end_day)
    if start.first_day() > end.first_day():
        return None
    start.last_day()
    end.last_day()
    return start, end


def _attach_times(text: str, mentions: list[DateMention]) -> list[DateMention]:
    times = find_times(text)
    if not times:
        return mentions
    starts = [t.span[0] for t in times]
    used: set[int] = set()
    out: list[DateMention] = []
    for i, mention in enumerate(mentions):
        if mention.start_time is not None or mention.start.precision != "day":
            out.append(mention)
            continue
        begin, end = mention.span
        chosen: int | None = None
        j = bisect.bisect_left(starts, end)
        limit = mentions[i + 1].span[0] if i + 1 < len(mentions) else len(text)
        if j < len(times) and times[j].span[1] <= limit and j not in used:
            gap = text[end : times[j].span[0]]
            if len(gap) <= _MAX_GAP and _GAP_AFTER.fullmatch(gap):
                chosen = j
        if chosen is None and j > 0 and (j - 1) not in used:
            previous_end = mentions[i - 1].span[1] if i else 0
            t = times[j - 1]
            if t.span[1] <= begin and t.span[0] >= previous_end:
                gap = text[t.span[1] : begin]
                if len(gap) <= _MAX_GAP and _GAP_BEFORE.fullmatch(gap):
                    chosen = j - 1
        if chosen is None:
            out.append(mention)
            continue
        used.add(chosen)
        t = times[chosen]
        out.append(
            DateMention(
                (min(begin, t.span[0]), max(end, t.span[1])),
                mention.start,
                mention.end,
                mention.kind,
                mention.explicit_year,
                t.start,
                t.end,
                t.timezone,
            )
        )
    return out


def find_dates(
    text: str, reference: date | None = None, us_style: bool | None = None
) -> list[DateMention]:
    """Every date expression in text, in text order, non-overlapping, years inferred.

    ``reference`` is the day the text was written, when known; it resolves "tomorrow", "next
    Tuesday" and the year of "30 June". ``us_style`` forces month-first numeric dates; None
    decides from the text (:func:`is_us_style`). Mentions that cannot be given a year, and
    dates that do not exist ("31 June"), are left out.
    """
    if not isinstance(text, str) or not _ANY.search(text):
        return []
    today = date.today()
    candidates = _candidates(text, today)
    if not candidates:
        return []
    if us_style is None:
        us_style = _us_votes(candidates)
    candidates = [c for c in candidates if c.numeric is None or _resolve_numeric(c, us_style)]
    _assign_years(text, candidates, reference, today)
    for c in candidates:
        if c.kind not in ("weekday", "relative"):
            try:
                c.resolved = _close(c)
            except ValueError:
                c.resolved = None
    _resolve_relative(candidates, reference)
    mentions = [
        DateMention(
            (c.start, c.end),
            c.resolved[0],
            c.resolved[1],
            c.kind,
            c.explicit_year,
            c.start_time,
            None,
            c.timezone,
        )
        for c in candidates
        if c.resolved is not None
    ]
    if not mentions:
        return []
    return _attach_times(text, mentions)
