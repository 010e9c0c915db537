"""Person names in running text: capitalised word sequences judged by a given-name
dictionary, honorifics and the company they keep (titles, roles, bold speaker lists)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importers.extract import budget
from importers.extract.lexicon import (
    EVENT_NOUNS,
    HONORIFICS,
    NOT_NAME,
    ORG_WORDS,
    PEERAGE,
    TITLE_WORDS,
    fold,
    given_names,
)
from importers.extract.vocabulary import words
from importers.records import Span

_VENUE = words("venue_words.txt")
_UPPER = "".join(chr(i) for i in range(0x41, 0x2000) if chr(i).isupper() and chr(i).isalpha())
_LOWER = "".join(chr(i) for i in range(0x61, 0x2000) if chr(i).islower() and chr(i).isalpha())
U = f"[{re.escape(_UPPER)}]"
L = f"[{re.escape(_LOWER)}]"

# One name word: "Ada", "MacAllister", "O'Brien", "Holt-Vane", "Tia-Rere-O-Moana", "J."
_WORD = rf"(?:{U}\.(?= {U})|{U}{L}*(?:{U}{L}+)?(?:[-'’]{U}?{L}*)*(?<![-'’]))"
_PARTICLE = (
    r"(?:de|da|del|della|der|den|van|von|di|du|le|la|bin|bint|ibn|al|el|dos|das|do|y|te|ter"
    r"|ten|zu|st\.?)"
)
# A run of name words not glued to a word before it. The first capital comes first and the
# lookbehind after it ("(?<![\w'’-]).": nothing word-like before that capital), so that the
# engine can skip to capitals instead of trying the whole expression at every position.
_WORD_REST = rf"(?:\.(?= {U})|{L}*(?:{U}{L}+)?(?:[-'’]{U}?{L}*)*(?<![-'’]))"  # _WORD after {U}
_NAME_RUN = re.compile(
    rf"{U}(?<![\w'’-].){_WORD_REST}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{_WORD}){{0,7}}(?![\w'’-])"
)

_LETTER_DOT = re.compile(r"[A-Z]\.")
_WORDS_AFTER = re.compile(r"(?: [a-z]+){1,2}")
# The f-string patterns hold a class of every capital letter: compile them once, not per call.
_WORD_BEFORE = re.compile(rf"({U}[\w-]*) $")
_CAPITAL_AFTER = re.compile(rf" {U}")
_PEERAGE_TAIL = re.compile(rf" of {_WORD}(?: {_WORD})?")

_HONORIFIC_RUN = re.compile(
    r"((?:\((?:Dr|Prof)\.?\)\s?|(?:H\.\s?E\.|Mr|Mrs|Ms|Mx|Dr|Prof|Amb|Hon[’']ble|Hon|Rev|Rt|Fr|Sen|Rep|Gen|Maj|Col|Capt|Lt|Mme|Mlle|St)"
    r"\.?|Associate Professor|Assistant Professor|Professor|Ambassador|Baroness|Baron|Lord|Lady"
    r"|Sir|Dame|Reverend|Honourable|Honorable|Excellency|Senator|Judge|Justice|Sheikh|Sheikha"
    r"|Minister|President|Secretary|Governor|Mayor|Commissioner|Deputy|Director|Chairman|Chair"
    r"|DG|DDG|SG|Crown Princess|Crown Prince|Princess|Prince|Queen|King|M(?=\.))[ .]?\s?)+$"
)

# The last word of every honorific _HONORIFIC_RUN knows ("E" of "H.E.")
_HONORIFIC_ENDS = frozenset(
    """
    E Mr Mrs Ms Mx Dr Prof Amb Hon Hon’ble Hon'ble Rev Rt Fr Sen Rep Gen Maj Col Capt Lt Mme Mlle St
    Professor
    Ambassador Baroness Baron Lord Lady Sir Dame Reverend Honourable Honorable Excellency Senator
    Judge Justice Sheikh Sheikha Minister President Secretary Governor Mayor Commissioner Deputy
    Director Chairman Chair DG DDG SG Princess Prince Queen King M
    """.split()
)
_TITLE_OR_HONORIFIC = HONORIFICS | TITLE_WORDS

# Letters after a name: seats, honours, degrees, generations ("Jane Roe MP", "John Doe CBE").
_POST_NOMINALS = re.compile(
    r"(?:[ ](?:MP|MEP|MSP|MS|MLA|MPP|MNA|MHA|TD|QC|KC|SC|JP|DL|OBE|CBE|MBE|KBE|DBE|GBE|CMG|KCMG"
    r"|OM|CH|FRS|FRSE|FBA|FREng|FMedSci|PhD|DPhil|MD|ONZM|CNZM|MNZM|KNZM|DNZM|QSO|AO|AC|OAM"
    r"|II|III|IV|Jr\.?|Sr\.?)(?![\w'’-]))+"
)


def post_nominals_end(text: str, end: int) -> int:
    """Where the letters after a name that ends at ``end`` end ("Jane Roe MP CBE")."""
    match = _POST_NOMINALS.match(text, end)
    return match.end() if match else end


_HONORIFIC_END_LENGTHS = sorted({len(word) for word in _HONORIFIC_ENDS})


@dataclass(frozen=True)
class NameMention:
    span: Span  # the name itself, honorific excluded
    name: str
    honorific: str | None
    confident: bool  # given name known or honorific present
    tokens: int

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


_NOT_NAME_TOKENS = NOT_NAME | ORG_WORDS | EVENT_NOUNS | _VENUE


@lru_cache(maxsize=16384)
def _is_name_token(token: str) -> bool:
    f = fold(token.rstrip("."))
    if f.endswith(("'s", "’s")):
        f = f[:-2]  # "University's": the word, not its possessive
    return f not in _NOT_NAME_TOKENS


def honorific_before(text: str, start: int) -> tuple[str | None, int]:
    """The honorific(s) just before ``start`` ("Ms.", "Associate Professor"), and where they
    begin."""
    window = text[max(0, start - 40) : start]
    window = window[window.rfind("\n") + 1 :]  # an honorific is on its name's line
    words = window.rsplit(None, 1)  # only the last word is needed
    # every honorific is a capitalised word ("Ms.", "Dr", "H.E.", "DG"): skip the search when
    # the word before is not one
    if not words or not words[-1].lstrip("(")[:1].isupper():
        return None, start
    last = words[-1].rstrip(".)")
    if not any(last[-n:] in _HONORIFIC_ENDS for n in _HONORIFIC_END_LENGTHS):
        return None, start  # the run must end with one: skip the slow search
    match = _HONORIFIC_RUN.search(window)
    if not match:
        return None, start
    honorific = " ".join(match.group(0).split())
    return honorific.rstrip(), start - (len(window) - match.start())


_TITLE_OF_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+(?:of|for|on|in)\s+(?:the\s+)?$")
_AT_ADDRESS = re.compile(r",?\s+\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?[A-Z]")
_AT_BEFORE = re.compile(r"\b(?:at|to)\s+(?:the\s+)?$")


def _title_like(word: str) -> bool:
    """A title or honorific word, also hyphenated ("Vice-Chancellor", "Director-General")."""
    bare = fold(word.rstrip(".,"))
    return bare in _TITLE_OR_HONORIFIC or (
        "-" in bare and any(part in _TITLE_OR_HONORIFIC for part in bare.split("-"))
    )


def find_names(text: str) -> list[NameMention]:
    """Person-name candidates in text order; single surnames come only after an honorific."""
    firsts = given_names()
    out: list[NameMention] = []
    for count, match in enumerate(_NAME_RUN.finditer(text)):
        if not count % 256:
            budget.check()
        group = match.group()
        if (
            " " not in group
            and "-" not in group
            and honorific_before(text, match.start())[0] is None
        ):
            continue  # a lone word is a name only after an honorific (see below)
        words = []
        at = match.start()
        for word in group.split(" "):  # a run's words are parted by single spaces
            words.append((at, word))
            at += len(word) + 1
        if (
            len(words) > 1
            and len(words[0][1]) == 2
            and _LETTER_DOT.fullmatch(text, max(0, match.start() - 2), match.start())
        ):
            words.pop(0)  # "H.E. Jane Roe": the "E." of an honorific, not an initial
        # leading honorifics ("Baroness", "Ambassador") are not part of the name
        popped = 0
        while words and fold(words[0][1].rstrip(".")) in HONORIFICS and len(words) > 1:
            if len(words[0][1].rstrip(".")) == 1 and (
                popped
                or len(words[1][1].rstrip(".")) == 1
                or honorific_before(text, words[0][0])[0] is not None
            ):
                break  # "Professor M. Tarek Hossain", "M. R. Karim": "M." is an initial there
            words.pop(0)
            popped += 1
        # drop leading and trailing words that cannot be part of a name
        while words and not _is_name_token(words[0][1]):
            words.pop(0)
        # "Refugees Jane Roe": a stray capitalised word before a known given name
        before_run = text[max(0, match.start() - 2) : match.start()]
        stray = (
            len(words) >= 3
            and before_run not in (", ", ",\n")  # "Secretary, Bader Omar Roe": a name opens
            and before_run[-1:] != "\n"
            # "M. Tarek Hossain": an initial, not a stray word (but "H.E. Jane Roe" is no "E.")
            and (len(words[0][1].rstrip(".")) > 1 or text[words[0][0] - 1 : words[0][0]] == ".")
            and fold(words[0][1]) not in firsts
            and fold(words[1][1]) in firsts
        )
        if stray:
            words.pop(0)
        while len(words) > 2 and fold(words[-1][1]).endswith("ing") and len(words[-1][1]) > 5:
            words.pop()  # "Jane Roe Fixing boats...": a line joined to the next, not a name
        while words and (not _is_name_token(words[-1][1]) or words[-1][1].endswith(".")):
            if len(words[-1][1]) == 2 and words[-1][1].endswith(".") and len(words) > 2:
                break  # a middle initial at the end is unusual; keep
            words.pop()
        while (
            len(words) > 1 and len(words[-1][1]) == 1 and text[match.end() : match.end() + 1] == "."
        ):
            words.pop()  # "the Guest of Honor H.E. Jane Roe": "H" begins the next honorific
        if not words:
            continue
        last_start, last_word = words[-1]
        if last_word.endswith(("'s", "’s")) and len(last_word) > 3:
            words[-1] = (last_start, last_word[:-2])  # "Jane Roe's talk": the name alone
        # a word inside that cannot be part of a name splits the run; the name is the part
        # after titles ("Prime Minister Jane Roe"), else the first part
        for i, (_, word) in enumerate(words):
            honorific_inside = i > 0 and fold(word.rstrip(".")) in HONORIFICS
            if (
                not _is_name_token(word) and fold(word) not in {"de", "da", "van", "von", "la"}
            ) or honorific_inside:
                head, tail = words[:i], words[i + 1 :]
                titles = all(fold(w.rstrip(".")) in _TITLE_OR_HONORIFIC for _, w in head)
                # "Harbour Institute Director Jane Roe": after the last title word, a known
                # given name starts the name
                last_title = max(
                    (k for k, (_, w) in enumerate(words) if _title_like(w)),
                    default=-1,
                )
                after = words[last_title + 1 :]
                honorific_last = fold(words[last_title][1].rstrip(".")) in HONORIFICS
                if (
                    last_title >= i
                    and len(after) >= 2
                    and (fold(after[0][1].split("-")[0]) in firsts or honorific_last)
                    and all(_is_name_token(w) for _, w in after)
                ):
                    words = after
                    break
                words = tail if (titles or not head) and len(tail) >= 2 else head
                break
        if not words:
            continue
        start = words[0][0]
        end = words[-1][0] + len(words[-1][1])
        name = text[start:end]
        # part of a longer proper noun ("Jane Roe Professor", "Porto Quill Convention")
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        glued_before = (
            before and not stray and not (before.group(1).isupper() or _title_like(before.group(1)))
        )
        if (
            _CAPITAL_AFTER.match(text, end) and post_nominals_end(text, end) == end
        ) or glued_before:
            continue
        venue = _WORDS_AFTER.match(text, end)
        if venue and any(fold(w) in _VENUE for w in venue.group().split()):
            continue  # "the Jane Roe conference room": a room named after someone
        honorific, _ = honorific_before(text, start)
        first = fold(words[0][1].split("-")[0])
        if honorific and fold(honorific.split()[-1].rstrip(".")) in PEERAGE:
            # "Baroness Quill of Eastport": the peerage title keeps its "of Place"
            tail = _PEERAGE_TAIL.match(text, end)
            if tail:
                end = tail.end()
                name = text[start:end]
                out.append(NameMention((start, end), name, honorific, True, 3))
                continue
        known = first in firsts or fold(words[0][1]) in firsts
        if len(words) == 1:
            bold = text[max(0, start - 2) : start] == "  " and "-" in name
            if bold and fold(name.split("-")[0]) in firsts and name.split("-")[1][:1].isupper():
                out.append(NameMention((start, end), name, None, False, 2))
                continue
            if not honorific or len(name) < 2 or name.endswith("."):
                continue
            out.append(NameMention((start, end), name, honorific, True, 1))
            continue
        if len(words) > 4 and not known:
            continue
        if _looks_like_org(name):
            continue
        if not known and not honorific and any(_common_word(w) for _, w in words):
            continue
        if any(fold(w) in _ORG_NAME_WORDS or _noun_ending(w) for _, w in words[1:]):
            continue  # "Save the Children", "Marie Curie Actions": named after, not a person
        at = _AT_BEFORE.search(text, max(0, start - 12), start)
        if not honorific and at and _AT_ADDRESS.match(text, end):
            continue  # "at Casa Rossa, 12 Main St.": a place with its street address
        of = _TITLE_OF_BEFORE.search(text, max(0, start - 40), start)
        if not honorific and of and fold(of.group(1)) in _TITLE_OR_HONORIFIC | ORG_WORDS:
            continue  # "Professor of Marine Law", "School of Marine Law": no person
        out.append(NameMention((start, end), name, honorific, bool(known or honorific), len(words)))
    return _with_initialled(text, out)


# "Prof. KLM Rahan", "Professor RK Varma": initials written as one word in capitals, which a
# name run does not take (it would take "ICT Ministry" too), after a personal honorific
_INITIALLED = re.compile(
    r"(?P<honorific>Professor|Prof|Dr|Mr|Mrs|Ms|Engr|Eng|Justice)\.?[ \t]+"
    rf"(?P<name>[A-Z]{{2,3}}[ \t]+{U}{L}+(?:[ -]{U}{L}+)?)(?![\w'’-])"
)


def _with_initialled(text: str, found: list[NameMention]) -> list[NameMention]:
    extra = []
    for match in _INITIALLED.finditer(text):
        start = match.start("honorific")
        if start and text[start - 1].isalnum():
            continue
        span = match.span("name")
        surname = match.group("name").split()[-1]
        if not _is_name_token(surname) or any(
            m.span[0] < span[1] and span[0] < m.span[1] for m in found
        ):
            continue
        honorific = match.group("honorific")
        extra.append(NameMention(span, " ".join(match.group("name").split()), honorific, True, 2))
    return sorted(found + extra, key=lambda m: m.span) if extra else found


_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ship",
    "ity",
    "ism",
    "ical",
    "ive",
    "ous",
    "ance",
    "ence",
    "ies",
    "able",
    "ible",
    "eral",
    "ural",
    "onal",
    "ics",
    "ing",
    "ings",
    "ized",
    "ised",
)


# Words that name organisations after a person or a cause, never part of a person's name.
_ORG_NAME_WORDS = {
    "without",
    "borders",
    "children",
    "rights",
    "watch",
    "aid",
    "actions",
    "action",
    "studios",
    "friends",
    "voices",
    "women",
    "youth",
    "refugees",
    "migrants",
    "doctors",
    "nurses",
    "teachers",
    "workers",
    "farmers",
    "citizens",
    "nations",
    "peace",
    "relief",
    "care",
    "life",
    "water",
    "food",
    "hope",
    "earth",
    "planet",
    "future",
    "futures",
    "solutions",
    "partners",
    "alliance",
    "network",
    "against",
    "beyond",
    "across",
    "under",
    "over",
    "through",
    "into",
    "prize",
    "award",
    "awards",
    "lecture",
    "fellowship",
    "scholarship",
    "chair",
    "professorship",
    "memorial",
    "trust",
    "fund",
    "falls",
    "lake",
    "river",
    "mountains",
    "island",
    "islands",
}


def _noun_ending(word: str) -> bool:
    w = fold(word)
    return len(w) > 5 and w.endswith(
        ("tion", "tions", "sion", "ment", "ments", "ness", "ship", "ism", "ysis", "ology")
    )


def _common_word(word: str) -> bool:
    """An English word by its ending ("Multilateral", "Processes"): not a name unless the
    text gives another reason."""
    w = fold(word)
    return len(w) > 5 and (
        w.endswith(_SUFFIXES) or w.endswith("es") and w[:-2].endswith(("ss", "ch", "sh", "x"))
    )


def _looks_like_org(name: str) -> bool:
    words = [fold(w.strip(".")) for w in name.split()]
    return any(w in ORG_WORDS or w in TITLE_WORDS and w not in {"king", "young"} for w in words)


__all__ = ["HONORIFICS", "NameMention", "find_names"]
