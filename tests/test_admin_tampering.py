"""A tampered hidden id on an admin page gets a form error or a 400, writes nothing, and never
touches another quiz's or another teacher's rows."""

import pytest
from django.test import Client

from quizzes.models import Question, Response
from tests.builders import make_quiz, make_teacher
from tests.forms_html import form_data
from tests.test_results import take_quiz


@pytest.fixture
def owner():
    return make_teacher("ms_owner")


@pytest.fixture
def owner_client(owner):
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    return client


def page_form(client, url: str, form_id: str) -> dict:
    return form_data(client.get(url).content.decode(), form_id)


def snapshot_rows():
    return (
        sorted(Response.objects.values_list("pk", "attempt_id", "points_awarded")),
        sorted(Question.objects.values_list("pk", "quiz_id", "prompt", "order")),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["other_attempt_mine", "other_teacher", "not_a_number", "huge"])
def test_a_tampered_response_id_is_refused_and_writes_nothing(owner, owner_client, target):
    quiz = make_quiz(questions=2, owner=owner)
    mine = take_quiz(quiz, name="Ada", picks={})
    other_mine = take_quiz(quiz, name="Ben", picks={})
    stranger = take_quiz(make_quiz(questions=2), name="Cy", picks={})
    url = f"/admin/quizzes/attempt/{mine.pk}/change/"
    data = page_form(owner_client, url, "attempt_form")
    data["responses-0-points_awarded"] = "1"
    data["responses-0-id"] = {
        "other_attempt_mine": str(other_mine.responses.first().pk),
        "other_teacher": str(stranger.responses.first().pk),
        "not_a_number": "1; DROP",
        "huge": "99999999999999999999",
    }[target]
    before = snapshot_rows()

    response = owner_client.post(url, data)

    assert response.status_code in (200, 400), response.status_code
    assert snapshot_rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "target"),
    [
        ("id", "other_quiz_mine"),
        ("id", "other_teacher"),
        ("id", "not_a_number"),
        ("id", "huge"),
        ("quiz", "other_quiz_mine"),
        ("quiz", "other_teacher"),
        ("quiz", "not_a_number"),
    ],
)
def test_a_tampered_question_row_is_refused_and_writes_nothing(owner, owner_client, field, target):
    quiz = make_quiz(questions=2, owner=owner)
    other_mine = make_quiz(questions=2, owner=owner)
    stranger = make_quiz(questions=2)
    url = f"/admin/quizzes/quiz/{quiz.pk}/change/"
    data = page_form(owner_client, url, "quiz_form")
    data["questions-0-prompt"] = "Rewritten?"
    data["title"] = "Renamed"
    values = {
        "other_quiz_mine": other_mine if field == "quiz" else other_mine.questions.first(),
        "other_teacher": stranger if field == "quiz" else stranger.questions.first(),
    }
    data[f"questions-0-{field}"] = (
        str(values[target].pk)
        if target in values
        else {"not_a_number": "x1", "huge": "9" * 20}[target]
    )
    before = snapshot_rows()

    response = owner_client.post(url, data)

    assert response.status_code in (200, 400), response.status_code
    assert snapshot_rows() == before
    quiz.refresh_from_db()
    assert quiz.title != "Renamed"
    if response.status_code == 200:
        assert "Please correct the error" in response.content.decode()


@pytest.mark.django_db
def test_a_tampered_id_says_to_reload_the_page(owner, owner_client):
    quiz = make_quiz(questions=2, owner=owner)
    url = f"/admin/quizzes/quiz/{quiz.pk}/change/"
    data = page_form(owner_client, url, "quiz_form")
    data["questions-0-id"] = str(make_quiz(questions=1).questions.get().pk)

    response = owner_client.post(url, data)

    assert "reload the page and try again" in response.content.decode()
