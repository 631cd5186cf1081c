"""A student who presses Submit with questions left blank is asked first, by the page itself, so it
works without JavaScript; nothing is stored until they answer or press Submit anyway."""

import pytest
from django.test import Client

from quizzes.models import Attempt
from tests.builders import make_quiz
from tests.pages import SUBMIT_ANYWAY, parse_quiz_page
from tests.test_student_flow import CODE, open_quiz

WARNING = "You left 2 of 3 questions blank — submit anyway?"


def first_question_answered(page) -> dict[str, str]:
    """The first question on the student's page answered with its first choice."""
    name = next(iter(page.radios))
    return {name: page.radios[name][0][0]}


@pytest.mark.django_db
def test_submitting_with_questions_blank_asks_first_and_stores_nothing(client: Client):
    make_quiz(questions=3, join_code=CODE)
    page = open_quiz(client)

    response = client.post(f"/q/{CODE}/", {"token": page.token, **first_question_answered(page)})

    assert response.status_code == 200
    assert WARNING in response.content.decode()
    assert Attempt.objects.get().submitted is None


@pytest.mark.django_db
def test_the_warning_names_the_blank_questions_and_keeps_every_answer_given(client: Client):
    make_quiz(questions=3, join_code=CODE)
    page = open_quiz(client)
    given = first_question_answered(page)

    html = client.post(f"/q/{CODE}/", {"token": page.token, **given}).content.decode()

    again = parse_quiz_page(html)
    assert "Not answered: questions 2 and 3." in html
    assert again.checked == given
    assert again.token == page.token
    assert 'id="question-2" data-number="2"' in html and "question-blank" in html
    assert 'name="blanks_confirmed" value="1"' in html


@pytest.mark.django_db
def test_submit_anyway_stores_the_attempt_with_the_blank_answers_wrong(client: Client):
    quiz = make_quiz(questions=3, join_code=CODE)
    page = open_quiz(client)
    given = first_question_answered(page)
    client.post(f"/q/{CODE}/", {"token": page.token, **given})

    response = client.post(f"/q/{CODE}/", {"token": page.token, **given, **SUBMIT_ANYWAY})

    assert response.status_code == 302 and response["Location"].endswith("/result/")
    attempt = Attempt.objects.get(quiz=quiz)
    assert attempt.submitted is not None
    assert attempt.responses.filter(answer_text="", is_correct=False).count() == 2


@pytest.mark.django_db
def test_a_quiz_with_every_question_answered_is_submitted_without_asking(client: Client):
    make_quiz(questions=3, join_code=CODE)
    page = open_quiz(client)
    every = {name: options[0][0] for name, options in page.radios.items()}

    response = client.post(f"/q/{CODE}/", {"token": page.token, **every})

    assert response.status_code == 302
    assert Attempt.objects.get().submitted is not None


@pytest.mark.django_db
def test_an_answer_of_only_spaces_is_blank(client: Client):
    quiz = make_quiz(questions=1, join_code=CODE)
    question = quiz.questions.get()
    question.kind = question.Kind.SHORT_ANSWER
    question.save()
    page = open_quiz(client)

    response = client.post(f"/q/{CODE}/", {"token": page.token, f"q{question.pk}": "   "})

    assert "You left 1 of 1 question blank — submit anyway?" in response.content.decode()
    assert Attempt.objects.get().submitted is None
