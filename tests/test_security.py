"""The site's protections, each asserted where a user would meet it. Every case here fails if its
protection is taken away: escaping, CSRF, cookie flags, the admin login, hidden answers."""

import csv
import io

import pytest
from django.test import Client
from pypdf import PdfReader

from quizzes import services
from quizzes.models import AcceptedAnswer, Choice, Question, Quiz
from tests.builders import make_quiz, make_teacher
from tests.pages import SUBMIT_ANYWAY, parse_quiz_page

CODE = "K7MP3X"
MARKUP = '<script>alert("x")</script><b onmouseover=alert(1)>&amp;'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onmouseover=alert(1)&gt;&amp;amp;"


@pytest.fixture
def hostile_quiz(db):
    """Markup in every text a teacher or a student can type."""
    teacher = make_teacher()
    article = services.article_create(
        owner=teacher, title=f"Title {MARKUP}", text=f"First paragraph {MARKUP}.\nSecond one."
    )
    # Answers shown right after submitting, so the result page shows the right choice and the
    # accepted answer, whose markup must be escaped too.
    quiz = services.quiz_create(
        quiz=Quiz(
            article=article,
            owner=teacher,
            title=f"Quiz {MARKUP}",
            answers_shown=Quiz.AnswersShown.AFTER_SUBMIT,
        )
    )
    question = Question.objects.create(quiz=quiz, prompt=f"Prompt {MARKUP}?", order=1)
    Choice.objects.create(question=question, text=f"Right {MARKUP}", is_correct=True, order=1)
    Choice.objects.create(question=question, text=f"Wrong {MARKUP}", order=2)
    short = Question.objects.create(
        quiz=quiz, prompt="Type it", order=2, kind=Question.Kind.SHORT_ANSWER
    )
    AcceptedAnswer.objects.create(question=short, text=f"Answer {MARKUP}")
    services.quiz_publish(quiz=quiz)
    student = Client()
    student.post("/", {"code": quiz.join_code, "name": f"Name {MARKUP}"})
    quiz_html = student.get(f"/q/{quiz.join_code}/").content.decode()
    page = parse_quiz_page(quiz_html)
    student.post(
        f"/q/{quiz.join_code}/",
        {
            "token": page.token,
            f"q{question.pk}": page.radios[f"q{question.pk}"][0][0],
            f"q{short.pk}": f"Typed {MARKUP}",
        },
    )
    result_html = student.get(f"/q/{quiz.join_code}/result/").content.decode()
    return quiz, teacher, {"quiz page": quiz_html, "result page": result_html}


def assert_escaped(html: str, where: str) -> None:
    assert MARKUP not in html, where
    assert "<script>alert" not in html, where
    assert ESCAPED in html, where


@pytest.mark.django_db
def test_markup_is_text_on_the_student_pages(hostile_quiz):
    _, _, pages = hostile_quiz

    for where, html in pages.items():
        assert_escaped(html, where)
    # The result page shows the key, escaped, so its markup was checked too.
    assert f"Right {ESCAPED}" in pages["result page"]
    assert f"Answer {ESCAPED}" in pages["result page"]


@pytest.mark.django_db
def test_markup_is_text_in_every_admin_page(hostile_quiz):
    quiz, teacher, _ = hostile_quiz
    client = Client()
    client.force_login(teacher)
    attempt = quiz.attempts.get()
    urls = [
        "/admin/quizzes/quiz/",
        f"/admin/quizzes/quiz/{quiz.pk}/change/",
        f"/admin/quizzes/quiz/{quiz.pk}/results/",
        "/admin/quizzes/article/",
        f"/admin/quizzes/article/{quiz.article_id}/change/",
        f"/admin/quizzes/attempt/{attempt.pk}/change/",
    ]

    for url in urls:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;" in html, url


@pytest.mark.django_db
def test_markup_and_formulas_are_inert_in_the_csv(hostile_quiz):
    quiz, teacher, _ = hostile_quiz
    client = Client()
    client.force_login(teacher)
    formula = Client()
    formula.post("/", {"code": quiz.join_code, "name": "=1+2"})
    token = parse_quiz_page(formula.get(f"/q/{quiz.join_code}/").content.decode()).token
    formula.post(f"/q/{quiz.join_code}/", {"token": token, **SUBMIT_ANYWAY})

    body = client.get(f"/admin/quizzes/quiz/{quiz.pk}/results.csv").content.decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(body)))
    assert any(f"Name {MARKUP}" == row[0] for row in rows)  # text, kept as the student typed it
    assert "'=1+2" in [row[0] for row in rows]
    assert all(not row[0].startswith(("=", "+", "-", "@")) for row in rows)


@pytest.mark.django_db
def test_markup_prints_literally_in_the_pdf(hostile_quiz):
    quiz, teacher, _ = hostile_quiz
    client = Client()
    client.force_login(teacher)

    pdf = client.get(f"/admin/quizzes/quiz/{quiz.pk}/handouts/student-sheets/").content

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert '<script>alert("x")</script>' in text
    assert "Prompt <script>" in text


@pytest.mark.django_db
def test_every_post_without_a_csrf_token_is_refused(hostile_quiz):
    quiz, teacher, _ = hostile_quiz
    question = quiz.questions.first()
    student = Client(enforce_csrf_checks=True)
    teacher_client = Client(enforce_csrf_checks=True)
    teacher_client.force_login(teacher)
    posts = [
        (student, "/"),
        (student, f"/q/{quiz.join_code}/"),
        (teacher_client, "/admin/quizzes/article/add/"),
        (teacher_client, f"/admin/quizzes/article/{quiz.article_id}/generate/"),
        (teacher_client, f"/admin/quizzes/quiz/{quiz.pk}/change/"),
        (teacher_client, f"/admin/quizzes/quiz/{quiz.pk}/close/"),
        (teacher_client, f"/admin/quizzes/quiz/{quiz.pk}/publish/"),
        (teacher_client, f"/admin/quizzes/quiz/{quiz.pk}/regrade/"),
        (teacher_client, f"/admin/quizzes/quiz/{quiz.pk}/questions/{question.pk}/regenerate/"),
        (teacher_client, f"/admin/quizzes/attempt/{quiz.attempts.get().pk}/change/"),
    ]

    codes = {
        url: client.post(url, {"code": CODE, "name": "Ada"}).status_code for client, url in posts
    }

    assert set(codes.values()) == {403}
    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.PUBLISHED


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only_and_same_site():
    make_quiz(join_code=CODE)
    client = Client()

    client.get("/")
    client.post("/", {"code": CODE, "name": "Ada"})

    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


@pytest.mark.django_db
def test_every_admin_page_needs_a_login(hostile_quiz):
    quiz, _, _ = hostile_quiz
    urls = [
        "/admin/",
        "/admin/quizzes/quiz/",
        f"/admin/quizzes/quiz/{quiz.pk}/change/",
        f"/admin/quizzes/quiz/{quiz.pk}/results/",
        f"/admin/quizzes/quiz/{quiz.pk}/results.csv",
        f"/admin/quizzes/quiz/{quiz.pk}/handouts/answer-keys/",
        f"/admin/quizzes/article/{quiz.article_id}/generate/",
    ]

    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.django_db
def test_a_student_reaches_no_right_answer_before_submitting(hostile_quiz):
    quiz, _, _ = hostile_quiz
    student = Client()
    student.post("/", {"code": quiz.join_code, "name": "Curious"})

    quiz_html = student.get(f"/q/{quiz.join_code}/").content.decode()
    result = student.get(f"/q/{quiz.join_code}/result/")
    static = student.get("/static/quizzes/quiz.js")
    script = b"".join(static.streaming_content)

    assert static.status_code == 200
    assert result.status_code == 302  # no result page before submitting
    assert "Answer &lt;script" not in quiz_html  # the short answer's key
    right = parse_quiz_page(quiz_html)
    choice_ids = {str(pk) for pk in Choice.objects.values_list("pk", flat=True)}
    assert not {value for options in right.radios.values() for value, _ in options} & choice_ids
    assert b"correct" not in script.lower()
    assert student.get("/admin/quizzes/quiz/").status_code == 302
