"""Vocabulary the extractor relies on: general English (and a little French, German, Spanish)
words for honorifics, job titles, organisations, gatherings and sessions, plus a dictionary of
given names. Nothing here names a particular person, place or organisation."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: 'Zdeněk' -> 'zdenek'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def data_entries(name: str) -> list[str]:
    """The entries of a word list under ``data/``: one per line, ``#`` starts a comment."""
    text = resources.files("importers.extract").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _folded(name: str) -> frozenset[str]:
    """A word list with its entries folded (lower case, no accents), as words are looked up."""
    return frozenset(fold(entry) for entry in data_entries(name))


HONORIFICS = _folded("honorifics.txt")
# Honorifics that are not also job titles: kept apart from the name, never used as a title.
COURTESY = _folded("courtesy.txt")
# Honorifics that stand for a title when the text gives no other ("Professor Jane Roe").
ACADEMIC = {"professor", "prof", "associate professor", "assistant professor"}
PEERAGE = {"baroness", "baron", "lord", "lady", "countess", "earl", "viscount", "duke"}
# The word that makes a phrase a job title when it ends it ("Emma Quill Professor").
TITLE_HEADS = _folded("title_heads.txt")
# Words that only qualify a title ("Deputy", "Regional", "Acting").
TITLE_MODIFIERS = _folded("title_modifiers.txt")
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
ORG_WORDS = _folded("org_words.txt")
# Nouns naming a gathering that can be dated on a calendar.
EVENT_NOUNS = _folded("event_nouns.txt")
# Of those, the ones that also name standing bodies: dated only when they meet.
BODY_NOUNS = _folded("body_nouns.txt")
# Sessions inside an event, longest first when matching.
PANEL_KINDS = sorted(data_entries("session_kinds.txt"), key=len, reverse=True)

MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
WEEKDAYS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun
    """.split()
)

# Capitalised words that start sentences or headings and are never part of a name.
NOT_NAME = MONTHS | WEEKDAYS | frozenset(data_entries("not_name.txt"))


@cache
def given_names() -> frozenset[str]:
    """Folded given names from the gender-guesser name dictionary (about 45,000 names from
    many countries)."""
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    names: set[str] = set()
    with data.open("r", encoding="iso8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip().replace("+", "-")
            if name:
                names.add(fold(name))
                for part in name.replace("-", " ").split():
                    names.add(fold(part))
    # words the dictionary holds as names but that begin sentences far more often
    return frozenset(names - COMMON_WORDS)


COMMON_WORDS = frozenset(data_entries("common_words.txt"))
