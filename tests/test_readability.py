import pytest

from quizzes.readability import count_sentences, measure, syllables


@pytest.mark.parametrize(
    ("word", "expected"),
    [("cat", 1), ("make", 1), ("table", 2), ("reading", 2), ("ceasefire", 3), ("Ukraine", 2),
     ("beautiful", 3), ("the", 1), ("president", 3)],
)  # fmt: skip
def test_syllables_are_estimated_from_vowel_groups(word, expected):
    assert syllables(word) == expected


def test_sentences_end_at_full_stops_question_and_exclamation_marks():
    text = "Trump wrote. “It went very well,” he said. Did it? Yes!"

    assert count_sentences(text) == 4


def test_last_sentence_without_a_full_stop_still_counts():
    assert count_sentences("One sentence. And another one") == 2


def test_flesch_kincaid_grade_matches_the_formula():
    # 2 sentences, 8 words, 9 syllables ("The cat sat on the mat." + "It was happy." -> hap-py)
    result = measure("The cat sat on the mat. It was happy.")

    assert (result.words, result.sentences, result.syllables) == (9, 2, 10)
    expected = 0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59
    assert result.grade == pytest.approx(expected)


def test_empty_text_has_no_grade():
    assert measure("   ").grade is None
