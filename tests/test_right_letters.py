"""Where the right answers sit: different in every quiz, spread evenly over the letters of one,
online (the stored order) and on every printed version."""

import json
import math
import random
from dataclasses import replace
from pathlib import Path

import pytest

from quizzes import services
from quizzes.choiceorder import fair_shares, letter_counts, spread_right_letters
from quizzes.generation import GenerationOptions
from quizzes.handouts.versions import class_set
from quizzes.models import Question, Quiz
from quizzes.snapshots import quiz_snapshot
from tests.builders import make_article, make_quiz
from tests.test_handouts import quiz

SAMPLE = Path(__file__).resolve().parents[1] / "quizzes" / "fixtures" / "sample_article.txt"


def stored_letters(quiz: Quiz) -> list[tuple[int, int | None]]:
    """(number of choices, letter of the right one) per question, in the quiz's order."""
    return services.right_letters_of(quiz)


def over_the_limit(letters: list[tuple[int, int | None]]) -> list[str]:
    """Letters holding more than their fair share plus one, as 'B: 5 > 2.5 + 1'."""
    sizes = [size for size, _ in letters]
    counts = letter_counts(sizes, [right for _, right in letters])
    return [
        f"{'ABCDEFG'[letter]}: {count} > {float(share)} + 1"
        for letter, (count, share) in enumerate(zip(counts, fair_shares(sizes), strict=True))
        if count > share + 1
    ]


def printed_letters(version) -> list[tuple[int, int | None]]:
    return [
        (
            len(item.choices),
            next((n for n, choice in enumerate(item.choices) if choice.is_correct), None),
        )
        for item in version.questions
    ]


def hand_written_file(*, sizes: list[int]) -> bytes:
    """A quiz file as a teacher might write it: every right answer first."""
    questions = [
        {
            "kind": "multiple_choice",
            "prompt": f"Question {number}?",
            "choices": [
                {"text": f"Answer {number}.{index}", "is_correct": index == 0}
                for index in range(size)
            ],
        }
        for number, size in enumerate(sizes, start=1)
    ]
    return json.dumps(
        {
            "format": "quizsite-quiz",
            "version": 1,
            "quiz": {"title": "Rivers"},
            "article": {"title": "Rivers", "text": "The Nile is long. The Amazon is wide."},
            "questions": questions,
        }
    ).encode()


def test_no_letter_ever_gets_more_than_its_fair_share_rounded_up():
    draw = random.Random(7)

    for trial in range(3000):
        sizes = [draw.choice((0, 2, 3, 4, 4, 5)) for _ in range(draw.randint(1, 40))]
        rights = spread_right_letters(sizes, random.Random(trial))

        counts = letter_counts(sizes, rights)
        assert all(
            count <= math.ceil(share)
            for count, share in zip(counts, fair_shares(sizes), strict=True)
        ), sizes
        assert all(
            (right is None) == (size == 0) for size, right in zip(sizes, rights, strict=True)
        )
        assert all(right is None or right < size for size, right in zip(sizes, rights, strict=True))


@pytest.mark.django_db
def test_quizzes_generated_from_the_same_article_put_their_right_answers_at_other_letters(
    teacher,
):
    article = make_article(owner=teacher, text=SAMPLE.read_text(encoding="utf-8"))

    layouts = [
        tuple(stored_letters(services.build_quiz(article, GenerationOptions()))) for _ in range(5)
    ]

    # Nine four-choice questions have 9! / (3! 3! 2! 1!) * 4 = 30,240 even layouts or more.
    assert len(set(layouts)) >= 4
    assert len({quiz.generation_seed for quiz in Quiz.objects.all()}) == 5


@pytest.mark.django_db
def test_a_generated_quiz_spreads_its_right_answers_online_and_on_versions_a_b_c(teacher):
    article = make_article(owner=teacher, text=SAMPLE.read_text(encoding="utf-8"))

    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=12, short_answer=0))
    versions = class_set(quiz_snapshot(quiz=quiz), versions=3, seed=0)

    letters = stored_letters(quiz)
    assert sum(size > 0 for size, _ in letters) >= 5
    assert over_the_limit(letters) == []
    for version in versions:
        assert over_the_limit(printed_letters(version)) == [], version.letter


@pytest.mark.django_db
def test_a_restored_file_with_every_answer_first_is_spread_over_the_letters(teacher):
    sizes = [4, 2, 3, 4, 4, 2, 3, 4, 4, 4, 3, 2] * 2 + [4, 4, 3, 2, 4, 4]

    quiz = services.quiz_import(owner=teacher, data=hand_written_file(sizes=sizes))
    versions = class_set(quiz_snapshot(quiz=quiz), versions=3, seed=0)

    letters = stored_letters(quiz)
    assert [size for size, _ in letters] == sizes
    assert over_the_limit(letters) == []
    assert len({right for _, right in letters}) == 4
    assert [version.letter for version in versions] == ["A", "B", "C"]
    for version in versions:
        assert over_the_limit(printed_letters(version)) == [], version.letter


@pytest.mark.django_db
def test_a_restored_file_keeps_its_wrong_choices_in_their_order(teacher):
    quiz = services.quiz_import(owner=teacher, data=hand_written_file(sizes=[4] * 12))

    for question in quiz.questions.all():
        wrong = [c.text for c in question.choices.all() if not c.is_correct]
        assert wrong == sorted(wrong)


@pytest.mark.django_db
def test_a_question_written_by_hand_gets_its_right_answer_at_the_letter_the_quiz_lacks():
    quiz = make_quiz(questions=3)  # every right answer at A
    question = Question.objects.create(quiz=quiz, prompt="Where?", order=4)

    services.question_set_answers(
        question=question, answer="Paris", wrong_choices=["Rome", "Oslo", "Bern"], also_accept=[]
    )

    texts = list(question.choices.values_list("text", flat=True))
    assert texts.index("Paris") != 0
    assert [text for text in texts if text != "Paris"] == ["Rome", "Oslo", "Bern"]


@pytest.mark.django_db
def test_retyping_the_right_answer_keeps_its_letter_and_moves_no_other_choice():
    quiz = make_quiz(questions=1)
    question = quiz.questions.get()
    question.choices.filter(text="Right 1").update(order=3)
    question.choices.filter(text="Wrong 1.4").update(order=1)
    before = list(question.choices.values_list("text", flat=True))

    services.question_set_answers(
        question=question,
        answer="Right one",
        wrong_choices=["Wrong 1.2", "Wrong 1.3", "Wrong 1.4"],
        also_accept=[],
    )

    after = list(question.choices.values_list("text", flat=True))
    assert after == [text.replace("Right 1", "Right one") for text in before]


@pytest.mark.django_db
def test_quizzes_made_by_hand_each_get_their_own_seed():
    first = make_quiz(questions=0)
    second = make_quiz(questions=0)

    assert first.generation_seed != second.generation_seed


def test_printed_versions_depend_on_the_quizs_secret_seed_not_only_its_join_code():
    snapshot = quiz(count=8)

    one = class_set(replace(snapshot, generation_seed=1), versions=3, seed=0)
    other = class_set(replace(snapshot, generation_seed=2), versions=3, seed=0)

    assert one[0] == other[0]
    assert one[1:] != other[1:]
