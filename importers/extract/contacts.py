"""Contact blocks: who to call or write to, with their phones, faxes, e-mails and web pages.

A contact block is a person (or only an organisation) followed by contact lines, in any of the
layouts press releases and invitations use::

    For more information please contact        <- optional introduction
    Ms.Jane Roe                                <- name line (honorific removed)
    Press Officer                              <- optional title / department / organisation
    Acme Institute
    Tel.: +32 2 123 45 67                      <- labelled contact lines
    E-Mail: jroe@acme.example

or on one line (``Jane Roe, Acme HQ, Tel: +41221234567, Email: jroe@acme.int``), or several
names on one line with their e-mail addresses on the next. Numbers are normalised to E.164 with
``phonenumbers`` (see :mod:`importers.extract.phones`); e-mail addresses follow the
``local@domain`` form of RFC 5322 section 3.4.1 within the limits of RFC 5321 section 4.5.3.1.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from importers.extract import budget
from importers.extract.derived import cached_table
from importers.extract.phones import (
    find_phone_candidates,
    has_international_prefix,
    normalise_region,
    parse_phone,
    reads_without_region,
    region_of_domain,
    region_of_e164,
)
from importers.extract.places import geonames
from importers.records import Span

__all__ = ["ContactBlock", "find_contact_blocks", "find_emails", "parse_phone"]


@dataclass(frozen=True)
class ContactBlock:
    """One person's (or one organisation's) contact details as found in a text."""

    name: str | None  # as written, honorific removed; None if the block names no person
    honorific: str | None  # "Ms", "Dr", ... if written
    organisation: str | None
    title: str | None  # job title
    phones: tuple[str, ...]  # E.164
    mobiles: tuple[str, ...]  # E.164
    faxes: tuple[str, ...]  # E.164
    emails: tuple[str, ...]  # lower-case
    urls: tuple[str, ...]
    span: Span  # the whole block in the text
    name_span: Span | None


# --------------------------------------------------------------------------------------------
# E-mail addresses

_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL_RE = re.compile(
    rf"(?<![A-Za-z0-9._%+'-])(?P<local>{_LOCAL})@(?P<domain>(?:{_LABEL}\.){{1,8}}[A-Za-z]{{2,24}})"
    r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])"
)
_OB_AT = r"\s*[\[({<]\s*(?:at|AT|At)\s*[\])}>]\s*"
_OB_DOT = r"(?:\s*[\[({<]\s*(?:dot|DOT|Dot)\s*[\])}>]\s*|\.)"
_OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![A-Za-z0-9._%+'-])(?P<local>{_LOCAL}){_OB_AT}"
    rf"(?P<domain>(?:{_LABEL}{_OB_DOT}){{1,8}}[A-Za-z]{{2,24}})(?![A-Za-z0-9-])"
)
# Spelled out only in capitals: "jane AT acme DOT org" (lower case reads like prose).
_SPELLED_EMAIL_RE = re.compile(
    rf"(?<![A-Za-z0-9._%+'-])(?P<local>{_LOCAL})\s+AT\s+"
    rf"(?P<domain>(?:{_LABEL}\s+DOT\s+){{1,8}}[A-Za-z]{{2,24}})(?![A-Za-z0-9-])"
)
_OB_DOT_SUB_RE = re.compile(r"\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+DOT\s+", re.IGNORECASE)
# Names that end like a domain but are files ("logo@2x.png").
_FILE_TLDS = frozenset(
    "png jpg jpeg gif svg webp bmp tif tiff pdf doc docx xls xlsx ppt pptx css js json xml "
    "html htm php asp aspx jsp txt zip gz mp3 mp4 avi mov wav ico".split()
)


def _valid_email(local: str, domain: str) -> bool:
    """Syntax of RFC 5322 section 3.4.1 (dot-atom form) within RFC 5321 section 4.5.3.1 sizes."""
    if not local or len(local) > 64 or len(domain) > 253 or len(local) + len(domain) > 253:
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    if len(labels) < 2 or any(not lab or len(lab) > 63 for lab in labels):
        return False
    if any(lab.startswith("-") or lab.endswith("-") for lab in labels):
        return False
    tld = labels[-1].lower()
    return tld.isalpha() and len(tld) >= 2 and tld not in _FILE_TLDS


# "jane [at] example.org", "jane AT example DOT org"; two expressions, each of which the
# engine can skip to its first character
_AT_BRACKETED_RE = re.compile(r"[\[({<]\s*(?i:at)\s*[\])}>]")
_AT_CAPITALS_RE = re.compile(r"\sAT\s")


def _may_hold_email(text: str) -> bool:
    return (
        "@" in text
        or bool(_AT_BRACKETED_RE.search(text))
        or ("AT" in text and bool(_AT_CAPITALS_RE.search(text)))
    )


def find_emails(text: str) -> list[tuple[str, Span]]:
    """Every e-mail address (lower-cased, validated) with its span.

    A leading ``mailto:`` is not part of the address nor of its span; trailing punctuation is
    left out; ``name [at] domain [dot] org``, ``name(at)domain.org`` and ``name AT domain DOT
    org`` are decoded. Addresses are returned in text order.
    """
    if not _may_hold_email(text):
        return []
    found: list[tuple[str, Span]] = []
    taken: list[Span] = []
    for pattern in (_EMAIL_RE, _OBFUSCATED_EMAIL_RE, _SPELLED_EMAIL_RE):
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            local = m.group("local").rstrip(".")
            domain = _OB_DOT_SUB_RE.sub(".", m.group("domain"))
            if pattern is not _EMAIL_RE and (
                "." not in m.group("domain") and not _OB_DOT_SUB_RE.search(m.group("domain"))
            ):
                continue
            if not _valid_email(local, domain):
                continue
            found.append((f"{local}@{domain}".lower(), (start, end)))
            taken.append((start, end))
    found.sort(key=lambda item: item[1])
    return found


# --------------------------------------------------------------------------------------------
# Labels: "Tel.:", "Fax", "E-Mail:", "Mobiltel.", "T:", ...

_PHONE_KINDS = ("phone", "mobile", "fax")
_LONG_LABELS: tuple[tuple[str, str], ...] = (
    (r"tele?fax|fax|t[ée]l[ée]copie(?:ur)?|facsimile|fax\s*no", "fax"),
    (
        r"mobiltel(?:efon)?|mobil(?:e)?(?:\s*phone)?|mob|handy|cell(?:\s*phone|ular)?|"
        r"portable|m[óo]vil|celular|cellulare|cellulaire|gsm|natel|mobilnummer",
        "mobile",
    ),
    (
        r"t[ée]l[ée]phone|telephone|telefon(?:nummer)?|tel[ée]fono|telefono|phone|tel|t[ée]l|"
        r"ph|fon|tfno|tlf|direct(?:\s*line|\s*dial)?|landline|festnetz|office\s*phone|"
        r"work\s*phone",
        "phone",
    ),
    (
        r"e-?\s?mail(?:\s*address)?|email|mail|courriel|correo(?:\s*electr[óo]nico)?|"
        r"adresse\s*e-?mail",
        "email",
    ),
    (r"web\s*site|website|webseite|web|internet|url|homepage|site\s*web", "url"),
)
_LABEL_ALTS = "|".join(f"(?P<k{i}>{alt})" for i, (alt, _kind) in enumerate(_LONG_LABELS))
_LABEL_KIND_BY_GROUP = {f"k{i}": kind for i, (_alt, kind) in enumerate(_LONG_LABELS)}
_LONG_LABEL_RE = re.compile(
    rf"(?<![\w.@/-])(?:{_LABEL_ALTS})(?![^\W\d_])\.?"
    r"(?:\s*(?:/|&|\+|and|und|et)\s*(?P<second>tele?fax|fax|phone|tel|mobile?|mobil|cell|e-?mail)"
    r"(?![^\W\d_])\.?)?"
    r"(?:\s*(?:no|nr|number|num|n°|#)\.?)?"
    r"(?:[ \t\u00a0]+(?:to|at|on)(?=[ \t\u00a0]*[+(0-9]))?"  # "by fax to +1 ...", "phone at ..."
    r"[ \t\u00a0]*(?::[ \t\u00a0]*|(?=[+(0-9]|[A-Za-z0-9._%+'-]+@|www\.|https?:)|$)",
    re.IGNORECASE,
)
_LONG_LABEL_LOWER_RE = re.compile(_LONG_LABEL_RE.pattern)
_SHORT_LABEL_RE = re.compile(r"(?<![\w.@/&-])(?P<short>[TPFMCEW])[ \t\u00a0]*:[ \t\u00a0]*")
_SHORT_KIND = {
    "T": "phone",
    "P": "phone",
    "F": "fax",
    "M": "mobile",
    "C": "mobile",
    "E": "email",
    "W": "url",
}


def _second_kind(word: str) -> str:
    w = word.lower()
    if "fax" in w:
        return "fax"
    if w.startswith(("mob", "cell")):
        return "mobile"
    if "mail" in w:
        return "email"
    return "phone"


@dataclass(frozen=True)
class _Label:
    start: int
    end: int  # where the value begins
    kinds: tuple[str, ...]


def _label_at(line: str, pos: int) -> bool:
    return bool(_LONG_LABEL_RE.match(line, pos) or _SHORT_LABEL_RE.match(line, pos))


def _find_labels(line: str) -> list[_Label]:
    labels: list[_Label] = []
    low = line.lower()
    # Without IGNORECASE the expression runs twice as fast; lower-casing keeps every offset
    # unless it changes the length (a few letters such as "İ" do).
    long_labels = (
        _LONG_LABEL_LOWER_RE.finditer(low)
        if len(low) == len(line)
        else _LONG_LABEL_RE.finditer(line)
    )
    for m in long_labels:
        group = next(g for g in _LABEL_KIND_BY_GROUP if m.group(g))
        kinds = [_LABEL_KIND_BY_GROUP[group]]
        if m.group("second"):
            kinds.append(_second_kind(m.group("second")))
        labels.append(_Label(m.start(), m.end(), tuple(dict.fromkeys(kinds))))
    for m in _SHORT_LABEL_RE.finditer(line):
        if not any(lab.start <= m.start() < lab.end for lab in labels):
            labels.append(_Label(m.start(), m.end(), (_SHORT_KIND[m.group("short")],)))
    labels.sort(key=lambda lab: lab.start)
    return labels


_URL_RE = re.compile(r"(?<![\w@.])(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)

# --------------------------------------------------------------------------------------------
# Words that say what a short line is

_ORG_WORDS = frozenset(
    """
    ministry ministries university universities agency centre center organization organisation
    unit office directorate division department
    association institute council commission foundation ltd limited inc llc plc gmbh ag sa spa
    bv nv corp corporation company secretariat bureau group school college hospital bank fund
    trust society network embassy consulate delegation government federation union alliance
    coalition committee board authority partners consulting consultants holdings industries
    programme program initiative campaign assembly parliament congress court museum library
    academy observatory laboratory studio studios productions pictures publishing publishers
    radio television broadcasting newspaper magazine times herald tribune journal hq ngo
    charity club league chamber institution organisations organizations cooperative
    ministerium regionalbüro büro universität institut stiftung verband verein akademie
    hochschule gesellschaft zentrum behörde kammer amt ministère université fondation agence
    conseil académie ministerio universidad fundación asociación instituto ministero università
    fondazione istituto associazione
    """.split()
)
# German compounds: "Gesundheitsministerium", "Presseamt".
_ORG_SUFFIXES = (
    "ministerium",
    "büro",
    "buero",
    "institut",
    "stiftung",
    "verband",
    "gesellschaft",
    "zentrum",
    "behörde",
    "akademie",
    "universität",
)
_DEPT_WORDS = frozenset(
    """
    communications communication support unit department dept division section relations affairs
    services service team desk office press media outreach marketing events operations
    information secretariat pressestelle abteilung referat service
    """.split()
)
_TITLE_WORDS = frozenset(
    """
    officer manager director directrice directeur directora head chief coordinator co-ordinator
    supervisor officer-in-charge
    coordinatrice coordinateur adviser advisor spokesperson spokesman spokeswoman sprecher
    sprecherin pressesprecher pressesprecherin referent referentin leiter leiterin assistant
    assistante secretary editor specialist consultant professor lecturer chair chairman
    chairwoman chairperson president vice-president minister counsellor counselor attaché
    attachée chargé chargée analyst representative fellow liaison executive administrator
    researcher journalist correspondent producer publicist deputy intern ceo cfo coo cto cio vp
    founder co-founder portavoz jefe jefa responsable délégué déléguée conseiller conseillère
    ambassador envoy commissioner governor mayor senator dean rector provost strategist
    organiser organizer convenor convener principal superintendent
    """.split()
)
_TITLE_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO", "CIO", "VP", "MP", "MEP", "PR"})
# Words that never occur in a person's name line.
_NOT_NAME_WORDS = (
    _ORG_WORDS
    | _DEPT_WORDS
    | _TITLE_WORDS
    | frozenset(
        """
        the for of and with from to in on at new more information contact contacts email e-mail
        phone tel fax web website registration welcome agenda download read click here page home
        about monday tuesday wednesday thursday friday saturday sunday january february march
        april june july august september october november december jan feb mar apr jun jul aug
        sep sept oct nov dec street road avenue st rd ave square building floor room house hall
        box po free public global world european african asian american united nations health
        education development human rights conference forum summit event panel session report
        release statement update today live video photo photos watch listen subscribe follow
        share login sign search menu national international regional local general media-contact
        invitation enquiries inquiries notes editors note all rights reserved copyright
        advertisement more details this that our your his her their its we you they
        """.split()
    )
)
_PARTICLES = frozenset(
    "de da del della dei di du des van von der den ter ten la le bin binti bint ibn al el y e "
    "dos das zu af av".split()
)
_NAME_SUFFIXES = frozenset(
    {"jr", "jr.", "sr.", "ii", "iii", "iv", "phd", "md", "obe", "mbe", "cbe"}
)
_HONORIFIC_RE = re.compile(
    r"^(?P<h>Professor|Prof|Mrs|Mr|Ms|Mx|Miss|Mme|Mlle|Dr|Sir|Dame|Lady|Lord|Hon|Rev|Herr|Frau|"
    r"Sra|Srta|Sr|Dott|Ing|Mag|Mgr)(?:\.[ \t\u00a0]*|[ \t\u00a0]+)(?=\S)"
    r"|^(?P<m>M)\.[ \t\u00a0]*(?=[A-Z])"
)
_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_INITIAL_RE = re.compile(r"(?:[^\W\d_]\.){1,2}|[^\W\d_]")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]+")


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country, US state and city names (cities of 50,000 people or more), lower-case."""
    return frozenset(cached_table("place-names", __file__, _place_names))


def _place_names() -> list[str]:
    names = {c["name"].lower() for c in geonames("countries").values()}
    names |= {s["name"].lower() for s in geonames("us_states").values()}
    names |= {
        c["name"].lower() for c in geonames("cities").values() if c.get("population", 0) >= 50000
    }
    return sorted(names)


def _is_place(text: str) -> bool:
    t = text.strip().lower()
    if not t:
        return False
    parts = [p.strip() for p in t.split(",")]
    return all(p in place_names() for p in parts if p)


@dataclass(frozen=True)
class _Name:
    honorific: str | None
    name: str
    start: int  # offsets in the text the name was read from
    end: int


def _parse_name(text: str, offset: int = 0) -> _Name | None:
    """A person's name (2-5 capitalised words, particles allowed) with its honorific."""
    lead = len(text) - len(text.lstrip())
    s = text.strip()
    honorifics: list[str] = []
    while True:
        m = _HONORIFIC_RE.match(s)
        if not m:
            break
        honorifics.append(m.group("h") or m.group("m"))
        lead += m.end()
        s = s[m.end() :]
    s = s.rstrip(" ,;")
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", s)]
    words = [s[a:b] for a, b in spans]
    while words and words[-1].lower().strip(",") in _NAME_SUFFIXES:
        words.pop()
    if not words or len(words) > 7:
        return None
    capitalised = initials = shouted = 0
    for i, word in enumerate(words):
        low = _fold(word).lower()
        if low in _PARTICLES and 0 < i < len(words) - 1:
            continue
        if low.strip(".") in _NOT_NAME_WORDS:
            return None
        if _INITIAL_RE.fullmatch(word) and word[0].isupper():
            initials += 1
            continue
        core = word
        pm = re.match(r"(?:al|el|bin|ibn|d|l|de|van|von|di|da|o|mc|mac)['’\-]", word, re.IGNORECASE)
        if pm and len(word) > pm.end() and word[pm.end()].isupper():
            core = word[pm.end() :]
        if not _NAME_WORD_RE.fullmatch(core) or not core[0].isupper():
            return None
        if len(core) > 1 and core.isupper():
            # "Jean DUPONT" writes a surname in capitals; "NWC HQ", "WMTO" are acronyms.
            if i == 0 or len(core) < 3 or not re.search(r"[AEIOUYÀ-Ý]", core[1:]):
                return None
            shouted += 1
        capitalised += 1
    if capitalised < 1 or capitalised + initials < 2 or capitalised + initials > 5:
        return None
    if shouted and shouted >= capitalised:
        return None
    name = " ".join(words).rstrip(",")
    if _is_place(name):
        return None
    honorific = honorifics[0].rstrip(".") if honorifics else None
    start = offset + lead
    end = offset + lead + spans[len(words) - 1][1] - (1 if words[-1].endswith(",") else 0)
    return _Name(honorific, name, start, end)


_NAMES_SPLIT_RE = re.compile(r"\s+(?:or|and|&|und|oder|et|ou|y|o)\s+|\s*[,;/]\s*")


def _parse_names(text: str, offset: int = 0) -> list[_Name] | None:
    """Two or more names on one line: "Jane Roe or John Doe", "Jane Roe, John Doe"."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for m in _NAMES_SPLIT_RE.finditer(text):
        parts.append((text[pos : m.start()], pos))
        pos = m.end()
    parts.append((text[pos:], pos))
    parts = [(p, o) for p, o in parts if p.strip()]
    if len(parts) < 2:
        return None
    names = [_parse_name(p, offset + o) for p, o in parts]
    if any(n is None for n in names):
        return None
    return [n for n in names if n is not None]


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s/()\[\],;:]+|(?<=\w)-(?=[A-ZÀ-Þ])", text) if w]


def _has_org_word(words: list[str]) -> bool:
    for w in words:
        bare = w.strip(".'’")
        low = bare.lower()
        if low in _ORG_WORDS or (len(low) > 6 and low.endswith(_ORG_SUFFIXES)):
            return True
        if _ACRONYM_RE.fullmatch(bare) and bare not in _TITLE_ACRONYMS:
            return True
        if low.rstrip(".") in ("ltd", "inc", "co", "e.v", "s.a", "s.l"):
            return True
    return False


_SMALL_WORDS = frozenset(
    "of the for and in on at to de du des la le les et für und der die das del y e da di van "
    "von a an".split()
)


def _classify_segment(text: str) -> str | None:
    """What a short line or line segment is: name, org, title, dept, place, other, or None."""
    t = text.strip(" \t\u00a0-–—•·*>")
    if not t or len(t) > 120 or t.endswith(":") or "@" in t:
        return None
    words = _words(t)
    if not words or len(words) > 12 or any(c in t for c in '"“”!?='):
        return None
    if _parse_name(t) is not None:
        return "name"
    lows = [w.lower().strip(".'’") for w in words]
    title_at = [i for i, w in enumerate(words) if lows[i] in _TITLE_WORDS or w in _TITLE_ACRONYMS]
    has_org = _has_org_word(words)
    # "Media Relations Officer" is a title; "Acme Institute Press Officer" an organisation.
    if title_at and (not has_org or title_at[0] < 3):
        return "title"
    if has_org:
        return "org"
    if any(w in _DEPT_WORDS for w in lows):
        return "dept"
    if _is_place(t):
        return "place"
    # Anything else must look like a name of something: capitalised words, at most one not.
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content or len(words) > 8 or t.endswith(".") or not t[0].isupper():
        return None
    lower = sum(1 for w in content if not (w[0].isupper() or w[0].isdigit()))
    if lower > 1 or lower * 2 >= len(content) or not any(w[0].isupper() for w in content):
        return None
    return "other"


# --------------------------------------------------------------------------------------------
# Lines


@dataclass
class _Item:
    kinds: tuple[str, ...]  # ("phone",), ("mobile",), ("phone", "fax"), ("email",), ("url",)
    value: str  # e-mail lower-cased; phone and url as written
    start: int  # offsets in the whole text
    end: int
    labelled: bool


@dataclass
class _Segment:
    text: str
    start: int
    end: int
    kind: str  # name, names, org, title, dept, place, other
    names: list[_Name] = field(default_factory=list)


@dataclass
class _Line:
    kind: str  # contact, label, intro, header, prose
    start: int
    end: int
    items: list[_Item] = field(default_factory=list)
    segments: list[_Segment] = field(default_factory=list)
    prefix_ok: bool = True  # the text before the first item is empty or a header
    trailing_label: tuple[str, ...] = ()  # kinds of a label whose value is on the next line
    intro: bool = False  # a header that follows an introduction: "Contact: Jane Roe"
    text: str | None = None  # a short line whose segments are not read yet
    more: list[_Line] = field(default_factory=list)  # further people on the same line


_INTRO_WORD_RE = re.compile(
    r"\b(?:contact\w*|enquir\w*|inquir\w*|kontakt\w*|ansprechpartner\w*|renseignements?|"
    r"information|informations|queries|interviews?|contacto|contatto|contatti)\b",
    re.IGNORECASE,
)
# What every _INTRO_WORD_RE word holds: most lines hold none and skip the expression.
_INTRO_STEMS = (
    "contact", "enquir", "inquir", "kontakt", "ansprechpartner", "renseignement",
    "information", "queries", "interview", "contatt",
)  # fmt: skip


def _has_intro_word(text: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in _INTRO_STEMS) and bool(_INTRO_WORD_RE.search(text))


_INTRO_END_RE = re.compile(
    r"(?:\bcontact(?:s|\s+us|\s+person)?|\benquiries|\binquiries|\bkontakt|\bpressekontakt|"
    r"\bcontacto|\bcontacter|\bansprechpartner(?:in)?)\s*[.:]?$",
    re.IGNORECASE,
)
_INTRO_PREFIX_RE = re.compile(
    r"^\s*(?:[^\W\d_][\w-]*\s+){0,3}?(?:contacts?|contact\s+persons?|kontakt\w*|"
    r"ansprechpartner\w*|enquiries|inquiries|contacto|contatto|media|press)\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# Where the words that introduce a contact end inside a line: the prefix tail starts there.
_TAIL_BOUNDARY_RE = re.compile(
    r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!Mrs)(?<!rof)(?<![A-Z])[.!?]\s+(?=[A-Z\"“])"
    r"|:\s*"
    r"|\b(?:contact|contacts|contacting|call|reach|write\s+to|e-?mail|kontaktieren|contacter|"
    r"contactar|contattare|rsvp(?:\s+to)?|(?:directed|addressed|sent|send|reply|respond|speak|"
    r"talk|reach\s+out)\s+to|(?:get|be|keep)\s+in\s+touch\s+with)\b\s*",
    re.IGNORECASE,
)
_SEGMENT_SPLIT_RE = re.compile(r"\s*[,;|•·()]\s*|\s+[-–—]+\s+|\s{3,}|\t+")
_CONNECTOR_WORDS = frozenset(
    "or and at on via und oder ou et o y tel phone by to is are".split()
) | frozenset({""})
_EDGE_CONNECTORS_RE = re.compile(
    r"^(?:(?:or|and|at|on|via|by)\s+)+|(?:\s+(?:or|and|at|on|via|by|is|are))+\s*$", re.IGNORECASE
)


def _is_connector_gap(gap: str) -> bool:
    words = re.split(r"[\s,;:|/()\[\]<>.\-–—•·*]+", gap.strip().lower())
    return all(w in _CONNECTOR_WORDS for w in words)


def _split_segments(text: str, offset: int) -> list[_Segment] | None:
    """Header segments of a line prefix ("Jane Roe, Acme HQ, "), or None if it is prose."""
    segments: list[_Segment] = []
    pos = 0
    pieces: list[tuple[str, int]] = []
    for m in _SEGMENT_SPLIT_RE.finditer(text):
        pieces.append((text[pos : m.start()], pos))
        pos = m.end()
    pieces.append((text[pos:], pos))
    for piece, at in pieces:
        stripped = _EDGE_CONNECTORS_RE.sub("", piece.strip(" \t\u00a0()[]"))
        if not stripped:
            continue
        start = offset + at + piece.find(stripped)
        kind = _classify_segment(stripped)
        if kind is None:
            return None
        segments.append(_segment(stripped, start, kind))
    return _merge_org_continuations(segments)


_NAME_AT_END = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+\s*$")


def _name_before_items(text: str, offset: int) -> list[_Segment] | None:
    """ "... should submit testimony to the committee clerk, Jane Roe, at ", "... reply to
    Jane Roe (": in a sentence, the name written right before the addresses is their owner's."""
    pieces = [(m.group(), m.start()) for m in re.finditer(r"[^,;()]+", text)]
    pieces = [(p, at) for p, at in pieces if p.strip().lower() not in _CONNECTOR_WORDS]
    if not pieces:
        return None
    piece, at = pieces[-1]
    piece = _EDGE_CONNECTORS_RE.sub("", piece.rstrip())
    run = _NAME_AT_END.search(piece)
    if run is None:
        return None
    name = _parse_name(run.group().strip(), offset + at + run.start())
    if name is None or _has_org_word(_words(name.name)):
        return None
    start = offset + at + run.start()
    return [_Segment(run.group().strip(), start, start + len(run.group().strip()), "name", [name])]


def _segment(text: str, start: int, kind: str) -> _Segment:
    """A classified piece of a line; a name piece carries its parsed name."""
    seg = _Segment(text, start, start + len(text), kind)
    if kind == "name":
        parsed = _parse_name(text, start)
        seg.names = [parsed] if parsed else []
    return seg


def _merge_org_continuations(segments: list[_Segment]) -> list[_Segment]:
    """ "Ministry of Health, Labour and Welfare": an 'other' piece right after an org joins it."""
    merged: list[_Segment] = []
    for seg in segments:
        if merged and seg.kind == "other" and merged[-1].kind == "org":
            prev = merged[-1]
            prev.end = seg.end
            prev.text = f"{prev.text}, {seg.text}"
            continue
        merged.append(seg)
    return merged


def _header_segments(text: str, offset: int) -> list[_Segment] | None:
    """Segments of a line with no contact item, or None when the line is not a header."""
    stripped = text.strip()
    start = offset + text.find(stripped)
    names = _parse_names(stripped, start)
    if names:
        return [_Segment(stripped, start, start + len(stripped), "names", names)]
    if _SEGMENT_SPLIT_RE.search(stripped):
        segments = _split_segments(stripped, start)
        if segments:
            return segments
    kind = _classify_segment(stripped)
    if kind is None:
        return None
    return [_segment(stripped, start, kind)]


def _is_intro(text: str) -> bool:
    t = text.strip()
    if len(t) > 200 or len(t.split()) > 25 or not _has_intro_word(t):
        return False
    return t.endswith(":") or bool(_INTRO_END_RE.search(t))


# Substrings of every label, intro word and address form _PREFILTER_RE knows: a line with
# none of them and no run of digits holds no contact item.
_LINE_KEYWORDS = (
    "@",
    "tel",
    "fax",
    "phone",
    "mob",
    "cell",
    "handy",
    "contact",
    "kontakt",
    "enquir",
    "inquir",
    "courriel",
    "mail",
    "portable",
    "vil",
    "www",
    "http",
    "+",
    "[at",
    "(at",
    " dot ",
)
# three digits, or two pairs with a separator (\s but no line break: a signal stays on its line)
_DIGIT_RUN_RE = re.compile(r"\d\d(?:\d|(?:[./-]|[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029])\d\d)")


# What an introduction needs (_INTRO_PREFIX_RE, _is_intro), lower-case; "ſ" and "ı" match
# "s" and "i" case-insensitively, so a line with one is read the slow way.
_INTRO_KEYS = (*_INTRO_STEMS, "media", "press", "ſ", "ı")


def _keyword_starts(low: str, keys: tuple[str, ...]) -> list[int]:
    """Where the keys occur in ``low``, found with str.find: much faster than one expression
    of them all."""
    starts = []
    for key in keys:
        pos = low.find(key)
        while pos != -1:
            starts.append(pos)
            pos = low.find(key, pos + 1)
    return starts


def _signal_starts(text: str, low: str) -> list[int]:
    """Sorted places where contact signals start in ``text`` (``low`` is it lower-cased)."""
    starts = [m.start() for m in _DIGIT_RUN_RE.finditer(text)]
    starts += _keyword_starts(low, _LINE_KEYWORDS)
    starts.sort()
    return starts


def _any_within(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of positions holds one in ``[start, end)``."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _may_hold_contact(text: str) -> bool:
    low = text.lower()
    return any(key in low for key in _LINE_KEYWORDS) or bool(_DIGIT_RUN_RE.search(text))


def _line_without_items(text: str, offset: int, may_introduce: bool = True) -> _Line:
    """What the no-item branch of :func:`_analyse_line` decides, without looking for items;
    ``may_introduce`` is false when the line holds none of the _INTRO_KEYS."""
    start, end = offset, offset + len(text)
    intro = _INTRO_PREFIX_RE.match(text) if may_introduce and ":" in text else None
    if intro:
        segments = _header_segments(intro.group("rest"), offset + intro.start("rest"))
        if segments is not None:
            return _Line("header", start, end, segments=segments, intro=True)
    if may_introduce and _is_intro(text):
        return _Line("intro", start, end)
    if len(text) > 160 or len(text.split()) > 14:
        return _Line("prose", start, end)
    # Whether a short line is a name, a title or an organisation is only asked when contact
    # lines follow it (see _usable_headers): most short lines are headings or programme.
    return _Line("header", start, end, text=text)


def _analyse_line(
    text: str,
    offset: int,
    carried: tuple[str, ...],
    signal: bool | None = None,
    may_introduce: bool = True,
) -> _Line:
    """What one non-blank line is; ``signal`` says whether it holds a contact signal, if
    known, and ``may_introduce`` whether it may introduce contacts (see _line_without_items)."""
    start, end = offset, offset + len(text)
    if not (_may_hold_contact(text) if signal is None else signal):
        # no address, number, link or label: only what the line says of itself matters
        return _line_without_items(text, offset, may_introduce)
    emails = find_emails(text)
    taken: list[Span] = [span for _e, span in emails]
    urls: list[tuple[str, int, int]] = []
    low = text.lower()
    web = "http" in low or "www" in low  # the only starts of _URL_RE
    for m in _URL_RE.finditer(text) if web else ():
        url = m.group().rstrip(".,;:")
        span = (m.start(), m.start() + len(url))
        if not any(s < span[1] and span[0] < e for s, e in taken):
            urls.append((url, *span))
            taken.append(span)
    phones = [
        c for c in find_phone_candidates(text) if not any(s < c[2] and c[1] < e for s, e in taken)
    ]
    if not (emails or urls or phones):
        # Labels only matter on a line of labels alone ("Tel.:" above its number), which
        # starts with one: most lines here are prose with a year in them.
        lead = len(text) - len(text.lstrip(" .:,;/"))
        if not _label_at(text, lead):
            return _line_without_items(text, offset, may_introduce)
    labels = _find_labels(text)

    def label_for(pos: int) -> _Label | None:
        before = [lab for lab in labels if lab.end <= pos]
        if not before:
            return None
        lab = before[-1]
        return lab if pos - lab.end <= 60 else None

    items: list[_Item] = []
    for value, (s, e) in emails:
        lab = label_for(s)
        items.append(_Item(("email",), value, offset + s, offset + e, bool(lab)))
    for url, s, e in urls:
        lab = label_for(s)
        items.append(_Item(("url",), url, offset + s, offset + e, bool(lab and "url" in lab.kinds)))
    for raw, s, e in phones:
        lab = label_for(s)
        kinds = tuple(k for k in lab.kinds if k in _PHONE_KINDS) if lab else ()
        if not kinds and carried and s <= len(text) - len(text.lstrip()):
            kinds, carried = carried, ()
        items.append(_Item(kinds or ("phone",), raw, offset + s, offset + e, bool(kinds)))
    items.sort(key=lambda it: it.start)

    trailing: tuple[str, ...] = ()
    if labels and not text[labels[-1].end :].strip():
        trailing = tuple(k for k in labels[-1].kinds if k in _PHONE_KINDS)

    if not items:
        if labels and not _mask(text, [(lab.start, lab.end) for lab in labels]).strip(" .:,;/"):
            return _Line("label", start, end, trailing_label=trailing)
        return _line_without_items(text, offset, may_introduce)

    # Blank out labels so that they count as connectors between items.
    masked = _mask(text, [(lab.start, lab.end) for lab in labels])
    first = items[0].start - offset
    prefix = masked[:first]
    tail_start = 0
    for m in _TAIL_BOUNDARY_RE.finditer(prefix):
        tail_start = m.end()
    tail = prefix[tail_start:]
    whole_prefix_empty = not prefix.strip(" \t\u00a0-–—•·*>:")
    segments = _split_segments(tail, offset + tail_start) if tail.strip() else []
    if segments is None:
        segments = _name_before_items(tail, offset + tail_start)
    prefix_ok = segments is not None and (tail_start == 0 or bool(segments) or whole_prefix_empty)
    if tail_start and segments == []:
        # "Contact: 201-555-0147": only an introduction before the first item.
        prefix_ok = _has_intro_word(prefix) and len(prefix.split()) <= 8

    # Items joined by connectors belong together; a name between two items starts another
    # person on the same line ("Jane Roe, +41 ..., jroe@...; John Doe, +41 ...").
    entries: list[tuple[list[_Segment], list[_Item]]] = [(segments or [], [])]
    chain_open = prefix_ok
    previous_end = first
    for it in items:
        gap = masked[previous_end : it.start - offset]
        if chain_open and entries[-1][1] and not _is_connector_gap(gap):
            more = _split_segments(gap, offset + previous_end)
            if more and any(seg.kind in ("name", "names") for seg in more):
                entries.append((more, []))
            else:
                chain_open = False
        if it.labelled or chain_open:
            entries[-1][1].append(it)
        previous_end = it.end - offset
    kept = entries[0][1]
    if len(entries) == 1 and any(it.labelled for it in kept):
        kept += [it for it in items if it.kinds == ("email",) and it not in kept]
        kept.sort(key=lambda it: it.start)
    if not any(entry_items for _segs, entry_items in entries):
        return _Line("prose", start, end)
    line = _Line(
        "contact",
        start,
        end,
        items=kept,
        segments=entries[0][0],
        prefix_ok=prefix_ok,
        trailing_label=trailing,
    )
    line.more = [
        _Line("contact", start, end, items=entry_items, segments=segs)
        for segs, entry_items in entries[1:]
        if entry_items
    ]
    return line


def _mask(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


# --------------------------------------------------------------------------------------------
# Blocks


@dataclass
class _Group:
    headers: list[_Segment] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    after_intro: bool = False


_PREFILTER_RE = re.compile(
    r"@|\+\s?[0-9]|[\[(]\s*at\s*[\])]|\b(?:tel|fax|phone|mobile?|mobil\w*|cell|handy|t[ée]l[ée]\w*|"
    r"telefon\w*|contact\w*|kontakt\w*|enquiries|inquiries|courriel|e-?mail|portable|m[óo]vil)\b"
    r"|^\s*[TFMEP]\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_PREFILTER_LOWER_RE = re.compile(
    _PREFILTER_RE.pattern.replace("[TFMEP]", "[tfmep]"), re.MULTILINE
)  # for the lower-cased text
_MAX_HEADER_LINES = 6
_MAX_BLANK_RUN = 2


def find_contact_blocks(
    text: str,
    region: str | None = None,
    guess_region: Callable[[], str | None] | None = None,
) -> list[ContactBlock]:
    """Contact blocks in any layout. ``region`` is an ISO 3166 alpha-2 hint (e.g. "US", "NZ")
    for numbers written without their country code; without it, ``guess_region`` gives one
    (e.g. the country the document names most), called only when such a number occurs.

    Blocks come in text order. A block is kept when it holds at least one phone, mobile, fax
    or e-mail address; web addresses only come along. Never raises.
    """
    if not text:
        return []
    low: str | None = text.lower()
    if len(low) != len(text):  # lower-casing moved offsets: read the text as written
        low = None
    if not (_PREFILTER_RE.search(text) if low is None else _PREFILTER_LOWER_RE.search(low)):
        return []
    try:
        groups = _collect_groups(text, low)
    except RecursionError:  # pragma: no cover - defensive: never fail a whole document
        return []
    hint = normalise_region(region)
    # The regions of the document and of a group only matter for numbers written without
    # their country code; finding them parses numbers, so it is done only then.
    document_region = None
    if any(_needs_region(it) for group in groups for it in group.items):
        if hint is None and guess_region is not None:
            hint = normalise_region(guess_region())
        if hint is None:
            document_region = _document_region(groups)
    blocks: list[ContactBlock] = []
    for group in groups:
        blocks.extend(_blocks_of(group, hint, document_region))
    return blocks


def _needs_region(item: _Item) -> bool:
    return item.kinds[0] in _PHONE_KINDS and not reads_without_region(item.value)


def _collect_groups(text: str, low: str | None) -> list[_Group]:
    """Contact lines with the header lines above them; ``low`` is the text lower-cased, if
    that keeps its length (else each line is checked for contact signals on its own)."""
    groups: list[_Group] = []
    current: _Group | None = None
    pending: list[_Line] = []
    blank_run = 0
    after_intro = False
    carried: tuple[str, ...] = ()
    offset = 0
    signals = intros = None
    if low is not None:
        signals = _signal_starts(text, low)
        intros = sorted(_keyword_starts(low, _INTRO_KEYS))
    for raw_line in text.splitlines(keepends=True):
        budget.check()
        body = raw_line.rstrip("\r\n")
        start, offset = offset, offset + len(raw_line)
        if not body.strip():
            carried = ()
            blank_run += 1
            if blank_run > _MAX_BLANK_RUN:
                current, pending, after_intro = None, [], False
            continue
        if signals is None or intros is None:
            line = _analyse_line(body, start, carried)
        else:
            end = start + len(body)
            line = _analyse_line(
                body,
                start,
                carried,
                _any_within(signals, start, end),
                _any_within(intros, start, end),
            )
        carried = line.trailing_label
        adjacent = blank_run == 0
        blank_run = 0
        if line.kind == "label":
            continue
        if line.kind == "intro":
            current, pending, after_intro = None, _office_above(pending, adjacent), True
            continue
        if line.kind == "header":
            if line.intro:
                pending, after_intro = _office_above(pending, adjacent), True
            pending.append(line)
            if len(pending) > _MAX_HEADER_LINES:
                pending.pop(0)
            if current is not None:
                current = None
            continue
        if line.kind == "prose":
            current, pending, after_intro = None, [], False
            continue
        for entry in (line, *line.more):
            if entry.items:
                current, pending = _take_contact_line(entry, current, pending, after_intro, groups)
    return groups


def _office_above(pending: list[_Line], adjacent: bool) -> list[_Line]:
    """ "Mayor's Office" right above "Contact: Jane Roe": the office the contact speaks for
    stays with them; other lines above an introduction do not."""
    if not adjacent or not pending:
        return []
    above = pending[-1]
    segments = _usable_headers([above])
    return [above] if len(segments) == 1 and segments[0].kind in ("org", "dept") else []


def _take_contact_line(
    line: _Line,
    current: _Group | None,
    pending: list[_Line],
    after_intro: bool,
    groups: list[_Group],
) -> tuple[_Group | None, list[_Line]]:
    """Add a contact line to the open group or start a new one; returns (open group, pending)."""
    names_here = any(seg.kind in ("name", "names") for seg in line.segments)
    bare_phones_only = (
        all(not it.labelled and it.kinds[0] in _PHONE_KINDS for it in line.items) and not names_here
    )
    if current is not None and not pending and not line.segments:
        current.items.extend(line.items)
        return current, pending
    headers: list[_Segment] = []
    if line.prefix_ok and not names_here:
        headers = _usable_headers(pending)
    if bare_phones_only and not headers and not after_intro:
        return None, []
    group = _Group(headers + line.segments, list(line.items))
    groups.append(group)
    return group, []


def _read_header(line: _Line) -> None:
    if line.text is not None and not line.segments:
        line.segments = _header_segments(line.text, line.start) or []
        line.text = None


def _usable_headers(pending: list[_Line]) -> list[_Segment]:
    """The header lines that belong to the contact lines below them.

    Read upwards from the contact lines: up to and including the nearest name line, stopping
    at a line that is no header; without a name, the last three header lines.
    """
    chosen: list[list[_Segment]] = []
    lines = list(reversed(pending))
    for index, line in enumerate(lines):
        _read_header(line)
        if not line.segments:
            break
        chosen.append(line.segments)
        if any(seg.kind in ("name", "names") for seg in line.segments):
            above = lines[index + 1] if index + 1 < len(lines) else None
            if above is not None and not any(
                seg.kind in ("org", "dept") for segments in chosen for seg in segments
            ):
                # "Mayor's Office" / "Contact: Jane Roe": the office above the name
                _read_header(above)
                if len(above.segments) == 1 and above.segments[0].kind in ("org", "dept"):
                    chosen.append(above.segments)
            break
    else:
        chosen = chosen[:3]
    if chosen and not any(seg.kind in ("name", "names") for seg in chosen[-1]):
        chosen = chosen[:3]
    return [seg for segments in reversed(chosen) for seg in segments]


def _document_region(groups: list[_Group]) -> str | None:
    """The region of the other blocks of the text: their numbers first, then their e-mails."""
    items = [it for group in groups for it in group.items]
    return _number_region(items) or _email_region(items)


def _group_region(group: _Group) -> str | None:
    return _number_region(group.items) or _email_region(group.items)


def _number_region(items: list[_Item]) -> str | None:
    for it in items:
        if it.kinds[0] in _PHONE_KINDS and has_international_prefix(it.value):
            e164 = parse_phone(it.value)
            if e164 and (region := region_of_e164(e164)):
                return region
    return None


def _email_region(items: list[_Item]) -> str | None:
    for it in items:
        if it.kinds == ("email",) and (region := region_of_domain(it.value.rsplit("@", 1)[-1])):
            return region
    return None


@dataclass
class _Details:
    phones: list[str] = field(default_factory=list)
    mobiles: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.phones or self.mobiles or self.faxes or self.emails)


def _blocks_of(group: _Group, hint: str | None, document_region: str | None) -> list[ContactBlock]:
    region = None
    if any(_needs_region(it) for it in group.items):
        region = _group_region(group) or hint or document_region
    phones: list[tuple[str, tuple[str, ...]]] = []
    emails: list[str] = []
    urls: list[str] = []
    for it in group.items:
        if it.kinds == ("email",):
            emails.append(it.value)
        elif it.kinds == ("url",):
            urls.append(it.value)
        else:
            e164 = parse_phone(it.value, region, require_valid=not it.labelled)
            if e164:
                phones.append((e164, it.kinds))
    names: list[_Name] = []
    name_segments = [seg for seg in group.headers if seg.kind in ("name", "names")]
    if name_segments:
        names = name_segments[0].names
    # every line naming where the person works, in order ("Office of X", "Acme, United
    # Nations"); a department line only when nothing else names the place of work
    organisation = ", ".join(
        seg.text.strip(" ,;") for seg in group.headers if seg.kind in ("org", "other")
    ) or _pick(group.headers, ("dept",))
    title = _pick(group.headers, ("title",))
    start = min([seg.start for seg in group.headers] + [it.start for it in group.items])
    end = max([seg.end for seg in group.headers] + [it.end for it in group.items])

    shares = _share_out(names, phones, _dedupe(emails))
    blocks: list[ContactBlock] = []
    for person, (person_phones, person_emails) in zip(names or [None], shares, strict=True):
        details = _Details(emails=person_emails, urls=_dedupe(urls))
        for e164, kinds in person_phones:
            for kind in kinds:
                {"phone": details.phones, "mobile": details.mobiles, "fax": details.faxes}[
                    kind
                ].append(e164)
        if details.empty():
            continue
        blocks.append(
            ContactBlock(
                name=person.name if person else None,
                honorific=person.honorific if person else None,
                organisation=organisation,
                title=title,
                phones=tuple(_dedupe(details.phones)),
                mobiles=tuple(_dedupe(details.mobiles)),
                faxes=tuple(_dedupe(details.faxes)),
                emails=tuple(_dedupe(details.emails)),
                urls=tuple(details.urls),
                span=(start, end),
                name_span=(person.start, person.end) if person else None,
            )
        )
    return blocks


def _pick(segments: list[_Segment], kinds: tuple[str, ...]) -> str | None:
    for kind in kinds:
        for seg in segments:
            if seg.kind == kind:
                return seg.text.strip(" ,;")
    return None


def _dedupe(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _share_out(
    names: list[_Name],
    phones: list[tuple[str, tuple[str, ...]]],
    emails: list[str],
) -> list[tuple[list[tuple[str, tuple[str, ...]]], list[str]]]:
    """Who gets which number and address when one block names several people.

    E-mail addresses go to the person whose name matches the local part, then in order;
    numbers go in order when there is one per person, otherwise to everyone.
    """
    if len(names) <= 1:
        return [(phones, emails)]
    if len(phones) == len(names):
        phone_shares = [[p] for p in phones]
    else:
        phone_shares = [list(phones) for _ in names]
    email_shares: list[list[str]] = [[] for _ in names]
    scored = sorted(
        (
            (-_email_name_score(email, name.name), ei, ni)
            for ei, email in enumerate(emails)
            for ni, name in enumerate(names)
        ),
    )
    taken_emails: set[int] = set()
    taken_names: set[int] = set()
    for neg_score, ei, ni in scored:
        if neg_score == 0 or ei in taken_emails or ni in taken_names:
            continue
        email_shares[ni].append(emails[ei])
        taken_emails.add(ei)
        taken_names.add(ni)
    free_names = [ni for ni in range(len(names)) if ni not in taken_names]
    free_emails = [ei for ei in range(len(emails)) if ei not in taken_emails]
    for ni, ei in zip(free_names, free_emails, strict=False):
        email_shares[ni].append(emails[ei])
    return list(zip(phone_shares, email_shares, strict=True))


def _email_name_score(email: str, name: str) -> int:
    """How well an address's local part matches a name (0 = not at all)."""
    local = re.sub(r"[0-9]", "", email.split("@", 1)[0].lower())
    parts = [p for p in re.split(r"[._\-+]", local) if p]
    squashed = "".join(parts)
    tokens = [
        re.sub(r"[^a-z]", "", _fold(t).lower())
        for t in name.split()
        if t.lower() not in _PARTICLES and not _INITIAL_RE.fullmatch(t)
    ]
    tokens = [t for t in tokens if t]
    if len(tokens) < 1 or not squashed:
        return 0
    first, last = tokens[0], tokens[-1]
    if squashed in (first + last, last + first) or {first, last} <= set(parts):
        return 6
    if squashed in (first[0] + last, last + first[0], first + last[0], last[0] + first):
        return 5
    if parts in ([first[0], last], [last, first[0]]):
        return 5
    if len(last) >= 3 and last in squashed:
        return 4 if squashed.startswith(first[0]) or squashed.endswith(first[0]) else 3
    if len(first) >= 3 and first in squashed:
        return 2
    return 0
