import pytest
from django.urls import reverse

from quizzes.models import Quiz
from tests.builders import make_quiz


@pytest.mark.django_db
def test_join_page_shows_the_form(client):
    response = client.get("/")

    assert response.status_code == 200
    assert b'name="code"' in response.content
    assert b'name="name"' in response.content


@pytest.mark.django_db
def test_code_typed_in_lower_case_with_a_dash_joins_the_quiz(client):
    quiz = make_quiz(join_code="K7MP3X")

    response = client.post("/", {"code": " k7m-p3x", "name": "Ada Lovelace"})

    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:quiz", args=["K7MP3X"])
    assert quiz.attempts.get().student_name == "Ada Lovelace"
    assert quiz.title in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Quiz.Status.DRAFT, Quiz.Status.CLOSED])
def test_quiz_that_is_not_open_gets_the_same_message_as_an_unknown_code(client, status):
    make_quiz(join_code="K7MP3X", status=status)

    response = client.post("/", {"code": "K7MP3X", "name": "Ada"})

    assert response.status_code == 200
    assert "There is no open quiz with that code" in response.content.decode()


@pytest.mark.django_db
def test_unknown_code_gets_a_clear_message(client):
    response = client.post("/", {"code": "ZZZZZZ", "name": "Ada"})

    assert "There is no open quiz with that code" in response.content.decode()


@pytest.mark.django_db
def test_empty_name_is_refused(client):
    make_quiz(join_code="K7MP3X")

    response = client.post("/", {"code": "K7MP3X", "name": "   "})

    assert response.status_code == 200
    assert "Type your name" in response.content.decode()


@pytest.mark.django_db
def test_name_with_markup_is_shown_as_text(client):
    make_quiz(join_code="K7MP3X")

    client.post("/", {"code": "K7MP3X", "name": "<b>Bo</b>"})
    page = client.get("/q/K7MP3X/").content.decode()

    assert "&lt;b&gt;Bo&lt;/b&gt;" in page
    assert "<b>Bo</b>" not in page


@pytest.mark.django_db
def test_quiz_page_for_an_unknown_code_is_a_404_with_a_message(client):
    response = client.get("/q/ZZZZZZ/")

    assert response.status_code == 404
    assert "There is no open quiz with that code" in response.content.decode()


@pytest.mark.django_db
def test_static_bootstrap_is_served_from_the_project(client):
    page = client.get("/").content.decode()

    assert "/static/vendor/bootstrap/bootstrap.min.css" in page
    assert "cdn" not in page.lower()


@pytest.mark.django_db
def test_code_with_a_look_alike_character_says_which_one(client):
    make_quiz(join_code="K7MP3X")

    response = client.post("/", {"code": "K7MP30", "name": "Ada"})

    assert "Join codes never use 0" in response.content.decode()
