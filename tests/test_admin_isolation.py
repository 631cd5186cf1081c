"""A teacher never sees, changes or downloads another teacher's articles, quizzes or results."""

import pytest
from django.test import Client

from quizzes import services
from quizzes.models import Article, Attempt, Quiz
from tests.builders import make_attempt, make_quiz, make_teacher


@pytest.fixture
def owners_quiz(db):
    quiz = make_quiz(questions=2, join_code="K7MP3X")
    attempt = make_attempt(quiz=quiz, student_name="Ada")
    attempt.responses.create(question=quiz.questions.first(), question_prompt="Q", answer_text="A")
    return quiz


@pytest.fixture
def stranger(db):
    client = Client()
    client.force_login(make_teacher("mr_stranger"))
    return client


def urls_of(quiz: Quiz) -> list[tuple[str, str]]:
    attempt = quiz.attempts.get()
    question = quiz.questions.first()
    article = quiz.article
    return [
        ("get", f"/admin/quizzes/article/{article.pk}/change/"),
        ("get", f"/admin/quizzes/article/{article.pk}/delete/"),
        ("get", f"/admin/quizzes/article/{article.pk}/history/"),
        ("get", f"/admin/quizzes/article/{article.pk}/generate/"),
        ("post", f"/admin/quizzes/article/{article.pk}/generate/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/change/"),
        ("post", f"/admin/quizzes/quiz/{quiz.pk}/change/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/delete/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/history/"),
        ("post", f"/admin/quizzes/quiz/{quiz.pk}/publish/"),
        ("post", f"/admin/quizzes/quiz/{quiz.pk}/close/"),
        ("post", f"/admin/quizzes/quiz/{quiz.pk}/questions/{question.pk}/regenerate/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/results/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/present/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/results.csv"),
        ("post", f"/admin/quizzes/quiz/{quiz.pk}/regrade/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/handouts/student-sheets/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/handouts/answer-keys/?versions=3"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/export/json/"),
        ("get", f"/admin/quizzes/quiz/{quiz.pk}/export/qti/"),
        ("get", f"/admin/quizzes/attempt/{attempt.pk}/change/"),
        ("post", f"/admin/quizzes/attempt/{attempt.pk}/change/"),
    ]


@pytest.mark.django_db
def test_every_url_of_another_teachers_objects_answers_404(owners_quiz, stranger):
    answers = {}

    for method, url in urls_of(owners_quiz):
        answers[(method, url)] = getattr(stranger, method)(url).status_code

    assert {key: code for key, code in answers.items() if code not in (403, 404)} == {}


@pytest.mark.django_db
def test_another_teacher_changes_nothing(owners_quiz, stranger):
    before = Quiz.objects.get(pk=owners_quiz.pk)

    for method, url in urls_of(owners_quiz):
        getattr(stranger, method)(
            url, {"post": "yes", "title": "Hacked"} if method == "post" else None
        )

    after = Quiz.objects.get(pk=owners_quiz.pk)
    assert (after.title, after.status, after.questions.count()) == (
        before.title, before.status, 2
    )  # fmt: skip
    assert Attempt.objects.count() == 1 and Article.objects.count() == 1


@pytest.mark.django_db
def test_lists_show_only_the_teachers_own_objects(owners_quiz, stranger):
    pages = [
        stranger.get(url).content.decode()
        for url in ("/admin/quizzes/quiz/", "/admin/quizzes/article/", "/admin/quizzes/attempt/")
    ]

    assert all(owners_quiz.title not in page for page in pages)
    assert all(owners_quiz.join_code not in page for page in pages)
    assert all(owners_quiz.article.title not in page for page in pages)


@pytest.mark.django_db
def test_bulk_actions_cannot_reach_another_teachers_quiz(owners_quiz, stranger):
    stranger.post(
        "/admin/quizzes/quiz/",
        {"action": "close_selected", "_selected_action": [owners_quiz.pk]},
    )

    owners_quiz.refresh_from_db()
    assert owners_quiz.status == Quiz.Status.PUBLISHED


@pytest.mark.django_db
def test_new_quiz_cannot_be_made_from_another_teachers_article(owners_quiz, stranger):
    response = stranger.post(
        "/admin/quizzes/quiz/add/",
        {"article": owners_quiz.article.pk, "title": "Mine now", "attempts_allowed": 1,
         "questions-TOTAL_FORMS": 0, "questions-INITIAL_FORMS": 0},
    )  # fmt: skip

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Quiz.objects.filter(title="Mine now").exists()


@pytest.mark.django_db
def test_owner_reaches_the_same_urls(owners_quiz):
    owner = Client()
    owner.force_login(owners_quiz.owner)

    codes = {
        url: owner.get(url).status_code for method, url in urls_of(owners_quiz) if method == "get"
    }

    # Deleting answered work is refused with a message on the object's own page.
    assert {url: code for url, code in codes.items() if code != 200} == {
        f"/admin/quizzes/article/{owners_quiz.article.pk}/delete/": 302,
        f"/admin/quizzes/quiz/{owners_quiz.pk}/delete/": 302,
    }


@pytest.mark.django_db
def test_superuser_sees_every_teachers_quizzes(owners_quiz):
    admin = Client()
    from django.contrib.auth import get_user_model

    admin.force_login(get_user_model().objects.create_superuser("head", password="x-long-pass-1"))

    page = admin.get("/admin/quizzes/quiz/").content.decode()

    assert owners_quiz.join_code in page


@pytest.mark.django_db
def test_teacher_made_by_createteacher_sees_the_quiz_pages(owners_quiz):
    account = services.teacher_ensure(username="ms_new", password="a-long-password-7")
    client = Client()
    client.force_login(account.user)

    assert client.get("/admin/quizzes/quiz/").status_code == 200
    assert client.get("/admin/quizzes/article/add/").status_code == 200
