"""First names by sex, shipped with the generator: for pronouns the article does not settle,
and for telling people from places the model calls people."""

from __future__ import annotations

import json

from quizzes.generation import GenerationOptions, run
from quizzes.generation.firstnames import FIRST_NAMES_PATH, build, sex_of
from quizzes.generation.reading import read
from quizzes.management.commands.setup_demo import SAMPLE_ARTICLE
from tests.generation.helpers import distractors_for


def test_the_shipped_first_names_are_what_the_pinned_package_builds():
    assert json.loads(FIRST_NAMES_PATH.read_text(encoding="utf-8")) == json.loads(
        json.dumps(build())
    )


def test_a_first_name_gives_a_sex_only_where_the_data_gives_one():
    assert sex_of("John Ruskin") == "m"
    assert sex_of("Octavia Hill") == "f"
    assert sex_of("Mill Lane") is None
    assert sex_of("Ruskin") is None  # a surname alone says nothing


def test_she_is_never_a_man_the_sentence_before_names():
    # The model misses "Octavia Hill" as a person, so the one person named just before is
    # John Ruskin; his first name says "she" is not him.
    text = (
        "Octavia Hill was born in Wisbech in 1838. She began work in London at fourteen. In "
        "1865 the art critic John Ruskin provided the money to buy three houses in Marylebone. "
        "She had the buildings repaired and collected the rents herself every week."
    )

    reading = read(text)

    she = [t for t in reading.doc if t.text == "She"][-1]
    assert reading.replacements.get(she.i) not in ("Ruskin", "John Ruskin", "the art critic")
    prompts = [d.prompt for d in run(text, GenerationOptions(multiple_choice=10)).drafts]
    assert not any("Ruskin" in p and "rents" in p for p in prompts), prompts


def test_a_place_the_model_calls_a_person_is_no_rival():
    text = (
        "On 12 January 1895 Octavia Hill, the lawyer Robert Hunter and the clergyman Hardwicke "
        "Rawnsley founded the National Trust. Its first gift was four and a half acres of "
        "clifftop called Dinas Oleu, above Barmouth. In 1865 the art critic John Ruskin "
        "provided the money to buy three houses. Thomas Southwood Smith was her grandfather."
    )

    assert "Dinas Oleu" not in distractors_for(text, "John Ruskin")


def test_a_stem_that_says_his_gets_no_woman_among_its_choices():
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")

    drafts = run(text, GenerationOptions(multiple_choice=20)).drafts

    his = [d for d in drafts if " his " in f" {d.prompt} " and d.distractors]
    assert his, [d.prompt for d in drafts]
    assert all("Karoline Leavitt" not in d.distractors for d in his)
