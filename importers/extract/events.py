"""Events: named gatherings, the references that point back at them, their dates and places.

A gathering is found by its name (a capitalised phrase headed by a noun such as Forum,
Conference, Summit, Days), by a generic noun with a name in apposition ("the one-day
conference, Digital Futures,"), by labelled fields ("WHAT:", "WHEN:", "WHERE:"), or by an act
with a date ("X, which is expected to be adopted on 10 May"). Mentions with alike names become
one event; dates are tied to the mention nearest to them in the same sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from importers.extract import budget
from importers.extract.dates import DateMention
from importers.extract.gatherings import find_gatherings
from importers.extract.lexicon import BODY_NOUNS, EVENT_NOUNS, MONTHS, WEEKDAYS, fold
from importers.extract.places import find_places, lookup
from importers.extract.text import SpanSet, Text, find_words, is_word_char
from importers.records import PartialDate, Span

_CAP = r"(?:[A-Z0-9À-ÖØ-Þ][\w'’&+.-]*)"
_CONN = r"(?:of|on|for|and|the|in|to|de|des|du|la|le|&|at|a|an)"
_PHRASE = re.compile(rf"{_CAP}(?:[ ]+(?:{_CONN}[ ]+)*{_CAP})*")

# Capitalised words that start headlines as verbs and never begin an event's name.
_HEADLINE_VERBS = {
    "gather",
    "gathers",
    "host",
    "hosts",
    "hold",
    "holds",
    "open",
    "opens",
    "launch",
    "launches",
    "tackle",
    "tackles",
    "address",
    "addresses",
    "attend",
    "attends",
    "join",
    "joins",
    "meet",
    "meets",
    "welcome",
    "welcomes",
    "kick",
    "kicks",
    "begin",
    "begins",
    "start",
    "starts",
    "wrap",
    "wraps",
    "end",
    "ends",
    "close",
    "closes",
    "celebrate",
    "celebrates",
    "mark",
    "marks",
    "announce",
    "announces",
    "at",
    "in",
    "to",
    "ahead",
    "after",
    "before",
    "during",
    "from",
    "says",
    "said",
    "urges",
    "calls",
    "set",
    "sets",
    "will",
    "convene",
    "convenes",
    "headline",
    "headlines",
    "also",
    "see",
    "about",
    "with",
    "by",
}
_CONNECTORS = {
    "of",
    "on",
    "for",
    "and",
    "the",
    "in",
    "to",
    "at",
    "a",
    "an",
    "&",
    "de",
    "la",
    "le",
    "du",
    "des",
}
_ORDINAL_WORDS = {
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "inaugural",
}
# Words that, right after an event noun, show the phrase names a building.
_VENUE_WORDS = {
    "center",
    "centre",
    "hall",
    "building",
    "office",
    "complex",
    "arena",
    "grounds",
    "hotel",
    "venue",
    "room",
    "site",
    "website",
    "secretariat",
    "series",
    "statement",
    "report",
    "declaration",
    "resolution",
    "organisers",
    "organizers",
    "participants",
    "agenda",
    "outcome",
    "process",
    "chair",
    "president",
    "bureau",
    "member",
    "members",
    "director",
}
_GENERIC = re.compile(
    r"\b(?:the|this|that|our|this\s+year[’']s|next\s+year[’']s)\s+"
    r"(?:(?:[\w-]+)\s+){0,2}?"
    r"(event|forum|conference|summit|meeting|school|council|congress|symposium|workshop|"
    r"seminar|dialogue|gathering|session|assembly|convention|days|week|retreat|"
    r"consultation|colloquium|roundtable|committee|launch)\b",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    r"\b(?i:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(conference|forum|summit|symposium|workshop|seminar|meeting|congress|festival|"
    r"colloquium|dialogue|convention|school|retreat|webinar)\s*"
    r"(?:,\s*|\s+(?:titled|entitled|called|named|themed)\s+|:\s*)"
    r"[“\"']?([A-Z][^,“”\"\n]{3,140}?)[”\"']?\s*(?=,|\.|;|\s[-–—]\s|$)"
    # "the webinar “Data for All” on 5 May": a quoted name right after the noun
    r"|\b(?i:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(conference|forum|summit|symposium|seminar|congress|festival|colloquium|convention|"
    r"webinar|dialogue)\s+[“\"]([A-Z][^“”\"\n]{3,140}?)[”\"]",
)
# What every _APPOSITION match holds: one of its nouns followed by what introduces the name.
_APPOSITION_NOUNS = (
    "conference", "forum", "summit", "symposium", "workshop", "seminar", "meeting", "congress",
    "festival", "colloquium", "dialogue", "convention", "school", "retreat", "webinar",
)  # fmt: skip
_APPOSITION_CUE = re.compile(r"\s*[,:]|\s+(?:titled|entitled|called|named|themed)\s|\s+[“\"]")
_ACT = re.compile(
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w'’-]*)(?:\s+(?:of|on|for|and|the|[A-Z][\w'’-]*)){1,10})"
    r"\s*,?\s+(?:which|that)?\s*(?:is|are|will\s+be|was|were)\s+"
    r"(?:(?:expected|set|scheduled|due|planned)\s+to\s+be\s+)?"
    r"(?P<verb>adopted|launched|signed|inaugurated|unveiled|opened|celebrated|commemorated)\b"
)
_ACT_VERBS = (
    "adopted", "launched", "signed", "inaugurated", "unveiled", "opened", "celebrated",
    "commemorated",
)  # fmt: skip
_LAUNCH = re.compile(
    r"\bto\s+(launch|inaugurate|open|celebrate|mark)\s+the\s+"
    r"(?P<name>[A-Z0-9][^.,;:()]{3,100}(?:,\s+[A-Z][^.,;:()]{2,60})*)"
    r"|\b(launch|inauguration|unveiling|signing)\s+of\s+the\s+"
    r"(?P<name2>[A-Z0-9][^.,;:()]{3,100}(?:,\s+[A-Z][^.,;:()]{2,60})*)",
    re.IGNORECASE,
)
# The same without IGNORECASE, for the lower-cased text (see Text.lower).
# "\bthe" written "t(?<!\wt)he": an expression that starts with a letter lets the engine skip
# to the places where that letter is
_GENERIC_LOWER = re.compile(
    _GENERIC.pattern.replace(
        r"\b(?:the|this|that|our|this\s+year[’']s|next\s+year[’']s)",
        r"(?:t(?<!\wt)(?:he|his|hat|his\s+year[’']s)|o(?<!\wo)ur|n(?<!\wn)ext\s+year[’']s)",
    )
)
_LAUNCH_LOWER = re.compile(
    _LAUNCH.pattern.replace("[A-Z0-9]", "[a-z0-9]").replace("[A-Z]", "[a-z]")
)
_NAME_END = re.compile(
    r"\s+(?:at|in|with|by|from|during|for)\s+|\s+on\s+(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)"
    r"day|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)|\s+(?:this|next|last)\s"
)
_NOMINAL = {
    "adopted": "Adoption",
    "launched": "Launch",
    "signed": "Signing",
    "inaugurated": "Inauguration",
    "unveiled": "Unveiling",
    "opened": "Opening",
    "celebrated": "Celebration",
    "commemorated": "Commemoration",
    "launch": "Launch",
    "inaugurate": "Inauguration",
    "open": "Opening",
    "celebrate": "Celebration",
    "mark": "Celebration",
}
_HAPPENING = re.compile(
    r"\b(take[sn]?\s+place|took\s+place|taking\s+place|will\s+be\s+held|was\s+held|"
    r"were\s+held|is\s+held|held|meets?|met|meeting|convenes?|convened|opens?|opened|runs?|"
    r"ran|begins?|began|starts?|started|kicks?\s+off|kicked\s+off|continues|until|gets?\s+"
    r"underway|underway|scheduled|hosting|hosts?|hosted|organi[sz]ed|gather(?:s|ing)?|"
    r"taking|takes|on|from|between)\b",
    re.IGNORECASE,
)
_VENUE = re.compile(
    r"\b(?:at|in|à|au|en)\s+(?P<venue>(?:(?:the|el|la|los|las|le|les)\s+|l['’])?[A-Z][\w'’.-]*(?:\s+(?:of|for|de|the|[A-Z0-9][\w'’.-]*)){0,8})"
    r"(?:(?:,\s+|\s+in\s+|\s+at\s+)(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?"
    r"(?:,\s+(?P<country>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?"
)
_VENUE_NOUNS = {
    "centre",
    "center",
    "hall",
    "house",
    "office",
    "college",
    "university",
    "hotel",
    "palace",
    "building",
    "headquarters",
    "museum",
    "theatre",
    "theater",
    "stadium",
    "parliament",
    "campus",
    "auditorium",
    "room",
    "chamber",
    "library",
    "church",
    "cathedral",
    "school",
    "institute",
    "castle",
    "park",
    "gardens",
    "pavilion",
    "arena",
    "villa",
    "club",
    "factory",
    "commons",
    "senate",
    "capitol",
    "embassy",
    "residence",
    "square",
    "street",
    "avenue",
    # the same in Spanish, French and Portuguese
    "teatro",
    "théâtre",
    "centro",
    "salón",
    "salon",
    "sala",
    "palacio",
    "palais",
    "hôtel",
    "universidad",
    "université",
    "universidade",
    "museo",
    "musée",
    "auditorio",
    "edificio",
    "sede",
}


_PLACE_AFTER = re.compile(
    r"[”\"’']?,\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:,\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?"
    r"(?=\s*(?:[,.;:()\n–—-]|$))"
)
_VENUE_STATEMENT = re.compile(r"\b(?:venue|location)\s+(?:is|will\s+be|was)\s+([^.;]{4,160})", re.I)


@dataclass
class EventMention:
    span: Span
    title: str
    head: str  # the gathering noun, lower case
    generic: bool = False
    acronym: str | None = None
    body: bool = False  # headed by a standing body (council, committee): an event when it meets
    nominal: bool = False  # made from an act ("Adoption of X")
    held: bool = False  # named after the body that holds it ("X will convene its assembly")


@dataclass
class EventCluster:
    mentions: list[EventMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    location: str | None = None
    timezone: str | None = None
    preferred_title: str | None = None  # the document's own name for it (title, label)
    preferred_head: str | None = None  # the kind that name gives it

    @property
    def named(self) -> list[EventMention]:
        return [m for m in self.mentions if not m.generic]

    @property
    def title(self) -> str:
        if self.preferred_title:
            return self.preferred_title
        named = {m.title: m for m in self.named or self.mentions}.values()
        best = max(named, key=lambda m: (not m.body, len(m.title.split()) <= 14, len(m.title)))
        return best.title

    @property
    def head(self) -> str:
        return self.preferred_head or (self.named or self.mentions)[0].head

    @property
    def acronyms(self) -> set[str]:
        return {m.acronym for m in self.mentions if m.acronym}

    @property
    def spans(self) -> list[Span]:
        return [m.span for m in self.mentions]

    @property
    def first(self) -> int:
        return min(m.span[0] for m in self.mentions)


_TITLE_STOP = {"the", "of", "on", "and", "for", "a", "an", "in", "to", "at", "by", "with", "s"}
_ALNUM = re.compile(r"[a-z0-9]+")
_ORDINAL_TOKEN = re.compile(r"\d+(st|nd|rd|th)?")


@lru_cache(maxsize=16384)
def _tokens(title: str) -> frozenset[str]:
    words = _ALNUM.findall(fold(title))
    return frozenset(w for w in words if w not in _TITLE_STOP and not _ORDINAL_TOKEN.fullmatch(w))


@lru_cache(maxsize=16384)
def _flat(title: str) -> str:
    return " " + " ".join(_ALNUM.findall(fold(title))) + " "


@lru_cache(maxsize=65536)
def titles_alike(a: str, b: str) -> bool:
    """Token-set similarity >= 0.6 without stop words and ordinals, or one title inside the
    other (the rule the event matcher of the yardstick uses)."""
    fa, fb = _flat(a), _flat(b)
    if fa.strip() and fb.strip() and (fa in fb or fb in fa):
        return True
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    return 2 * len(ta & tb) / (len(ta) + len(tb)) >= 0.6


def _head_of(words: list[str]) -> int | None:
    """Index of the gathering noun heading the phrase: the first event noun followed by a
    complement ("of/on/for ...") or ending the phrase."""
    candidates = [i for i, w in enumerate(words) if fold(w.strip("’'\".,;:”")) in EVENT_NOUNS]
    if not candidates:
        return None
    for i in candidates:
        nxt = fold(words[i + 1]) if i + 1 < len(words) else None
        if nxt is None or nxt in {"of", "on", "for", "to", "in", "at", "and"}:
            return i
    return candidates[-1]


def _name_mentions(doc: Text) -> list[EventMention]:
    text = doc.text
    out: list[EventMention] = []
    for match in _PHRASE.finditer(text):
        phrase = match.group()
        if phrase.isascii():  # folding is lower-casing: look the words up all at once
            if EVENT_NOUNS.isdisjoint([w.strip(_WORD_PUNCT) for w in phrase.lower().split()]):
                continue
        elif not any(fold(w.strip(_WORD_PUNCT)) in EVENT_NOUNS for w in phrase.split()):
            continue
        all_words = [(m.start() + match.start(), m.group()) for m in _NON_SPACE.finditer(phrase)]
        for words in _split_at_dates(all_words):
            mention = _phrase_mention(text, words)
            if mention is not None:
                out.append(mention)
    return out


_NON_SPACE = re.compile(r"\S+")
_YEAR_WORD = re.compile(r"\d{4}")
_DAY_WORD = re.compile(r"\d{1,2}(?:[-–]\d{1,2})?")
_ORDINAL_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
_WORD_PUNCT = "’'\".,;:”"
_MONTHS_BUT_WORDS = MONTHS - {"may", "march"}  # also everyday words
_HEADLINE_VERBS_PROPER = _HEADLINE_VERBS - {"at", "in", "to", "from", "with", "by"}
_CONNECTORS_BUT_AND = _CONNECTORS - {"and", "&"}


def _split_at_dates(words: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Names end at dates: "Conference of March 2031", "Summit in May", "From 9 to 11
    December the X Meeting" gives "From 9 to 11" and "the X Meeting"."""
    pieces: list[list[tuple[int, str]]] = [[]]
    for i, (offset, word) in enumerate(words):
        bare = fold(word.strip(".,"))
        previous = fold(words[i - 1][1].strip("’'\"”")) if i > 0 else ""
        year = _YEAR_WORD.fullmatch(bare)
        following = words[i + 1][1] if i + 1 < len(words) else ""
        edition = previous in EVENT_NOUNS or (
            following[:1].isupper() and previous not in {"in", "of", "since", "until", "from"}
        )
        if year and edition:
            pieces[-1].append((offset, word))  # "Cities Forum 2021", "2011 Radio Convention"
            continue
        cut = (
            bare in _MONTHS_BUT_WORDS
            or bare in WEEKDAYS
            or year
            or _DAY_WORD.fullmatch(bare)
            or _ORDINAL_DAY.fullmatch(bare)
            and (fold(following.strip(".,")) in MONTHS or previous.strip(".,") in MONTHS)
            or bare in {"may", "march"}
            and previous in {"in", "of", "since", "until"}
        )
        if cut:
            pieces.append([])
        else:
            pieces[-1].append((offset, word))
            if word.endswith(".") and len(word) > 3 and not word[:-1].isupper():
                pieces.append([])  # a full stop ends the name ("... Forum. At the ...")
    return [p for p in pieces if p]


def _phrase_mention(text: str, words: list[tuple[int, str]]) -> EventMention | None:
    """The event named by one capitalised phrase, if its head is a gathering noun."""
    # a place after "in" ends a name too: "School in Tallinn and the ..."
    for i in range(1, len(words)):
        if fold(words[i - 1][1]) == "in" and lookup(words[i][1].strip(".,")):
            words = words[: i - 1]
            break
    head = _head_of([w for _, w in words])
    if head is None:
        return None
    if not words[head][1][:1].isupper():
        return None
    # right side: the head's complement, while connected by of/on/for/to/in/and
    end = head + 1
    if end < len(words) and re.fullmatch(r"\d{4}", words[end][1].strip("’'\"”.,")):
        end += 1  # "Cities Forum 2021"
    if end < len(words) and fold(words[end][1].strip(".,;:")) in _VENUE_WORDS:
        return None
    if end < len(words) and fold(words[end][1]) in {"of", "on", "for", "to", "in", "and"}:
        end = len(words)
        for i in range(head + 1, len(words)):
            if fold(words[i][1]) in _HEADLINE_VERBS_PROPER:
                end = i
                break
    words_r = words[:end]
    while words_r and fold(words_r[-1][1]) in _CONNECTORS:
        words_r.pop()
    # left side: stop at headline verbs and at "and the"
    start = head
    while start > 0:
        prev = fold(words[start - 1][1])
        if prev in _HEADLINE_VERBS and start == 1 and not prev.endswith("s"):
            line_start = text.rfind("\n", 0, words[0][0]) + 1
            if not text[line_start : words[0][0]].strip(" #*'\"“‘"):
                start -= 1  # "Open Data Forum" opening a line: a name, not a headline's verb
                continue
        if prev in _HEADLINE_VERBS or prev in _CONNECTORS_BUT_AND:
            break
        if prev == "the" and start >= 2 and fold(words[start - 2][1]) in {"and", "of", "at"}:
            break
        start -= 1
    words_l = words_r[start:]
    while words_l and (
        fold(words_l[0][1]) in {"of", "on", "for", "and", "the", "in", "to", "at", "a", "an", "&"}
        or fold(words_l[0][1]) in _ORDINAL_WORDS
    ):
        words_l.pop(0)
    if not words_l:
        return None
    s = words_l[0][0]
    e = words_l[-1][0] + len(words_l[-1][1])
    title = text[s:e].strip(" ’'\".,:;")
    e = s + len(title)
    head_word = fold(words[head][1].strip(_WORD_PUNCT))
    if len(_tokens(title)) < 2:
        # a bare noun ("Conference", "The Forum") is a reference, not a name
        return EventMention((s, e), title, head_word, generic=True)
    acronym = None
    acr = re.match(r"[”\"’']?\s*\(([A-Z][A-Za-z]{1,10})\)", text[e : e + 16])
    if acr:
        acronym = acr.group(1)
    body = head_word in BODY_NOUNS
    return EventMention((s, e), title, head_word, acronym=acronym, body=body)


def _apposition_mentions(doc: Text) -> list[EventMention]:
    out: list[EventMention] = []
    if not any(
        _APPOSITION_CUE.match(doc.text, end) for _, end in find_words(doc.text, _APPOSITION_NOUNS)
    ):
        return out  # most texts have no such noun before a name: skip the slow expression
    for match in _APPOSITION.finditer(doc.text):
        group = 2 if match.group(2) else 4
        name = match.group(group).strip()
        if len(re.findall(r"\b[A-Z]", name)) < 2 or lookup(name):
            continue
        noun = match.group(group - 1).lower()
        out.append(EventMention((match.start(group - 1), match.end(group)), name, noun))
    return out


def _act_mentions(doc: Text) -> list[EventMention]:
    out = []
    text = doc.text
    # the full pattern backtracks a lot: run it only in a window before each act verb
    for verb_start, verb_end in find_words(text, _ACT_VERBS):
        start = max(0, verb_start - 220)
        match = _ACT.search(text, start, verb_end)
        while match and match.end() < verb_end:
            match = _ACT.search(text, match.end(), verb_end)
        if not match:
            continue
        name = re.sub(r"^(?:the|The)\s+", "", match.group("name")).strip()
        if len(_tokens(name)) < 2:
            continue
        title = f"{_NOMINAL[match.group('verb')]} of the {name}"
        out.append(
            EventMention(
                match.span("name"), title, _NOMINAL[match.group("verb")].lower(), nominal=True
            )
        )
    launch, scanned = doc.caseless(_LAUNCH, _LAUNCH_LOWER)
    lowered = doc.lower or text.lower()
    if not any(w in lowered for w in ("launch", "inaugur", "unveil", "signing", "open", "mark")):
        return out
    for match in launch.finditer(scanned):
        group = "name" if match.group("name") else "name2"
        name = _NAME_END.split(text[match.start(group) : match.end(group)].strip())[0].strip()
        if len(_tokens(name)) < 2 or not name[:1].isupper() and not name[:1].isdigit():
            continue
        verb = (match.group(1) or match.group(3)).lower()
        title = f"{_NOMINAL.get(verb, verb.title())} of the {name}"
        start = match.start(group)
        out.append(EventMention((start, start + len(name)), title, "launch", nominal=True))
    return out


def _generic_mentions(doc: Text, named: list[EventMention]) -> list[EventMention]:
    taken = SpanSet([m.span for m in named])
    out = []
    text = doc.text
    generic, scanned = doc.caseless(_GENERIC, _GENERIC_LOWER)
    for match in generic.finditer(scanned):
        span = match.span()
        if taken.overlaps(span):
            continue
        head = match.group(1).lower()
        title = text[span[0] : span[1]]
        out.append(EventMention(span, title, head, generic=True, body=head in BODY_NOUNS))
    return out


def _labelled(doc: Text) -> dict[str, tuple[Span, str]]:
    """Fields of a "WHAT: / WHEN: / WHERE:" block."""
    fields: dict[str, tuple[Span, str]] = {}
    labels = {
        "what": "what",
        "event": "what",
        "title": "what",
        "when": "when",
        "date": "when",
        "dates": "when",
        "where": "where",
        "venue": "where",
        "location": "where",
        "place": "where",
    }
    for match in _LABEL_LINE.finditer(doc.text):
        key = labels.get(match.group(1).lower())
        if key and key not in fields:
            fields[key] = (match.span(2), match.group(2).strip())
    return fields


# "WHERE: Town Hall", or "WHERE:" alone with its value on the next line that holds text
_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*([A-Za-z]{3,8})[ \t]*:[ \t]*(?:\n[ \t]*){0,3}"
    r"(?![A-Za-z]{3,8}[ \t]*:)(\S[^\n]*)$"
)


_SESSION_HEADS = frozenset(
    "session panel plenary talk debate briefing presentation keynote lecture workshop".split()
)


def _gathering_mentions(doc: Text) -> list[EventMention]:
    """Named gatherings (see :mod:`importers.extract.gatherings`) as event mentions; a trailing
    "(ACRONYM)" is kept apart as the mention's acronym."""
    out: list[EventMention] = []
    for g in find_gatherings(doc.text):
        if not g.named or (g.quoted and g.head in _SESSION_HEADS):
            continue  # 'sessions on "X"' names a session, not an event
        title, acronym = g.title, None
        acr = re.search(r"\s*\(([A-Z][A-Za-z0-9&]{1,10})\)$", title)
        if acr:
            title, acronym = title[: acr.start()], acr.group(1)
        if len(_tokens(title)) < 2:
            continue
        # the span without the acronym ("(ACR)") that ends it
        span = (g.span[0], g.span[1] - (len(g.title) - len(title))) if not g.quoted else g.span
        body = g.head in BODY_NOUNS and not g.held
        out.append(EventMention(span, title, g.head, acronym=acronym, body=body, held=g.held))
    return out


def find_event_mentions(doc: Text) -> list[EventMention]:
    named = _gathering_mentions(doc)
    named += [m for m in _kind_titled(doc) if not _overlaps(m.span, named)]
    named += [m for m in _apposition_mentions(doc) if not _overlaps(m.span, named)]
    named += [m for m in _act_mentions(doc) if not _overlaps(m.span, named) or True]
    generic = _generic_mentions(doc, named)
    mentions = named + generic
    return sorted(mentions, key=lambda m: m.span[0])


# A document titled by its kind of gathering: "Webinar: Migration Data for Local Action",
# "Public lecture – The Future of Fisheries"
_KIND_TITLE = re.compile(
    r"[ \t]*(?:[A-Z][\w-]*[ \t]+)?(?P<noun>[A-Za-z]+)[ \t]*[:–—|][ \t]*"
    r"(?P<title>[A-Z0-9“\"][^\n]{3,150}?)[ \t]*(?:\n|$)"
)


def _kind_titled(doc: Text) -> list[EventMention]:
    """The event a document's first line names after its kind, if it does."""
    text = doc.text
    first = len(text) - len(text.lstrip())
    match = _KIND_TITLE.match(text, text.rfind("\n", 0, first) + 1)
    if match is None:
        return []
    noun = fold(match.group("noun"))
    title = match.group("title").strip(' “”"')
    if noun not in EVENT_NOUNS or noun in BODY_NOUNS or len(_tokens(title)) < 2:
        return []
    start = match.start("title") + match.group("title").index(title)
    return [EventMention((start, start + len(title)), title, noun)]


def _overlaps(span: Span, mentions: list[EventMention]) -> bool:
    return any(span[0] < m.span[1] and m.span[0] < span[1] for m in mentions)


def cluster_mentions(mentions: list[EventMention]) -> list[EventCluster]:
    clusters: list[EventCluster] = []
    # each cluster's distinct names: a name met again is compared once, not once per mention
    names: list[dict[tuple[str, str | None, bool], EventMention]] = []
    for mention in mentions:
        if mention.generic:
            continue
        for cluster, known in zip(clusters, names, strict=True):
            if any(_same_event(mention, other) for other in known.values()):
                cluster.mentions.append(mention)
                known.setdefault((mention.title, mention.acronym, mention.nominal), mention)
                break
        else:
            clusters.append(EventCluster([mention]))
            names.append({(mention.title, mention.acronym, mention.nominal): mention})
    # acronyms ("the HWD") and generic references ("the Forum") join the latest fitting event
    index = [_Reach(c) for c in clusters]
    for mention in mentions:
        if not mention.generic:
            continue
        target = _resolve_generic(mention, index)
        if target is not None:
            target.mentions.append(mention)
    return clusters


def _same_event(a: EventMention, b: EventMention) -> bool:
    if a.nominal != b.nominal:
        return False
    if a.acronym and a.acronym == b.title or b.acronym and b.acronym == a.title:
        return True
    if other_sitting(a.title, b.title):
        return False  # "the first X Conference" and "the Second X Conference": two sittings
    return titles_alike(a.title, b.title)


_EDITION = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,3}(?:st|nd|rd|th)|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _edition(title: str) -> frozenset[str]:
    """The ordinals and years that say which sitting of a series a name is."""
    return frozenset(m.group().lower() for m in _EDITION.finditer(title))


def other_sitting(a: str, b: str) -> bool:
    """Whether two names of one series say different sittings ("first" and "Second")."""
    ea, eb = _edition(a), _edition(b)
    return bool(ea and eb and ea != eb)


class _Reach:
    """What a generic reference is matched against in one cluster, computed once."""

    def __init__(self, cluster: EventCluster) -> None:
        named = cluster.named
        self.cluster = cluster
        self.acronyms = cluster.acronyms
        self.heads = {m.head for m in named}
        self.title_words = set(fold(cluster.title).split())
        self.starts = sorted(m.span[0] for m in named)
        self.first = cluster.first

    def last_before(self, offset: int) -> int:
        i = bisect.bisect_left(self.starts, offset)
        return self.starts[i - 1] if i else -1


def _resolve_generic(mention: EventMention, index: list[_Reach]) -> EventCluster | None:
    word = mention.title.split()[-1].strip(".,’'")
    # an acronym written alone
    for reach in index:
        if word in reach.acronyms:
            return reach.cluster
    fitting = [
        r
        for r in index
        if r.first < mention.span[0]
        and (mention.head == "event" or mention.head in r.heads or mention.head in r.title_words)
    ]
    if not fitting:
        return None
    # the event named most recently before the reference
    return max(fitting, key=lambda r: r.last_before(mention.span[0])).cluster


def _whole_words(text: str, word: str) -> list[Span]:
    """Where ``\bword\b`` matches; found with ``str.find`` when the word starts and ends with
    a word character (an acronym always does), far faster than the expression."""
    if is_word_char(word[0]) and is_word_char(word[-1]):
        return find_words(text, (word,))
    return [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def acronym_mentions(doc: Text, clusters: list[EventCluster]) -> None:
    """Bare acronyms of named events ("At the XYZ held in ...") become mentions."""
    for cluster in clusters:
        for acronym in cluster.acronyms:
            for span in _whole_words(doc.text, acronym):
                if any(m.span[0] <= span[0] <= m.span[1] + 4 for m in cluster.mentions):
                    continue
                cluster.mentions.append(EventMention(span, acronym, cluster.head, generic=True))


_DATE_REACH = 400  # characters between a date and the name of its event, at most


def attach_dates(
    doc: Text, clusters: list[EventCluster], dates: list[DateMention]
) -> list[DateMention]:
    """Give each date to the event mention it belongs to; returns dates left unattached."""
    text = doc.text
    left: list[DateMention] = []
    by_sentence: dict[int, list[tuple[EventMention, EventCluster]]] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            sentence = doc.sentence_at(mention.span[0])
            if sentence:
                by_sentence.setdefault(sentence.start, []).append((mention, cluster))
    for found in by_sentence.values():
        found.sort(key=lambda mc: mc[0].span[0])
    starts = {key: [m.span[0] for m, _ in found] for key, found in by_sentence.items()}
    for date in dates:
        budget.check()
        sentence = doc.sentence_at(date.span[0])
        if sentence is None:
            left.append(date)
            continue
        in_sentence = by_sentence.get(sentence.start, [])
        # only mentions within reach can take the date (see the distance limit below): a
        # sentence thousands of words long is not read mention by mention for every date
        at = starts.get(sentence.start, [])
        lo = bisect.bisect_left(at, date.span[0] - _DATE_REACH)
        hi = bisect.bisect_right(at, date.span[1] + _DATE_REACH)
        candidates = in_sentence[lo:hi]
        best: tuple[float, EventCluster] | None = None
        if _is_dateline(doc, date):
            named = [(m, c) for m, c in candidates if not m.generic and not m.body]
            if named:
                named[0][1].dates.append(date)
                continue
        for mention, cluster in candidates:
            if mention.body and not _meets_after(text, mention.span[1]):
                continue
            if mention.generic and date.kind in ("year",):
                continue
            if date.span[0] >= mention.span[1]:
                gap = text[mention.span[1] : date.span[0]]
                distance = len(gap)
            else:
                gap = text[date.span[1] : mention.span[0]]
                distance = len(gap) * 1.3
            if date.kind == "year" and distance > 12:
                continue
            distance += 40 * len(re.findall(r"[;:]|,\s+(?:and\s+)?the\s", gap))
            if mention.generic and not _HAPPENING.search(gap):
                distance += 80
            if best is None or distance < best[0]:
                best = (distance, cluster)
        if best is not None and best[0] < 160:
            best[1].dates.append(date)
        else:
            left.append(date)
    return left


_MEETS = re.compile(
    r"^\s*(?:\([A-Z][A-Za-z]{1,10}\)\s*)?(?:[,–—-][^,–—.]{1,120}[,–—]\s*)?(?:,\s*(?=which|that))?"
    r"(?:(?:which|that|will|is|was|also|to\s+be|has|have|had|then|first|now|formally)\s+){0,3}"
    r"(?:meets?|met|meeting|convenes?|convened|gathers?|gathered|sits|sat|opens?|opened|"
    r"begins?|began|starts?|started|runs?|ran|continues|takes?\s+place|took\s+place|taking\s+place|"
    r"held|be\s+held|gets?\s+underway|kicks?\s+off|closes?|ends?|session)\b",
    re.IGNORECASE,
)


def _meets_after(text: str, end: int) -> bool:
    """A standing body (council, committee, school) is an event only where it meets: "the
    Committee will meet in ...", "the Council which takes place ..."."""
    return bool(_MEETS.match(text[end : end + 200]))


def _is_dateline(doc: Text, date: DateMention) -> bool:
    """ "15-16 June – City – Text...": a date opening a paragraph, set off by a dash."""
    text = doc.text
    line_start = text.rfind("\n", 0, date.span[0]) + 1
    head = text[line_start : date.span[0]].strip()
    dash = re.match(r"\s*[-–—]\s", text[date.span[1] : date.span[1] + 3])
    return len(head) <= 30 and bool(dash) and (not head or head[-1:] in "-–—,")


def event_dates(cluster: EventCluster) -> tuple[PartialDate | None, PartialDate | None]:
    """The event's first and last day from the dates tied to it, at their precision."""
    if not cluster.dates:
        return None, None
    rank = {"day": 3, "month": 2, "year": 1}
    best = max(rank[str(d.start.precision)] for d in cluster.dates)
    chosen = [d for d in cluster.dates if rank[str(d.start.precision)] == best]
    # dates written out win over "next week" and lone weekdays
    explicit = [d for d in chosen if d.kind not in ("relative", "weekday")]
    loose = [d for d in chosen if d.kind in ("relative", "weekday")]
    chosen = explicit or chosen
    ranges = [d for d in chosen if d.end != d.start]
    if best == 3:
        anchor = (ranges or chosen)[0]
        start, end = anchor.start, anchor.end
        # other days of the same event within a fortnight widen it ("opens Friday 30 June")
        for d in chosen:
            if abs((d.start.first_day() - start.first_day()).days) <= 14:
                start = min(start, d.start, key=lambda p: p.first_day())
                end = max(end, d.end, key=lambda p: p.last_day())
        # "... and continues this weekend" extends it; "next week" around it does not
        for d in loose if explicit else []:
            around = d.start.first_day() <= start.first_day() and d.end.last_day() >= end.last_day()
            gap = (d.start.first_day() - end.last_day()).days
            if not around and d.start.first_day() >= start.first_day() and gap <= 3:
                end = max(end, d.end, key=lambda p: p.last_day())
        return start, end
    anchor = chosen[0]
    return anchor.start, anchor.end


def attach_locations(doc: Text, clusters: list[EventCluster]) -> None:
    text = doc.text
    statement: tuple[int, str] | None = None
    searched = False  # for "The venue is ...", only once an event lacks a place
    for cluster in clusters:
        for mention in sorted(cluster.mentions, key=lambda m: (m.generic, m.span[0])):
            sentence = doc.sentence_at(mention.span[0])
            if sentence is None:
                continue
            venue = _venue_after(text[mention.span[1] : sentence.end])
            listed = _PLACE_AFTER.match(text, mention.span[1])
            if listed and lookup(listed.group(1), lenient=True):
                # "International Conference on X, Oslo, Norway"
                place = lookup(listed.group(1), lenient=True)
                country = listed.group(2)
                name = listed.group(1)
                if country and lookup(country):
                    name = f"{name}, {country}"
                venue = (name, place.timezone)
            if venue is None and mention.nominal:
                venue = _venue_after(text[sentence.start : mention.span[0]])
            if venue:
                cluster.location = venue[0]
                cluster.timezone = venue[1]
                break
        if cluster.location is None and cluster.named:
            if not searched:
                statement, searched = _venue_statement(doc), True
            if statement and any(abs(m.span[0] - statement[0]) < 400 for m in cluster.mentions):
                venue = _venue_after(" at " + statement[1])
                if venue:
                    cluster.location, cluster.timezone = venue
        if cluster.location is None:
            for place in find_places(cluster.title):
                before = cluster.title[: place.span[0]]
                if re.search(
                    r"\s(?:in|at|on|of|to|about|sobre|sur)\s+(?:the\s+)?$", before
                ) and not (_PLACE_OF_GATHERING.search(before)):
                    continue  # "a meeting on the situation in X": what it is about, not where
                cluster.location = place.text
                cluster.timezone = place.place.timezone
                break


# "Conference in Tartu", "Summit of X in Lisbon": where the gathering itself is held
_PLACE_OF_GATHERING = re.compile(
    rf"(?:{'|'.join(sorted(EVENT_NOUNS, key=len, reverse=True))})\s+(?:in|at|à|en)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _venue_statement(doc: Text) -> tuple[int, str] | None:
    """Where "The venue is ..." starts, and the venue it names."""
    if doc.lower is not None and "venue" not in doc.lower and "location" not in doc.lower:
        return None
    statement, scanned = doc.caseless(_VENUE_STATEMENT)
    found = statement.search(scanned)
    return (found.start(), doc.text[found.start(1) : found.end(1)]) if found else None


def venue_of_date(doc: Text, date: DateMention) -> tuple[str, str | None] | None:
    """The venue said after a date in its sentence: "on 4 March at 2 p.m. in Room 325 of the
    State Capitol"."""
    sentence = doc.sentence_at(date.span[0])
    if sentence is None or date.span[1] > sentence.end:
        return None
    return _venue_after(doc.text[date.span[1] : sentence.end])


def _venue_after(window: str) -> tuple[str, str | None] | None:
    for match in _VENUE.finditer(window[:220]):
        venue = match.group("venue").strip()
        venue = re.sub(r"^(?:(?:the|el|la|los|las|le|les)\s+|l['’])", "", venue)
        city = match.group("city")
        country = match.group("country")
        words = {fold(w.strip("’'s.,")) for w in venue.split()}
        place = lookup(venue.rstrip(".,"))
        if place:
            parts = [venue.rstrip(".,")]
            if city and lookup(city):
                parts.append(city)
            return ", ".join(parts), place.timezone
        if words & _VENUE_NOUNS or re.search(r"[’']s\s", venue):
            parts = [venue.rstrip(".,")]
            tz = None
            for extra in (city, country):
                if extra and lookup(extra.rstrip(".,"), lenient=True):
                    parts.append(extra.rstrip(".,"))
                    tz = tz or lookup(extra.rstrip(".,"), lenient=True).timezone
            if tz is None:
                for place in find_places(venue):
                    tz = place.place.timezone
            return ", ".join(parts), tz
    return None


_HEADING_DATE_LINES = 2  # how far under a title its date line may be
_DATE_LINE_PUNCT = " ,;|/·•–—-:()"


def heading_dates(doc: Text, clusters: list[EventCluster], dates: list[DateMention]) -> None:
    """A title alone on its line with a line of dates under it ("Tartu, Estonia,
    19–22 September 2026", "12–14 March 2025 | Online"): the event is on those dates, and where
    the rest of the date line names a place, there. A single day counts only for an event
    without dates, as the day heading a programme may be its first day only."""
    text = doc.text
    for cluster in clusters:
        for mention in cluster.named:
            if mention.body:
                continue
            line_start = text.rfind("\n", 0, mention.span[0]) + 1
            title_end = line_end(text, mention.span[1])
            if len(text[line_start:title_end].strip(" *#")) > len(mention.title) + 12:
                continue  # the title must be the line
            found = _date_line(text, title_end, dates)
            if found is None:
                continue
            inside, rest = found
            places = find_places(rest)
            if cluster.location is None and places:
                cluster.location = rest
                cluster.timezone = places[0].place.timezone
            elif cluster.location is None and _venue_words(rest):
                cluster.location = rest  # "Westhaven University, 22–24 September 2031"
            if cluster.dates and all(d.start == d.end for d in inside):
                continue  # a single day may head the first day of a programme
            for other in clusters:
                other.dates = [d for d in other.dates if d not in inside]
            cluster.dates = inside + cluster.dates
            break


def _venue_words(phrase: str) -> bool:
    """A short capitalised phrase that names a building or a campus ("Harbour College")."""
    words = phrase.split()
    return 0 < len(words) <= 8 and phrase[:1].isupper() and _has_venue_noun(words)


def _has_venue_noun(words: list[str]) -> bool:
    return bool({fold(w.strip(".,’'()")) for w in words} & _VENUE_NOUNS)


def names_a_place(line: str) -> bool:
    """A line that names a venue: a building's word, a known place, or a street number."""
    return bool(
        _has_venue_noun(line.split()) or find_places(line) or re.search(r"\b\d{1,5}\s+[A-Z]", line)
    )


def line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


_HOURS_FIRST = re.compile(
    r"^\d{1,2}(?:[:.h]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*\d{1,2}(?:[:.h]\d\d)?\s*"
    r"(?:[ap]\.?m\.?)?)?(?:\s*[A-Z]{2,4}\b)?",
    re.IGNORECASE,
)


def _date_line(
    text: str, after: int, dates: list[DateMention]
) -> tuple[list[DateMention], str] | None:
    """The dates of the first of the next lines that holds some, with what else it says (at
    most a place or two), if that line is no sentence."""
    position = after + 1
    lines = 0
    while position < len(text) and lines < _HEADING_DATE_LINES:
        end = line_end(text, position)
        line = text[position:end]
        if line.strip():
            lines += 1
            inside = [
                d
                for d in dates
                if position <= d.span[0] < end and str(d.start.precision) in ("day", "month")
            ]
            if inside:
                rest = line
                for d in sorted(inside, key=lambda d: d.span[0], reverse=True):
                    s, e = d.span[0] - position, d.span[1] - position
                    rest = rest[:s] + " " + rest[e:]
                rest = " ".join(rest.split()).strip(_DATE_LINE_PUNCT)
                # "10:00–16:00 · Town Hall": the hours belong to the dates, not to the place
                rest = _HOURS_FIRST.sub("", rest).strip(_DATE_LINE_PUNCT)
                if len(rest) > 60 or re.search(r"[a-z][.!?](?:\s|$)", rest):
                    return None
                return inside, rest
        position = end + 1
    return None


def labelled_event(doc: Text, clusters: list[EventCluster], dates: list[DateMention]) -> None:
    """Apply a "WHAT: / WHEN: / WHERE:" block to the event it names."""
    fields = _labelled(doc)
    if not ("when" in fields or "where" in fields):
        return
    if "what" in fields:
        span, name = fields["what"]
        target = next(
            (c for c in clusters if any(titles_alike(name, m.title) for m in c.named)), None
        )
        if target is None:
            target = EventCluster([EventMention(span, name, "event")])
            clusters.append(target)
    else:
        # "Date: ... / Venue: ..." under a heading that names the event
        named = [c for c in clusters if c.named and not all(m.body for m in c.named)]
        if not named:
            return
        target = min(named, key=lambda c: c.first)
    if "when" in fields:
        when_span, _ = fields["when"]
        inside = [d for d in dates if when_span[0] <= d.span[0] < when_span[1]]
        if inside:
            for cluster in clusters:
                cluster.dates = [d for d in cluster.dates if d not in inside]
            target.dates = inside + [
                d for d in target.dates if d.start.precision != inside[0].start.precision
            ]
            target.dates = inside
    if "where" in fields:
        _, where = fields["where"]
        # "Town Hall | 2 Quay Street | Port Ellis": cells of one address
        target.location = re.sub(r"\s*\|\s*", ", ", where.strip().rstrip(".").strip(" |"))
        for place in find_places(where):
            target.timezone = place.place.timezone
            break
