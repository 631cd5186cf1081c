"""Other wrong choices for one question of a quiz: the same rivals a fresh quiz would draw from,
as few of the current ones as the article allows."""

import pytest

from quizzes.generation import GenerationError, GenerationOptions, QuestionKind, generate
from quizzes.generation.engine import other_distractors
from tests.generation.helpers import distractors_for

TEXT = (
    "Marie Curie was born in Warsaw in 1867.\n"
    "She moved to Paris in 1891 to study physics at the Sorbonne.\n"
    "In 1903 Marie Curie shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel.\n"
    "Albert Einstein met her in Brussels in 1911 at the Solvay Conference.\n"
    "Pierre Curie died in a street accident in Paris in 1906.\n"
    "She founded the Radium Institute in Paris in 1914.\n"
    "Marie Curie died in Savoy in 1934."
)


def draft_answering(answer: str):
    drafts = generate(TEXT, GenerationOptions(multiple_choice=8))
    return next(d for d in drafts if d.answer == answer and d.kind == QuestionKind.MULTIPLE_CHOICE)


def redraw(draft, *, current=None, seed=1):
    return other_distractors(
        TEXT,
        answer=draft.answer,
        source_start=draft.source_start,
        prompt=draft.prompt,
        current=draft.distractors if current is None else current,
        seed=seed,
    )


def test_new_wrong_choices_are_of_the_answers_kind_and_never_the_answer():
    draft = draft_answering("1891")

    found = redraw(draft)

    assert len(found) == 3
    assert "1891" not in found
    assert all(choice.isdigit() and len(choice) == 4 for choice in found)
    assert set(found) != set(draft.distractors)


def test_the_same_seed_gives_the_same_choices():
    draft = draft_answering("1891")

    assert redraw(draft, seed=7) == redraw(draft, seed=7)


def test_an_answer_the_generator_never_asks_is_refused_with_a_message():
    draft = draft_answering("1891")

    with pytest.raises(GenerationError, match="does not ask for “Atlantis”"):
        other_distractors(
            TEXT, answer="Atlantis", source_start=draft.source_start, prompt="Where?",
            current=(), seed=1,
        )  # fmt: skip


def test_an_article_with_no_other_rivals_says_so():
    draft = draft_answering("1891")
    everything = tuple(redraw(draft, current=(), seed=seed) for seed in range(5))
    every_rival = tuple({choice for found in everything for choice in found})

    with pytest.raises(GenerationError, match="no other wrong choices"):
        redraw(draft, current=every_rival + tuple(str(year) for year in range(1800, 2000)))


def test_a_rank_of_somewhere_and_a_persons_name_are_no_rivals_of_each_other():
    text = (
        "Many historians believe the grave belongs to Raedwald, King of East Anglia, who died "
        "around 624. The site was dug by Basil Brown in 1939. Charles Phillips, an archaeologist "
        "from Cambridge, took over the dig, and Edith Pretty gave the finds to the nation."
    )
    for answer in ("Basil Brown", "Charles Phillips"):
        assert "King of East Anglia" not in distractors_for(text, answer)


def test_a_village_read_as_a_person_is_nobodys_rival_and_has_none():
    text = (
        "Every summer the village of Little Dunford held its Paper Boat Race. Jonah Reed had "
        "entered three times. Mrs Patel blew her whistle at noon. A girl named Freya Holt won "
        "the cup in 2023, and Sam Cole came second."
    )
    for answer in ("Jonah Reed", "Sam Cole"):
        assert "Little Dunford" not in distractors_for(text, answer)
    assert distractors_for(text, "Little Dunford") == ()


def test_the_stems_words_say_the_answers_sex_where_the_article_does_not():
    from quizzes.generation.distractors import _stem_gender

    assert _stem_gender("Who blew her whistle?") == {"f"}
    assert _stem_gender("It belonged to a girl named _____.") == {"f"}
    assert _stem_gender("Who gave his sister her coat?") == set()
    assert _stem_gender("Who won the race?") == set()


def test_a_royal_and_a_commoner_are_no_rivals_of_each_other():
    text = (
        "Queen Victoria opened the Great Exhibition in Hyde Park on 1 May 1851. It was "
        "championed by Prince Albert. The engineer George Jennings installed public toilets, "
        "Joseph Paxton designed the building and Henry Cole ran the planning."
    )
    # Two commoners are too few rivals for a third: a short answer, not a queen among them.
    assert not {"Queen Victoria", "Prince Albert"} & set(distractors_for(text, "Henry Cole"))


def test_no_rival_year_lies_well_after_every_year_the_article_gives():
    text = (
        "A footbridge was lifted into place over the railway at Brackenfold on Sunday. The "
        "campaign for a bridge was started by Janet Okafor in 2021, after a near miss at the "
        "level crossing. Her petition collected 3,400 signatures in six weeks."
    )

    for seed in range(5):
        wrong = distractors_for(text, "2021", seed=seed)
        assert wrong, seed
        assert all(int(year) <= 2026 for year in wrong), wrong
