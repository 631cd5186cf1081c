"""Rival places by region and size, from GeoNames data shipped with the generator."""

from __future__ import annotations

import json

from quizzes.generation import GenerationOptions, run
from quizzes.generation.places import (
    PLACES_PATH,
    build,
    country_codes,
    rival_cities,
    rival_countries,
)
from tests.generation.helpers import distractors_for


def test_the_shipped_place_data_is_what_the_pinned_package_builds():
    assert json.loads(PLACES_PATH.read_text(encoding="utf-8")) == json.loads(json.dumps(build()))


def test_a_city_gets_cities_of_its_country_of_similar_size_and_no_districts():
    rivals = rival_cities("Graz")[:6]
    assert {"Linz", "Salzburg", "Innsbruck"} <= set(rivals)
    assert not {"Favoriten", "Donaustadt"} & set(rivals)  # districts of Vienna
    moscow = rival_cities("Moscow")[:3]
    assert moscow[0] == "Saint Petersburg"


def test_of_two_cities_of_one_name_the_one_in_a_country_the_article_names_is_meant():
    assert rival_cities("Perth")[0] in {"Brisbane", "Adelaide", "Melbourne"}
    scottish = rival_cities("Perth", countries_named=country_codes(["United Kingdom"]))
    assert "Sydney" not in scottish[:10] and "Inverness" in scottish[:10]


def test_an_invented_town_has_no_rivals_and_its_question_becomes_a_short_answer():
    assert rival_cities("Kellford") is None
    text = (
        "Ruth Amos opened a flood shelter in Kellford in March 2024. About 300 families "
        "slept there during the storm."
    )
    assert distractors_for(text, "Kellford") == ()
    # A real town in the same sentence has rivals of its own country.
    assert len(distractors_for(text.replace("Kellford", "Salzburg"), "Salzburg")) == 3


def test_a_country_gets_its_neighbours_first():
    assert set(rival_countries("Ukraine")[:4]) <= {
        "Poland",
        "Romania",
        "Russia",
        "Hungary",
        "Belarus",
        "Slovakia",
        "Moldova",
    }
    assert rival_countries("Atlantis") is None


def test_a_city_question_offers_rivals_from_its_country():
    text = (
        "Marta Klein founded the Hollow Oak bakery in Graz in 1987. By 1990 the bakery sold "
        "400 loaves a day to shops across Austria."
    )
    drafts = {d.answer: d for d in run(text, GenerationOptions(multiple_choice=5)).drafts}
    austrian = set(rival_cities("Graz")[:8])
    assert len(drafts["Graz"].distractors) == 3
    assert set(drafts["Graz"].distractors) <= austrian


def test_a_town_the_data_knows_only_far_from_the_articles_country_gets_no_rivals_from_there():
    england = country_codes(["England"])
    assert england == country_codes(["United Kingdom"]) == frozenset({"GB"})
    assert rival_cities("Woodbridge")  # GeoNames' Woodbridge is in Virginia
    assert rival_cities("Woodbridge", countries_named=england) is None
    # A city of a neighbouring country is still that city: Paris beside Germany.
    assert "Marseille" in rival_cities("Paris", countries_named=country_codes(["Germany"]))
    text = (
        "In 1938 Edith Pretty, a widow who owned the Sutton Hoo estate near Woodbridge in "
        "Suffolk, England, decided to find out what lay beneath the mounds on her land. Basil "
        "Brown, a local archaeologist, began digging in 1938. The ship burial was found in 1939."
    )
    us_towns = set(rival_cities("Woodbridge"))
    assert not us_towns & set(distractors_for(text, "Woodbridge"))


def test_the_articles_own_cities_are_rivals_only_near_the_answer():
    from quizzes.generation.places import near_each_other

    assert not near_each_other("Townsville", "Athens", countries_named=frozenset())
    assert near_each_other("Townsville", "Cairns", countries_named=frozenset())
    assert near_each_other("Kellford", "Athens", countries_named=frozenset())  # unknown: no say
    text = (
        "The Great Barrier Reef is larger than the distance from London to Athens. Tourism "
        "brings in billions of dollars a year, mostly through gateway cities such as Cairns and "
        "Townsville. Divers from Brisbane and Sydney visit it every year."
    )
    assert not {"London", "Athens"} & set(distractors_for(text, "Townsville"))
