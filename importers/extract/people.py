"""People: names with their job titles and organisations, from appositions on either side
("NWC Deputy Director General Jane Roe", "Jane Roe, Director of the X Institute", "Jane Roe of
the Department of Y", "Jane Roe from Z"), with later short forms ("Ambassador Roe") folded in."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from importers.extract import budget
from importers.extract.affiliation import (
    described_as,
    is_org,
    split_affiliation,
    split_leading_org,
    title_word,
)
from importers.extract.lexicon import (
    ACADEMIC,
    COURTESY,
    HONORIFICS,
    ORG_WORDS,
    PEERAGE,
    TITLE_HEADS,
    TITLE_WORDS,
    fold,
)
from importers.extract.names import NameMention, find_names, honorific_before, post_nominals_end
from importers.extract.places import is_place, lookup
from importers.extract.text import Text
from importers.records import Span

# Lower-case words that end an apposition: the clause's verb or a relative pronoun.
_CLAUSE_WORDS = {
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "who",
    "which",
    "that",
    "also",
    "headlines",
    "moderates",
    "moderated",
    "delivered",
    "delivers",
    "gave",
    "gives",
    "opened",
    "opens",
    "leads",
    "led",
    "took",
    "takes",
    "joined",
    "joins",
    "spoke",
    "speaks",
    "chairs",
    "chaired",
    "hosted",
    "hosts",
    "presented",
    "presents",
    "announced",
    "explained",
    "stressed",
    "welcomed",
    "highlighted",
    "called",
    "urged",
    "emphasised",
    "emphasized",
    "reported",
    "argued",
    "pointed",
    "warned",
    "did",
    "does",
    "being",
    "been",
    "explains",
    "stated",
    "states",
    "commented",
    "comments",
    "believes",
    "thinks",
    "wrote",
    "writes",
    "attended",
    "attends",
    "participated",
    "participates",
    "addressed",
    "addresses",
    "discussed",
    "discusses",
    "went",
    "goes",
    "made",
    "makes",
    "set",
    "sets",
    "underlined",
    "declared",
    "launched",
    "launches",
    "remarked",
    "concluded",
    "began",
    "begins",
    "start",
    "started",
    "starts",
}
_HONORIFIC_WORDS = r"Dr|Mr|Mrs|Ms|Mx|Prof|Professor|Ambassador|Sir|Dame|Rev|Hon|H\.E"
_ROLE_LABEL = re.compile(
    r"(?:speakers?|panel(?:l)?ists?|moderators?|chairs?|co-chairs?|hosts?|keynotes?|"
    r"discussants?|presenters?|facilitators?|participants|with)\s*:\s*(?:[^:\n]*[,;]\s*)?$",
    re.IGNORECASE,
)


@dataclass
class Person:
    name: str
    honorific: str | None = None
    title: str | None = None
    organisation: str | None = None
    spans: list[Span] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    mobiles: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    confident: bool = True

    @property
    def key(self) -> str:
        return person_key(self.name)


def person_key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").replace(".", " ").split())


def _is_title_phrase(phrase: str) -> bool:
    words = [fold(w.strip(".,()")) for w in phrase.split()]
    # "Vice-Chancellor", "Co-Founder": a hyphenated title holds a title word
    words += [fold(part) for w in words if "-" in w for part in w.split("-")]
    return any(w in TITLE_HEADS for w in words)


def _is_org_phrase(phrase: str) -> bool:
    words = [w.strip(".,()") for w in phrase.split()]
    if re.search(r"\([A-Z][A-Za-z&]{1,12}\)", phrase):
        return True
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return fold(words[0]) not in TITLE_WORDS
    return any(fold(w) in ORG_WORDS for w in words)


def _clean_title(title: str) -> str:
    title = re.sub(r"^(?:a|an|the|its|their|his|her|our)\s+", "", title.strip(), flags=re.I)
    title = re.sub(r"\s+from\s+.*$", "", title)  # "a young leader from Kenya"
    return title.strip(" ,;:-–—.")


def _split_title_org(phrase: str) -> tuple[str, str | None]:
    """ "Director of the X Institute" -> ("Director", "X Institute") when what follows "of" is
    an organisation; else the phrase stays a title ("Mayor of Springfield")."""
    splits = []
    for match in re.finditer(r"\s+(?:of|at|with)\s+(?:the\s+)?", phrase):
        rest = phrase[match.end() :].strip().rstrip(".")
        head = phrase[: match.start()].strip()
        if not rest or not _is_title_phrase(head) or is_place(rest):
            continue
        first = rest.split()[0]
        bare = re.sub(r"[’']s$", "", first)
        if match.group().split()[0] == "at" and first[:1].isupper():
            splits.append((-1, head, rest))  # "Senior Editor at Field Notes": where one works
        elif fold(first) in ORG_WORDS or (bare.isupper() and len(bare) >= 2):
            splits.append((0, head, rest))
        elif _is_org_phrase(rest):
            splits.append((1, head, rest))
    if not splits:
        return phrase, None
    best = min(splits, key=lambda s: (s[0], -len(s[1])) if s[0] <= 0 else (s[0], len(s[1])))
    return best[1], best[2]


_SEGMENT_MARK = re.compile(r"[(),]")


def _segments(text: str, start: int, limit: int) -> list[tuple[int, str]]:
    """Comma-separated segments from start up to limit, commas in parentheses kept."""
    out: list[tuple[int, str]] = []
    depth = 0
    seg_start = start
    for mark in _SEGMENT_MARK.finditer(text, start, limit):
        ch, i = mark.group(), mark.start()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append((seg_start, text[seg_start:i]))
            seg_start = i + 1
    out.append((seg_start, text[seg_start:limit]))
    return [(s + len(seg) - len(seg.lstrip()), seg.strip()) for s, seg in out if seg.strip()]


def _unbracket(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)?", "", text).strip()


def _cut_at_clause(segment: str) -> tuple[str, bool]:
    """The segment up to its first clause word, and whether the clause ended there."""
    words = segment.split(" ")
    for i, word in enumerate(words):
        if i >= 2 and len(word) > 4 and word.endswith("ed") and word.isalpha() and word.islower():
            return " ".join(words[:i]).strip(), True  # "... Studies” visited Mali": a verb
        if word in _CLAUSE_WORDS or (
            i == 0
            and word[:1].islower()
            and word
            not in {"a", "an", "the", "former", "chief", "senior", "deputy", "director", "head"}
            and fold(word) not in TITLE_WORDS
        ):
            return " ".join(words[:i]).strip(), True
    return segment, False


# "Director of X", "Minister for Local Government", "Editor at X": what the title is of is
# not part of the title
_TITLE_COMPLEMENT = re.compile(r" (?:of|for|at) ")


_NEXT_PERSON = re.compile(
    rf"(?:{_HONORIFIC_WORDS}|Ms|Mrs|Mr|Dr|H\.\s?E|Amb|Ambassador)\.?\s*(?:\((?:Dr|Prof)\.?\)\s*)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s*$"
)
# "... to Kenya and Mr": the start of the next person, not part of the title
_AND_NEXT = re.compile(rf"\s+and\s+(?:{_HONORIFIC_WORDS}|Ms|Mrs|Mr|Dr)\.?$")


def post_apposition(text: str, name_end: int, stop: int) -> tuple[str | None, str | None]:
    """Title and organisation written after a name, up to ``stop``."""
    semicolon = text.find(";", name_end, stop)
    if semicolon != -1:
        stop = semicolon  # "A, Minister, X; B, Professor, Y": one entry per person
    rest = text[name_end:stop]
    title: str | None = None
    org: str | None = None
    if re.match(r"\s*\(", rest):
        inner = re.match(r"\s*\(([^()]{2,120})\)", rest)
        # "Jane Roe (Acme Trust)", "Jane Roe (Freedonia)": whom or which country she speaks for
        if inner and (_is_org_phrase(inner.group(1)) or is_place(inner.group(1).strip())):
            org = inner.group(1).strip()
        return None, org
    lead = re.match(r"\s+(?:of|from|at)\s+(?:the\s+)?", rest)
    if lead:
        phrase, _ = _cut_at_clause(re.split(r"[,;:.]\s", rest[lead.end() :] + " ")[0].strip())
        phrase = re.sub(r"\s+(?:and|or)(?:\s+(?:" + _HONORIFIC_WORDS + r")\.?)?$", "", phrase)
        if phrase and phrase[:1].isupper() and not is_place(phrase):
            org = phrase
        rest = rest[lead.end() + len(phrase) :]
    if not re.match(r"\s*,\s*", rest):
        return None, org
    offset = name_end + (len(text[name_end:stop]) - len(rest))
    kept: list[str] = []
    for _, segment in _segments(text, offset + rest.index(",") + 1, stop):
        if _NEXT_PERSON.match(segment):
            break  # "Ms. Jane Roe, Ambassador John Doe, Mr. X": the next person of a list
        segment = _AND_NEXT.sub("", segment)
        segment, ended = _cut_at_clause(segment)
        segment = re.sub(r"\s+and$", "", segment).strip()
        if not segment or segment.startswith("and ") and not kept:
            break
        if segment[:1].islower() and not re.match(r"(?:a|an|the|and|former)\s", segment):
            if not _is_title_phrase(segment):
                break
        kept.append(segment)
        if ended:
            break
    found = split_affiliation(", ".join(kept))
    title, later_org = found.title, found.organisation
    if title:
        title = _clean_title(title)
    org = org or later_org
    if org:
        org = org.strip().rstrip(".")
    if title and not _is_title_phrase(title):
        title = None
    return title or None, org


_PRE_STOP = re.compile(r"[.;:!?\"“”()\n]|\s--?\s|\s[–—]\s")


_PRE_DETERMINER = re.compile(r"(?:^|\s)(?:the|its|our|their|to|for|with)\s+", re.I)


def _pre_comma_title(window: str) -> str | None:
    """ "... introduced by the Vice-Chancellor, ": the shortest phrase after a determiner and
    before the closing comma that is a title ("the head of the UN agency" -> "head of ...")."""
    body = window.rstrip()[:-1]
    for start in reversed([m.end() for m in _PRE_DETERMINER.finditer(body)]):
        phrase = body[start:]
        if "," in phrase or len(phrase) > 120:
            break
        if len(phrase) >= 3 and _is_title_phrase(phrase):
            return phrase
    return None


_PRE_DESCRIBED = re.compile(
    r"(?:^|\s)(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir)\s+((?:new\s+|former\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"\s+of\s+[^.;]{3,160}),\s*$"
)
_PRE_POSSESSIVE = re.compile(r"(?:^|\s)([A-Z][\w.-]*[’']s\s+[^,]{3,100}),\s*$")


_ROMANCE_DETERMINER = re.compile(r"(?:^|\s)(?:el|la|los|las|del|al|le|les|du|des|au)\s+", re.I)
_ROMANCE_DEMONYM = re.compile(
    r"\s+[a-záéíóúñç]+(?:ano|ana|eño|eña|ense|és|esa|ino|ina|ais|aise|ien|ienne|o|a)$"
)


def _romance_pre_title(window: str) -> tuple[str | None, str | None]:
    """ "la ministra de Cultura, Ana Ruiz", "el filósofo italiano Marco Bianchi": a title
    written in lower case after an article, as Spanish and French write it; a nationality
    after the title is not part of it."""
    body = window.rstrip()
    body = body[:-1].rstrip() if body.endswith(",") else body
    for match in reversed(list(_ROMANCE_DETERMINER.finditer(body))):
        phrase = body[match.end() :].strip()
        words = phrase.split()
        if not words or len(words) > 14:
            continue
        head = words[1] if fold(words[0]) in ("ex", "former") and len(words) > 1 else words[0]
        if fold(head) not in TITLE_HEADS or not head[:1].islower():
            continue
        while len(phrase.split()) > 1:
            demonym = _ROMANCE_DEMONYM.search(phrase)
            last = phrase.split()[-1]
            if not demonym or fold(last) in TITLE_HEADS or last in ("y", "e", "et"):
                break
            if not last.endswith(
                (
                    "ano",
                    "ana",
                    "eño",
                    "eña",
                    "ense",
                    "és",
                    "esa",
                    "ino",
                    "ina",
                    "ais",
                    "aise",
                    "ien",
                    "ienne",
                )
            ):
                break
            phrase = phrase[: demonym.start()].rstrip()
        found = split_affiliation(phrase)
        return found.title or phrase, found.organisation
    return None, None


def pre_apposition(text: str, start: int, sentence_start: int) -> tuple[str | None, str | None]:
    """Title and organisation written before a name (honorifics already skipped); "X will be
    represented by its Director of Y, Jane Roe": the body is the sentence's subject."""
    title, org = _pre_apposition(text, start, sentence_start)
    if title:
        owned = _owned_title(text, start, sentence_start)
        if owned is not None:
            return owned
        return title, org
    return _shared_title(text, start, sentence_start) or (title, org)


# "Two NCL Acting Directors, Ms Jane Roe, ..., and Mr John Doe": one title for several people
_PLURAL_TITLE = re.compile(
    r"(?:(?:[Tt]wo|[Tt]hree|[Ff]our|[Bb]oth|[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+)?"
    r"(?P<title>(?:[A-Z][\w&'’-]*\s+){0,4}[A-Z][\w-]*?(?:ies|s))"
    r"(?:\s+(?P<of>(?:of|for|at)\s+(?:the\s+)?[A-Z][^,;:()\n]{2,80}?))?,\s+"
)
_VERB_BETWEEN = re.compile(r"\b(?:will|is|are|was|were|has|have|had|said|says|and\s+the)\b")


def _shared_title(text: str, start: int, sentence_start: int) -> tuple[str, str | None] | None:
    just_before = text[max(sentence_start, start - 12) : start]
    if "," not in just_before and "and " not in just_before:
        return None  # a name in such a list follows a comma or "and"
    window_start = max(sentence_start, start - 240)
    plural = None
    for m in _PLURAL_TITLE.finditer(text, window_start, start):
        plural = m
    if plural is None or _VERB_BETWEEN.search(text, plural.end(), start):
        return None
    words = plural.group("title").split()
    last = words[-1]
    words[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    if not title_word(words[-1]):
        return None  # "..., CEO of Tidewater Labs, and Jane Roe": no title in the plural
    phrase = " ".join(words)
    if plural.group("of"):
        phrase = f"{phrase} {plural.group('of')}"
    if not _is_title_phrase(phrase.split(" of ")[0].split(" for ")[0]):
        return None
    title, org = _split_title_org(phrase)
    if title and not org:
        title, org = split_leading_org(title)
    return (_clean_title(title), org) if title else None


# "... led by its Director of the Regional Office, Ms " before a name
_ITS_TITLE = re.compile(
    r"\b(?:its|their)\s+(?P<title>[A-Za-z][^,;:()\n]{2,120}?)\s*,?\s*"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.\s?E)\.?\s+)?\Z"
)
# the subject that "its" stands for: "The Harbour Institute (HI) will be represented by"
_SUBJECT = re.compile(
    r"\s*(?:The\s+)?(?P<org>[A-Z][\w.&'’-]*(?:[ \t]+(?:of|for|and|on|the|de|[A-Z][\w.&'’-]*)){0,8}?"
    r"(?:[ \t]*\([A-Z][\w&.-]{1,12}\))?)(?:[ \t]+(?:delegation|team|side|group))?"
    r"[ \t]+(?:will|is|was|has|have|had|shall|would|are|were)\b"
)


def _owned_title(text: str, start: int, sentence_start: int) -> tuple[str, str] | None:
    its = _ITS_TITLE.search(text, max(sentence_start, start - 160), start)
    subject = _SUBJECT.match(text, sentence_start) if its else None
    if its is None or subject is None or subject.end() > its.start():
        return None
    org = subject.group("org")
    if not (is_org(org) or re.fullmatch(r"[A-Z][A-Z0-9&-]{1,11}", org)):
        return None
    title = " ".join(its.group("title").split())
    if not _is_title_phrase(title.split(" of ")[0]):
        return None
    return _clean_title(title), " ".join(org.split())


def _pre_apposition(text: str, start: int, sentence_start: int) -> tuple[str | None, str | None]:
    # a title before a name is written within a few words of it
    window = text[max(sentence_start, start - 300) : start]
    if window.rstrip().endswith(";"):
        # "The Minister for Coastal Affairs; Dr Jane Roe": a semicolon set like a comma
        window = window.rstrip()[:-1] + ", "
    romance = _romance_pre_title(window[-160:])
    if romance[0]:
        return romance
    cut = max((m.end() for m in _PRE_STOP.finditer(window)), default=0)
    window = window[cut:]
    # "the new WMTO Director-General, Dr Jane Roe": a definite description before a comma
    comma = described = possessive = None
    if window.rstrip().endswith(","):  # all three end with a comma
        comma = _pre_comma_title(window)
        # the nearest description: "the Mayor of X, Jane Roe, and the Mayor of Y, John Doe"
        described = next(
            (
                m
                for m in (
                    _PRE_DESCRIBED.match(window, d.start())
                    for d in reversed(list(_PRE_DETERMINER.finditer(window)))
                )
                if m
            ),
            None,
        )
        possessive = _PRE_POSSESSIVE.search(window)
    if possessive and not described:
        title, org = split_leading_org(possessive.group(1))
        if title:
            return _clean_title(title), org
    if described and _is_title_phrase(described.group(1).split(" of ")[0]):
        title, org = _split_title_org(described.group(1))
        return _clean_title(title), org
    if comma:
        phrase = comma
        words = phrase.split()
    else:
        if window.rstrip().endswith(","):
            # "Opening the meeting, NCL Executive Secretary, Jane Roe said": a title set off
            # by commas with no article before it
            between = window.rstrip()[:-1].rsplit(",", 1)[-1].strip()
            if (
                between[:1].isupper()
                and len(between.split()) <= 8
                and _is_title_phrase(between)
                and title_word(between.split()[-1])
            ):
                title, org = split_leading_org(between)
                return (_clean_title(title), org) if title else (None, None)
            return None, None
        words = []
        written = window.split()
        for k in range(len(written) - 1, -1, -1):
            word = written[k]
            bare = word.strip(",")
            if word.endswith(","):
                break
            f = fold(bare)
            if f == "and" and not words:
                break  # "... Roe and Dr Jane Doe": what comes before belongs to Roe
            if f == "and" and words and fold(words[0]) in TITLE_WORDS and k > 0:
                before = fold(written[k - 1].strip(","))
                if before not in TITLE_WORDS and written[k - 1][:1].isupper():
                    break  # "Mayor Roe and Councilmember Jane Doe": another person's title
            if (
                f in TITLE_WORDS
                or f in {"of", "for", "on", "and", "in", "to"}
                or (bare[:1].isupper() and f not in {"the", "a", "an"})
                or (bare[:1].isupper() is False and f in TITLE_WORDS)
            ):
                words.insert(0, bare)
                continue
            if f in {"former", "new", "current", "outgoing", "incoming", "acting", "interim"}:
                continue
            break
        while words and fold(words[0]) in {"of", "for", "on", "and", "in", "to"}:
            words.pop(0)
        phrase = " ".join(words)
    if not words or not _is_title_phrase(phrase):
        return None, None
    return split_leading_org(" ".join(words))


_HONORIFIC_KEPT = COURTESY | ACADEMIC | PEERAGE | {"ambassador", "professor", "prof", "senator"}
_PERSONAL_HONORIFICS = COURTESY | {"ambassador", "professor"}


def _is_job_honorific(honorific: str) -> bool:
    """ "Director", "Minister", "Secretary-General": job titles, unlike "Dr", "Ambassador",
    "Professor" or "Baroness", which stay honorifics."""
    last = fold(honorific.split()[-1].rstrip("."))
    return last in TITLE_WORDS and last not in _HONORIFIC_KEPT


def _has_own_title(text: str, end: int) -> bool:
    nxt = re.match(r"\s*,\s*(?:an?\s+|the\s+)?([^,]{2,80})", text[end : end + 90])
    return bool(nxt and _is_title_phrase(nxt.group(1)))


def _in_quotes(text: str, start: int, line_start: int) -> bool:
    before = text[max(line_start, start - 500) : start]  # a quoted title is short
    opens = before.count("“") + before.count("«")
    closes = before.count("”") + before.count("»")
    straight = before.count('"')
    return opens > closes or straight % 2 == 1


_HEADING_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_HEADING_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "at", "a", "with"})


@lru_cache(maxsize=64)
def _heading_like(text: str, line: tuple[int, int]) -> bool:
    """Three words or more, none in lower case but the small ones ("Forum on the Future")."""
    words = 0
    for match in _HEADING_WORD.finditer(text, *line):  # prose ends at its first lower-case word
        word = match.group()
        if word[:1].islower() and word not in _HEADING_SMALL_WORDS:
            return False
        words += 1
    return words >= 3


def _structural_cue(text: str, raw: str, mention: NameMention, line: tuple[int, int]) -> bool:
    start, end = mention.span
    after = text[end : end + 60]
    before = text[max(line[0], start - 80) : start]
    if raw[max(0, start - 2) : start] == "**" or raw[end : end + 2] == "**":
        return True
    if re.match(r"\s*,\s*(?:an?\s+|the\s+)?[A-Za-z-]+", after):
        nxt = re.match(r"\s*,\s*(?:an?\s+|the\s+)?(.{0,60})", after)
        if nxt and (_is_title_phrase(nxt.group(1)) or _is_org_phrase(nxt.group(1).split(",")[0])):
            return True
    if re.search(r"(?:by|include|includes|including|with|featuring|from)\s+$", before):
        return True
    if _ROLE_LABEL.search(before):
        return True
    if _in_country_list(text, mention):
        return True
    last = re.search(r"([\w-]+)\s+$", before)
    if last and fold(last.group(1)) in TITLE_WORDS and mention.confident:
        return True
    seg = re.search(r"([^,]{3,80}),\s*$", before)
    return bool(seg and (_is_title_phrase(seg.group(1)) or _is_org_phrase(seg.group(1))))


def _in_country_list(text: str, mention: NameMention) -> bool:
    """ "..., Jane Roe (Freedonia), Ana Dias (Ruritania), ...": one of a list of people, each
    with the country they come from."""
    start, end = mention.span
    return bool(
        _LISTED_WITH_COUNTRY.search(text, max(0, start - 80), start)
        and re.match(r"\s*\([A-Z][^()]{1,30}\)", text[end : end + 40])
    )


_LISTED_WITH_COUNTRY = re.compile(r"[A-Z][\w’'-]+\s+\([A-Z][^()]{1,30}\),\s*$")
_COPULAR = re.compile(
    r",?\s+(?:is|was|serves\s+as|has\s+been)\s+(?:the\s+|an?\s+)?(?:new\s+|current\s+)?"
    r"([A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&-]*|of|for|on|at|the|and|in|de)){0,12})"
    r"(?<!\sof)(?<!\sfor)(?<!\son)(?<!\sat)(?<!\sthe)(?<!\sand)(?<!\sin)(?<!\sde)(?=[\s.,;:]|$)"
)


_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")


def academic_title(honorific: str | None) -> str | None:
    """ "Prof." -> "Professor", "Assoc. Prof." -> "Associate Professor": an academic rank
    written as an honorific is the person's title when no other is given."""
    if not honorific:
        return None
    low = honorific.lower()
    if "prof" not in low:
        return None
    if "assoc" in low:
        return "Associate Professor"
    if "asst" in low or "assistant" in low:
        return "Assistant Professor"
    if "distinguished" in low:
        return "Distinguished Professor"
    return "Professor"


_VERB_AFTER = re.compile(r"\s+(?:is|was|serves\s+as|has\s+been)\s")


class PeopleFinder:
    """Collects the people of one document."""

    def __init__(self, doc: Text, names: list[NameMention] | None = None) -> None:
        self.doc = doc
        self.names = names  # the names in doc.text, when they were found already
        self.people: dict[str, Person] = {}
        self.mention_person: dict[Span, str] = {}
        self.mentions: list[NameMention] = []
        self._starts: list[int] = []  # where the full names begin, in order

    def run(self) -> None:
        text = self.doc.text
        mentions = self.names if self.names is not None else find_names(text)
        kept: list[NameMention] = []
        for mention in mentions:
            budget.check()
            if lookup(mention.name):
                continue  # "Cape Town", "Costa Rica"
            if (
                not mention.confident
                and kept
                and self._in_apposition_of(kept[-1], mention)
                and not _has_own_title(text, mention.span[1])
            ):
                continue
            line = self._line(mention.span[0])
            if _in_quotes(text, mention.span[0], line[0]):
                continue
            if _heading_like(text, line) and not mention.honorific:
                if not _structural_cue(text, self.doc.raw, mention, line):
                    continue
            if not mention.confident and not _structural_cue(text, self.doc.raw, mention, line):
                continue
            if not mention.confident and _in_country_list(text, mention):
                mention = replace(mention, confident=True)
            kept.append(mention)
        full = [m for m in kept if m.tokens >= 2]
        self._starts = [m.span[0] for m in full]
        for mention in full:
            budget.check()
            self._add_full(mention, full)
        for mention in kept:
            if mention.tokens == 1:
                self._add_short(mention)
        self.mentions = [m for m in kept if m.span in self.mention_person]
        for mention in self.mentions:
            self._add_copular(mention)

    def _add_copular(self, mention: NameMention) -> None:
        person = self.person_for(mention.span)
        if person is not None:
            self.title_from_sentence(person, mention.span[1])

    def describe_untitled(self) -> None:
        """People read from list lines or cards without a title: a sentence elsewhere that
        names them may give it ("Jane Roe is a Director of AI at Acme")."""
        text = self.doc.text
        surnames = Counter(p.name.split()[-1] for p in self.people.values())
        for person in self.people.values():
            forms = [person.name]
            surname = person.name.split()[-1]
            if len(person.name.split()) >= 2 and surnames[surname] == 1 and len(surname) > 2:
                forms.append(surname)  # "Dr Jane Roe opened. Roe is Director of ...": alone
            for form in forms:
                at = text.find(form)
                for _ in range(5):
                    if at == -1 or person.title and person.title != person.honorific:
                        break
                    end = at + len(form)
                    whole = not text[end : end + 1].isalnum() and not text[at - 1 : at].isalnum()
                    if whole and (form == person.name or _VERB_AFTER.match(text, end)):
                        self.title_from_sentence(person, end)
                    at = text.find(form, at + 1)

    def title_from_sentence(self, person: Person, end: int) -> None:
        """ "Professor Roe is Director of the Ocean Centre": a title given by a sentence of its
        own, for a person without one (or with only an academic honorific for one)."""
        if person.title and person.title != person.honorific:
            return
        after = post_nominals_end(self.doc.text, end)
        match = _COPULAR.match(self.doc.text, after)
        if not match or not _is_title_phrase(match.group(1)):
            title, org = described_as(self.doc.text, after)
            if title:
                person.title = title
                person.organisation = person.organisation or org
            return
        title, org = _split_title_org(match.group(1))
        person.title = _clean_title(title)
        if org and not person.organisation:
            person.organisation = org

    def _in_apposition_of(self, previous: NameMention, mention: NameMention) -> bool:
        """ "Jane Roe, Director, Acme Trust": a capitalised phrase that continues the
        description of the name before it is an organisation, not another person."""
        between = self.doc.text[previous.span[1] : mention.span[0]]
        if "\n" in between or len(between) > 160:
            return False
        if re.fullmatch(r"\s*\([^()]{1,40}\),\s*", between):
            return False  # "Jane Roe (Paraguay), Ana Dias (Mozambique)": the next of a list
        words = set(re.findall(r"[a-z]+", between))
        return not (words & _CLAUSE_WORDS) and " and " not in between and "," in between

    def _line(self, offset: int) -> tuple[int, int]:
        text = self.doc.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end == -1 else end

    def _add_full(self, mention: NameMention, all_mentions: list[NameMention]) -> None:
        text = self.doc.text
        key = person_key(mention.name)
        person = self.match_existing(key)
        if person is None:
            person = Person(mention.name, confident=mention.confident)
            self.people[key] = person
        elif len(mention.name) > len(person.name):
            person.name = mention.name
        person.spans.append(mention.span)
        self.mention_person[mention.span] = person.key
        honorific = mention.honorific
        # "Executive Director Jane Roe": a job title written like an honorific is a title
        job_title = bool(honorific) and _is_job_honorific(honorific)
        if honorific and not job_title and not person.honorific:
            person.honorific = honorific
        sentence = self.doc.sentence_at(mention.span[0])
        s_start = sentence.start if sentence else self._line(mention.span[0])[0]
        s_end = sentence.end if sentence else self._line(mention.span[0])[1]
        # the next person starts where their honorific does ("..., Ambassador John Doe")
        following = bisect.bisect_right(self._starts, mention.span[1])
        nxt = [
            honorific_before(text, m.span[0])[1] if m.honorific else m.span[0]
            for m in all_mentions[following : following + 1]
        ]
        stop = min([s_end, *nxt])
        name_start = mention.span[0]
        if honorific and not job_title:
            name_start = text.rfind(honorific.split()[0], max(0, name_start - 40), name_start)
            name_start = name_start if name_start >= 0 else mention.span[0]
        pre_title, pre_org = pre_apposition(text, name_start, s_start)
        post_title, post_org = post_apposition(text, post_nominals_end(text, mention.span[1]), stop)
        title = post_title or pre_title
        org = post_org or pre_org
        if not title and honorific and not job_title:
            bare = fold(honorific.rstrip("."))
            if bare in ACADEMIC or (bare in TITLE_HEADS and bare not in COURTESY):
                title = academic_title(honorific) or honorific
                # "Ambassador Jane Roe of Freedonia": the country the title is of
                country = _OF_COUNTRY.match(text, mention.span[1])
                if country and is_place(country.group(1)):
                    title = f"{honorific} of {country.group(1)}"
        if title and not person.title:
            person.title = title
        if org and not person.organisation:
            person.organisation = org

    def match_existing(self, key: str) -> Person | None:
        if key in self.people:
            return self.people[key]
        words = key.split()
        for other in self.people.values():
            ow = other.key.split()
            if len(words) >= 2 and len(ow) >= 2 and words[0] == ow[0] and words[-1] == ow[-1]:
                return other
        for other in self.people.values():
            # "Begum Jane Roe" and "Jane Roe", "A.B. Jane Roe" and "Jane Roe": the shorter
            # name's words all in the longer one, the surname last in both
            ow = other.key.split()
            short, long_ = sorted((words, ow), key=len)
            if len(short) >= 2 and short[-1] == long_[-1] and set(short) <= set(long_):
                return other
        return None

    def _add_short(self, mention: NameMention) -> None:
        surname = person_key(mention.name)
        candidates = [p for p in self.people.values() if p.key.split()[-1] == surname]
        if len(candidates) != 1:
            return
        person = candidates[0]
        person.spans.append(mention.span)
        self.mention_person[mention.span] = person.key
        honorific = mention.honorific
        if (
            honorific
            and not person.honorific
            and fold(honorific.rstrip(".")) in _PERSONAL_HONORIFICS
        ):
            person.honorific = honorific
        if honorific and not person.title and fold(honorific.rstrip(".")) in ACADEMIC:
            person.title = honorific

    def person_for(self, span: Span) -> Person | None:
        key = self.mention_person.get(span)
        return self.people.get(key) if key else None


__all__ = ["HONORIFICS", "Person", "PeopleFinder", "person_key"]
