"""Trying join codes tells nothing: every page that takes a code answers an unknown code, a draft
and a closed quiz alike, and every such guess counts toward the address's limit."""

import re
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from quizzes import services
from quizzes.models import Quiz
from tests.builders import make_quiz

CODE = "K7MP3X"
GUESSES = ("AAAAAA", "BBBBBB", "CCCCCC")
STALE_TOKEN = "00000000-0000-0000-0000-000000000000"
# Django masks the CSRF token afresh on every page, so two renders of one form differ there only.
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')

PAGES: dict[str, Callable[[Client, str], HttpResponse]] = {
    "join form": lambda client, code: client.post("/", {"code": code, "name": "Eve"}),
    "join link": lambda client, code: client.get(f"/?code={code}"),
    "quiz page": lambda client, code: client.get(f"/q/{code}/"),
    "quiz form": lambda client, code: client.post(f"/q/{code}/", {"token": STALE_TOKEN}),
    "result page": lambda client, code: client.get(f"/q/{code}/result/"),
}
# The join link looks nothing up (it only fills in the form), so it has nothing to count.
GUESSABLE = [name for name in PAGES if name != "join link"]


@pytest.fixture
def tight_limit(settings):
    settings.JOIN_FAILURES_ALLOWED = 3
    settings.JOIN_FAILURE_WINDOW_SECONDS = 300


def answer(response: HttpResponse) -> tuple:
    body = CSRF_VALUE.sub(r"\1…\2", response.content.decode())
    return (
        response.status_code,
        response.get("Content-Type"),
        response.get("Location"),
        sorted(response.cookies),
        body,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_unknown_draft_and_closed_codes_get_byte_identical_answers(page):
    quiz = make_quiz(join_code=CODE, status=Quiz.Status.DRAFT)
    draft = answer(PAGES[page](Client(), CODE))
    cache.clear()
    services.quiz_close(quiz=quiz)
    closed = answer(PAGES[page](Client(), CODE))
    cache.clear()
    quiz.delete()

    unknown = answer(PAGES[page](Client(), CODE))

    assert draft == closed == unknown
    assert unknown[0] in (200, 404)


@pytest.mark.django_db
@pytest.mark.parametrize("page", GUESSABLE)
def test_guessing_codes_on_each_page_reaches_a_429(tight_limit, page):
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    for guess in GUESSES:
        assert PAGES[page](client, guess).status_code != 429

    response = PAGES[page](client, CODE)

    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


@pytest.mark.django_db
def test_the_join_link_answers_429_once_the_address_is_blocked(tight_limit):
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    for guess in GUESSES:
        client.get(f"/q/{guess}/result/")

    response = client.get(f"/?code={CODE}")

    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", GUESSABLE)
def test_draft_and_closed_codes_count_like_unknown_ones(tight_limit, page):
    make_quiz(join_code="DDDDDD", status=Quiz.Status.DRAFT)
    make_quiz(join_code="EEEEEE", status=Quiz.Status.CLOSED)
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    for code in ("DDDDDD", "EEEEEE", "FFFFFF"):
        PAGES[page](client, code)

    response = PAGES[page](client, CODE)

    assert response.status_code == 429


@pytest.mark.django_db
def test_an_open_quiz_code_on_the_result_page_leads_to_the_join_form_and_is_not_counted(
    tight_limit,
):
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(5):
        response = client.get(f"/q/{CODE}/result/")

    assert response.status_code == 302
    assert response["Location"] == f"/?code={CODE}"
