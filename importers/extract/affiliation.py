"""A person's job title and organisation from the words written around their name.

``split_affiliation`` reads what follows a name in a list or a programme line
(", Director of Well-Being at Brackley", " (University of Westhaven)", ", President & CEO, Acme
Corporation, Springfield"); ``split_leading_org`` reads a title written before a name ("NWC
Deputy Director General", "Ruritania's Minister of Health").

A phrase is cut into segments at commas, semicolons, brackets and spaced dashes. Each segment
is a title (it holds a title word: "Director", "Professor", "ministra"), an organisation (an
organisation word, an acronym, a company suffix), a place (in the gazetteer) or something else.
The title is the first title segment with the segments that continue it ("Chief Diversity,
Equity, and Inclusion Officer"); the organisation is what follows, without trailing places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.extract.lexicon import ORG_WORDS, TITLE_HEADS, TITLE_MODIFIERS, fold
from importers.extract.places import demonym_country, is_place, lookup

_TITLE, _ORG, _PLACE, _OTHER = "title", "org", "place", "other"
_SMALL = frozenset("of for and the in on to at de del la le des du y et & with".split())
_COMPANY_SUFFIX = re.compile(r"\b(?:Inc|Ltd|LLC|LLP|LP|PLC|plc|GmbH|AG|SA|NV|BV|Pty|Co)\.?$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$|^[A-Z][a-z]?[A-Z][A-Za-z0-9-]*$")
# "Director of the Centre", "Editor at the Post": what a title is of may be an organisation
_COMPLEMENT = re.compile(r"\s+(?P<word>of|at|for|to|with|in|de|del|du)\s+(?:the\s+|la\s+|el\s+)?")
_ADJECTIVES = frozenset(
    "new former current outgoing incoming acting interim then longtime renowned veteran "
    "famous noted legendary".split()
)
_KEPT_ADJECTIVES = frozenset({"former", "acting", "interim"})


@dataclass(frozen=True)
class Affiliation:
    title: str | None = None
    organisation: str | None = None
    rest: str | None = None  # words that are neither: a talk's title, a topic, a country


def title_word(word: str) -> bool:
    """Whether ``word`` heads or qualifies a job title ("Director", "Vice-Chancellor")."""
    bare = word.strip(".,;:()[]'’")
    f = fold(bare)
    if len(f) <= 3 and not bare.isupper():
        return False  # "MD", "CEO" are titles in capitals; "Md." is a name
    if f in TITLE_HEADS or (f.endswith("s") and f[:-1] in TITLE_HEADS and len(f) > 3):
        return True
    return "-" in f and any(part in TITLE_HEADS for part in f.split("-"))


def is_title(phrase: str) -> bool:
    """A phrase that holds a title head ("Senior Scientist", "Minister for Food")."""
    head = _COMPLEMENT.split(phrase, maxsplit=1)[0]
    return any(title_word(w) for w in head.split())


def is_org(phrase: str) -> bool:
    """A phrase that names an organisation: an organisation word, an acronym, a company."""
    words = [w.strip(".,;:()[]'’\"") for w in phrase.split()]
    words = [w for w in words if w]
    if not words:
        return False
    if _COMPANY_SUFFIX.search(phrase.rstrip(".")):
        return True
    if re.search(r"\([A-Z][A-Za-z&.]{1,12}\)", phrase):
        return True
    if any(fold(w) in ORG_WORDS for w in words) and any(w[:1].isupper() for w in words):
        return True  # "Acme Trust", not "a community trust"
    capitals = [w for w in words if fold(w) not in _SMALL]
    return len(capitals) == 1 and bool(_ACRONYM.match(capitals[0])) and not title_word(capitals[0])


def _place(phrase: str) -> bool:
    bare = re.sub(r"\s*\([^)]*\)", "", phrase).strip(" .")
    return bool(bare) and (is_place(bare) or fold(bare) in {"usa", "u.s.a", "uk", "u.k", "us"})


def classify(segment: str) -> str:
    if _place(segment):
        return _PLACE
    if is_title(segment) and not _org_before_title(segment):
        return _TITLE
    if is_org(segment):
        return _ORG
    if is_title(segment):
        return _TITLE
    return _OTHER


def _org_before_title(segment: str) -> bool:
    """ "University of Westhaven & President WSBA": an organisation whose name comes first
    ("Group Quality Director at Acme" is a title: where the person works follows "at"; so is
    "Press Officer", a short phrase ending in a title word)."""
    words = segment.split()
    if " at " in segment and is_title(segment.split(" at ")[0]):
        return False
    if 2 <= len(words) <= 3 and fold(words[-1].strip(".,")) in TITLE_HEADS:
        return False
    if len(words) >= 2 and fold(words[1].strip(".,")) in TITLE_HEADS:
        return False  # "Programme Officer for X", "Project Manager at Y": a title
    return bool(words) and fold(words[0]) in ORG_WORDS and not title_word(words[0])


# A title that already says its portfolio: "Minister for Agriculture (of the Government of X)"
_PORTFOLIO = re.compile(r"\s(?:for|of)\s", re.IGNORECASE)
_TITLE_COMPLEMENTS = frozenset(
    "state staff mission delegation ceremonies government studies station cabinet".split()
)
_CONTACT = re.compile(r"@|\b(?:tel|phone|fax|mobile|e-?mail|www)\b|\+?\d[\d ()./-]{6,}\d", re.I)
_SPLIT = re.compile(
    r"\s*(?:[,;|]|\s[-–—]\s|\s/\s)\s*|\s+(?=(?:and|&)\s+(?:former|ex|past)\b)", re.I
)
# "..., and former CEO of X": a past role, after the present one
_PAST_ROLE = re.compile(r"(?:and|&)\s+(?:former|ex|past)\b", re.I)


def segments(text: str) -> list[str]:
    """The segments of a description: cut at commas, semicolons, bars, spaced dashes and
    slashes, and at brackets, whose content is a segment of its own."""
    out: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            if depth == 0:
                out.extend(_flat(current))
                current = []
            else:
                current.append(ch)
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                inner = "".join(current).strip()
                if inner and _ACRONYM.match(inner) and out and not out[-1].startswith("("):
                    out[-1] = f"{out[-1]} ({inner})"  # "Nordic Institute (NI)": one name
                elif inner:
                    out.append(f"({inner})")
                current = []
            else:
                current.append(ch)
        else:
            current.append(ch)
        i += 1
    out.extend(_flat(current))
    return [s for s in out if s.strip(" .")]


def _flat(chars: list[str]) -> list[str]:
    return [s.strip() for s in _SPLIT.split("".join(chars)) if s.strip(" .,;")]


# "X is an associate professor of law at Y", "X is a final-year PhD student in the Z group":
# a title in running text, in lower case or not, up to where the person works
_DESCRIBED_AS = re.compile(
    r"(?:\s+\([^)]{1,40}\))?,?\s+(?:is|was|serves\s+as|has\s+been)\s+(?:the\s+|an?\s+)?"
    r"(?P<title>[^\s,.;:()]+(?:\s+(?!(?:at|with|within|from|where|who|which|and|since)\s"
    r"|in\s+(?:the|a|an|[A-Z])\b)[^\s,.;:()]+){0,9})"
    r"(?:\s+(?:at|in|with|within)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z0-9][\w'’&.-]*|"
    r"of|for|and|at|on|the|&|de|du|des|la|le))*))?"
)
_STUDY_YEAR = re.compile(
    r"^(?:(?:first|second|third|fourth|final|\d+(?:st|nd|rd|th))-year|former|longtime|"
    r"renowned|veteran|current)\s+",
    re.I,
)
_DANGLING = re.compile(r"(?:\s+(?:of|for|and|at|on|the|&|de|du|des|la|le))+$")


# Nouns that describe someone in running text rather than name a post
_DESCRIPTIVE = frozenset("expert experts specialist authority voice advocate champion".split())


def described_as(text: str, end: int) -> tuple[str | None, str | None]:
    """The title, and the organisation after "at"/"in", that a sentence gives the name ending
    at ``end``, when its words name a job: "is a Director of AI at Acme"."""
    match = _DESCRIBED_AS.match(text, end)
    if not match:
        return None, None
    title = _STUDY_YEAR.sub("", match.group("title")).strip()
    words = title.split()
    # the job is named by a title word near the end of the phrase, not by an adjective
    head = next((i for i in range(len(words) - 1, -1, -1) if title_word(words[i])), None)
    if head is None or len(words) > 8 or head < len(words) - 4 and not _COMPLEMENT.search(title):
        return None, None
    if fold(words[head]) not in TITLE_HEADS and not any(fold(w) in TITLE_HEADS for w in words):
        return None, None  # "is a senior member": a qualifier alone names no job
    if words[head].islower() and fold(words[head]) in _DESCRIPTIVE:
        return None, None  # "is an expert on rivers": what she knows, not her post
    org = match.group("org")
    if org:
        org = re.split(r"(?<=\w{4})\.(?:\s|$)", org)[0]  # a full stop ends the sentence
        org = _DANGLING.sub("", org).strip() or None
    return title, org


_VERB_FIRST = re.compile(r",?\s+(?:is|was|serves\s+as|has\s+been)\s")


def abbreviates(short: str, full: str | None) -> bool:
    """Whether ``short`` is the initials of ``full`` ("PEU", "Port Ellis University")."""
    if not full or not _ACRONYM.fullmatch(short) or len(short) >= len(full):
        return False
    full = full.split(",")[0]  # "Port Ellis University, Eastport": the name, not the place
    capitals = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", full))
    letters = "".join(c for c in short if c.isalpha())
    return len(letters) >= 2 and capitals == letters


def split_affiliation(text: str) -> Affiliation:
    """Title, organisation and the rest from the words after a name (see the module doc).

    After the title, the organisation starts at the first segment that names one; capitalised
    segments between the title and it qualify the title ("Director, Outreach, Acme Trust");
    with no segment naming one, the last capitalised segment is the organisation. Places at
    the end ("..., Nairobi") and remarks in brackets are left out."""
    if _VERB_FIRST.match(text):
        # "Jane Roe is a Professor in the Ocean Institute. She also ...": a sentence
        title, org = described_as(text, 0)
        return Affiliation(title, org, None) if title else Affiliation(None, None, text.strip())
    parts = segments(text.strip(" ,;:–—-\t"))
    if not parts:
        return Affiliation()
    kinds = [classify(_unwrap(p)) for p in parts]
    rest: list[str] = []
    keep: list[tuple[str, str]] = []
    for index, (part, kind) in enumerate(zip(parts, kinds, strict=True)):
        if _CONTACT.search(part):
            rest.extend(_unwrap(p) for p in parts[index:])
            break  # "Tel: +1 555 0100, jane@acme.example": contact details end a description
        bare = _unwrap(part)
        if keep and _PAST_ROLE.match(part):
            rest.extend(_unwrap(p) for p in parts[index:])
            break  # "Chair, X Forum and former Minister of Y": the present role is enough
        if part.startswith(("“", '"', "‘")):
            rest.extend(_unwrap(p) for p in parts[index:])
            break  # '..., Acme Trust, "How Towns Pay"': a talk's title ends the description
        remark = part.startswith("(") and not _proper(bare) and not is_org(bare.split(",")[0])
        if remark or (kind == _OTHER and (not _proper(bare) or _titled_work(bare))):
            rest.append(bare)  # "(#2 in the ranking)", a talk's title
        else:
            keep.append((bare, kind))
    country = None
    while len(keep) > 1 and keep[-1][1] == _PLACE:
        place = keep.pop()[0]
        country = country or place
    # "Senior Minister of Science, Eastland": a minister's country is whom they serve
    if country is None or not _serves_a_state(keep) or not _is_country(country):
        country = None
    first_title = next((i for i, (_, kind) in enumerate(keep) if kind == _TITLE), None)
    title: str | None = None
    org_parts: list[str]
    if first_title is None:
        org_parts = [part for part, kind in keep if kind != _PLACE]
        if not org_parts and keep:
            rest.extend(part for part, _ in keep)
    else:
        last = _title_continuation([p for p, _ in keep], [k for _, k in keep], first_title)
        title = ", ".join(part for part, _ in keep[first_title : last + 1])
        before = [part for part, kind in keep[:first_title] if kind != _PLACE]
        after = keep[last + 1 :]
        first_org = next((i for i, (_, kind) in enumerate(after) if kind == _ORG), None)
        if first_org is None:
            # no segment names an organisation: the last one may, unless it is another title
            first_org = max(0, len(after) - 1)
            if after and after[-1][1] == _TITLE:
                first_org = len(after)
        qualifiers = [part for part, kind in after[:first_org] if kind == _OTHER]
        if qualifiers:
            title = ", ".join([title, *qualifiers])
        org_parts = before + [part for part, kind in after[first_org:] if kind != _PLACE]
        if not org_parts:
            org_parts = [part for part, kind in after[first_org:]][:1] if len(keep) > 2 else []
    title, org = _finish(title, org_parts)
    if org is None and country is not None:
        org = country
    return Affiliation(title, org, ", ".join(rest) or None)


_STATE_TITLES = frozenset(
    "minister ministre ministro ambassador ambassadeur embajador president président presidente "
    "senator deputy premier chancellor consul envoy".split()
)


def _serves_a_state(keep: list[tuple[str, str]]) -> bool:
    return any(
        kind == _TITLE and any(fold(w.strip(".,")) in _STATE_TITLES for w in part.split())
        for part, kind in keep
    )


def _is_country(phrase: str) -> bool:
    place = lookup(phrase.strip(" ."))
    return place is not None and place.is_country


_WORK_OPENERS = frozenset(
    "the a an how why what when where who towards toward beyond from on in is are can do "
    "does should will making building rethinking".split()
)


def _titled_work(phrase: str) -> bool:
    """A talk's or a book's title rather than a company: three words or more, no organisation
    word and no "&", opening with an article or a question word ("The Art of Listening",
    "How to Stay Curious")."""
    content = [w for w in re.findall(r"[\w'’.-]+", phrase) if fold(w) not in _SMALL]
    if len(content) < 2 or "&" in phrase or is_org(phrase):
        return False
    first = fold(phrase.split()[0])
    inner = [fold(w) for w in phrase.split()[1:]]
    if not any(w in _SMALL or w in ("to", "with", "from", "your", "our") for w in inner):
        return False  # "The Morning Ledger": a name
    return first in _WORK_OPENERS and len(phrase.split()) >= 3


def _unwrap(part: str) -> str:
    """A segment without the brackets around it (a name ending in "(ACR)" keeps its own)."""
    return part[1:-1].strip() if part.startswith("(") and part.endswith(")") else part


def _proper(phrase: str) -> bool:
    """A capitalised phrase: every word capitalised but the small ones."""
    words = [w for w in re.findall(r"[\w'’&.-]+", phrase) if fold(w) not in _SMALL]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _title_continuation(parts: list[str], kinds: list[str], i: int) -> int:
    """The last segment of the title that starts at ``i``: "Chief Diversity, Equity, and
    Inclusion Officer" is one title cut by its commas."""
    j = i
    k = i + 1
    while k < len(parts):
        part = parts[k]
        if _PAST_ROLE.match(part) or part.startswith(("and also ", "& also ")):
            break  # "Chair of X, and former CEO of Y": a second role, not the same title
        if part.startswith(("and ", "& ")) and kinds[k] != _ORG:
            j = k
            k += 1
            continue
        single = len(part.split()) <= 2 and kinds[k] == _OTHER and not part.startswith("(")
        if single and k + 1 < len(parts) and parts[k + 1].startswith(("and ", "& ")):
            k += 1
            continue
        break
    return j


_WRAPPED_HYPHEN = re.compile(r"(\w)- ([A-Z])")


def _finish(title: str | None, org_parts: list[str]) -> tuple[str | None, str | None]:
    org = ", ".join(" ".join(part.split()) for part in org_parts) if org_parts else None
    title = " ".join(title.split()) if title else title
    if title:
        title = _WRAPPED_HYPHEN.sub(r"\1-\2", title)  # "Vice- Chancellor" cut at a line end
    if title:
        title = re.sub(r"^(?:a|an|the|its|their|his|her)\s+", "", title.strip(), flags=re.I)
        title = title.strip(" ,;:-–—.")
        if org is None:
            title, org = split_title_org(title)
        else:
            lead_title, lead_org = split_leading_org(title)
            if lead_title and lead_org and fold(lead_org) == fold(org):
                title = lead_title
    if org:
        org = org.strip(" ,;:-–—").rstrip(".") if not org.endswith(("Inc.", "Ltd.", "Co.")) else org
    if org and PLACEHOLDER.fullmatch(org):
        org = None  # "(TBC)": to be confirmed, no organisation
    return title or None, org or None


# What a programme writes for what is not known yet
PLACEHOLDER = re.compile(
    r"\(?\s*(?:tbc|tbd|tba|tbc\.|to\s+be\s+(?:confirmed|determined|announced)|n/?a|pending"
    r"|à\s+confirmer|por\s+confirmar)\s*\)?\.?",
    re.IGNORECASE,
)


def split_title_org(phrase: str) -> tuple[str, str | None]:
    """ "Director of the Arctic Institute" -> ("Director", "Arctic Institute"); "Senior Editor at
    Field Notes" -> ("Senior Editor", "Field Notes"); "Minister for Local Government" and "Mayor
    of Springfield" stay titles (what follows names no organisation)."""
    best: tuple[int, str, str] | None = None
    for match in _COMPLEMENT.finditer(phrase):
        head = phrase[: match.start()].strip()
        rest = phrase[match.end() :].strip().rstrip(".")
        if not rest or not is_title(head) or _place(rest):
            continue
        first = rest.split()[0]
        word = match.group("word")
        if word == "of" and fold(first) in _TITLE_COMPLEMENTS and not _PORTFOLIO.search(head):
            continue  # "Secretary of State", "Chief of Staff": one title
        definite = phrase[match.start() : match.end()].rstrip().endswith((" the", " la", " el"))
        if word in ("for", "to") and not definite and not _ACRONYM.match(first):
            continue  # "Minister for Local Government": a portfolio, part of the title
        if word == "at" and first[:1].isupper():
            rank = 0  # where one works
        elif (is_org(rest) and _named(rest)) or _ACRONYM.match(re.sub(r"[’']s$", "", first)):
            rank = 1
        else:
            continue
        if title_word_count(rest) and rank:
            # "Director of X and Chair of Y": two titles; the first with its body
            first, _, second = rest.partition(" and ")
            if not (second and is_title(second.split(" of ")[0]) and is_org(first)):
                continue
            if title_word_count(first):
                continue
            rest = first
        if best is None or rank < best[0]:
            best = (rank, head, rest)
    if best is not None:
        # "Freedonian Chief Technology Officer to the Crown Office": the body after the title wins
        return best[1], best[2]
    lead_title, lead_org = split_leading_org(phrase)
    if lead_title and lead_org:
        return lead_title, lead_org
    glued = _glued_org(phrase)
    return glued if glued else (phrase, None)


def _named(phrase: str) -> bool:
    """An organisation with a name of its own, not only a generic word ("the Board")."""
    words = [w.strip(".,()") for w in phrase.split()]
    return any(w[:1].isupper() and fold(w) not in ORG_WORDS for w in words) or any(
        _ACRONYM.match(w) for w in words
    )


def title_word_count(phrase: str) -> int:
    return sum(1 for w in phrase.split() if fold(w.strip(".,")) in TITLE_HEADS)


# Words that follow a title's head and belong to it: "Secretary General", "Minister designate"
_POSTPOSITIVE = frozenset("general designate elect".split())


def _glued_org(phrase: str) -> tuple[str, str] | None:
    """ "President Northvale Academy Sciences": a title word followed straight by an
    organisation's name, without "of"."""
    words = phrase.split()
    for k, word in enumerate(words[:-1]):
        if fold(words[k + 1].strip(".,")) in _POSTPOSITIVE:
            continue  # "Secretary General of X": the title goes on after its head
        if fold(word.strip(".,")) in TITLE_HEADS and not title_word(words[k + 1]):
            tail = " ".join(words[k + 1 :])
            if fold(words[k + 1]) not in _SMALL and _proper(tail) and is_org(tail):
                return " ".join(words[: k + 1]), tail
    return None


def split_leading_org(phrase: str) -> tuple[str | None, str | None]:
    """ "NWC Director General" -> ("Director General", "NWC"); "Ruritania's Minister of X" ->
    ("Minister of X", "Ruritania"); "Freedonian Secretary of State" -> (..., "Freedonia")."""
    words = phrase.split()
    kept: list[str] = []
    while words and fold(words[0]) in _ADJECTIVES:
        if fold(words[0]) in _KEPT_ADJECTIVES:
            kept.append(words[0])
        words.pop(0)
    org_words: list[str] = []
    while words:
        w = words[0]
        f = fold(w)
        if w.endswith(("'s", "’s")):
            org_words.append(w[:-2])
            words.pop(0)
            break
        if title_word(w) or f in TITLE_MODIFIERS:
            break
        country = demonym_country(w)
        if country and len(words) > 1 and title_word(words[1]):
            org_words.append(country)
            words.pop(0)
            break
        if w[:1].isupper() or w[:1].isdigit():
            org_words.append(w)
            words.pop(0)
            continue
        break
    title = " ".join(kept + words).strip()
    org = " ".join(org_words).strip() or None
    if not title or not is_title(title):
        return None, None
    acronym_first = bool(org) and org.split()[0].isupper() and len(org.split()[0]) >= 2
    if org and not (
        all(w.isupper() for w in org.split())
        or acronym_first  # "WMTO Lisbon Director": an office of a body named by its initials
        or is_org(org)
        or lookup(org)
        or _ACRONYM.match(org)
    ):
        return phrase.strip(), None
    return title, org
