"""Panels (sessions inside an event) and the people in them with their roles.

A panel is a session noun ("high-level panel", "debate lab", "opening plenary") with a title in
quotes or after "on", or a line of a timed programme ("10 a.m. -- Opening plenary with ...").
Roles come from cues around the names: "moderated by", "will include", "opening remarks by",
"X moderates", "X will take part in", "keynote speech", "hosted by", "chaired by".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import time

from importers.extract import budget
from importers.extract.dates import DateMention, word_trie
from importers.extract.lexicon import PANEL_KINDS, fold
from importers.extract.names import NameMention
from importers.extract.text import SpanSet, Text
from importers.extract.times import find_times
from importers.records import PartialDate, Span

_KINDS = sorted(
    {k for k in PANEL_KINDS if k not in {"stand", "exhibition", "launch"}}, key=len, reverse=True
)
_KIND_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(k).replace(r"\ ", r"[\s-]") for k in _KINDS)
    + r")(?![\w-])",
    re.IGNORECASE,
)


def is_session_name(title: str) -> bool:
    """A name that only says what kind of session it is: "Opening Ceremony", "Plenary"."""
    return bool(_KIND_RE.fullmatch(title.strip()))


def _kind_patterns() -> dict[str, re.Pattern[str]]:
    by_first: dict[str, list[str]] = {}
    for kind in _KINDS:
        first = re.split(r"[\s-]", kind)[0]
        by_first.setdefault(first, []).append(kind)
    return {
        first: re.compile(
            "(" + "|".join(re.escape(k).replace(r"\ ", r"[\s-]") for k in kinds) + r")(?![\w-])",
            re.IGNORECASE,
        )
        for first, kinds in by_first.items()
    }


_KIND_BY_FIRST_WORD = _kind_patterns()
# First words in letters only are found in one pass of a factored alternation (it cannot
# swallow the start of another: a word starts after a character that is no letter); the few
# with other characters ("q&a") are found with str.find.
_LETTER_FIRSTS = [w for w in _KIND_BY_FIRST_WORD if w.isalpha()]
_OTHER_FIRSTS = [w for w in _KIND_BY_FIRST_WORD if not w.isalpha()]
_FIRST_WORD = re.compile(word_trie(_LETTER_FIRSTS))
_FIRSTS_BY_LETTER: dict[str, list[str]] = {}
for _first in _LETTER_FIRSTS:
    _FIRSTS_BY_LETTER.setdefault(_first[0], []).append(_first)


def _first_word_starts(low: str) -> list[tuple[int, str]]:
    """Where a kind's first word starts in ``low``, with that word (each word that does)."""
    out: list[tuple[int, str]] = []
    for m in _FIRST_WORD.finditer(low):
        at = m.start()
        out.extend((at, w) for w in _FIRSTS_BY_LETTER[low[at]] if low.startswith(w, at))
    for first in _OTHER_FIRSTS:
        position = low.find(first)
        while position != -1:
            out.append((position, first))
            position = low.find(first, position + 1)
    return out


def _kind_matches(text: str) -> list[re.Match[str]]:
    """Session nouns in text, in text order. Each first word ("panel", "debate", ...) is found
    in one pass over the lower-cased text and only there is its phrase pattern tried: far
    cheaper than trying every phrase, or looking up every word, at every position."""
    low = text.lower()
    found: list[re.Match[str]] = []
    for position, first in _first_word_starts(low):
        if position == 0 or not (low[position - 1].isalnum() or low[position - 1] in "-_"):
            match = _KIND_BY_FIRST_WORD[first].match(text, position)
            if match:
                found.append(match)
    found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match[str]] = []
    for match in found:  # the longest phrase at a position, as one alternation would
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


# Patterns that start with a word rather than \b ("high(?<!\whigh)" for "\bhigh") let the
# engine skip to that word instead of trying the pattern at every position.
_HIGH_LEVEL_EVENT = re.compile(
    r"high(?<!\whigh)[\s-]level\s+(?:event|session|debate|dialogue)(?![\w-])", re.I
)
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{4,200}?)[”\"]")
_ON_TOPIC = re.compile(
    r"^\s+(?:on|about|entitled|titled|called|discussing|exploring|examining|focus(?:ed|ing)\s+on"
    r"|sobre(?:\s+(?:el|la|los|las))?|sur(?:\s+(?:le|la|les))?)"
    r"\s+(?!the\s+(?:same|day|occasion|sidelines)\b)"
    r"(?!(?i:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d)"
    r"([^,.;:()“”\"]{4,120}?)(?=\s+(?:(?:at|in)\s+(?:the\s+)?[A-Z]|as\s+part|during|with|will|which|"
    r"that|and\s+will|moderated|chaired|hosted|organi[sz]ed|led|featuring|by|on\s+\d)|[,.;:(]|$)"
)
# Determiners and adjectives that make a session noun a reference to one session.
_DETERMINED = re.compile(
    r"(?:\b(?:a|an|the|this|its|their|our|one|another|interactive|with|two|three|special|separate|"
    r"el|la|los|las|un|una|le|les|une|du|des|"
    r"dedicated|public|closed|parallel|final|first|opening|closing|afternoon|morning|evening)"
    r"\s+(?:[\w-]+\s+){0,2}[“\"]?$)|(?:^|\n|--\s*|[–—]\s*|[”\"]\s*)$",
    re.IGNORECASE,
)

# (cue regex, role, names come after the cue?)
_AFTER_CUES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\bmoderated\s+by\b|\bmoderators?\s*(?::|will\s+be|is|are|include)|\bfacilitated\s+by\b|\bfacilitators?\s*:",
            re.I,
        ),
        "moderator",
    ),
    (re.compile(r"\bchaired\s+by\b|\bco-chaired\s+by\b|\bchairs?\s*:", re.I), "chair"),
    (re.compile(r"\bhosted\s+by\b", re.I), "host"),
    (
        re.compile(
            r"\bcon\s+la\s+(?:coordinaci[oó]n|moderaci[oó]n)\s+de(?:l|\s+la)?\b|\bmoderad[oa]s?\s+por\b"
            r"|\bmod[ée]r[ée]e?s?\s+par\b|\bcoordinad[oa]s?\s+por\b",
            re.I,
        ),
        "moderator",
    ),
    (
        re.compile(
            r"\b(?:integrad[oa]|conformad[oa]|compuest[oa])s?\s+por\b|\bcompos[ée]e?s?\s+de\b",
            re.I,
        ),
        "panelist",
    ),
    (
        re.compile(
            r"\ba\s+cargo\s+de(?:l|\s+la)?\b|\bjunto\s+a(?:l)?\b|\bpresidid[oa]\s+por\b"
            r"|\bpr[ée]sid[ée]e?\s+par\b|\bavec\b",
            re.I,
        ),
        "speaker",
    ),
    (re.compile(r"\b(?:opened|closed|introduced|launched|joined)\s+by\b", re.I), "speaker"),
    (
        re.compile(
            r"\b(?:was|were|will\s+be|is|are|being)\s+(?:delivered|given|made|presented|proposed|"
            r"offered)\s+by\b",
            re.I,
        ),
        "speaker",
    ),
    (re.compile(r"\borgani[sz]ed\s+by\b", re.I), "organiser"),
    (
        re.compile(
            r"\bkeynote\s+(?:speech|address|lecture|remarks)?\s*(?:by|from|of|with)\b|\bkeynote\s+speakers?\s*(?::|will\s+be|is|are|include)|\bkeynote\s*:",
            re.I,
        ),
        "keynote",
    ),
    (
        re.compile(
            r"\b(?:(?:opening|closing|welcoming|introductory|welcome)\s+)?(?:remarks|address(?:es)?|speech(?:es)?|statements?|presentations?|welcome|words|lecture|talk|briefing)\s+(?:by|from|on\s+behalf\s+of)\b",
            re.I,
        ),
        "speaker",
    ),
    (
        re.compile(
            r"\bspeakers?\s*(?::|will\s+be|are|was|were|is|include|including)|\bwill\s+(?:be\s+)?address(?:ed)?\s+by\b|\bfeatur(?:e|es|ed|ing)\s+(?!opening|closing|remarks)",
            re.I,
        ),
        "speaker",
    ),
    (
        re.compile(
            r"\b(?:plenary|session|panel|debate|lecture|conversation|discussion)\s+with\b", re.I
        ),
        "speaker",
    ),
    (
        re.compile(
            r"\bpanel(?:l)?ists?\s*(?::|will\s+be|are|were|include|included|including)?|\bwill\s+include\b|\bincluding\b|\bparticipants\s+(?:include|included|are|were)\b",
            re.I,
        ),
        "panelist",
    ),
]
# one pass over the text for every cue; the group name says which cue matched. Every cue
# starts with a word: checking that once before trying the cues saves trying each of them at
# every position (a third of the time of reading roles).
_ALL_AFTER_CUES = re.compile(
    r"\b(?=[^\W\d_])(?:"
    + "|".join(f"(?P<c{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(_AFTER_CUES))
    + ")",
    re.IGNORECASE,
)
_BEFORE_CUES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^\s*,?\s*(?:will\s+)?moderates?\b|^\s*,?\s*(?:will\s+)?moderate\b", re.I),
        "moderator",
    ),
    (
        # "Jane Roe chairs the panel", not "Jane Roe, Chair |" (a title ending its line)
        re.compile(
            r"^\s*,?\s*(?:will\s+)?(?:chairs?|chaired|co-chaired)\b(?!\s+of)(?![^\S\n]*(?:[|\n]|$))",
            re.I,
        ),
        "chair",
    ),
    (re.compile(r"^\s*,?\s*(?:will\s+)?(?:host|hosts)\b", re.I), "host"),
    (
        re.compile(r"^\s*,?\s*(?:will\s+)?(?:lead|leads|led)\s+(?:a|the)\s+panel\b", re.I),
        "moderator",
    ),
    (
        re.compile(
            r"^\s*,?\s*(?:will\s+|this\s+week\s+)?(?:deliver(?:s|ed)?|give[sn]?|gave)\s+(?:a|the)\s+keynote",
            re.I,
        ),
        "keynote",
    ),
    (
        re.compile(
            r"^\s*,?\s*(?:will\s+(?:also\s+)?)?(?:headline|headlines|opens?|open|address(?:es)?|speak(?:s)?|present(?:s|ed)?|introduce(?:s)?|deliver(?:s|ed)?|propose[sd]?|hold|holds|held|brief|briefs|briefed)\b",
            re.I,
        ),
        "speaker",
    ),
    (
        re.compile(
            r"^\s*,?\s*(?:will\s+)?(?:take|takes|took|taking)\s+part\b|^\s*,?\s*(?:will\s+)?(?:join|joins|participate|participates|sit|sits)\b|^\s*,?\s*(?:will\s+)?(?:lead|leads)\s+(?:the\s+)?discussions?\b",
            re.I,
        ),
        "panelist",
    ),
]
_GATHERING = r"(?:conference|summit|forum|meeting|event|symposium|congress|workshop|day|festival)"
_WILL = re.compile(r"\b(?:will|shall|is\s+to|are\s+to)\s", re.I)


def role_in_sentence(text: str, end: int, limit: int) -> str | None:
    """What the sentence a name ends at ``end`` says its subject will do: "X will lead a
    panel" (moderator), "X and Y will also participate" (panelist), "X will speak"."""
    will = _WILL.search(text, end, limit)
    if will is None or will.start() - end > 160:
        return None
    clause = re.sub(r"^(\w+(?:\s+to)?)\s+also\s", r"\1 ", text[will.start() : limit])
    for pattern, role in _BEFORE_CUES:
        if pattern.match(clause):
            return role
    return None


# Sessions named by what people do in them: "will lead discussions on X", "will present X".
# (pattern, kind, words it cannot match without: one of each group)
_VERB_SESSIONS = [
    (
        re.compile(r"(?:lead(?<!\wlead)|hold(?<!\whold))\s(discussions?)(?=\s+on\s)", re.I),
        "panel discussion",
        (("lead", "hold"), ("discussion",)),
    ),
    (
        re.compile(r"will(?<!\wwill)\s(present)(?=\s+(?:the|a|an|his|her|their|its)\s)", re.I),
        "presentation",
        (("will",), ("present",)),
    ),
    # "X will open the conference": the opening is a sitting of its own, X its speaker
    (
        re.compile(rf"(?:will(?<!\wwill)\s|to(?<!\wto)\s)(open)(?=\s+the\s+{_GATHERING}\b)", re.I),
        "opening",
        (("open",),),
    ),
    (
        re.compile(rf"(?:will(?<!\wwill)\s|to(?<!\wto)\s)(close)(?=\s+the\s+{_GATHERING}\b)", re.I),
        "closing",
        (("close",),),
    ),
]
_VERB_KINDS = frozenset(kind for _, kind, _ in _VERB_SESSIONS)


def _folded_finditer(
    doc: Text, pattern: re.Pattern[str], needles: tuple[tuple[str, ...], ...]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` (a case-insensitive pattern of lower-case words) over the text,
    as :meth:`Text.caseless` has it, and only when each group of ``needles`` has a word in the
    lower-cased text."""
    scan, scanned = doc.caseless(pattern)
    low = doc.lower
    if low is not None and not all(any(word in low for word in group) for group in needles):
        return iter(())
    return scan.finditer(scanned)


_PRONOUN_START = re.compile(
    r"^\s*(?:It|They|She|He|Here|The\s+(?:panel(?:l)?ists|panel|session|debate|lab|discussion|"
    r"speakers|participants)|Ella|Ellos|Elle|Ils"
    # a sentence that opens with a role cue goes on about the sitting just described
    r"|(?:Moderated|Chaired|Facilitated|Hosted)\s+by|Con\s+la\s+(?:coordinaci[oó]n|"
    r"moderaci[oó]n)|(?:Moder|Anim|Présid)[ée]e?s?\s+par)\b"
)
_PROGRAMME_LINE = re.compile(
    r"(?m)^[ \t]*(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h\d{0,2})?"
    r"(?:\s*[-–—]\s*\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?)?)"
    r"[ \t]*(?:--|[-–—:|])?[ \t]*(?P<body>[^\s\d][^\n]*)$"
)


@dataclass
class PanelCluster:
    kind: str
    title: str | None
    spans: list[Span] = field(default_factory=list)
    date: PartialDate | None = None
    start_time: time | None = None
    end_time: time | None = None
    people: list[tuple[str, str]] = field(default_factory=list)  # (person key, role)
    own_event: str | None = None  # a line naming its own event is not a panel of the main one
    default_role: str | None = None  # what a name on a programme line without a cue does

    def add(self, key: str, role: str) -> None:
        for i, (k, r) in enumerate(self.people):
            if k == key:
                # a stronger role wins over "panelist" from a loose cue
                if r == "panelist" and role != "panelist":
                    self.people[i] = (k, role)
                return
        self.people.append((key, role))


def _normal_kind(kind: str) -> str:
    kind = re.sub(r"[\s-]+", " ", kind.lower()).strip()
    if kind in {"high level panel", "high level event", "high level session"}:
        return "high-level panel"
    if kind.startswith("high level "):
        return "high-level " + kind.removeprefix("high level ")
    # "keynote speech", "keynote address": a keynote
    if kind.startswith("keynote"):
        return "keynote"
    return kind


# "panel: “X”", "debate on “X”", "session entitled "X""
_QUOTED_AFTER = re.compile(
    r"\s*[:,]?\s*(?:(?:on|about|entitled|titled|called)\s+)?[“\"]([^“”\"\n]{4,200}?)[”\"]"
)


# "... they will debate the future of ports", "debatirán sobre los X", "débattront de X": what
# the people of a session will talk about, as its topic when nothing names it
_DEBATED = re.compile(
    r"\b(?=[^\W\d_])(?:(?:will|to|shall|would)\s+(?:debate|discuss|examine|explore|consider"
    r"|address|reflect\s+on|talk\s+about|focus\s+on|look\s+at)\s+"
    r"|\b(?:debatir(?:án|á)?|discutir(?:án|á)?|reflexionar(?:án|á)?|conversar(?:án|á)?)\s+"
    r"(?:sobre|acerca\s+de)\s+"
    r"|\b(?:débattr(?:ont|a)|discuter(?:ont|a)?|réfléchir(?:ont|a)?|échanger(?:ont|a)?)\s+"
    r"(?:de|du|des|sur)\s+)",
    re.IGNORECASE,
)
_TOPIC_ARTICLE = re.compile(r"(?:the|los|las|el|la|les|le|l['’])\s*", re.IGNORECASE)


def _debated(text: str, start: int, end: int) -> tuple[str, Span, Span] | None:
    """The topic the speakers of a session will debate, said in ``text[start:end]``, where
    it is and where the verb is."""
    verb = _DEBATED.search(text, start, end)
    if verb is None:
        return None
    at = verb.end()
    article = _TOPIC_ARTICLE.match(text, at)
    if article:
        at = article.end()
    stop = re.compile(r"[,.;:!?()\n“”\"]|\s(?:and|y|et)\s+(?:will|to|then|luego|puis)\b")
    close = stop.search(text, at, end)
    topic = text[at : close.start() if close else end].strip()
    if not 2 <= len(topic.split()) <= 15:
        return None
    return topic, (at, at + len(topic)), verb.span()


def _title_near(text: str, start: int, end: int, limit: int) -> tuple[str | None, Span | None]:
    after = text[end:limit]
    quoted = _QUOTED_AFTER.match(after)
    if quoted:
        return quoted.group(1).strip(" .,"), (end + quoted.start(1), end + quoted.end(1))
    before = text[max(0, start - 220) : start]
    quoted = re.search(
        r"[“\"]([^“”\"\n]{4,200}?)[”\"]\s*(?:\w+\s+){0,5}(?:at\s+)?(?:an?\s+|the\s+)?(?:interactive\s+)?[“\"]?$",
        before,
    )
    if quoted:
        offset = max(0, start - 220)
        return quoted.group(1).strip(" .,"), (offset + quoted.start(1), offset + quoted.end(1))
    topic = _ON_TOPIC.match(after)
    if topic:
        return topic.group(1).strip(), (end + topic.start(1), end + topic.end(1))
    obj = re.match(r"\s+(?:the|a|an|his|her|their|its)\s+([^,.;:()“”\"]{4,120})", after)
    if obj and text[start:end].lower() == "present":
        return obj.group(1).strip(), (end + obj.start(1), end + obj.end(1))
    later = re.search(
        r"(?:question|theme|title|topic|titled|entitled|called)\s*:?\s*[“\"]([^“”\"\n]{4,200}?)[”\"]",
        after,
    )
    if later:
        return later.group(1).strip(" .,"), (end + later.start(1), end + later.end(1))
    return None, None


def find_panels(doc: Text, exclude: list[Span]) -> list[PanelCluster]:
    """Session mentions outside event names, merged when they name the same session."""
    text = doc.text
    clusters: list[PanelCluster] = []
    found: list[tuple[Span, str]] = []
    for match in _folded_finditer(doc, _HIGH_LEVEL_EVENT, (("high",),)):
        if (
            match.start()
            and text[match.start() - 1] == "-"
            or any(a <= match.start() < b for a, b in exclude)
        ):
            continue
        found.append((match.span(), "high-level panel"))
    for pattern, kind, needles in _VERB_SESSIONS:
        for match in _folded_finditer(doc, pattern, needles):
            found.append((match.span(1), kind))
    excluded = SpanSet(exclude + [span for span, _ in found])
    for match in _kind_matches(text):
        if excluded.covers(match.start()) or _named_body(text, match):
            continue
        found.append((match.span(), _normal_kind(match.group(1))))
    for (start, end), kind in sorted(found):
        line_start = text.rfind("\n", 0, start) + 1
        if kind not in _VERB_KINDS and not _DETERMINED.search(
            text[max(line_start, start - 40) : start]
        ):
            continue
        sentence = doc.sentence_at(start)
        limit = sentence.end if sentence else len(text)
        title, _ = _title_near(text, start, end, limit)
        if title and len(title.split()) > 25:
            title = None
        if title is None and kind not in _VERB_KINDS:
            title = _topic_debated(doc, end, limit)
        cluster = _matching(clusters, kind, title)
        if title is None and kind in _GENERIC_KINDS and clusters:
            # "the whole session", "the panel": the session just mentioned
            last = max(clusters, key=lambda c: c.spans[-1][0])
            if start - last.spans[-1][0] < 800:
                cluster = last
        if cluster is None:
            cluster = PanelCluster(kind, title)
            clusters.append(cluster)
        elif title and (
            not cluster.title or _quoted(text, title) and not _quoted(text, cluster.title)
        ):
            cluster.title = title  # a quoted name wins over an "on ..." topic
        cluster.spans.append((start, end))
    return clusters


# Kinds of session that also end the names of bodies ("the Northvale Urban Lab")
_BODY_KINDS = frozenset({"lab"})
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w&'’-]*[ \t]+\Z")


def _named_body(text: str, match: re.Match[str]) -> bool:
    """A kind word that ends a capitalised name: a body, not a session."""
    return (
        fold(match.group(1)) in _BODY_KINDS
        and match.group(1)[:1].isupper()
        and bool(_CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start()))
    )


def _topic_debated(doc: Text, end: int, limit: int) -> str | None:
    """The topic said after a session in its sentence, or in the next sentence when that one
    names no other session ("There will be a panel of X. They will debate Y.")."""
    found = _debated(doc.text, end, limit)
    if found is None:
        index = doc.sentence_index(max(end, limit - 1))
        if 0 <= index and index + 1 < len(doc.sentences):
            following = doc.sentences[index + 1]
            found = _debated(doc.text, following.start, following.end)
            if found is not None:
                (a, b), text = found[2], doc.text
                rest = text[following.start : a] + " " + text[b : following.end]
                if _kind_matches(rest):
                    found = None  # the next sentence is about another session
    return found[0] if found else None


_GENERIC_KINDS = {"session", "panel", "debate", "discussion", "panel session", "talk"}


def _quoted(text: str, title: str) -> bool:
    return f"“{title}" in text or f'"{title}' in text


def _matching(clusters: list[PanelCluster], kind: str, title: str | None) -> PanelCluster | None:
    from importers.extract.events import titles_alike

    # "the panel" is the high-level panel just named; "concluding remarks" are not "special
    # remarks"
    same_kind = [
        c
        for c in clusters
        if c.kind == kind
        or kind.split()[-1] == c.kind.split()[-1]
        and (" " not in kind or " " not in c.kind)
    ]
    if title:
        for cluster in clusters:
            if cluster.title and titles_alike(cluster.title, title):
                return cluster
        untitled = [c for c in same_kind if not c.title]
        if untitled:
            return untitled[-1]
        # a second title for the same session ("the panel on X" then its quoted name)
        titled = [c for c in same_kind if c.kind == kind]
        return titled[-1] if titled and kind == "high-level panel" else None
    return same_kind[-1] if same_kind else None


def programme_panels(doc: Text, dates: list[DateMention]) -> list[PanelCluster]:
    """Lines of a timed programme under day headings: one panel per line."""
    text = doc.text
    out: list[PanelCluster] = []
    headings = [d for d in dates if d.start.precision == "day" and _is_heading(text, d.span)]
    for match in _PROGRAMME_LINE.finditer(text):
        times = find_times(match.group("time") + " ")
        if not times and not re.search(r"[ap]\.?m|[:h]\d", match.group("time")):
            continue
        current = [h for h in headings if h.span[1] <= match.start()]
        if not current:
            continue
        # a table row read as "time | session | people": the session is its first cell
        body = match.group("body").strip().split(" | ")[0].strip()
        kind_match = _KIND_RE.search(body)
        kind = _normal_kind(kind_match.group(1)) if kind_match else "session"
        if kind_match and kind_match.start() > 0:
            # "Opening plenary", "the afternoon plenary": keep the adjective before the noun
            adjective = re.search(r"(\w+)\s+$", body[: kind_match.start()])
            if adjective and adjective.group(1).lower() in {
                "opening",
                "closing",
                "afternoon",
                "morning",
                "evening",
                "final",
                "special",
                "press",
            }:
                kind = f"{adjective.group(1).lower()} {kind}"
        title = None
        quoted = _QUOTED.search(body)
        if not kind_match and not quoted:
            continue
        if quoted:
            title = quoted.group(1).strip(" .,")
        elif kind_match and kind_match.start() == 0:
            after = re.sub(r"^\s*(?:\d+|[IVX]+|[A-Z])?\s*[:–—-]\s*", "", body[kind_match.end() :])
            if after != body[kind_match.end() :] and len(after) >= 3:
                title = after.rstrip(".")  # "Panel 2: Data for development"
            elif after.strip() and not re.search(r"\b(?:with|from|by)\b", body):
                title = body.rstrip(".")  # "Press briefing on the new report"
        spans = [match.span("body"), *_continuation(text, match.end())]
        panel = PanelCluster(kind, title, spans, current[-1].start)
        panel.default_role = _list_role(panel) if kind != "keynote" else "keynote"
        if times:
            panel.start_time = times[0].start
            panel.end_time = times[0].end
        out.append(panel)
        # further quoted session names on the same line ("Plus sessions on "A"; "B"")
        if quoted:
            for extra in _QUOTED.finditer(body, quoted.end()):
                name = extra.group(1).strip(" .,;")
                if len(name) > 3:
                    out.append(
                        PanelCluster(
                            "session",
                            name,
                            [match.span("body")],
                            current[-1].start,
                            panel.start_time,
                        )
                    )
    return out


def _continuation(text: str, end: int) -> list[Span]:
    """Lines under a programme line that describe it (speakers, moderator), up to a blank line,
    the next timed line or a heading."""
    spans = []
    pos = end + 1
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        line = text[pos:line_end]
        if not line.strip() or _PROGRAMME_LINE.match(line) or len(line.strip()) < 3:
            break
        spans.append((pos, line_end))
        pos = line_end + 1
    return spans


def _is_heading(text: str, span: Span) -> bool:
    line_start = text.rfind("\n", max(0, span[0] - 61), span[0]) + 1
    if span[0] - line_start > 60:
        return False  # a heading line is short: no need to look further back
    line_end = text.find("\n", span[1], span[1] + 61)
    if line_end == -1:
        if span[1] + 61 < len(text):
            return False
        line_end = len(text)
    line = text[line_start:line_end]
    rest = (text[line_start : span[0]] + text[span[1] : line_end]).strip(" ,.:*#-")
    return len(rest) <= 12 and len(line) <= 60


def assign_roles(
    doc: Text,
    panels: list[PanelCluster],
    names: list[NameMention],
    key_of: dict[Span, str],
) -> list[tuple[str, str]]:
    """Give people their roles in panels; returns the (key, role) pairs that belong to the
    event as a whole (no session named)."""
    text = doc.text
    event_level: list[tuple[str, str]] = []
    spans_of = sorted(((s, p) for p in panels for s in p.spans), key=lambda sp: sp[0][0])
    # bucket everything by sentence once instead of scanning per sentence
    spans_by: dict[int, list[tuple[Span, PanelCluster]]] = {}
    for span, panel in spans_of:
        spans_by.setdefault(doc.sentence_index(span[0]), []).append((span, panel))
    people_by: dict[int, list[NameMention]] = {}
    for mention in names:
        if mention.span in key_of:
            people_by.setdefault(doc.sentence_index(mention.span[0]), []).append(mention)
    cues_by: dict[int, list[tuple[int, int, str]]] = {}
    cues, scanned = doc.caseless(_ALL_AFTER_CUES)
    for index in people_by:
        sentence = doc.sentences[index]
        for match in cues.finditer(scanned, sentence.start, sentence.end):
            role = _AFTER_CUES[int(match.lastgroup[1:])][1]
            cues_by.setdefault(index, []).append((match.start(), match.end(), role))
    current: PanelCluster | None = None
    last_seen = -1
    listing: tuple[PanelCluster | None, str] | None = None  # a list introduced by "...with:"
    listing_from = -1
    for index, sentence in enumerate(doc.sentences):
        if not index % 256:
            budget.check()
        in_sentence = spans_by.get(index, [])
        people = people_by.get(index)
        s_text = text[sentence.start : sentence.end]
        previous_end = doc.sentences[index - 1].end if index else 0
        if listing is not None and (
            not _BULLET.match(s_text)
            and "\n\n" in text[previous_end : sentence.start]
            or not _BULLET.match(s_text)
            and "\n" not in text[previous_end : sentence.start]
        ):
            listing = None  # a list goes on line by line until a blank line
        own = _ROLE_LINE.match(s_text) if listing is not None else None
        if own and _ROLE_OF_LABEL.get(own.group(1).lower()[:5]) != listing[1]:
            listing = None  # "Moderator: Jane Roe" under a list of speakers: a role of its own
        heading = _LIST_HEADING.fullmatch(s_text)  # "Speakers" alone above the list
        if s_text.rstrip().endswith(":") or heading:
            labelled = heading or _LIST_LABEL.search(s_text)
            role = _ROLE_OF_LABEL.get(labelled.group(1).lower()[:5]) if labelled else None
            if in_sentence:
                panel = in_sentence[-1][1]
                listing = (panel, role or _list_role(panel))
                listing_from = index
            elif labelled:
                listing = (current if current and sentence.start - last_seen < 700 else None, role)
                listing_from = index
        if not people:
            if in_sentence:
                current = in_sentence[-1][1]
                last_seen = sentence.start
            continue
        if listing is not None and index > listing_from:
            for mention in people[:1]:
                _give(listing[0], key_of[mention.span], listing[1], event_level)
            continue
        if in_sentence:
            target = in_sentence[0][1]
        elif (
            current is not None
            and _PRONOUN_START.match(s_text)
            and sentence.start - last_seen < 700
        ):
            target = current
        else:
            target = None
        cues = sorted(cues_by.get(index, []))
        # drop cues inside a longer cue ("including" inside "panelists including")
        merged: list[tuple[int, int, str]] = []
        for cue in cues:
            if merged and cue[0] < merged[-1][1]:
                continue
            merged.append(cue)
        assigned: set[Span] = set()
        for i, (_c_start, c_end, role) in enumerate(merged):
            stop = merged[i + 1][0] if i + 1 < len(merged) else sentence.end
            previous_end: int | None = None
            for mention in people:
                if role in ("organiser", "host") and not _HONORIFICS_ONLY.fullmatch(
                    text[c_end : mention.span[0]]
                ):
                    continue  # "organised by UNEP, Dr Jane Roe presented": not the organiser
                if (
                    role in _SINGLE_ROLES
                    and previous_end is not None
                    and not _JOINED.fullmatch(text[previous_end : mention.span[0]])
                ):
                    break  # "moderated by A, B and C will discuss": B and C do not moderate
                if c_end <= mention.span[0] < stop and mention.span not in assigned:
                    if role == "panelist" and target is None and not in_sentence:
                        continue
                    assigned.add(mention.span)
                    previous_end = mention.span[1]
                    _give(
                        _covering(in_sentence, mention, target),
                        key_of[mention.span],
                        role,
                        event_level,
                    )
        for mention in people:
            if mention.span in assigned:
                continue
            after = text[mention.span[1] : min(sentence.end, mention.span[1] + 160)]
            # skip an apposition: "Jane Roe, Director of X, will moderate"
            after_clause = re.sub(
                r"^\s*,[^,]{0,120}?(?:,\s*|\s+)(?=(?:will|moderate[sd]?|chair(?:s|ed)|headline[sd]?|deliver(?:s|ed)|take[sn]?|took|present(?:s|ed)|spoke|speaks|address(?:es|ed)|open(?:s|ed)|join(?:s|ed)|leads?|led)\b)",
                " ",
                after,
            )
            after_clause = re.sub(r"^\s*(?:this\s+week|today|tomorrow|also)\s+", " ", after_clause)
            after_clause = re.sub(
                r"^\s*(?:from|of)\s+[A-Z][^,]{0,60}?(?=\s+will\b)", "", after_clause
            )
            for pattern, role in _BEFORE_CUES:
                if pattern.search(after_clause):
                    assigned.add(mention.span)
                    target_here = _covering(in_sentence, mention, target)
                    if target_here is None:
                        near = [
                            p
                            for s, p in spans_of
                            if s[0] >= mention.span[1] and s[0] < sentence.end
                        ]
                        target_here = near[0] if near else None
                    _give(target_here, key_of[mention.span], role, event_level)
                    break
        for _, panel in in_sentence[:1]:
            if panel.default_role:  # "10:00 | Keynote | Prof. Jane Roe": the line's own person
                for mention in people:
                    if mention.span not in assigned:
                        assigned.add(mention.span)
                        _give(panel, key_of[mention.span], panel.default_role, event_level)
        if in_sentence and _TAKING_PART.search(s_text):
            # "In a panel moderated by A, B and C will discuss ...": the others take part
            for mention in people:
                if mention.span not in assigned:
                    _give(in_sentence[0][1], key_of[mention.span], "panelist", event_level)
        if in_sentence:
            current = in_sentence[-1][1]
            last_seen = sentence.start
    return event_level


def _covering(
    in_sentence: list[tuple[Span, PanelCluster]], mention: NameMention, target: PanelCluster | None
) -> PanelCluster | None:
    """The session whose part of the text holds the name (the latest to start), else the
    sentence's."""
    holding = [p for (a, b), p in in_sentence if a <= mention.span[0] < b]
    return holding[-1] if holding else target


_HONORIFICS_ONLY = re.compile(
    r"\s*(?:(?:the\s+)?(?:Dr|Mr|Mrs|Ms|Mx|Prof|Professor|H\.\s?E\.|Ambassador|Sir|Dame|Baroness|Lord|"
    r"Lady|Rev|Hon|Minister|President|Senator|Mayor|Councillor)\.?\s+)*"
)
_LIST_WORDS = (
    r"speakers?|panel(?:l)?ists?|moderators?|chairs?|hosts?|presenters?|discussants?|facilitators?"
)
_LIST_LABEL = re.compile(rf"\b({_LIST_WORDS}|keynotes?)\s*:\s*$", re.IGNORECASE)  # "Speakers:"
_LIST_HEADING = re.compile(rf"({_LIST_WORDS}|keynote\s+speakers?)", re.IGNORECASE)  # alone
_ROLE_LINE = re.compile(rf"\s*({_LIST_WORDS}|keynotes?)\s*:\s*\S", re.IGNORECASE)  # "Chair: X"
_ROLE_OF_LABEL = {
    "speak": "speaker",
    "panel": "panelist",
    "moder": "moderator",
    "chair": "chair",
    "hosts": "host",
    "host": "host",
    "keyno": "keynote",
    "prese": "speaker",
    "discu": "panelist",
    "facil": "moderator",
}
# Roles one or two people hold: the cue reaches the first name and one joined by "and".
_SINGLE_ROLES = {"moderator", "chair", "host", "organiser"}
_JOINED = re.compile(
    r"\s*(?:and|&)\s+(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Professor|Ambassador|Sir|Dame)\.?\s+)?"
)
_TAKING_PART = re.compile(
    r"\b(?:discuss|debate|exchange|share|participate|take\s+part|join)\w*\b", re.IGNORECASE
)
_BULLET = re.compile(r"\s*(?:[-•*–·▪◦]|\d{1,2}[.)])\s+")


def _list_role(panel: PanelCluster | None) -> str:
    if panel is None:
        return "speaker"
    kind = panel.kind
    return (
        "panelist"
        if any(w in kind for w in ("panel", "discussion", "debate", "roundtable"))
        else "speaker"
    )


def _give(
    panel: PanelCluster | None, key: str, role: str, event_level: list[tuple[str, str]]
) -> None:
    if panel is not None:
        panel.add(key, role)
    elif (key, role) not in event_level:
        event_level.append((key, role))
