"""Dates written in running text, found with a grammar of day, month, year and weekday parts.

Each form ("15-16 June", "June 30 – July 2, 2019", "Thursday (16/6)", "in May", "since 1962",
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

from importers.extract.times import TimeMention, find_times, times_in, zone_name
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
    # Spanish, French and Portuguese
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}  # fmt: skip
_ENGLISH_MONTHS = frozenset(list(MONTHS)[:12])
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
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
}  # fmt: skip
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
# Words before a four-digit number that make it a year: "since 1962", "in 2012".
YEAR_CONTEXT = (
    "in|since|until|till|by|from|during|before|after|of|circa|year|early|late|mid|spring|summer|"
    "autumn|fall|winter|throughout|between|around|and|or|through|for"
)

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}

# ---------------------------------------------------------------------------------------------
# Grammar parts
#
# The patterns run on a lowercased copy of the text (same length, so offsets hold) and
# each starts with its core token: a digit, a month name, a weekday name or a relative word.
# That lets the regular expression engine skip quickly to where a date can start; the words
# before the core ("Friday", "in", "on", "(") are looked up backwards from the match.

H = r"[^\S\n]"  # horizontal white space: an expression never continues on the next line
_FULL_WEEKDAY = "|".join(WEEKDAYS)
_ANY_WEEKDAY = "|".join([*WEEKDAYS, *sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True)])
_YEAR_NUMBER = r"(?:19[0-9][0-9]|20[0-9][0-9]|2100)"
_DASH = rf"(?:{H}*[-–—‑−]{H}*|{H}+(?:to|until|till|through|thru|and|al|au|y|e|et|a){H}+|{H}*&{H}*)"
# Between two dates of different months only words of a range join them: "15 June and 2 July"
# are two days, "15 June to 2 July" one stretch of them.
_SPAN_DASH = rf"(?:{H}*[-–—‑−]{H}*|{H}+(?:to|until|till|through|thru|al|au|a){H}+)"
_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
)  # str.lower() may change the length of non-ASCII text


def word_trie(words: list[str]) -> str:
    """An alternation of words factored by common prefixes ("jan(?:uary)?"), which the regular
    expression engine tries much faster than a flat list."""
    tree: dict[str, dict] = {}
    for word in sorted(set(words)):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(tree)})"


def _month(name: str, glued: bool = False) -> str:
    """A month name, full or abbreviated, with an optional dot (outside the group).

    ``glued`` also lets a month name run into a following word, as scraped pages have it
    ("1 Julydiscussing"); the match is kept only for a full name followed by a lowercase word.
    """
    after = rf"\.?(?![a-z])|(?P<{name}_glued>)(?=[a-z])" if glued else r"\.?(?![a-z])"
    return rf"(?P<{name}>{_MONTH_WORD})(?:{after})"


_MONTH_WORD = word_trie([*MONTHS, *MONTH_ABBREVIATIONS])


def _day(name: str) -> str:
    """A day of the month (checked later) with an optional ordinal suffix: "1", "01", "23rd"."""
    return rf"(?P<{name}>[0-9][0-9]?)(?![0-9])(?:st|nd|rd|th|er|º|ª)?(?![a-z0-9])"


def _year(name: str, number: str = _YEAR_NUMBER) -> str:
    """A four-digit year that is not a count ("2000 people") nor a decimal ("2031.5")."""
    return rf"(?P<{name}>{number})(?![0-9%]|[.,][0-9]|{H}*(?:{COUNT_WORDS})(?![a-z]))"


def _year_suffix(name: str) -> str:
    return rf"(?:{H}*,?{H}*(?:del?{H}+)?{_year(name)})?"


def _weekday_inside(name: str) -> str:
    """ "Saturday " before the second day of a range: "Friday 15 – Saturday 16 June"."""
    return rf"(?:(?P<{name}>{_ANY_WEEKDAY})\.?(?![a-z]){H}*,?{H}*(?:the{H}+)?)?"


_OF = rf"(?:{H}+(?:of|de))?{H}+"
_NOT_BEFORE_DAY = rf"(?!{H}*[0-9][0-9]?(?![0-9]))"

_FORMS: list[tuple[str, str]] = [
    (
        "iso",  # "2031-06-15", "2031-06-15T10:00"
        r"(?P<y>[12][0-9][0-9][0-9])(?P<sep>[-/.])(?P<m>[01]?[0-9])(?P=sep)(?P<d>[0-3]?[0-9])"
        r"(?:[t ](?P<hh>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?"
        r"(?P<z>z|[+-][0-9][0-9]:?[0-9][0-9])?)?(?![0-9])",
    ),
    (
        "dmy_dmy",  # "15 June – 2 July 2019"
        rf"{_day('d1')}{_OF}{_month('m1')}{_year_suffix('y1')}{_SPAN_DASH}"
        rf"{_weekday_inside('w2')}{_day('d2')}{_OF}{_month('m2', True)}{_year_suffix('y2')}",
    ),
    (
        "mdy_mdy",  # "June 30 – July 2, 2019"
        rf"{_month('m1')}{H}*{_day('d1')}{_year_suffix('y1')}{_SPAN_DASH}"
        rf"{_weekday_inside('w2')}{_month('m2')}{H}*{_day('d2')}{_year_suffix('y2')}",
    ),
    (
        "dd_m",  # "15-16 June", "11 to 15 September 2031", "1st–3rd March 2020"
        rf"{_day('d1')}{_DASH}{_weekday_inside('w2')}{_day('d2')}{_OF}{_month('m1', True)}"
        rf"{_year_suffix('y1')}",
    ),
    (
        "m_dd",  # "June 15-16, 2019", "Jan. 12-14, 2031"
        rf"{_month('m1')}{H}*{_day('d1')}{_DASH}{_day('d2')}{_year_suffix('y1')}",
    ),
    (
        "dm",  # "30 June", "30th of June 2031", "1 Julydiscussing"
        rf"{_day('d1')}{_OF}{_month('m1', True)}{_year_suffix('y1')}",
    ),
    (
        "md",  # "November 30", "JAN. 11", "June 30th, 2019"
        rf"{_month('m1')}{H}*{_day('d1')}{_year_suffix('y1')}",
    ),
    (
        "numeric",  # "15/6", "15/06/2031", "15.06.2031"
        r"(?P<a>[0-9][0-9]?)(?P<sep>[/.\-])(?P<b>[0-9][0-9]?)"
        rf"(?:(?P=sep)(?P<y>{_YEAR_NUMBER}|[0-9][0-9]))?(?![0-9]|[./\-][0-9])",
    ),
    (
        "month_range",  # "May–June 2019", "May and June"
        rf"{_month('m1')}{_DASH}{_month('m2')}{_NOT_BEFORE_DAY}{_year_suffix('y1')}",
    ),
    (
        "month",  # "May", "May 2031", "March 2032"
        rf"{_month('m1')}{_NOT_BEFORE_DAY}{_year_suffix('y1')}",
    ),
    (
        "weekday",  # "Thursday", when no day follows
        rf"(?P<w1>{_FULL_WEEKDAY})(?![a-z])(?!{H}*,?{H}*(?:the{H}+)?(?:[0-9]|\())",
    ),
    (
        "relative",  # "today", "tomorrow", "this week", "next weekend", "last month"
        r"(?P<rel>today(?!['’]s)|tonight|tomorrow|yesterday|"
        rf"(?P<mod>this|next|last|coming){H}+(?P<unit>weekend|week|month|year))(?![a-z])",
    ),
    (
        "year",  # "2031", "2012–2020"
        rf"{_year('y1', '[12][0-9][0-9][0-9]')}"
        rf"(?:(?:{H}*[-–—]{H}*|{H}+(?:to|until|till|through|and){H}+){_year('y2')}(?![-/.][0-9])"
        rf"|(?![-/.][0-9]))",
    ),
]
_PATTERNS = [(name, re.compile(source)) for name, source in _FORMS]
_PRIORITY = {name: i for i, (name, _) in enumerate(_FORMS)}
_BY_NAME = dict(_PATTERNS)
_MONTH_FORMS = ("mdy_mdy", "m_dd", "md", "month_range", "month")
_DIGIT_PATTERNS = [(n, p) for n, p in _PATTERNS if n not in (*_MONTH_FORMS, "weekday", "relative")]
_RELATIVE_WORDS = ("today", "tonight", "tomorrow", "yesterday", "this", "next", "last", "coming")
# Only where a word starts (the caller skips the rest): checking that first is cheaper than
# trying the words at every letter
_WORD_ANCHOR = re.compile(
    "(?<![a-z])"
    + word_trie([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *_RELATIVE_WORDS])
    + "(?![a-z])"
)

# Words looked up backwards from the start of a match; each ends at the match (\Z).
_WEEKDAY_BEFORE = re.compile(rf"(?P<w>{_ANY_WEEKDAY})\.?{H}*,?{H}*(?:the{H}+)?\Z")
_NUMERIC_BEFORE = re.compile(
    rf"(?:(?:(?<![a-z])(?P<w>{_ANY_WEEKDAY})\.?|(?P<rel>today|tonight|tomorrow|yesterday)|(?P<on>on))"
    rf"{H}*,?{H}*)?(?P<open>\({H}*)?\Z"
)
_MONTH_BEFORE = re.compile(
    rf"(?<![a-z])(?P<ctx>{word_trie(MONTH_CONTEXT.split('|'))})"
    rf"(?:{H}+the{H}+month{H}+of)?(?:{H}|-)+\Z"
)
_WEEKDAY_MOD_BEFORE = re.compile(
    rf"(?P<mod>on|next|this|last|coming|past|from|until|till|by|before|after|since|este|esta|el"
    rf"|próximo|proximo|pasado|ce|le|prochain|dernier){H}+\Z"
)
# Spanish and French words before a weekday, as their English equivalents
_MOD_EQUIVALENTS = {
    "este": "this", "esta": "this", "ce": "this", "el": "on", "le": "on", "próximo": "next",
    "proximo": "next", "prochain": "next", "pasado": "last", "dernier": "last",
}  # fmt: skip
_YEAR_BEFORE = re.compile(
    rf"(?:(?<![a-z])(?P<ctx>{word_trie(YEAR_CONTEXT.split('|'))}){H}+(?:the{H}+year{H}+)?"
    rf"|(?P<open>\(){H}*)\Z"
)
_NUMBERED_BEFORE = re.compile(
    rf"(?<![a-z])(?:day|session|room|panel|no\.?|number|week|phase|part|track|theme|table|hall){H}*\Z"
)
_DETERMINER_BEFORE = re.compile(rf"(?:the|a|an|this|that|its|their|our|his|her){H}+\Z")
_NEXT_WORD = re.compile(rf"{H}+([^\W\d_]+)")
_CLOSE_AFTER = re.compile(rf"{H}*\)")
_LOOK_BACK = 24

_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z]))")
_NEWLINE = re.compile("\n")
_BLOCK_END = re.compile(r"\n[^\S\n]*\n")
_YEAR_AFTER = re.compile(rf"{H}*(?:[.,;:!?)\]\"”’'–—-]|$)", re.MULTILINE)
_GAP_AFTER = re.compile(
    rf"{H}*[,(·|•]?{H}*(?:(?:at|from|between|starting{H}+at|beginning{H}+at|starts{H}+at|"
    rf"begins{H}+at|opening{H}+at|@|,)(?:{H}|\()*)?",
    re.IGNORECASE,
)
_GAP_BEFORE = re.compile(rf"{H}*,?{H}*(?:on{H}+)?", re.IGNORECASE)
_MAX_GAP = 30
_APPOSITION = re.compile(rf"{H}*[,(:–—-]?{H}*")

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
    # How much a stated year counts towards the document's year: a year inside a day or month
    # expression counts more than a year alone, and "since 1962" is history, not the date.
    weight: int = 2


# ---------------------------------------------------------------------------------------------
# Matching


def _month_number(token: str) -> int:
    key = token.casefold().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTH_ABBREVIATIONS[key]


def _weekday_number(token: str) -> int:
    key = token.casefold().rstrip(".")
    return WEEKDAYS[key] if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS[key]


def _plausible(month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= _DAYS_IN_MONTH[month - 1])


def _int(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value is not None else None


def _two_digit_year(value: int, today: date) -> int:
    century = 2000 if value <= today.year % 100 + 10 else 1900
    return century + value


class _Scan:
    """One text and its lowercased copy, with the backward look-ups the forms need."""

    def __init__(self, text: str, today: date) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else text.translate(_LOWER)
        self.today = today

    def word_starts(self, i: int) -> bool:
        return i == 0 or not self.low[i - 1].isalpha()

    def before(self, pattern: re.Pattern[str], i: int) -> re.Match[str] | None:
        """A match of pattern ending at i and starting at a word boundary."""
        pos = max(0, i - _LOOK_BACK)
        while True:
            m = pattern.search(self.low, pos, i)
            if m is None or self.word_starts(m.start()) or not m.group(0)[:1].isalpha():
                return m
            pos = m.start() + 1

    def original(self, m: re.Match[str], group: str) -> str:
        return self.text[m.start(group) : m.end(group)]

    def month(self, m: re.Match[str], group: str) -> int | None:
        """The month of a month-name group, or None when the word is not meant as a month."""
        word = self.original(m, group)
        if word.lower() == "may" and word.islower():
            return None  # the verb
        if m.groupdict().get(f"{group}_glued") is not None:
            following = self.text[m.end(group) : m.end(group) + 1]
            if word.lower() not in _ENGLISH_MONTHS or not following.islower():
                return None  # "1 Julydiscussing" in a scraped page; not "1 Junior"
        return _month_number(word)

    def weekday_before(self, c: _Candidate, i: int) -> None:
        """Extend a day expression back over "Friday ", "Monday, ", "Friday the "."""
        m = self.before(_WEEKDAY_BEFORE, i)
        if m is not None:
            c.weekday = _weekday_number(m.group("w"))
            c.start = m.start()


def _build(name: str, m: re.Match[str], scan: _Scan) -> _Candidate | None:
    start = m.start()
    if name in ("month", "month_range", "md", "m_dd", "mdy_mdy", "weekday", "relative"):
        if not scan.word_starts(start):
            return None
    elif start and scan.low[start - 1] in "0123456789.,:/+-":
        # the tail of another number, time or numeric date; "Day-11th" is a day after a word
        if not (scan.low[start - 1] == "-" and start >= 2 and scan.low[start - 2].isalpha()):
            return None
    groups = m.groupdict()
    priority = _PRIORITY[name]
    end = m.end()
    if name == "iso":
        year, month, day = int(groups["y"]), int(groups["m"]), int(groups["d"])
        if not (1900 <= year <= 2100 and _plausible(month, day)):
            return None
        c = _Candidate(start, end, "iso", priority, month, day, year, month, day, year)
        c.explicit_year = True
        if groups["hh"] is not None:
            c.start_time = time(int(groups["hh"]), int(groups["mi"]))
            z = groups["z"]
            if z == "z":
                c.timezone = "UTC"
            elif z and z[3:].strip(":") == "00":
                c.timezone = zone_name("UTC", z[0], z[1:3])
        return c

    if name == "numeric":
        return _build_numeric(m, scan, priority)

    if name == "weekday":
        c = _Candidate(start, end, "weekday", priority, weekday=_weekday_number(groups["w1"]))
        before = scan.before(_WEEKDAY_MOD_BEFORE, start)
        if before is None:
            return None
        c.mod = _MOD_EQUIVALENTS.get(before.group("mod"), before.group("mod"))
        if c.mod in ("next", "this", "last", "coming", "past"):
            c.start = before.start()
        return c

    if name == "relative":
        c = _Candidate(start, end, "relative", priority)
        if groups["unit"]:
            c.mod, c.relative = groups["mod"], groups["unit"]
        else:
            c.relative = groups["rel"]
        return c

    if name == "year":
        return _build_year(m, scan, priority)

    # Forms with a month name.
    month = scan.month(m, "m1")
    if month is None:
        return None
    y1 = _int(m, "y1")
    if name in ("month", "month_range"):
        return _build_month(name, m, scan, priority, month, y1)
    if name in ("dd_m", "dmy_dmy") and _NUMBERED_BEFORE.search(scan.low, max(0, start - 12), start):
        return None  # "Day 1 – 25 May": the number of a day, not a range of days
    if end and scan.low[end - 1] == "." and m.end("m1") == end - 1:
        end -= 1  # "in 15 June." keeps the full stop out
    d1 = int(groups["d1"])
    c = _Candidate(start, end, "day", priority, month=month, day=d1)
    scan.weekday_before(c, start)
    c.order = "mdy" if name in ("md", "m_dd", "mdy_mdy") else "dmy"
    if name in ("dmy_dmy", "mdy_mdy"):
        end_month = scan.month(m, "m2")
        if end_month is None:
            return None
        c.kind = "range"
        c.end_month, c.end_day = end_month, int(groups["d2"])
        y2 = _int(m, "y2")
        if not (_plausible(month, d1) and _plausible(c.end_month, c.end_day)):
            return _void(c)
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
        if d2 <= d1 or not _plausible(month, d2):
            return _void(c)
        c.kind = "range"
        c.end_month, c.end_day = month, d2
    else:
        c.end_month, c.end_day = month, d1
    if not _plausible(month, d1):
        return _void(c)
    if y1 is not None:
        c.year = c.end_year = y1
        c.explicit_year = True
    return c


def _void(c: _Candidate) -> _Candidate:
    """A day expression that names no real day ("31 June"): it hides what it covers."""
    c.kind = "void"
    return c


def _build_numeric(m: re.Match[str], scan: _Scan, priority: int) -> _Candidate | None:
    a, b = int(m.group("a")), int(m.group("b"))
    sep, y = m.group("sep"), m.group("y")
    start, end = m.start(), m.end()
    before = scan.before(_NUMERIC_BEFORE, start)
    closed = _CLOSE_AFTER.match(scan.low, end)
    if before is not None and before.group("open") and closed:
        end = closed.end()
    else:
        closed = None
    if y is None:
        # Two numbers are a date only in parentheses or after a weekday or "on".
        if before is None or sep != "/" or (a, b) == (24, 7):
            return None
        if not (closed or before.group("w") or before.group("on")):
            return None
    elif sep != "/" and len(y) != 4:
        return None
    if not (_plausible(b, a) or _plausible(a, b)):
        return None
    c = _Candidate(start, end, "numeric", priority, numeric=(a, b))
    if before is not None:
        if before.group("w"):
            c.weekday = _weekday_number(before.group("w"))
            c.start = before.start()
        elif before.group("rel") and closed:
            c.relative = before.group("rel")
            c.start = before.start()
        elif closed:
            c.start = before.start("open")
    if y is not None:
        c.year = int(y) if len(y) == 4 else _two_digit_year(int(y), scan.today)
        c.explicit_year = True
    if a > 12:
        c.order = "dmy"
    elif b > 12:
        c.order = "mdy"
    return c


def _build_year(m: re.Match[str], scan: _Scan, priority: int) -> _Candidate | None:
    y1 = int(m.group("y1"))
    y2 = _int(m, "y2")
    if not 1900 <= y1 <= 2100 or (y2 is not None and not y1 < y2 <= y1 + 100):
        return None
    if _NUMBERED_BEFORE.search(scan.low, max(0, m.start() - 12), m.start()):
        return None  # "Room 2031", "No. 2031": a number, not a year
    end = m.end()
    before = scan.before(_YEAR_BEFORE, m.start())
    ctx = before.group("ctx") if before is not None else None
    in_parentheses = (
        before is not None and before.group("open") and _CLOSE_AFTER.match(scan.low, end)
    )
    if not (ctx or in_parentheses or y2 is not None or _YEAR_AFTER.match(scan.text, end)):
        # Otherwise a bare year only before an ordinary word after "the": "the 2031 summit",
        # not "the 2030 Agenda" (a name) nor "received 2000 letters" (a count).
        following = _NEXT_WORD.match(scan.text, end)
        if not (following and following.group(1).islower()):
            return None
        if scan.before(_DETERMINER_BEFORE, m.start()) is None:
            return None
    c = _Candidate(m.start(), end, "year", priority, year=y1, end_year=y2 or y1)
    c.explicit_year = True
    history = _HISTORY_BEFORE.search(scan.low, max(0, m.start() - 40), m.start())
    c.weight = 0 if ctx == "since" or history else 1
    return c


# "set up in 2000", "founded in 1962": history, not the year of what the text announces
_HISTORY_BEFORE = re.compile(
    r"\b(?:set\s+up|founded|established|created|born|built|formed|incorporated|opened)"
    r"(?:\s+in)?\s+\Z"
)


def _build_month(
    name: str, m: re.Match[str], scan: _Scan, priority: int, month: int, y1: int | None
) -> _Candidate | None:
    word = scan.original(m, "m1")
    if y1 is None:
        before = scan.before(_MONTH_BEFORE, m.start())
        if before is None:
            return None
        # "march", "august" in lowercase are ordinary words; "And May" at a sentence start is
        # not a context, "In May" is.
        if word.islower() and word.lower() in ("march", "august"):
            return None
        ctx = scan.original(before, "ctx")
        if not ctx.islower() and ctx.lower() not in ("in", "since", "until", "during", "by"):
            return None
    end = m.end()
    if scan.low[end - 1] == "." and word.lower() in MONTHS:
        end -= 1
    c = _Candidate(m.start(), end, "month", priority, month=month, end_month=month)
    if name == "month_range":
        end_month = scan.month(m, "m2")
        if end_month is None or end_month == month:
            return None
        second = scan.original(m, "m2")
        if second.islower() and second.lower() in ("march", "august"):
            return None
        c.end_month = end_month
    if y1 is not None:
        c.explicit_year = True
        c.year = y1 - 1 if (c.end_month or month) < month else y1
        c.end_year = y1
    return c


def _candidates(scan: _Scan) -> list[_Candidate]:
    """Every form's matches, then leftmost-longest without overlaps."""
    text = scan.text
    found: list[_Candidate] = []
    low = scan.low

    def add(name: str, m: re.Match[str] | None) -> None:
        if m is None:
            return
        try:
            c = _build(name, m, scan)
        except (KeyError, ValueError, IndexError):
            return
        if c is not None and c.start < c.end:
            found.append(c)

    for name, pattern in _DIGIT_PATTERNS:
        for m in pattern.finditer(low):
            add(name, m)
    # Words are found once, then only the forms that start with that kind of word are tried.
    for anchor in _WORD_ANCHOR.finditer(low):
        pos = anchor.start()
        if pos and low[pos - 1].isalpha():
            continue
        word = anchor.group()
        if word in WEEKDAYS:
            add("weekday", _BY_NAME["weekday"].match(low, pos))
        elif word in _RELATIVE_WORDS:
            add("relative", _BY_NAME["relative"].match(low, pos))
        elif word != "may" or not text[pos : pos + 3].islower():
            for name in _MONTH_FORMS:
                add(name, _BY_NAME[name].match(low, pos))
    found.sort(key=lambda c: (c.start, -c.end, c.priority))
    chosen: list[_Candidate] = []
    last_end = -1
    for c in found:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return [c for c in chosen if c.kind != "void"]


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
    return _us_votes(_candidates(_Scan(text, date.today())))


# ---------------------------------------------------------------------------------------------
# Years


class _Layout:
    """Sentence, line and block numbers of character offsets."""

    def __init__(self, text: str) -> None:
        self.sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.lines = [m.start() for m in _NEWLINE.finditer(text)]
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


def _across_new_year(c: _Candidate, other: _Candidate, year: int) -> int:
    """ "30 December ... 3 January 2034": a December written just before a stated January
    (or a January just after a stated December) lies across the turn of the year."""
    if c.month is None or other.month is None:
        return year
    if c.start < other.start and c.month - other.month >= 10:
        return year - 1
    if c.start > other.start and other.month - c.month >= 10:
        return year + 1
    return year


def _near_anchor(c: _Candidate, anchor: date) -> int | None:
    """The year that puts month/day within half a year of a stated date nearby, the one whose
    weekday fits first: a weekday that fits only a year further off is a slip of the pen."""
    assert c.month is not None
    close = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        d = _safe_date(year, c.month, c.day or 15)
        if d is not None and abs((d - anchor).days) <= 200:
            close.append((abs((d - anchor).days), year))
    if not close:
        return None
    close.sort()
    fitting = [year for _, year in close if _weekday_matches(c, year)]
    return fitting[0] if fitting else close[0][1]


def _check_weekday(c: _Candidate, year: int) -> int:
    for candidate in (year, year - 1, year + 1):
        if _weekday_matches(c, candidate):
            return candidate
    return year


_GLUED_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])")
_APOSTROPHE_YEAR = re.compile(r"[A-Za-z]['’]([0-9]{2})(?![0-9])")


def _weak_years(text: str, today: date, taken: list[tuple[int, int]]) -> Counter[int]:
    """Years a text shows outside any date expression ("FEniCS'13", "#Forum2020"); a year the
    grammar read as history ("set up in 2000") is not one of them."""
    found: Counter[int] = Counter()
    for m in _GLUED_YEAR.finditer(text):
        year = int(m.group(1))
        if any(a <= m.start() < b for a, b in taken):
            continue
        if year <= today.year + 5:
            found[year] += 1
    for m in _APOSTROPHE_YEAR.finditer(text):
        year = 2000 + int(m.group(1))
        found[year if year <= today.year + 5 else year - 100] += 1
    return found


def _weak_year(c: _Candidate, years: Counter[int]) -> int | None:
    """The year a day without one takes from the years the text shows elsewhere: one its
    weekday fits, else the most frequent. With no year anywhere, none: nothing is invented."""
    if not years:
        return None
    ranked = [year for year, _ in years.most_common()]
    if c.weekday is not None and c.day is not None:
        fitting = [year for year in ranked if _weekday_matches(c, year)]
        return fitting[0] if fitting else None
    return ranked[0]


def _assign_years(
    text: str, candidates: list[_Candidate], reference: date | None, today: date
) -> None:
    pending = [c for c in candidates if c.year is None and c.month is not None]
    if not pending:
        return
    layout = _Layout(text)
    stated = [c for c in candidates if c.explicit_year and c.year is not None and c.weight]
    stated_keys = [(c.start, layout.keys(c.start), c.year, c) for c in stated]
    counts: Counter[int] = Counter()
    for c in stated:
        counts[c.year or 0] += c.weight
    dominant = max(counts, key=lambda y: (counts[y], y)) if counts else None
    weak: Counter[int] | None = None
    for c in pending:
        keys = layout.keys(c.start)
        year: int | None = None
        for level in range(3):
            near = [
                (abs(pos - c.start), pos > c.start, y, other)
                for pos, k, y, other in stated_keys
                if k[level] == keys[level]
            ]
            if near:
                _, _, stated_year, other = min(near, key=lambda n: n[:3])
                anchor = None
                if c.weekday is not None and other.month is not None and other.day is not None:
                    anchor = _safe_date(stated_year, other.month, other.day)
                year = _near_anchor(c, anchor) if anchor else None
                year = year or _check_weekday(c, _across_new_year(c, other, stated_year))
                break
        if year is None and reference is not None:
            year = _near_reference(c, reference)
        if year is None and dominant is not None:
            days = [o for o in stated if o.day is not None and o.month is not None]
            if c.weekday is not None and days:
                other = min(days, key=lambda o: abs(o.start - c.start))
                anchor = _safe_date(other.year or dominant, other.month or 1, other.day or 1)
                year = _near_anchor(c, anchor) if anchor else None
            year = year or _check_weekday(c, dominant)
        if year is None:
            if weak is None:
                taken = [(x.start, x.end) for x in candidates]
                weak = _weak_years(text, today, taken)
            year = _weak_year(c, weak)
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


def _implied_reference(text: str, candidates: list[_Candidate]) -> date | None:
    """The day a text without a reference date was written, when it says so itself.

    "today (18/05)", "tomorrow (15/6)", or "Today, 15 June 2031," put a relative word right next
    to an explicit day; that day, less the word's offset, is the day of writing.
    """
    for i, c in enumerate(candidates):
        if c.relative not in _RELATIVE_DAYS:
            continue
        explicit: _Candidate | None = None
        if c.kind == "numeric":
            explicit = c
        elif c.kind == "relative" and i + 1 < len(candidates):
            following = candidates[i + 1]
            if following.kind in ("day", "numeric", "iso") and _APPOSITION.fullmatch(
                text, c.end, following.start
            ):
                explicit = following
        if explicit is None or explicit.resolved is None:
            continue
        try:
            day = explicit.resolved[0].first_day()
            return day - timedelta(days=_RELATIVE_DAYS[c.relative])
        except (ValueError, OverflowError):
            continue
    return None


def _resolve_relative(text: str, candidates: list[_Candidate], reference: date | None) -> None:
    """Dates for weekday names and relative words, from the reference or the text around."""
    if reference is None:
        reference = _implied_reference(text, candidates)
    anchors = [c for c in candidates if c.resolved and c.kind in ("range", "day", "numeric", "iso")]
    starts = [c.start for c in anchors]
    for c in candidates:
        if c.kind not in ("relative", "weekday"):
            continue
        anchor = None
        i = bisect.bisect_left(starts, c.start) - 1
        if i >= 0:
            anchor = anchors[i].resolved
        try:
            c.resolved = _resolve_one(c, reference, anchor)
        except (ValueError, OverflowError):  # a reference at the edge of the calendar
            c.resolved = None


def _resolve_one(
    c: _Candidate, reference: date | None, anchor: tuple[PartialDate, PartialDate] | None
) -> tuple[PartialDate, PartialDate] | None:
    if c.kind == "relative":
        return _relative_range(c, reference) if reference is not None else None
    if c.weekday is None:
        return None
    if reference is not None:
        d = _weekday_from(reference, c.weekday, c.mod)
    elif anchor is not None:
        # The nearest explicit date before it: a day of that range, else of that week.
        first, last = anchor[0].first_day(), anchor[1].last_day()
        d = _weekday_from(first, c.weekday, c.mod)
        if c.mod not in ("next", "last", "past"):
            days = (first + timedelta(days=k) for k in range(min((last - first).days, 13) + 1))
            within = [day for day in days if day.weekday() == c.weekday]
            d = within[0] if within else _week_of(first) + timedelta(days=c.weekday)
    else:
        return None
    return PartialDate.from_date(d), PartialDate.from_date(d)


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


def _valid(start: PartialDate, end: PartialDate) -> bool:
    try:
        return start.first_day() <= end.last_day() and start.last_day() <= end.last_day()
    except ValueError:
        return False


def _attach_times(text: str, low: str, mentions: list[DateMention]) -> list[DateMention]:
    times = times_in(text, low)
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
    if not isinstance(text, str) or not text:
        return []
    today = date.today()
    scan = _Scan(text, today)
    candidates = _candidates(scan)
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
            except (ValueError, OverflowError):
                c.resolved = None
    _resolve_relative(text, candidates, reference)
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
        if c.resolved is not None and _valid(*c.resolved)
    ]
    if not mentions:
        return []
    return _attach_times(text, scan.low, mentions)
