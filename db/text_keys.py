"""Folded keys of names, titles and contacts: what de-duplication and search compare.

A key is lower case, without accents and punctuation, so that "Müller", "MULLER" and "Muller"
compare equal. Every key stored in the database is made here, by the same functions at import,
edit and migration time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

# Letters that Unicode decomposition does not reduce to ASCII.
_EXTRA_FOLDS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ß": "ss",
        "’": "'",
    }
)
_NON_WORD = re.compile(r"[^0-9a-z]+")

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady he excellency hon honourable "
    "honorable rev reverend mme mlle madame monsieur herr frau dott ing".split()
)
NAME_SUFFIXES = frozenset("jr sr ii iii iv phd md mba esq obe cbe kbe".split())

TITLE_STOP_WORDS = frozenset(
    "a an and at by de del des di du el en et for from in la le les of on or the to und "
    "with y annual edition".split()
)
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
)
_ROMAN = re.compile(r"^(?=[ivxlc]{2,}$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|e|er|eme|o|a)?$")
# Names, titles and organisations repeat across documents and de-duplication candidates; the
# keys are pure functions of their text, so they are remembered.
_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_CACHE_SIZE)
def fold(text: str | None) -> str:
    """Lower case without accents: ``"Zoë Ørsted"`` → ``"zoe orsted"``."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_words(text: str | None) -> str:
    """:func:`fold`, then every run of punctuation and spaces becomes one space."""
    return _NON_WORD.sub(" ", fold(text)).strip()


@dataclass(frozen=True)
class NameKeys:
    """Keys of a person's name. ``name_key`` is first given name + family name, so that middle
    names and honorifics do not matter: "Dr Ann B. Smith" and "Ann Smith" share it."""

    name_key: str
    family_key: str
    given_key: str
    full_key: str


@lru_cache(maxsize=_CACHE_SIZE)
def name_keys(name: str | None) -> NameKeys:
    """Keys of a full name; "Family, Given" is read as "Given Family"."""
    name = name or ""
    if name.count(",") == 1:
        family, given = name.split(",")
        if given.strip() and fold_words(given) not in NAME_SUFFIXES:
            name = f"{given} {family}"
    words = fold_words(name.replace(".", " ")).split()
    while words and words[0] in HONORIFICS and len(words) > 1:
        words.pop(0)
    while words and words[-1] in NAME_SUFFIXES and len(words) > 1:
        words.pop()
    if not words:
        return NameKeys("", "", "", "")
    family = words[-1]
    given = words[0] if len(words) > 1 else ""
    return NameKeys(
        name_key=f"{given} {family}".strip(),
        family_key=family,
        given_key=given,
        full_key=" ".join(words),
    )


@lru_cache(maxsize=_CACHE_SIZE)
def title_key(title: str | None) -> str:
    """An event title's distinctive words, sorted: years, ordinals, numbering and stop words
    dropped, so "The 3rd Annual Forum on Water 2019" and "Forum on Water" share a key."""
    words = set()
    for word in fold_words(title).split():
        if word in TITLE_STOP_WORDS or word in _ORDINAL_WORDS:
            continue
        if _ORDINAL.match(word) or _ROMAN.match(word):
            continue
        words.add(word)
    return " ".join(sorted(words))


def phone_search_forms(value: str) -> list[str]:
    """Digit strings a user may type to find a phone number: the E.164 digits and the national
    form (``+41 22 917 1234`` → ``41229171234``, ``0229171234``)."""
    digits = re.sub(r"\D", "", value)
    forms = [digits] if digits else []
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return forms
    national = re.sub(
        r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    )
    if national and national not in forms:
        forms.append(national)
    return forms


def search_terms(text: str | None) -> list[str]:
    """What a search box text is split into. A query of digits, spaces and phone punctuation
    is one digit string; otherwise each word is a term that must occur (in any order)."""
    text = (text or "").strip()
    if not text:
        return []
    if re.fullmatch(r"[\d\s()+./-]+", text) and re.search(r"\d", text):
        return [re.sub(r"\D", "", text)]
    terms = []
    for raw in text.split():
        term = fold(raw).strip(".,;:()[]\"'")
        if term and term not in terms:
            terms.append(term)
    return terms
