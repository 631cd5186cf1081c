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


RIVERTON = (
    "Every day the Riverton plant cleans 8.7 million liters of water for the people of the city."
)
# (typed answer, expected) for the key "8.7 million", whose unit is only in the source sentence
MILLIONS_OF_LITERS = [
    ("8.7 million", True),
    ("8.7 million liters", True),
    ("8.7 Million Liters.", True),
    ("8.7 million litres", True),
    ("8,700,000", True),
    ("8,700,000 liters", True),
    ("8 700 000", True),
    ("8\u202f700\u202f000", True),
    ("8700000", True),
    ("8.70 million", True),
    ("8.7m", True),
    ("8.7 m liters", True),
    ("eight point seven million", True),
    ("8.8 million", False),
    ("87 million", False),
    ("8,700", False),
    ("8.7", False),
    ("87", False),
    ("8.7 billion", False),
    ("8.7 million gallons", False),
    ("8.7 million or 9 million", False),
]


@pytest.mark.parametrize(("given", "expected"), MILLIONS_OF_LITERS)
def test_a_number_with_a_scale_word_is_graded_by_its_value_with_or_without_its_unit(
    given, expected
):
    key = AnswerKey(
        kind="short_answer",
        accepted_answers=("8.7 million",),
        answer_type="CARDINAL",
        source_sentence=RIVERTON,
    )

    assert grade(key, Answer(text=given)).correct is expected


def test_the_unit_of_a_bare_number_comes_only_from_its_source_sentence():
    without_sentence = AnswerKey(kind="short_answer", accepted_answers=("8.7 million",))

    assert grade(without_sentence, Answer(text="8,700,000")).correct is True
    assert grade(without_sentence, Answer(text="8.7 million liters")).correct is False


def test_the_unit_from_the_sentence_follows_the_key_however_the_sentence_writes_the_number():
    key = AnswerKey(
        kind="short_answer",
        accepted_answers=("8,700,000",),
        source_sentence="The tank holds 8.7 million cubic metres, enough for a year.",
    )

    assert grade(key, Answer(text="8.7 million cubic metres")).correct is True
    assert grade(key, Answer(text="8700000 cubic")).correct is True
    assert grade(key, Answer(text="8.7 million cubic feet")).correct is False


def test_a_typo_in_a_number_with_a_scale_word_is_still_a_different_number():
    key = AnswerKey(
        kind="short_answer",
        accepted_answers=("45.5 million",),
        source_sentence="It cost $45.5 million.",
    )

    assert grade(key, Answer(text="45.6 million")).correct is False
    assert grade(key, Answer(text="$45,500,000")).correct is True


def test_a_scale_abbreviation_counts_only_where_the_key_uses_the_scale_word():
    metres = AnswerKey(kind="short_answer", accepted_answers=("8.7 m",))
    digits = AnswerKey(kind="short_answer", accepted_answers=("8,700,000",))

    assert grade(metres, Answer(text="8.7m")).correct is True
    assert grade(metres, Answer(text="8.7 million")).correct is False
    assert grade(digits, Answer(text="8.7m")).correct is False


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("8.7 million", "8700000"),
        ("8,700,000", "8700000"),
        ("8 700 000 liters", "8700000 liters"),
        ("eight point seven five million", "8750000"),
        ("two thousand and twenty", "2020"),
        ("3.14", "3.14"),
        ("It cost 8.7.", "it cost 8.7"),
        ("1867 and 1868", "1867 and 1868"),
        ("two and three", "2 and 3"),
        ("1867 500", "1867 500"),
    ],
)
def test_numbers_are_normalised_to_one_plain_form(text, normalised):
    assert normalise_answer(text) == normalised


def test_a_very_long_number_is_compared_digit_by_digit_not_rounded():
    long = "1234567890" * 4

    assert short_answer_matches(long[:-1] + "1", [long]) is False
    assert short_answer_matches(long, [long]) is True
