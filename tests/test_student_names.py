"""Look-alike names on the student pages: refused with a message, or counted as one student."""

import pytest
from django.test import Client

from quizzes.models import Attempt
from tests.builders import make_quiz
from tests.test_names import ADA_CYRILLIC_A
from tests.test_student_flow import CODE, join, open_quiz, submit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Ada\u200b", "invisible or text-direction character"),
        ("\u202eAda", "invisible or text-direction character"),
        (ADA_CYRILLIC_A, "mixes letters from different alphabets"),
    ],
)
def test_the_join_form_refuses_a_disguised_name_with_a_message(client, typed, message):
    make_quiz(join_code=CODE)

    response = join(client, name=typed)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attempt.objects.exists()


@pytest.mark.django_db
def test_asa_and_asa_in_lower_case_are_one_student_for_attempts_allowed():
    quiz = make_quiz(questions=1, join_code=CODE)
    first = Client()
    page = open_quiz(first, name="Åsa")
    submit(first, page, {})

    response = join(Client(), name="åsa")

    assert "has already submitted" in response.content.decode()
    assert quiz.attempts.filter(submitted__isnull=False).count() == 1


@pytest.mark.django_db
def test_two_attempts_started_at_once_under_one_name_submit_only_once():
    quiz = make_quiz(questions=1, join_code=CODE)
    first, second = Client(), Client()
    first_page = open_quiz(first, name="Åsa")
    second_page = open_quiz(second, name="åSA")

    submit(first, first_page, {})
    response = submit(second, second_page, {})

    assert response.status_code == 409
    assert "has already submitted" in response.content.decode()
    assert quiz.attempts.filter(submitted__isnull=False).count() == 1


@pytest.mark.django_db
def test_the_name_is_shown_as_typed_and_compared_by_its_key():
    make_quiz(questions=1, join_code=CODE)

    open_quiz(Client(), name="Ｊｏｓé  García")

    attempt = Attempt.objects.get()
    assert attempt.student_name == "José García"
    assert attempt.student_key == "josé garcía"
