import pytest

from quizzes.generation import GenerationError, GenerationOptions, QuestionKind, generate
from quizzes.generation.candidates import build_candidates
from quizzes.generation.engine import _assign_kinds
from quizzes.generation.reading import read

from .helpers import by_answer, near, questions

ARTICLE = (
    "Maria Lopez founded the Riverside Library in 1994. The library lent books to children "
    "across the valley and opened a second branch in 2001. In 2005 the council appointed "
    "Daniel Okafor as its director. Okafor moved the collection to Greenford in 2010. "
    "In 2012 the library sent a travelling exhibition to Spain. "
    "The library now employs forty staff and holds 120,000 "
    "books. Its reading festival attracts visitors from Portugal and France every summer."
)


def test_multiple_choice_questions_have_three_distractors_of_the_answers_kind():
    countries = {"Spain", "Portugal", "France", *_bank_countries()}

    drafts = questions(ARTICLE)

    country = next(d for d in drafts if d.answer_kind == "country")
    assert country.kind == QuestionKind.MULTIPLE_CHOICE
    assert len(country.distractors) == 3
    assert set(country.distractors) <= countries - {country.answer}


def test_person_answer_accepts_the_surname():
    text = (
        "Peter Hall won the national poetry prize in 2019. The ceremony took place in "
        "Budapest. Two years later Hall moved to Vienna with his family."
    )

    found = build_candidates(read(text))

    hall = next(c for c in found if c.answer == "Peter Hall")
    assert "Hall" in hall.accepted


def test_number_word_answer_accepts_digits():
    text = (
        "The village school has eleven pupils this year. The school was built in 1887 by local "
        "farmers. Its teacher, Ruth Adams, came from Leeds in 2015."
    )

    drafts = questions(text, count=0, short=10)

    eleven = by_answer(drafts, "eleven")
    assert "11" in eleven.accepted_answers


def test_no_answer_appears_in_the_stem_of_a_question_on_its_sentence_or_the_next():
    drafts = questions(ARTICLE)

    for draft in drafts:
        for other in drafts:
            if other is not draft and near(draft, other, ARTICLE):
                assert draft.answer.casefold() not in other.prompt.casefold()


def test_pronoun_is_replaced_by_the_previous_subject():
    text = (
        "The museum opened in Bergen in 1994. Its first director was Ingrid Solberg, who "
        "came from Oslo. Ingrid Solberg retired in 2010."
    )

    found = build_candidates(read(text))

    assert "Who was the museum's first director?" in [c.stem.prompt for c in found]


def test_one_fact_gives_one_question():
    drafts = questions(ARTICLE)

    facts = [(d.source_start, d.answer) for d in drafts]
    assert len(facts) == len(set(facts))
    assert len({d.answer for d in drafts}) == len(drafts)


def test_same_seed_gives_same_questions():
    first = questions(ARTICLE, seed=7)

    second = questions(ARTICLE, seed=7)

    assert [d.to_dict() for d in first] == [d.to_dict() for d in second]


def test_source_span_indexes_the_original_html():
    html = (
        "<html><body><h1>Library news</h1><p>Maria Lopez founded the Riverside Library in "
        "1994.</p><p>Daniel Okafor moved the collection to Greenford in 2010.</p>"
        "<p>Lopez retired to Spain in 2012 &amp; wrote a memoir.</p></body></html>"
    )

    drafts = questions(html)

    for draft in drafts:
        assert html[draft.source_start : draft.source_end] == draft.source_sentence
        assert "<" not in draft.prompt


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t  "],
    ids=["empty", "whitespace"],
)
def test_empty_text_is_refused(text):
    with pytest.raises(GenerationError, match="empty"):
        generate(text)


def test_single_sentence_is_refused():
    with pytest.raises(GenerationError, match=r"short|two sentences"):
        generate("Maria Lopez founded the Riverside Library in the town of Greenford in 1994.")


def test_text_without_facts_is_refused():
    text = (
        "It was a quiet day and nobody wanted to do much of anything at all. We sat and "
        "talked about this and that for hours. Then it was time to go home again."
    )

    with pytest.raises(GenerationError, match="No facts"):
        generate(text)


def test_non_english_text_is_refused():
    text = (
        "Le musée de la ville a rouvert ses portes en 2022 après des travaux. Les visiteurs "
        "ont attendu pendant des heures devant l'entrée principale du bâtiment."
    )

    with pytest.raises(GenerationError, match="English"):
        generate(text)


def test_markup_without_words_is_refused():
    with pytest.raises(GenerationError, match="no words"):
        generate("<div><img src='a.png'></div><p></p>")


def test_text_over_the_limit_is_refused():
    text = "Maria Lopez founded the library in 1994. " * 3000

    with pytest.raises(GenerationError, match="limit"):
        generate(text)


def test_zero_questions_is_refused():
    with pytest.raises(GenerationError):
        GenerationOptions(multiple_choice=0, short_answer=0)


def _bank_countries():
    from quizzes.generation.bank import bank_names

    return [name.removeprefix("the ") for name in bank_names("country")]


def test_person_answers_carry_the_person_label_the_grader_uses():
    text = (
        "Maria Lopez founded the Riverside Library. Daniel Okafor became its director. "
        "Ellen Marsh designed the reading room. Tomas Brandt painted the mural in the hall."
    )
    drafts = questions(text)

    person = next(d for d in drafts if d.answer_kind == "person")

    assert person.answer_type == "PERSON"
    assert person.to_dict()["answer_kind"] == "person"


def test_mixed_quiz_keeps_every_answer_out_of_every_stem_and_fills_choices_first():
    drafts = generate(ARTICLE, GenerationOptions(multiple_choice=3, short_answer=3, seed=0))

    kinds = [draft.kind for draft in drafts]
    assert kinds.count(QuestionKind.MULTIPLE_CHOICE) == 3
    assert kinds.count(QuestionKind.SHORT_ANSWER) == 3
    for draft in drafts:
        for other in drafts:
            if other is not draft and near(draft, other, ARTICLE):
                assert draft.answer.casefold() not in other.prompt.casefold()


def test_facts_without_choices_become_short_answers_in_order():
    multiple, short = _assign_kinds(
        ["a", "b", "c", "d"], wanted_multiple=2, has_choices=lambda item: item != "a"
    )

    assert multiple == ["b", "c"]
    assert short == ["a", "d"]


def test_no_answer_is_asked_twice():
    text = (
        "The Broncos finished the regular season with a 12–4 record. The Broncos took an "
        "early lead in the final and never gave it up. The Panthers finished with a 15–1 "
        "record. The Broncos beat the Panthers 24–10 in Santa Clara in February 2016."
    )

    drafts = questions(text, count=10, short=10)

    answers = [draft.answer.casefold() for draft in drafts]
    assert len(answers) == len(set(answers))
