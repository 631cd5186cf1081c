"""When the right answers are shown: never, right after each submission, or once the quiz is
closed (the default), so no student can read the key and then answer under another name."""

import pytest
from django.test import Client

from quizzes import services
from quizzes.models import Quiz
from tests.builders import make_quiz
from tests.test_student_flow import CODE, open_quiz, right_answers, submit


def submit_blank(client: Client, name: str) -> str:
    page = open_quiz(client, name=name)
    response = submit(client, page, {})
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.django_db
def test_a_new_quiz_shows_answers_once_it_is_closed():
    quiz = make_quiz(join_code=CODE)

    assert quiz.answers_shown == Quiz.AnswersShown.AFTER_CLOSE


@pytest.mark.django_db
def test_by_default_the_result_shows_the_score_but_no_answer_while_the_quiz_is_open(client):
    make_quiz(questions=3, join_code=CODE)

    html = client.get(submit_blank(client, "zz")).content.decode()

    assert "0 / 3" in html
    for number in (1, 2, 3):
        assert f"Right {number}" not in html
    assert "Wrong" not in html and "Right answer" not in html
    assert "once your teacher closes the quiz" in html


@pytest.mark.django_db
def test_a_blank_attempt_under_a_made_up_name_shows_no_right_answer_to_the_whole_class():
    make_quiz(questions=3, join_code=CODE)
    snoops = [Client() for _ in range(3)]

    pages = [
        snoop.get(submit_blank(snoop, f"zz{n}")).content.decode() for n, snoop in enumerate(snoops)
    ]

    for html in pages:
        assert not [n for n in (1, 2, 3) if f"Right {n}" in html]
        assert "Right answer" not in html


@pytest.mark.django_db
def test_a_student_who_comes_back_after_the_quiz_closes_sees_the_answers(client):
    quiz = make_quiz(questions=2, join_code=CODE)
    location = submit_blank(client, "Ada")

    services.quiz_close(quiz=quiz)

    html = client.get(location).content.decode()
    assert "Right answer: <strong>Right 1</strong>" in html
    assert "Right answer: <strong>Right 2</strong>" in html


@pytest.mark.django_db
def test_a_quiz_opened_again_hides_the_answers_again(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    location = submit_blank(client, "Ada")
    services.quiz_close(quiz=quiz)

    services.quiz_publish(quiz=quiz)

    assert "Right 1" not in client.get(location).content.decode()


@pytest.mark.django_db
def test_answers_right_after_submitting_when_the_teacher_chose_it(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    quiz.answers_shown = Quiz.AnswersShown.AFTER_SUBMIT
    quiz.save()
    page = open_quiz(client)

    response = submit(client, page, right_answers(page, quiz))

    html = client.get(response["Location"]).content.decode()
    assert "Right 1" in html and "Right</span>" in html


@pytest.mark.django_db
def test_the_result_page_is_never_cached_so_a_return_visit_asks_again(client):
    make_quiz(questions=1, join_code=CODE)
    location = submit_blank(client, "Ada")

    response = client.get(location)

    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_teacher_picks_when_answers_show_on_the_quiz_admin_page(client, teacher):
    quiz = make_quiz(join_code=CODE, owner=teacher)
    client.force_login(teacher)

    html = client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()

    assert 'name="answers_shown"' in html
    for value in ("never", "after_submit", "after_close"):
        assert f'value="{value}"' in html
