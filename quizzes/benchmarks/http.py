"""A small HTTP client that behaves like one student's browser: its own cookies and CSRF token.

Used by the page benchmarks and the load test against a server on 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from quizzes.benchmarks.forms import form_data

CSRF_INPUT_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_INPUT_RE = re.compile(r'name="token" value="([^"]+)"')
RADIO_RE = re.compile(r'type="radio" name="(q\d+)" id="[^"]+" value="([^"]+)"')
TEXT_INPUT_RE = re.compile(r'type="text" name="(q\d+)"')
TIMEOUT_SECONDS = 30
ADMIN_LOGIN = "/admin/login/"
ADMIN_ARTICLE_ADD = "/admin/quizzes/article/add/"
ADMIN_QUIZZES = "/admin/quizzes/quiz/"
QUIZ_LINK_RE = re.compile(r'href="/admin/quizzes/quiz/(\d+)/change/')


@dataclass
class Reply:
    status: int
    body: str
    location: str
    seconds: float
    # When the request was sent, on time.perf_counter()'s clock.
    sent: float = 0.0


@dataclass
class Student:
    host: str
    port: int
    name: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        *,
        body: bytes | None = None,
        content_type: str = "application/x-www-form-urlencoded",
        on_sent: Callable[[], None] | None = None,
    ) -> Reply:
        """One request on a new connection; `on_sent` runs once the server has the whole
        request and before its answer is read."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_SECONDS)
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
        if body is not None:
            headers["Content-Type"] = content_type
            headers["Origin"] = f"http://{self.host}:{self.port}"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        start = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            if on_sent is not None:
                on_sent()
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        seconds = time.perf_counter() - start
        for header in response.headers.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        location = response.headers.get("Location", "")
        return Reply(response.status, text, location, seconds, sent=start)

    def join(self, code: str) -> Reply:
        page = self.request("GET", "/")
        csrf = CSRF_INPUT_RE.search(page.body).group(1)
        return self.request(
            "POST", "/", {"csrfmiddlewaretoken": csrf, "code": code, "name": self.name}
        )

    def answers_for(self, page: str, *, pick: int = 0) -> dict[str, str]:
        """The form as this student fills it in: the `pick`-th option of every question."""
        form = {
            "csrfmiddlewaretoken": CSRF_INPUT_RE.search(page).group(1),
            "token": TOKEN_INPUT_RE.search(page).group(1),
        }
        options: dict[str, list[str]] = {}
        for name, value in RADIO_RE.findall(page):
            options.setdefault(name, []).append(value)
        for name, values in options.items():
            form[name] = values[pick % len(values)]
        for name in TEXT_INPUT_RE.findall(page):
            form[name] = "an answer"
        return form


@dataclass
class Teacher(Student):
    """A teacher's browser in the admin: signed in, with its CSRF cookie."""

    def sign_in(self, password: str) -> Reply:
        page = self.request("GET", ADMIN_LOGIN)
        csrf = CSRF_INPUT_RE.search(page.body).group(1)
        form = {"csrfmiddlewaretoken": csrf, "username": self.name, "password": password}
        return self.request("POST", f"{ADMIN_LOGIN}?next=/admin/", form)

    def csrf_token(self, path: str) -> str:
        """The CSRF token of the page at `path`, as a browser with that page open holds it."""
        return CSRF_INPUT_RE.search(self.request("GET", path).body).group(1)

    def post_file(self, path: str, fields: dict[str, str], file_field: str, name: str,
                  data: bytes, *, csrf: str | None = None,
                  on_sent: Callable[[], None] | None = None) -> Reply:  # fmt: skip
        """A multipart form as the browser sends it, with the page's CSRF token (the page is
        opened first unless its token is given)."""
        fields = {"csrfmiddlewaretoken": csrf or self.csrf_token(path), **fields}
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
            .encode()
            for key, value in fields.items()
        ]  # fmt: skip
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.request(
            "POST", path, body=b"".join(parts),
            content_type=f"multipart/form-data; boundary={boundary}", on_sent=on_sent,
        )  # fmt: skip

    def upload_article(
        self,
        name: str,
        data: bytes,
        *,
        csrf: str | None = None,
        on_sent: Callable[[], None] | None = None,
    ) -> Reply:
        fields = {"title": "", "source": "", "text": ""}
        return self.post_file(
            ADMIN_ARTICLE_ADD, fields, "upload", name, data, csrf=csrf, on_sent=on_sent
        )

    def follow(self, reply: Reply) -> Reply | None:
        """The page a browser opens after a redirect, as the teacher would see it next."""
        if not reply.location:
            return None
        parts = urllib.parse.urlsplit(reply.location)
        return self.request("GET", urllib.parse.urlunsplit(("", "", *parts[2:])))

    def quiz_id(self, code: str) -> int:
        """The quiz's id, found as the teacher finds it: by its code in the list of quizzes."""
        page = self.request("GET", f"{ADMIN_QUIZZES}?{urllib.parse.urlencode({'q': code})}")
        return int(QUIZ_LINK_RE.search(page.body).group(1))

    def quiz_form(self, quiz_id: int) -> dict[str, str]:
        """The quiz's page with its questions, as the browser would submit it unchanged."""
        return form_data(self.request("GET", quiz_path(quiz_id)).body, "quiz_form")

    def save_quiz(self, quiz_id: int, form: dict[str, str]) -> Reply:
        return self.request("POST", quiz_path(quiz_id), {**form, "_continue": "1"})

    def regrade(self, quiz_id: int, *, csrf: str | None = None) -> Reply:
        """The results page's Regrade button; the page is opened first unless its token is given."""
        csrf = csrf or self.csrf_token(results_path(quiz_id))
        return self.request(
            "POST", f"{ADMIN_QUIZZES}{quiz_id}/regrade/", {"csrfmiddlewaretoken": csrf}
        )


def quiz_path(quiz_id: int) -> str:
    return f"{ADMIN_QUIZZES}{quiz_id}/change/"


def results_path(quiz_id: int) -> str:
    return f"{ADMIN_QUIZZES}{quiz_id}/results/"
