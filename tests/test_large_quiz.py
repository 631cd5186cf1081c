"""The largest quiz the site allows (100 questions) saves every edit from its admin page, and an
import over that limit is refused."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from quizzes.generation.types import MAX_QUESTION_COUNT
from quizzes.importing import ImportRejected
from quizzes.models import Article, Question, Quiz
from quizzes.services import quiz_import
from tests.builders import make_quiz
from tests.forms_html import form_data


def change_page(client, quiz) -> tuple[str, dict]:
    url = f"/admin/quizzes/quiz/{quiz.pk}/change/"
    return url, form_data(client.get(url).content.decode(), "quiz_form")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.slow  # a 100-question page, rendered and posted
@pytest.mark.django_db
def test_every_edit_on_the_page_of_a_100_question_quiz_is_saved(teacher):
    quiz = make_quiz(questions=MAX_QUESTION_COUNT, owner=teacher)
    client = signed_in(teacher)
    url, data = change_page(client, quiz)
    prompts = {
        key: f"Edited {key}?" for key in data if key.endswith("-prompt") and "__prefix__" not in key
    }
    data.update(prompts)

    response = client.post(url, data)

    assert response.status_code == 302, response.status_code
    assert len(prompts) == MAX_QUESTION_COUNT
    assert sorted(quiz.questions.values_list("prompt", flat=True)) == sorted(prompts.values())


@pytest.mark.slow  # a 100-question page, rendered and posted
@pytest.mark.django_db
def test_a_100_question_quiz_page_with_every_question_ticked_for_deletion_saves(teacher):
    quiz = make_quiz(questions=MAX_QUESTION_COUNT, owner=teacher)
    client = signed_in(teacher)
    url, data = change_page(client, quiz)
    for index in range(MAX_QUESTION_COUNT):
        data[f"questions-{index}-DELETE"] = "on"

    response = client.post(url, data)

    assert response.status_code == 302, response.status_code
    assert len(data) > 1000
    assert not quiz.questions.exists()


@pytest.mark.slow  # a 100-question page, rendered and posted
@pytest.mark.django_db
def test_a_question_beyond_the_hundredth_is_refused_with_a_message(teacher):
    quiz = make_quiz(questions=MAX_QUESTION_COUNT, owner=teacher)
    client = signed_in(teacher)
    url, data = change_page(client, quiz)
    new = f"questions-{MAX_QUESTION_COUNT}-"
    data.update(
        {
            f"{new}order": "101",
            f"{new}kind": "short_answer",
            f"{new}points": "1",
            f"{new}prompt": "One more?",
            f"{new}answer": "Yes",
            "questions-TOTAL_FORMS": str(MAX_QUESTION_COUNT + 1),
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "A quiz holds at most 100 questions" in response.content.decode()
    assert quiz.questions.count() == MAX_QUESTION_COUNT


def quiz_file(questions: int) -> bytes:
    return json.dumps(
        {
            "format": "quizsite-quiz",
            "version": 1,
            "quiz": {"title": "Rivers"},
            "article": {"title": "Rivers", "text": "The Nile is long. The Amazon is wide."},
            "questions": [
                {"kind": "short_answer", "prompt": f"Q{n}?", "accepted_answers": ["Nile"]}
                for n in range(questions)
            ],
        }
    ).encode()


@pytest.mark.django_db
def test_an_import_of_101_questions_is_refused_and_stores_nothing(teacher):
    with pytest.raises(ImportRejected, match="at most 100"):
        quiz_import(owner=teacher, data=quiz_file(MAX_QUESTION_COUNT + 1))

    assert not Quiz.objects.exists()
    assert not Article.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_an_import_of_100_questions_is_stored(teacher):
    quiz = quiz_import(owner=teacher, data=quiz_file(MAX_QUESTION_COUNT))

    assert quiz.questions.count() == MAX_QUESTION_COUNT


@pytest.mark.django_db
def test_the_import_page_says_why_a_101_question_file_is_refused(teacher):
    client = signed_in(teacher)
    upload = SimpleUploadedFile("big.json", quiz_file(MAX_QUESTION_COUNT + 1))

    response = client.post("/admin/quizzes/quiz/import/", {"file": upload})

    assert response.status_code == 200
    assert "The file has 101 questions; a quiz holds at most 100." in response.content.decode()
    assert not Quiz.objects.exists()
