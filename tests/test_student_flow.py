import re

import pytest
from django.test import Client

from quizzes import services
from quizzes.models import AcceptedAnswer, Attempt, Question, Quiz, Response
from tests.builders import make_quiz
from tests.pages import SUBMIT_ANYWAY, parse_quiz_page

CODE = "K7MP3X"


def join(client: Client, name: str = "Ada Lovelace", code: str = CODE):
    return client.post("/", {"code": code, "name": name})


def open_quiz(client: Client, name: str = "Ada Lovelace", code: str = CODE):
    join(client, name=name, code=code)
    response = client.get(f"/q/{code}/")
    assert response.status_code == 200
    return parse_quiz_page(response.content.decode())


def right_answers(page, quiz: Quiz) -> dict[str, str]:
    answers = {}
    for question in quiz.questions.all():
        right = question.choices.get(is_correct=True).text
        answers[f"q{question.pk}"] = page.value_for(f"q{question.pk}", right)
    return answers


def submit(client: Client, page, answers: dict[str, str], code: str = CODE):
    return client.post(f"/q/{code}/", {"token": page.token, **answers, **SUBMIT_ANYWAY})


@pytest.mark.django_db
def test_student_who_answers_everything_right_gets_full_marks(client):
    quiz = make_quiz(questions=3, join_code=CODE)
    page = open_quiz(client)

    response = submit(client, page, right_answers(page, quiz))

    assert response.status_code == 302
    attempt = Attempt.objects.get()
    assert (attempt.score, attempt.max_score) == (3, 3)
    result = client.get(response["Location"]).content.decode()
    assert "3 / 3" in result


@pytest.mark.django_db
def test_quiz_page_shows_every_question_in_a_fieldset_with_labelled_choices(client):
    quiz = make_quiz(questions=3, join_code=CODE)

    page = open_quiz(client)

    assert page.legends == [f"Question {n}. Question {n}?" for n in (1, 2, 3)]
    for question in quiz.questions.all():
        labels = sorted(text for _, text in page.radios[f"q{question.pk}"])
        assert labels == sorted(question.choices.values_list("text", flat=True))


@pytest.mark.django_db
def test_quiz_page_html_does_not_reveal_the_right_choice(client):
    quiz = make_quiz(questions=4, join_code=CODE)

    join(client)
    html = client.get(f"/q/{CODE}/").content.decode()

    page = parse_quiz_page(html)
    choice_ids = {str(pk) for pk in quiz.questions.values_list("choices__pk", flat=True)}
    values = {value for options in page.radios.values() for value, _ in options}
    assert not values & choice_ids
    assert "correct" not in html.lower()
    # The right choice's input looks exactly like the others but for its value and id.
    right = quiz.questions.first().choices.get(is_correct=True).text
    tags = re.findall(r'<input class="form-check-input"[^>]*>', html)
    shapes = {re.sub(r'(id|value)="[^"]*"', "", tag) for tag in tags}
    assert len(shapes) == len(quiz.questions.all())  # one shape per question name only
    assert html.count(f">{right}</label>") == 1


@pytest.mark.django_db
def test_reloading_the_page_keeps_the_same_order(client):
    quiz = make_quiz(questions=5, join_code=CODE)
    quiz.shuffle_questions = True
    quiz.save()

    first = open_quiz(client)
    second = parse_quiz_page(client.get(f"/q/{CODE}/").content.decode())

    assert first.legends == second.legends
    assert first.radios == second.radios


@pytest.mark.django_db
def test_students_get_their_own_shuffled_order(client):
    quiz = make_quiz(questions=8, join_code=CODE)
    quiz.shuffle_questions = True
    quiz.save()

    orders = {tuple(open_quiz(Client(), name=f"Student {n}").legends) for n in range(4)}

    assert len(orders) > 1


@pytest.mark.django_db
def test_double_submit_stores_one_attempt(client):
    quiz = make_quiz(questions=2, join_code=CODE)
    page = open_quiz(client)
    answers = right_answers(page, quiz)

    first = submit(client, page, answers)
    second = submit(client, page, answers)

    assert first.status_code == second.status_code == 302
    assert Attempt.objects.filter(submitted__isnull=False).count() == 1
    assert Response.objects.count() == 2


@pytest.mark.django_db
def test_back_button_after_submitting_shows_the_result_not_the_form(client):
    quiz = make_quiz(questions=2, join_code=CODE)
    page = open_quiz(client)
    submit(client, page, right_answers(page, quiz))

    response = client.get(f"/q/{CODE}/")

    assert response.status_code == 302
    assert response["Location"].endswith("/result/")


@pytest.mark.django_db
def test_unanswered_question_counts_as_wrong_and_the_rest_is_graded(client):
    quiz = make_quiz(questions=3, join_code=CODE)
    page = open_quiz(client)
    answers = right_answers(page, quiz)
    answers.pop(next(iter(answers)))

    submit(client, page, answers)

    attempt = Attempt.objects.get()
    assert attempt.score == 2
    assert attempt.responses.filter(answer_text="", is_correct=False).count() == 1


@pytest.mark.django_db
def test_choice_from_another_question_is_refused_and_other_answers_are_kept(client):
    quiz = make_quiz(questions=2, join_code=CODE)
    page = open_quiz(client)
    first, second = [f"q{q.pk}" for q in quiz.questions.all()]
    answers = right_answers(page, quiz)
    answers[second] = answers[first]

    response = submit(client, page, answers)

    assert response.status_code == 400
    assert "not one of this question" in response.content.decode()
    assert parse_quiz_page(response.content.decode()).checked[first] == answers[first]
    assert not Attempt.objects.filter(submitted__isnull=False).exists()


@pytest.mark.django_db
def test_choice_from_another_quiz_is_refused(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    other = make_quiz(questions=1, join_code="ZZZZZZ")
    other_page = open_quiz(Client(), code="ZZZZZZ")
    page = open_quiz(client)
    stolen = next(iter(other_page.radios.values()))[0][0]

    response = submit(client, page, {f"q{quiz.questions.get().pk}": stolen})

    assert response.status_code == 400
    assert not other.attempts.filter(submitted__isnull=False).exists()
    assert not quiz.attempts.filter(submitted__isnull=False).exists()


@pytest.mark.django_db
def test_form_posted_after_the_quiz_closed_is_kept_and_marked_late(client):
    quiz = make_quiz(questions=2, join_code=CODE)
    page = open_quiz(client)
    services.quiz_close(quiz=quiz)

    response = submit(client, page, right_answers(page, quiz))

    attempt = Attempt.objects.get()
    assert attempt.is_late and attempt.score == 2
    assert "marked late" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_same_name_cannot_submit_twice_unless_retakes_are_allowed(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    page = open_quiz(client, name="Ada")
    submit(client, page, right_answers(page, quiz))

    response = join(Client(), name="ada")

    assert "has already submitted" in response.content.decode()
    quiz.attempts_allowed = 2
    quiz.save()
    assert join(Client(), name="ada").status_code == 302


@pytest.mark.django_db
def test_name_over_100_characters_is_refused(client):
    make_quiz(join_code=CODE)

    response = join(client, name="A" * 101)

    assert response.status_code == 200
    assert "at most 100 characters" in response.content.decode()
    assert not Attempt.objects.exists()


@pytest.mark.django_db
def test_name_with_markup_is_text_on_every_student_page(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    name = '<script>alert("x")</script>'
    page = open_quiz(client, name=name)

    quiz_html = client.get(f"/q/{CODE}/").content.decode()
    result = submit(client, page, right_answers(page, quiz))
    result_html = client.get(result["Location"]).content.decode()

    for html in (quiz_html, result_html):
        assert name not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused():
    make_quiz(join_code=CODE)
    client = Client(enforce_csrf_checks=True)

    response = client.post("/", {"code": CODE, "name": "Ada"})

    assert response.status_code == 403
    assert not Attempt.objects.exists()


@pytest.mark.django_db
def test_short_answer_is_graded_tolerantly_through_the_page(client):
    quiz = make_quiz(questions=0, join_code=CODE)
    question = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Who?", answer_type="PERSON",
        rejected_answers=["Donald Trump"],
    )  # fmt: skip
    AcceptedAnswer.objects.create(question=question, text="Vladimir Putin")
    page = open_quiz(client)

    submit(client, page, {f"q{question.pk}": "  putin "})

    response = Response.objects.get()
    assert response.is_correct and response.answer_text == "putin"
    assert page.text_inputs == [f"q{question.pk}"]


@pytest.mark.django_db
def test_result_page_shows_the_right_answer_and_the_source_sentence(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    quiz.answers_shown = Quiz.AnswersShown.AFTER_SUBMIT
    quiz.save()
    question = quiz.questions.get()
    question.source_sentence = "Right 1 is in the text."
    question.save()
    page = open_quiz(client)
    wrong = page.value_for(f"q{question.pk}", "Wrong 1.2")

    result = submit(client, page, {f"q{question.pk}": wrong})

    html = client.get(result["Location"]).content.decode()
    assert "Wrong 1.2" in html and "Right answer: <strong>Right 1</strong>" in html
    assert "Right 1 is in the text." in html


@pytest.mark.django_db
def test_result_page_never_shows_answers_when_the_quiz_says_so_even_once_closed(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    quiz.answers_shown = Quiz.AnswersShown.NEVER
    quiz.save()
    page = open_quiz(client)
    result = submit(client, page, right_answers(page, quiz))

    services.quiz_close(quiz=quiz)

    html = client.get(result["Location"]).content.decode()
    assert "1 / 1" in html
    assert "Right 1" not in html
    assert "go through the answers with the class" in html


@pytest.mark.django_db
def test_editing_the_quiz_later_does_not_change_the_students_record(client):
    quiz = make_quiz(questions=1, join_code=CODE)
    quiz.answers_shown = Quiz.AnswersShown.AFTER_SUBMIT
    quiz.save()
    page = open_quiz(client)
    result = submit(client, page, right_answers(page, quiz))

    question = quiz.questions.get()
    question.prompt = "A reworded question?"
    question.save()
    question.choices.filter(is_correct=True).update(text="Changed")

    html = client.get(result["Location"]).content.decode()
    assert "Question 1?" in html and "Right 1" in html
    assert "Changed" not in html


@pytest.mark.django_db
def test_stale_page_with_an_unknown_token_gets_a_clear_message(client):
    make_quiz(questions=1, join_code=CODE)

    response = client.post(f"/q/{CODE}/", {"token": "00000000-0000-0000-0000-000000000000"})

    assert response.status_code == 400
    assert "out of date" in response.content.decode()


@pytest.mark.django_db
def test_direct_link_without_joining_leads_to_the_join_form_with_the_code(client):
    make_quiz(join_code=CODE)

    response = client.get(f"/q/{CODE.lower()}/")

    assert response.status_code == 302
    assert response["Location"] == f"/?code={CODE}"
    assert f'value="{CODE}"' in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_quiz_page_is_never_cached_so_back_asks_the_server_again(client):
    make_quiz(questions=1, join_code=CODE)
    join(client)

    response = client.get(f"/q/{CODE}/")

    assert "no-store" in response["Cache-Control"]
