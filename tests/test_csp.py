"""The Content-Security-Policy: every kind of response carries it, it allows nothing inline, and
no page or template holds an inline script, style or event handler that it would refuse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client

from quizzes import services
from quizzes.models import AcceptedAnswer, Question, Quiz
from tests.builders import make_attempt, make_quiz, make_submitted_attempt
from tests.pages import SUBMIT_ANYWAY, parse_quiz_page

CODE = "K7MP3X"
PASSWORD = "a-teacher-password-9"
HEADER = "Content-Security-Policy"
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Script types a browser never runs: data blocks such as Django's json_script.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})


@dataclass(frozen=True)
class Page:
    client: Callable[[], Client]
    path: str
    status: int = 200

    def get(self) -> HttpResponse:
        return self.client().get(self.path)


def policy_of(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def _is_javascript_link(name: str, value: str | None) -> bool:
    url = (value or "").strip().lower()
    return name in ("href", "src", "action", "formaction") and url.startswith("javascript:")


class _InlineFinder(HTMLParser):
    """Collects what a strict policy refuses: inline scripts and styles, style attributes,
    on…= handlers and javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script_start: str | None = None
        self._script_body: list[str] = []

    def handle_starttag(self, tag, attrs):
        where = f"line {self.getpos()[0]}: <{tag}>"
        attributes = dict(attrs)
        for name, value in attrs:
            if name == "style" or name.startswith("on") or _is_javascript_link(name, value):
                self.found.append(f"{where} {name}={value!r}")
        script_type = (attributes.get("type") or "").lower()
        if tag == "style":
            self.found.append(f"{where} a <style> block")
        elif tag == "script" and "src" not in attributes and script_type not in DATA_SCRIPT_TYPES:
            self._script_start, self._script_body = where, []

    def handle_data(self, data):
        if self._script_start:
            self._script_body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script_start:
            body = "".join(self._script_body).strip()
            self.found.append(f"{self._script_start} an inline script {body[:60]!r}")
            self._script_start = None


def inline_code(html: str) -> list[str]:
    finder = _InlineFinder()
    finder.feed(html)
    finder.close()
    return finder.found


@pytest.fixture
def pages(db) -> dict[str, Page]:
    """One of each kind of page, each with the client that would see it."""
    teacher = services.teacher_ensure(username="ms_rivera", password=PASSWORD).user
    quiz = make_quiz(questions=2, owner=teacher, join_code=CODE)
    typed = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where was she born?", order=3
    )
    AcceptedAnswer.objects.create(question=typed, text="Warsaw")
    draft = make_quiz(questions=1, owner=teacher, status=Quiz.Status.DRAFT)
    attempt = make_submitted_attempt(quiz=quiz, student_name="Ben")
    make_attempt(quiz=quiz, student_name="Cleo")

    # Clients made only for the pages that need them: joining and signing in take requests.
    @cache
    def anonymous() -> Client:
        return Client()

    @cache
    def answering() -> Client:
        client = Client()
        client.post("/", {"code": CODE, "name": "Ada"})
        return client

    @cache
    def finished() -> Client:
        client = answering()
        token = parse_quiz_page(client.get(f"/q/{CODE}/").content.decode()).token
        client.post(f"/q/{CODE}/", {"token": token, **SUBMIT_ANYWAY})
        return client

    @cache
    def desk() -> Client:
        client = Client()
        client.force_login(teacher)
        return client

    article = f"/admin/quizzes/article/{quiz.article_id}"
    admin_quiz = f"/admin/quizzes/quiz/{quiz.pk}"
    return {
        "join": Page(anonymous, "/"),
        "join with a code": Page(anonymous, f"/?code={CODE}"),
        "quiz": Page(answering, f"/q/{CODE}/"),
        "result": Page(finished, f"/q/{CODE}/result/"),
        "unavailable": Page(anonymous, "/q/ZZZZZZ/", 404),
        "not found": Page(anonymous, "/no-such-page/", 404),
        "admin login": Page(anonymous, "/admin/login/"),
        "admin login redirect": Page(anonymous, "/admin/", 302),
        "admin index": Page(desk, "/admin/"),
        "app index": Page(desk, "/admin/quizzes/"),
        "quiz list": Page(desk, "/admin/quizzes/quiz/"),
        "quiz add": Page(desk, "/admin/quizzes/quiz/add/"),
        "quiz change": Page(desk, f"{admin_quiz}/change/"),
        "draft quiz change": Page(desk, f"/admin/quizzes/quiz/{draft.pk}/change/"),
        "quiz history": Page(desk, f"{admin_quiz}/history/"),
        "results": Page(desk, f"{admin_quiz}/results/"),
        "present": Page(desk, f"{admin_quiz}/present/"),
        "import": Page(desk, "/admin/quizzes/quiz/import/"),
        "article list": Page(desk, "/admin/quizzes/article/"),
        "article add": Page(desk, "/admin/quizzes/article/add/"),
        "article change": Page(desk, f"{article}/change/"),
        "generate": Page(desk, f"{article}/generate/"),
        "attempt change": Page(desk, f"/admin/quizzes/attempt/{attempt.pk}/change/"),
        "password change": Page(desk, "/admin/password_change/"),
        "another teacher's quiz": Page(desk, "/admin/quizzes/quiz/999999/change/", 404),
        "answers csv": Page(desk, f"{admin_quiz}/results.csv"),
        "gradebook csv": Page(desk, f"{admin_quiz}/results.csv?per=student"),
        "student sheets pdf": Page(desk, f"{admin_quiz}/handouts/student-sheets/"),
        "answer keys pdf": Page(desk, f"{admin_quiz}/handouts/answer-keys/?versions=2"),
        "gift export": Page(desk, f"{admin_quiz}/export/gift/"),
        "json export": Page(desk, f"{admin_quiz}/export/json/"),
        "admin javascript catalog": Page(desk, "/admin/jsi18n/"),
    }


PAGE_NAMES = [
    "join",
    "join with a code",
    "quiz",
    "result",
    "unavailable",
    "not found",
    "admin login",
    "admin login redirect",
    "admin index",
    "app index",
    "quiz list",
    "quiz add",
    "quiz change",
    "draft quiz change",
    "quiz history",
    "results",
    "present",
    "import",
    "article list",
    "article add",
    "article change",
    "generate",
    "attempt change",
    "password change",
    "another teacher's quiz",
    "answers csv",
    "gradebook csv",
    "student sheets pdf",
    "answer keys pdf",
    "gift export",
    "json export",
    "admin javascript catalog",
]
DOWNLOADS = frozenset(
    {
        "answers csv",
        "gradebook csv",
        "student sheets pdf",
        "answer keys pdf",
        "gift export",
        "json export",
        "admin javascript catalog",
    }
)
HTML_PAGE_NAMES = [name for name in PAGE_NAMES if name not in DOWNLOADS]


def test_the_page_list_names_every_page_the_fixture_builds(pages):
    assert sorted(pages) == sorted(PAGE_NAMES)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_response_carries_the_policy_without_unsafe_sources(pages, name):
    page = pages[name]

    response = page.get()

    assert response.status_code == page.status
    header = response[HEADER]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header
    assert "nonce-" not in header
    assert policy_of(header) == POLICY


@pytest.mark.parametrize("name", HTML_PAGE_NAMES)
def test_no_html_page_holds_an_inline_script_style_or_handler(pages, name):
    page = pages[name]

    response = page.get()

    assert response["Content-Type"].startswith("text/html")
    assert inline_code(response.content.decode()) == []


def test_a_form_without_its_csrf_token_gets_a_page_the_policy_allows(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/", {"code": CODE, "name": "Ada"})

    assert response.status_code == 403
    assert policy_of(response[HEADER]) == POLICY
    assert inline_code(response.content.decode()) == []
    assert "The form could not be sent" in response.content.decode()


def test_no_template_holds_an_inline_script_style_or_handler():
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    folders.append(Path(settings.BASE_DIR) / "quizzes" / "templates")
    templates = [path for folder in folders for path in sorted(folder.rglob("*.html"))]

    found = {str(path): inline_code(path.read_text()) for path in templates}

    assert len(templates) >= 10
    assert {path: hits for path, hits in found.items() if hits} == {}
