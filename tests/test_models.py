import pytest
from django.db import IntegrityError
from django.db.models import ProtectedError

from quizzes.models import Article, Quiz
from tests.builders import make_attempt, make_quiz


@pytest.mark.django_db
def test_two_quizzes_cannot_share_a_join_code():
    make_quiz(join_code="ABCDEF")

    with pytest.raises(IntegrityError):
        make_quiz(join_code="ABCDEF")


@pytest.mark.django_db
def test_quiz_with_attempts_cannot_be_deleted():
    quiz = make_quiz()
    make_attempt(quiz=quiz)

    with pytest.raises(ProtectedError):
        quiz.delete()

    assert Quiz.objects.filter(pk=quiz.pk).exists()


@pytest.mark.django_db
def test_article_whose_quiz_has_attempts_cannot_be_deleted():
    quiz = make_quiz()
    make_attempt(quiz=quiz)

    with pytest.raises(ProtectedError):
        quiz.article.delete()

    assert Article.objects.filter(pk=quiz.article.pk).exists()


@pytest.mark.django_db
def test_quiz_without_attempts_can_be_deleted_with_its_questions():
    quiz = make_quiz(questions=2)

    quiz.delete()

    assert not Quiz.objects.exists()


@pytest.mark.django_db
def test_response_keeps_its_record_when_the_question_is_deleted():
    quiz = make_quiz(questions=1)
    attempt = make_attempt(quiz=quiz)
    question = quiz.questions.get()
    response = attempt.responses.create(
        question=question, question_prompt=question.prompt, answer_text="Right 1"
    )

    question.delete()

    response.refresh_from_db()
    assert response.question is None
    assert response.question_prompt == "Question 1?"
    assert response.answer_text == "Right 1"


@pytest.mark.django_db
def test_published_queryset_returns_only_published_quizzes():
    published = make_quiz(status=Quiz.Status.PUBLISHED)
    make_quiz(status=Quiz.Status.DRAFT)
    make_quiz(status=Quiz.Status.CLOSED)

    assert list(Quiz.objects.published()) == [published]
