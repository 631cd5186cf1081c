"""A quiz's questions are numbered 1 to N after every save, never two alike: a question the teacher
numbered goes where it was put, the others keep their order around it."""

import pytest
from django.test import Client

from quizzes import services
from quizzes.models import Question
from tests.builders import make_quiz, make_teacher
from tests.forms_html import form_data


def prompts_in_order(quiz) -> list[str]:
    return list(quiz.questions.order_by("order", "pk").values_list("prompt", flat=True))


def numbers(quiz) -> list[int]:
    return list(quiz.questions.order_by("order", "pk").values_list("order", flat=True))


def question(quiz, number: int) -> Question:
    return quiz.questions.get(prompt=f"Question {number}?")


def inline_prefix(data: dict[str, str], question: Question) -> str:
    """'questions-3' for the quiz page's form of that question."""
    return next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.endswith("-id") and value == str(question.pk)
    )


@pytest.mark.django_db
def test_a_question_moved_up_takes_the_number_typed_and_the_rest_shift_down():
    quiz = make_quiz(questions=4)
    fourth = question(quiz, 4)
    Question.objects.filter(pk=fourth.pk).update(order=2)  # 1, 2, 2, 3 as typed

    services.questions_renumber(quiz=quiz, placed={fourth.pk: 2})

    assert prompts_in_order(quiz) == ["Question 1?", "Question 4?", "Question 2?", "Question 3?"]
    assert numbers(quiz) == [1, 2, 3, 4]


@pytest.mark.django_db
def test_a_question_moved_down_lands_on_the_number_typed():
    quiz = make_quiz(questions=4)
    second = question(quiz, 2)
    Question.objects.filter(pk=second.pk).update(order=4)

    services.questions_renumber(quiz=quiz, placed={second.pk: 4})

    assert prompts_in_order(quiz) == ["Question 1?", "Question 3?", "Question 4?", "Question 2?"]
    assert numbers(quiz) == [1, 2, 3, 4]


@pytest.mark.django_db
def test_two_questions_given_one_number_keep_the_order_they_were_listed_in():
    quiz = make_quiz(questions=4)
    third, fourth = question(quiz, 3), question(quiz, 4)

    services.questions_renumber(quiz=quiz, placed={third.pk: 1, fourth.pk: 1})

    assert prompts_in_order(quiz) == ["Question 3?", "Question 4?", "Question 1?", "Question 2?"]
    assert numbers(quiz) == [1, 2, 3, 4]


@pytest.mark.django_db
def test_a_number_past_the_end_puts_the_question_last_and_gaps_close():
    quiz = make_quiz(questions=3)
    first = question(quiz, 1)
    Question.objects.filter(pk=question(quiz, 3).pk).update(order=9)

    services.questions_renumber(quiz=quiz, placed={first.pk: 40})

    assert prompts_in_order(quiz) == ["Question 2?", "Question 3?", "Question 1?"]
    assert numbers(quiz) == [1, 2, 3]


@pytest.mark.django_db
def test_numbers_typed_twice_on_the_quiz_page_are_saved_as_1_to_n():
    teacher = make_teacher()
    quiz = make_quiz(questions=4, owner=teacher)
    client = Client()
    client.force_login(teacher)
    url = f"/admin/quizzes/quiz/{quiz.pk}/change/"
    data = form_data(client.get(url).content.decode(), "quiz_form")
    data[f"{inline_prefix(data, question(quiz, 4))}-order"] = "2"

    response = client.post(url, {**data, "_continue": "1"})

    assert response.status_code == 302
    assert numbers(quiz) == [1, 2, 3, 4]
    assert prompts_in_order(quiz) == ["Question 1?", "Question 4?", "Question 2?", "Question 3?"]


@pytest.mark.django_db
def test_deleting_a_question_on_the_quiz_page_closes_the_gap():
    teacher = make_teacher()
    quiz = make_quiz(questions=3, owner=teacher)
    client = Client()
    client.force_login(teacher)
    url = f"/admin/quizzes/quiz/{quiz.pk}/change/"
    data = form_data(client.get(url).content.decode(), "quiz_form")
    data[f"{inline_prefix(data, question(quiz, 2))}-DELETE"] = "on"

    client.post(url, {**data, "_continue": "1"})

    assert prompts_in_order(quiz) == ["Question 1?", "Question 3?"]
    assert numbers(quiz) == [1, 2]
