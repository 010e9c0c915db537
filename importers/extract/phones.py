"""Telephone numbers: finding them in a line of text and normalising them to E.164.

Normalisation is done by ``phonenumbers`` (libphonenumber's metadata); this module only
cleans what people write around a number (``(+32)``, ``+ 44``, ``00 41``, ``(0)``, ``ext. 12``)
and refuses things that merely look like numbers (dates, year ranges, ISBNs, money).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

# A candidate starts with an international prefix or a digit / bracket and runs over digits and
# the separators people put between digit groups. No letters, no en dashes ("2012–2020").
PHONE_CANDIDATE_RE = re.compile(
    r"(?<![\w@+/,-])(?<![0-9]\.)"
    r"(?P<num>"
    r"(?:(?:\(\s*(?:\+|00)\s?[0-9]{1,4}\s*\)|\+|00)[ \t\u00a0]?)?"
    r"\(?[0-9][0-9 \t\u00a0().\/\u2010\u2011-]{4,24}[0-9]"
    r")"
    r"(?P<ext>[ \t\u00a0]*,?[ \t\u00a0]*"
    r"(?:ext\.?|extn\.?|extension|x|poste|Durchwahl|DW|int\.?)[ \t\u00a0]*[.:]?[ \t\u00a0]*"
    r"[0-9]{1,6})?"
    r"(?![0-9])",
    re.IGNORECASE,
)

# Seven digits with only characters of a candidate between them: what every candidate holds.
_SEVEN_DIGITS_RE = re.compile(r"[0-9](?:[\s()./\u2010\u2011+-]*[0-9]){6}")

_EXTENSION_RE = re.compile(
    r"[\s,]*(?:ext\.?|extn\.?|extension|x|poste|Durchwahl|DW|int\.?)\s*[.:]?\s*[0-9]{1,6}\s*$",
    re.IGNORECASE,
)
_DATE_RE = re.compile(r"^[0-9]{1,4}\s?[./-]\s?[0-9]{1,2}\s?[./-]\s?[0-9]{1,4}$")
_YEAR_RANGE_RE = re.compile(r"^(?:1[5-9]|20)[0-9]{2}\s*[-/.]\s*(?:(?:1[5-9]|20)[0-9]{2}|[0-9]{2})$")
_ISBN_RE = re.compile(r"^97[89][- ]?[0-9]")
_CURRENCY_BEFORE_RE = re.compile(r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|US\$|Rs\.?))\s*$", re.IGNORECASE)
_NOT_PHONE_BEFORE_RE = re.compile(
    r"\b(?:ISBN|ISSN|DOI|No\.?|Nr\.?|Ref\.?|Reg\.?|Registration|Case|Article|Art\.?|"
    r"Order|Invoice|Account|IBAN|BIC|VAT|Postcode|P\.?O\.?\s*Box|Box)\s*:?\s*$",
    re.IGNORECASE,
)
_AMOUNT_AFTER_RE = re.compile(
    r"^\s*(?:%|per\s?cent|percent|million|billion|mln|bn|euros?|dollars?|francs?|people|"
    r"persons|participants|delegates|km|kg|m²|hectares|tonnes|times)\b",
    re.IGNORECASE,
)

# Aliases people write for ISO 3166 codes.
_REGION_ALIASES = {"UK": "GB", "EL": "GR"}


def normalise_region(region: str | None) -> str | None:
    """An ISO 3166 alpha-2 code that ``phonenumbers`` knows, or None."""
    if not region:
        return None
    code = region.strip().upper()
    code = _REGION_ALIASES.get(code, code)
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def region_of_e164(number: str) -> str | None:
    """The region of an E.164 number (``+3222877000`` -> ``BE``), or None."""
    try:
        parsed = phonenumbers.parse(number, None)
    except NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    return region if region and region != "001" else None


def region_of_domain(domain: str) -> str | None:
    """The region implied by an e-mail domain's country-code TLD (``.nz`` -> ``NZ``).

    Generic TLDs (``.org``, ``.int``, ``.com``, ...) imply nothing, except ``.gov``/``.edu``/
    ``.mil``, which are reserved to one country's bodies (the region returned below).
    """
    tld = domain.rsplit(".", 1)[-1].lower()
    if tld in ("gov", "edu", "mil"):
        return "US"
    if len(tld) != 2:
        return None
    return normalise_region(tld)


def has_international_prefix(raw: str) -> bool:
    """True when a written number carries its own country code (``+``, ``(+``, ``00``)."""
    s = raw.lstrip(" \t\u00a0(")
    return s.startswith("+") or s.startswith("00")


def reads_without_region(raw: str) -> bool:
    """True when :func:`parse_phone` reads ``raw`` the same in every region: it carries its
    country code in a form the cleaning turns into ``+``."""
    return _clean(raw).startswith("+")


def _clean(raw: str) -> str:
    s = raw.replace("\u00a0", " ").strip()
    s = _EXTENSION_RE.sub("", s)
    s = re.sub(r"^\(\s*(\+|00)\s*([0-9]{1,4})\s*\)", r"+\2", s)
    s = re.sub(r"^\+\s+", "+", s)
    s = re.sub(r"^00\s*", "+", s)
    if s.startswith("+"):
        # A trunk prefix written inside an international number: "+44 (0)20 ...".
        s = re.sub(r"\(\s*0\s*\)", "", s)
    return s


@lru_cache(maxsize=4096)
def _parse(cleaned: str, region: str | None, require_valid: bool) -> str | None:
    international = cleaned.startswith("+")
    if not international and region is None:
        return None
    digits = sum(c.isdigit() for c in cleaned)
    if digits < 7 or digits > 17:
        return None
    try:
        number = phonenumbers.parse(cleaned, None if international else region)
    except NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    # Numbers from an old or unusual plan are kept when the writer gave the country code and
    # the length is possible there; a number written without one is never guessed.
    # So are national numbers whose area code is written in brackets with its trunk 0
    # ("(06) 277 7860"): the shape of a phone number in a plan since renumbered.
    shaped = (international and not require_valid) or _TRUNK_AREA_RE.match(cleaned)
    if shaped and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return None


_TRUNK_AREA_RE = re.compile(r"\(0\d{1,4}\)\s*\d")


def parse_phone(raw: str, region: str | None = None, *, require_valid: bool = False) -> str | None:
    """E.164 via the ``phonenumbers`` library, or None if not a valid/possible number.

    ``raw`` may carry an international prefix (``+``, ``(+32)``, ``+ 44``, ``00 41``), a trunk
    prefix in brackets (``+44 (0)20 ...``) and an extension (``ext. 12``, dropped). A number
    written without a country code is read in ``region`` (ISO 3166 alpha-2) and dropped when
    there is none. Numbers that are not valid in the plan are kept only when they carry a
    country code and have a possible length, and never when ``require_valid`` is set.
    """
    if not raw or len(raw) > 64:
        return None
    cleaned = _clean(raw)
    if not cleaned or looks_like_non_phone(cleaned):
        return None
    return _parse(cleaned, normalise_region(region), require_valid)


def looks_like_non_phone(candidate: str, before: str = "", after: str = "") -> bool:
    """True for digit runs that are dates, year ranges, ISBNs or amounts, not phones.

    ``before``/``after`` are the few characters around the candidate in its text.
    """
    s = candidate.strip()
    if _DATE_RE.match(s) or _YEAR_RANGE_RE.match(s):
        return True
    if not has_international_prefix(s) and _ISBN_RE.match(s) and _digit_count(s) in (10, 13):
        return True
    if before and (_CURRENCY_BEFORE_RE.search(before) or _NOT_PHONE_BEFORE_RE.search(before)):
        return True
    if after and _AMOUNT_AFTER_RE.match(after):
        return True
    # Thousands groups ("1,234,567" is excluded by the pattern; "1.234.567" is caught here).
    return bool(re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}", s))


def _digit_count(s: str) -> int:
    return sum(c.isdigit() for c in s)


def find_phone_candidates(line: str) -> list[tuple[str, int, int]]:
    """Digit runs in ``line`` that could be phone numbers: ``(raw, start, end)``.

    ``raw`` includes a trailing extension when written; the span covers it. Runs with fewer
    than 7 digits and those :func:`looks_like_non_phone` refuses are left out. Two numbers
    separated only by spaces or a slash surrounded by spaces are returned separately.
    """
    found: list[tuple[str, int, int]] = []
    if not _SEVEN_DIGITS_RE.search(line):
        return found  # much faster than the full expression, which fails at every position
    pos = 0
    while True:
        m = PHONE_CANDIDATE_RE.search(line, pos)
        if m is None:
            break
        start, end = m.start("num"), m.end()
        raw = m.group("num")
        pos = max(end, pos + 1)
        cut = _bracket_cut(raw)
        if cut is not None:
            # "0419 278 715 (06) 277 7860": the bracket opens the next number; read on from it
            raw, end, pos = raw[:cut].rstrip(), start + len(raw[:cut].rstrip()), start + cut
        parts = _split_run(raw)
        if len(parts) > 1 and cut is None:
            # "020 7946 0123 / 020 7946 0456": the run may stop inside the second number, so
            # it is read again from where it starts
            *parts, (_, last) = parts
            pos = start + last
        # Trailing separators the pattern may have swallowed: "123 45 67 (" or "... 67 -".
        for part, offset in parts:
            s, e = start + offset, start + offset + len(part)
            if e == start + len(raw):
                e = end  # the extension belongs to the last part
            text = line[s:e]
            if _digit_count(part) < 7:
                continue
            if looks_like_non_phone(part, line[max(0, s - 16) : s], line[e : e + 16]):
                continue
            found.append((text, s, e))
    return found


_RUN_SPLIT_RE = re.compile(r"[ \t\u00a0]{3,}|[ \t\u00a0]+/[ \t\u00a0]+")


_BRACKET_START_RE = re.compile(r"[ \t\u00a0]+(?=\(\d)")


def _bracket_cut(raw: str) -> int | None:
    """Where an area code in brackets opens a second number: after a whole number
    ("0419 278 715 (06) 277 7860"), not after a country code ("+1 (555) 010-0100")."""
    for m in _BRACKET_START_RE.finditer(raw):
        if _digit_count(raw[: m.start()]) >= 7:
            return m.end()
    return None


def _split_run(raw: str) -> list[tuple[str, int]]:
    """Split a run that holds several numbers ("+32 2 123 45 67   +32 2 123 45 68")."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for m in _RUN_SPLIT_RE.finditer(raw):
        parts.append((raw[pos : m.start()], pos))
        pos = m.end()
    parts.append((raw[pos:], pos))
    cleaned: list[tuple[str, int]] = []
    for part, offset in parts:
        stripped = part.rstrip(" \t\u00a0(-/.")
        lead = len(stripped) - len(stripped.lstrip(" \t\u00a0)-/."))
        stripped = stripped[lead:]
        if stripped:
            cleaned.append((stripped, offset + lead))
    return cleaned
