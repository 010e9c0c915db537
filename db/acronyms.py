"""Acronyms paired with full names in a text: "World Health Body (WHB)" or "WHB (World Health
Body)". The pairs let an organisation written both ways become one organisation."""

from __future__ import annotations

import re

_STOP = frozenset("of for and the on in to de des du la le les et d l y".split())
_PARENS = re.compile(r"\(([^()\n]{2,120})\)")
_WORD = re.compile(r"[\w&'’.-]+")
MAX_NAME_WORDS = 12


def is_acronym(text: str) -> bool:
    """Short, mostly capitals, no spaces: "WHO", "UNDP", "G20", "IFRC"."""
    text = text.strip()
    if not 2 <= len(text) <= 12 or " " in text:
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals >= len(letters) - 2 and text[0].isalnum()


def _initials(words: list[str], skip_stop: bool, split_hyphens: bool) -> str:
    out = []
    for word in words:
        if skip_stop and word.lower() in _STOP:
            continue
        parts = re.split(r"[-‐]", word) if split_hyphens else [word]
        out.extend(part[0].upper() for part in parts if part and part[0].isalpha())
    return "".join(out)


def _acronym_letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isalpha()).upper()


def spells(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are the initials of the name's (significant) words."""
    letters = _acronym_letters(acronym)
    words = _WORD.findall(name)
    return bool(letters) and any(
        letters == _initials(words, skip, split)
        for skip in (True, False)
        for split in (True, False)
    )


def _name_before(text: str, acronym: str) -> str | None:
    """The shortest run of words ending ``text`` that the acronym spells, starting with a
    capitalised word."""
    words = _WORD.findall(text.splitlines()[-1] if text else "")[-MAX_NAME_WORDS:]
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        if not tail[0][:1].isupper() or tail[0].lower() in _STOP:
            continue
        if spells(acronym, " ".join(tail)):
            return " ".join(tail).strip(".")
    return None


def acronym_pairs(text: str) -> dict[str, str]:
    """Acronym → full name for every pairing in ``text``."""
    pairs: dict[str, str] = {}
    for match in _PARENS.finditer(text):
        inside = match.group(1).strip()
        before = text[max(0, match.start() - 200) : match.start()].rstrip()
        if is_acronym(inside):
            name = _name_before(before, inside)
            if name:
                pairs.setdefault(inside, name)
            continue
        previous = _WORD.findall(before.splitlines()[-1] if before else "")
        if previous and is_acronym(previous[-1]) and spells(previous[-1], inside):
            pairs.setdefault(previous[-1], inside)
    return pairs


def split_name_and_acronym(name: str) -> tuple[str, str | None]:
    """``"World Health Body (WHB)"`` → (``"World Health Body"``, ``"WHB"``); the reverse order
    too; any other name is returned as it is, with no acronym."""
    pairs = acronym_pairs(name)
    if len(pairs) == 1:
        acronym, full = next(iter(pairs.items()))
        return full, acronym
    return name.strip(), None
