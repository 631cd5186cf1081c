"""Small builders for test data: each makes the least a test needs, with readable defaults."""

from __future__ import annotations

from itertools import count

from django.contrib.auth import get_user_model
from django.utils import timezone

from quizzes.joincodes import new_join_code
from quizzes.models import AcceptedAnswer, Article, Attempt, Choice, Question, Quiz, Response
from quizzes.services import teachers_group
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

_serial = count(1)

SAMPLE_TEXT = (
    "Marie Curie was born in Warsaw in 1867. She moved to Paris in 1891 to study physics. "
    "In 1903 she shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel."
)


def make_teacher(username: str | None = None):
    user = get_user_model().objects.create_user(
        username=username or f"teacher{next(_serial)}", password="not-used-in-tests-9"
    )
    user.is_staff = True
    user.save()
    user.groups.add(teachers_group())
    return user


def make_article(*, owner=None, title: str = "Marie Curie", text: str = SAMPLE_TEXT) -> Article:
    return Article.objects.create(
        owner=owner or make_teacher(), title=title, text=text, word_count=len(text.split())
    )


def make_quiz(
    *,
    questions: int = 3,
    status: str = Quiz.Status.PUBLISHED,
    owner=None,
    join_code: str | None = None,
) -> Quiz:
    article = make_article(owner=owner)
    quiz = Quiz.objects.create(
        article=article,
        owner=article.owner,
        title=f"Quiz on {article.title}",
        status=status,
        join_code=join_code or new_join_code(),
    )
    for number in range(1, questions + 1):
        question = Question.objects.create(
            quiz=quiz, prompt=f"Question {number}?", order=number, source_sentence="A sentence."
        )
        Choice.objects.create(question=question, text=f"Right {number}", is_correct=True, order=1)
        for other in range(2, 5):
            Choice.objects.create(question=question, text=f"Wrong {number}.{other}", order=other)
        AcceptedAnswer.objects.create(question=question, text=f"Right {number}", order=1)
    return quiz


def make_attempt(*, quiz: Quiz, student_name: str = "Ada") -> Attempt:
    return Attempt.objects.create(quiz=quiz, student_name=student_name)


def make_submitted_attempt(*, quiz: Quiz, student_name: str = "Ada") -> Attempt:
    """Submitted with the first question right and the others left blank."""
    questions = list(quiz.questions.order_by("order"))
    attempt = Attempt.objects.create(
        quiz=quiz,
        student_name=student_name,
        submitted=timezone.now(),
        score=1 if questions else 0,
        max_score=len(questions),
    )
    for number, question in enumerate(questions):
        Response.objects.create(
            attempt=attempt,
            question=question,
            question_prompt=question.prompt,
            answer_text=question.choices.get(is_correct=True).text if number == 0 else "",
            is_correct=number == 0,
            points_awarded=1 if number == 0 else 0,
        )
    return attempt


def quiz_snapshot_of(*questions: QuestionSnapshot) -> QuizSnapshot:
    """A quiz snapshot of these questions on a one-sentence article, for the exports."""
    return QuizSnapshot(
        title="T",
        join_code="ABCDEF",
        article_title="A",
        article_source="",
        article_text="Text.",
        paragraphs=("Text.",),
        questions=questions,
    )
