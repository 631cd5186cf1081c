from decimal import Decimal

import pytest

from quizzes.grading import Answer, AnswerKey, Mark, grade, normalise_answer, short_answer_matches

# (typed answer, accepted answers, rejected answers, is the answer a person, expected)
SHORT_ANSWER_CASES = [
    # case, spacing and punctuation
    ("vladimir putin", ["Vladimir Putin"], [], True, True),
    ("  Vladimir   Putin ", ["Vladimir Putin"], [], True, True),
    ("Vladimir Putin.", ["Vladimir Putin"], [], True, True),
    ("U.S.", ["U.S."], [], False, True),
    ("US", ["U.S."], [], False, True),
    ("Truth-Social", ["Truth Social"], [], False, True),
    # diacritics
    ("Zelenskiy", ["Zelenskíy"], [], False, True),
    ("Sao Paulo", ["São Paulo"], [], False, True),
    ("Malmo", ["Malmö"], [], False, True),
    # a leading article
    ("United States", ["the United States"], [], False, True),
    ("the Kyiv Independent", ["Kyiv Independent"], [], False, True),
    ("a ceasefire", ["ceasefire"], [], False, True),
    # digits and number words
    ("two", ["2"], [], False, True),
    ("2", ["two"], [], False, True),
    ("two hours", ["2 hours"], [], False, True),
    ("2 hours", ["two-hour"], [], False, True),
    ("twenty-five", ["25"], [], False, True),
    ("one hundred and five", ["105"], [], False, True),
    ("2,000", ["2000"], [], False, True),
    ("2", ["2 hours"], [], False, True),
    ("1st", ["first"], [], False, True),
    ("three", ["2"], [], False, False),
    ("3 hours", ["2 hours"], [], False, False),
    ("1868", ["1867"], [], False, False),
    ("fve days", ["five days"], [], False, True),
    ("tow hours", ["two hours"], [], False, True),
    ("four days", ["five days"], [], False, False),
    ("fve days", ["five days"], ["four days"], False, True),
    # small typos, scaled by the answer's length
    ("Vladmir Putin", ["Vladimir Putin"], [], True, True),
    ("Karoline Levitt", ["Karoline Leavitt"], [], True, True),
    ("Istambul", ["Istanbul"], [], False, True),
    ("Isatnbul", ["Istanbul"], [], False, True),
    ("Sergei Lavrov", ["Sergey Lavrov"], [], True, True),
    ("Rome", ["Roma"], [], False, False),
    ("Iran", ["Iraq"], [], False, False),
    ("Mosow", ["Moscow"], [], False, True),
    ("Mscw", ["Moscow"], [], False, False),
    # a person's surname for the full name
    ("Putin", ["Vladimir Putin"], [], True, True),
    ("putin", ["Vladimir Putin"], ["Donald Trump"], True, True),
    ("Vladimir", ["Vladimir Putin"], [], True, False),
    ("Curie", ["Marie Curie"], ["Pierre Curie"], True, False),
    ("Putin", ["Vladimir Putin"], [], False, False),
    # never: an empty answer
    ("", ["Vladimir Putin"], [], True, False),
    ("   ", ["Moscow"], [], False, False),
    ("?!", ["Moscow"], [], False, False),
    # never: a different entity from the text
    ("Donald Trump", ["Vladimir Putin"], ["Donald Trump"], True, False),
    ("Trump", ["Vladimir Putin"], ["Donald Trump"], True, False),
    ("Kyiv", ["Moscow"], ["Kyiv", "Istanbul"], False, False),
    ("Ukrainee", ["Russia"], ["Ukraine"], False, False),
    ("Moskow", ["Moscow"], ["Mosko"], False, False),
    # never: several guesses that merely contain the right one
    ("Trump or Putin", ["Vladimir Putin"], [], True, False),
    ("Putin or Trump", ["Putin"], [], True, False),
    ("Moscow and Kyiv", ["Moscow"], [], False, False),
    ("Moscow Kyiv Istanbul", ["Moscow"], [], False, False),
    # an answer that itself has "and" in it is still accepted when typed in full
    ("Russia and Ukraine", ["Russia and Ukraine"], [], False, True),
]


@pytest.mark.parametrize(
    ("given", "accepted", "rejected", "person", "expected"), SHORT_ANSWER_CASES
)
def test_short_answer_grading(given, accepted, rejected, person, expected):
    result = short_answer_matches(given, accepted, rejected=rejected, person=person)

    assert result is expected


def test_the_table_checks_every_rule_both_ways():
    accepted = sum(1 for case in SHORT_ANSWER_CASES if case[-1])
    refused = len(SHORT_ANSWER_CASES) - accepted

    assert len(SHORT_ANSWER_CASES) >= 40
    assert accepted >= 15 and refused >= 15


def test_normalising_drops_case_accents_punctuation_article_and_number_words():
    assert normalise_answer("The  Café’s TWO-hour call!") == "cafe s 2 hour call"


def test_right_choice_earns_the_questions_points():
    key = AnswerKey(kind="multiple_choice", points=Decimal(2), correct_choice_ids=frozenset({7}))

    assert grade(key, Answer(choice_id=7)) == Mark(
        correct=True, points=Decimal(2), possible=Decimal(2)
    )


def test_wrong_choice_earns_nothing():
    key = AnswerKey(kind="multiple_choice", correct_choice_ids=frozenset({7}))

    assert grade(key, Answer(choice_id=8)) == Mark(correct=False, points=Decimal(0))


def test_unanswered_question_counts_as_wrong():
    key = AnswerKey(kind="multiple_choice", correct_choice_ids=frozenset({7}))

    assert grade(key, Answer()).correct is False


def test_short_answer_key_uses_surnames_only_for_people():
    person = AnswerKey(
        kind="short_answer", accepted_answers=("Vladimir Putin",), answer_type="PERSON"
    )
    place = AnswerKey(kind="short_answer", accepted_answers=("New York",), answer_type="GPE")

    assert grade(person, Answer(text="Putin")).correct is True
    assert grade(place, Answer(text="York")).correct is False
