"""A regrade of a whole class: every mark follows the fixed keys, written in a few statements
whatever the class's size, so the transaction that every submitting student waits for is short."""

import random

import pytest

from quizzes import attempts, services
from quizzes.models import Attempt
from tests.builders import make_quiz

CLASS_SIZE = 30
QUESTIONS = 3
# Keys read (questions, choices, accepted answers), the responses read, one UPDATE per question
# and new mark, one for the attempts' scores, and the savepoint's own statements.
MAX_REGRADE_QUERIES = 3 + 1 + QUESTIONS * 2 + 1 + 3


def class_submits(quiz, *, size: int) -> dict[str, dict[int, str]]:
    """Each student picks a random choice per question; what each picked, by name."""
    rng = random.Random(0)
    picked = {}
    for n in range(size):
        name = f"Student {n}"
        attempt = services.attempt_start(quiz=quiz, student_name=name)
        paper = attempts.Paper.from_json(attempt.layout)
        options = {q.question_id: rng.choice(q.options) for q in paper.questions}
        services.attempt_submit(
            token=attempt.submission_token,
            answers={qid: option.token for qid, option in options.items()},
        )
        picked[name] = {qid: option.text for qid, option in options.items()}
    return picked


def swap_first_wrong_in(quiz) -> dict[int, str]:
    """Every question's first wrong choice becomes its right answer; the new right texts."""
    rights = {}
    for question in quiz.questions.all():
        choices = list(question.choices.order_by("order"))
        right = next(c.text for c in choices if c.is_correct)
        wrong = [c.text for c in choices if not c.is_correct]
        services.question_set_answers(
            question=question, answer=wrong[0], wrong_choices=[right, *wrong[1:]], also_accept=[]
        )
        rights[question.pk] = wrong[0]
    return rights


@pytest.mark.django_db
def test_a_class_regrade_follows_the_fixed_keys_in_a_few_statements(
    django_assert_max_num_queries,
):
    quiz = make_quiz(questions=QUESTIONS)
    picked = class_submits(quiz, size=CLASS_SIZE)
    rights = swap_first_wrong_in(quiz)

    with django_assert_max_num_queries(MAX_REGRADE_QUERIES):
        outcome = services.quiz_regrade(quiz=quiz)

    expected = {
        name: sum(choices[qid] == right for qid, right in rights.items())
        for name, choices in picked.items()
    }
    scores = dict(Attempt.objects.filter(quiz=quiz).values_list("student_name", "score"))
    assert outcome.changed > 0 and scores == expected
