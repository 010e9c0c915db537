"""People written where the layout says a person stands: a list item, a label's value, a
programme slot, a table cell ("Dr Jane Roe, Director, Acme Institute", "Chair: Prof. A. Roe",
"Talk title, by Jane Roe and John Doe", "Jane Roe (Lakeshore University)").

In such places a name needs no dictionary: a run of two to five capitalised words (initials and
particles such as "de" or "van" allowed) at the start of the piece, or after a title or a
role phrase, ended by a comma, a bracket, a dash or the end, is a name unless its words name an
organisation, a gathering or a job. Anywhere else (``listed=False``) a name must open with an
honorific or a known given name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.extract import budget
from importers.extract.affiliation import (
    Affiliation,
    is_title,
    split_affiliation,
    split_leading_org,
    title_word,
)
from importers.extract.lexicon import EVENT_NOUNS, NOT_NAME, ORG_WORDS, fold, given_names
from importers.extract.names import L, U
from importers.extract.vocabulary import words
from importers.records import Span

_HONORIFIC = (
    r"(?:H\.?\s?E\.?|His\s+Excellency|Her\s+Excellency|Excellency|Rt\.?\s*Hon[’']?(?:ble|\.)?"
    r"|Right\s+Hon(?:ou?rable)?\.?|Hon[’']ble|Hon(?:ou?rable)?\.?|Mr|Mrs|Ms|Mx|Miss|Drs?"
    r"|Assoc(?:iate)?\.?\s*Prof(?:essor)?|Asst\.?\s*Prof(?:essor)?|Assistant\s+Professor"
    r"|Distinguished\s+Prof(?:essor)?|Prof(?:essor)?|Amb(?:assador)?|Sen(?:ator)?|Rep|Rev"
    r"|Reverend|Fr|Sir|Dame|Lord|Lady|Baroness|Baron|Maj|Gen|Col|Capt|Lt|Brig|Cdr|Adm"
    r"|Sheikh(?:a)?|Shri|Smt|Begum|Mme|Mlle|Sra?|Srta|Dña|Lic|Ing|Engr?|Justice|Judge"
    r"|Dott|Herr|Frau|Imam|Rabbi|Pastor|Bishop|Cardinal|Architect|Mag)"
)
_HONORIFICS = re.compile(rf"(?:{_HONORIFIC}(?![\w’'])\.?(?:\s*\((?:Dr|Prof)\.?\))?[\s.]*)+")
_INITIALS = rf"{U}(?:\.{U})+\.?|{U}\.(?=\s|{U}{L})|{U}(?=\s+{U}{L})|{U}{L}{{1,2}}\.(?=\s+{U}{L})"
_WORD = rf"(?:Mc|Mac|O['’]|D['’]|L['’])?{U}{L}+(?:{U}{L}+)?(?:[-'’](?:{U}{L}*|{L}+))*"
_CAPS = rf"{U}{{2,4}}(?![\w])"
_PARTICLE = (
    r"(?:de|da|del|della|der|den|van|von|di|du|le|la|bin|bint|ibn|al|el|dos|das|do|y|ter|ten|zu|e)"
)
_TOKEN = re.compile(rf"(?:{_INITIALS}|{_WORD}|{_CAPS})(?![\w])")
_NICKNAME = re.compile(rf"\s*\({U}{L}+\)")
_PARTICLE_RE = re.compile(rf"\s+{_PARTICLE}(?=\s+{U})")
_POST_NOMINALS = re.compile(
    r"(?:,?\s*(?:Jr|Sr|II|III|IV|Ph\.?\s?D|PhD|MD|JD|MA|M\.A|MBA|MP|MEP|QC|KC|OBE|CBE|MBE|FRS)"
    r"\.?(?![\w]))+"
)
# What separates two people in one value: "A; B", "A / B", "A and B", "A & B", " -- B".
_BETWEEN = re.compile(r"\s*(?:;|/|\s+and\s+|\s+&\s+|\s+y\s+|\s+et\s+|\s+--\s+)\s*")
_NOT_NAME_WORDS = NOT_NAME | ORG_WORDS | EVENT_NOUNS
# Words that are surnames too ("Hall", "Time"): they undo only a name nothing else vouches for
_UNLIKELY_NAME_WORDS = words("venue_words.txt") | words("fillers.txt")


@dataclass(frozen=True)
class Listed:
    """One person read from a piece of a line."""

    name: str
    span: Span
    honorific: str | None
    title: str | None
    organisation: str | None
    prefix: str | None  # words before the name in the piece ("Master of Ceremony")
    rest: str | None  # words after it that are neither title nor organisation
    confident: bool  # an honorific or a known given name


@dataclass(frozen=True)
class _Name:
    start: int  # where the honorific (or the name) starts
    name_start: int
    end: int
    honorific: str | None
    confident: bool


_GLUED_WORD = re.compile(r"\.?[A-Z][a-z]")
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.)*[A-Z]\.?")
_SPACE = re.compile(r"[^\S\n]+")


def _name_at(text: str, at: int, *, listed: bool) -> _Name | None:
    """The name that starts at ``at`` (honorifics first), if one does."""
    honorific = None
    m = _HONORIFICS.match(text, at)
    position = at
    if m and m.end() > at:
        honorific = " ".join(text[at : m.end()].split()).rstrip(". ")
        position = m.end()
    tokens: list[tuple[int, int]] = []
    while True:
        token = _TOKEN.match(text, position)
        if token is None:
            break
        tokens.append((token.start(), token.end()))
        position = token.end()
        nick = _NICKNAME.match(text, position)
        if nick and _TOKEN.match(
            text, nick.end() + 1 if text[nick.end() : nick.end() + 1] == " " else nick.end()
        ):
            position = nick.end()
        particle = _PARTICLE_RE.match(text, position)
        if particle and tokens:
            position = particle.end()
        if _GLUED_WORD.match(text, position) and _INITIALS_ONLY.fullmatch(
            text, token.start(), position
        ):
            position += text[position] == "."
            continue  # "A.B.C.Quill": initials glued to the surname
        space = _SPACE.match(text, position, position + 3)
        if not space:
            break
        position = space.end()
        if len(tokens) >= 6:
            break
    if len(tokens) > 1 and _HONORIFICS.fullmatch(text, *tokens[-1]):
        tokens.pop()  # "the Guest of Honor H.E. Jane Roe": "H.E." starts the next name
    if not tokens:
        return None
    last_a, last_b = tokens[-1]
    if text[last_b - 2 : last_b] in ("’s", "'s") and last_b - last_a > 3:
        tokens[-1] = (last_a, last_b - 2)  # "Jane Roe’s talk": the name without the possessive
    trimmed = _trim(text, tokens)
    if not trimmed:
        return None
    if trimmed[0] != tokens[0]:
        # "Regional Director Jane Roe": the words before are a title, the name starts later
        at, honorific = trimmed[0][0], None
    tokens = trimmed
    words = [text[a:b] for a, b in tokens]
    if any(len(w.rstrip(".")) > 1 and fold(w.rstrip(".")) in _NOT_NAME_WORDS for w in words):
        return None
    if title_word(words[0]) and not honorific:
        return None
    firsts = given_names()
    known = fold(words[0].split("-")[0]) in firsts or (
        len(words) > 2 and len(words[0].rstrip(".")) <= 2 and fold(words[1]) in firsts
    )
    unlikely = [fold(w.rstrip(".")) in _UNLIKELY_NAME_WORDS for w in words]
    if not honorific and (all(unlikely) or (any(unlikely) and not known)):
        return None  # "Upper Hall", "Tea Break"
    full = len(words) >= 2
    if not full and not honorific:
        return None
    if not full and len(words[0]) <= 2:
        return None
    if words[-1].endswith(".") and len(words[-1]) <= 3 and len(words) > 1:
        tokens = tokens[:-1]
        words = words[:-1]
        if len(words) < 2 and not honorific:
            return None
    if all(w.isupper() and len(w) > 1 for w in words) and not (known or honorific):
        return None  # "ACME CORP": capitals that are not initials
    confident = bool(honorific) or known
    if known and not honorific:
        ending = _NAME_END.match(text, tokens[-1][1])
        if (
            ending
            and ending.group().strip() in ("and", "&")
            and not _name_at(text, ending.end(), listed=False)
        ):
            return None  # "Key Challenges and Ways Forward"
    if not confident:
        if not (listed and full) or any(_common_word(w) for w in words):
            return None
        ending = _NAME_END.match(text, tokens[-1][1])
        if not ending:
            return None  # "Hull Optimisation using X": a phrase, not a name
        if ending.group().strip() in ("and", "&", "y", "et"):
            if _name_at(text, ending.end(), listed=False) is None:
                return None  # "Key Challenges and Ways Forward": no name after "and"
    return _Name(at, tokens[0][0], tokens[-1][1], honorific, confident)


# What may follow a name that no dictionary vouches for: the end, punctuation, a bracket.
_NAME_END = re.compile(r"\s*(?:$|[,;:(/|–—-]|\n|\s(?:and|&|y|et|by)\s)")


def _common_word(word: str) -> bool:
    """An English word by its ending ("Optimisation", "Processing", "Based")."""
    w = fold(word)
    return len(w) > 4 and w.endswith(
        (
            "tion",
            "sion",
            "ment",
            "ness",
            "ship",
            "ity",
            "ism",
            "ing",
            "ings",
            "ics",
            "ive",
            "ous",
            "ance",
            "ence",
            "able",
            "ible",
            "ised",
            "ized",
            "ated",
            "based",
            "ical",
        )
    )


_ROLE_LABEL_INSIDE = re.compile(
    r"[;|,]?\s*\b(?:Moderators?|Chairs?|Co-Chairs?|Panel(?:l)?ists?|Speakers?|Discussants?"
    r"|Hosts?|Facilitators?|Presenters?|Respondents?)\s*:"
)
_BY_THE = re.compile(r"\s(?:by|from|with|de|par|por)\s+(?:the\s+|la\s+|le\s+|el\s+)?", re.I)


def _trim(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop title words at the end ("Jane Roe Director") and cut the run after the last title
    word inside it ("Regional Director Jane Roe" -> "Jane Roe"). A run that still holds an
    organisation word is no name ("Valley Choir")."""
    words = [text[a:b] for a, b in tokens]
    while tokens and title_word(words[-1]):
        tokens, words = tokens[:-1], words[:-1]
    for k in range(len(words) - 1, -1, -1):
        if title_word(words[k]):
            tokens, words = tokens[k + 1 :], words[k + 1 :]
            break
    if any(fold(w.rstrip(".")) in ORG_WORDS for w in words):
        return []
    return tokens


def read_people(text: str, start: int, end: int, *, listed: bool = True) -> list[Listed]:
    """The people named in ``text[start:end]``: each with the title and organisation written
    with them, the words before the first name (``prefix``) and the leftover words."""
    people: list[Listed] = []
    position = start
    prefix_start = start
    while position < end:
        budget.check()
        found = _first_name(text, position, end, listed=listed and not people)
        if found is None:
            break
        name, prefix = found
        if people and prefix is None and not listed:
            pass
        after = _POST_NOMINALS.match(text, name.end)
        desc_start = after.end() if after else name.end
        nxt = _next_person(text, desc_start, end)
        desc_end, next_start = nxt if nxt is not None else (end, None)
        # "Jane Roe (Coastal Times); Panellists: A, B": a role label ends the description
        label = _ROLE_LABEL_INSIDE.search(text, desc_start, desc_end)
        if label is not None:
            desc_end = label.start()
        description = text[desc_start:desc_end]
        own = " ".join(text[name.name_start : name.end].split())
        if description.lstrip(" ,;|").startswith(own):
            # "Fireside chat with Jane Roe | Jane Roe, CEO, Acme": the name again, then who
            description = description.lstrip(" ,;|")[len(own) :]
        affiliation = split_affiliation(description)
        pre = text[prefix_start : name.start].strip(" ,;:-–—|")
        prefix_title = None
        # "Closing remarks by the Symposium Chair, Prof. Jane Roe": the title after "by"
        own = _BY_THE.split(pre)[-1] if pre else pre
        if own and is_title(own):
            prefix_title = own
        title, org = affiliation.title, affiliation.organisation
        if prefix_title and not title:
            lead_title, lead_org = split_leading_org(prefix_title)
            title = lead_title or prefix_title
            org = org or lead_org
        people.append(
            Listed(
                name=" ".join(text[name.name_start : name.end].split()),
                span=(name.name_start, name.end),
                honorific=name.honorific,
                title=title,
                organisation=org,
                prefix=pre or None,
                rest=affiliation.rest,
                confident=name.confident,
            )
        )
        if next_start is None:
            break
        position = next_start
        prefix_start = next_start
    return _shared_surnames(text, people)


def opens_with_name(text: str, start: int, end: int, *, listed: bool = False) -> bool:
    """Whether ``text[start:end]`` opens with a name :func:`read_people` would find first: in
    running text one a reader would take for one (an honorific or a known given name); on a
    list line (``listed``) any."""
    found = _first_name(text, start, end, listed=listed, only_at_start=True)
    return found is not None and (listed or found[0].confident)


def _first_name(
    text: str, start: int, end: int, *, listed: bool, only_at_start: bool = False
) -> tuple[_Name, str] | None:
    """The first name in ``text[start:end]``: at its start when the layout says one stands
    there, else the first that opens with an honorific or a known given name."""
    position = start
    while position < end and text[position] in " \t,;:|-–—•*()\"“”'‘’":
        position += 1
    if position >= end:
        return None
    name = _name_at(text, position, listed=listed)
    if name is not None and name.end <= end:
        return name, ""
    if only_at_start:
        return None
    for m in _CAPITAL_START.finditer(text, position, end):
        at = m.start()
        if at == position:
            continue
        name = _name_at(text, at, listed=False)
        if name is not None and name.end <= end:
            return name, text[start:at]
    return None


_CAPITAL_START = re.compile(rf"(?<![\w’'.-]){U}")
_COMMA = re.compile(r",\s*")
_GLUED = re.compile(rf"(?<=[a-z)])\s+(?={U})")
# How far a description may run before the next person on the same line: beyond it the rest
# of a long line is read as one description, and a line of thousands of names stays linear.
_DESCRIPTION_REACH = 400


def _next_person(text: str, position: int, end: int) -> tuple[int, int] | None:
    """Where a second person starts after a description, if one does: after "; ", " and ",
    " / " or " -- " followed by a name, or glued to an organisation and followed by a title
    ("..., Acme Trust Jane Roe, Director")."""
    end = min(end, position + _DESCRIPTION_REACH)
    for sep in _BETWEEN.finditer(text, position, end):
        name = _name_at(text, sep.end(), listed=False)
        if name is None:
            continue
        if sep.group().strip() in ("and", "&", "y", "et") and not _name_looks_listed(
            text, name, end
        ):
            continue
        return sep.start(), sep.end()
    for comma in _COMMA.finditer(text, position, end):
        at = comma.end()
        name = _name_at(text, at, listed=False)
        if name is None or name.name_start != at and name.honorific is None:
            continue
        if re.match(r"\s*(?:$|[,;(]|\s+and\s)", text[name.end : end]) and (
            text[position : comma.start()].rstrip().endswith(")")
            or not text[position : comma.start()].strip(" ,")
            or name.honorific
        ):
            # "Jane Roe (Acme), John Doe (Beta)", "Ms Jane Roe, Mr John Doe"
            return comma.start(), at
    for m in _GLUED.finditer(text, position, end):
        at = m.end()
        name = _name_at(text, at, listed=False)
        if name is None or name.honorific or name.name_start != at:
            continue
        after = text[name.end : end]
        desc = re.match(r"\s*,\s*([^,]{2,80})", after)
        if desc and is_title(desc.group(1)):
            return at, at
    return None


def _name_looks_listed(text: str, name: _Name, end: int) -> bool:
    """After "and", a name followed by its description, the end or another separator."""
    after = text[name.end : end]
    return not after.strip() or bool(re.match(r"\s*(?:[,;(/]|--|[-–—]\s)", after))


_GIVEN_AND = re.compile(rf"(?<![\w.])({U}{L}+)\s+(?:and|&|y|et)\s+$")


def _shared_surnames(text: str, people: list[Listed]) -> list[Listed]:
    """ "Jana and Petr Novak": a given name alone before "and" shares the surname after it."""
    out: list[Listed] = []
    for person in people:
        before = _GIVEN_AND.search(text, max(0, person.span[0] - 60), person.span[0])
        if before and len(person.name.split()) >= 2 and fold(before.group(1)) in given_names():
            if not out or out[-1].span[1] <= before.start(1):
                surname = person.name.split()[-1]
                out.append(
                    Listed(
                        f"{before.group(1)} {surname}",
                        before.span(1),
                        None,
                        person.title,
                        person.organisation,
                        None,
                        None,
                        True,
                    )
                )
        out.append(person)
    return out


def read_person_line(text: str, start: int, end: int) -> Listed | None:
    """The one person a line is about, when it starts with them."""
    found = read_people(text, start, end, listed=True)
    if not found or found[0].prefix:
        return None
    return found[0]


def affiliation_of(text: str) -> Affiliation:
    return split_affiliation(text)
