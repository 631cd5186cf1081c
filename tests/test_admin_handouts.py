import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader

from tests.builders import make_quiz, make_teacher


def sheets_url(quiz) -> str:
    return reverse("admin:quizzes_quiz_student_sheets", args=[quiz.pk])


def keys_url(quiz) -> str:
    return reverse("admin:quizzes_quiz_answer_keys", args=[quiz.pk])


def footer_label(page: str) -> str:
    """The version label: the third line from the end, above the title and the page number."""
    return page.splitlines()[-3]


def pdf_pages(response) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


@pytest.mark.django_db
def test_the_owner_downloads_the_student_sheet_as_a_pdf_attachment(client, teacher):
    quiz = make_quiz(owner=teacher)
    client.force_login(teacher)

    response = client.get(sheets_url(quiz))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="quiz-on-marie-curie-student-sheet.pdf"'
    )
    pages = pdf_pages(response)
    assert len(pages) == 1
    assert "Version A" in pages[0]
    assert "Question 3?" in pages[0]


@pytest.mark.django_db
def test_the_owner_downloads_the_answer_key_marked_as_the_teachers_copy(client, teacher):
    quiz = make_quiz(owner=teacher)
    client.force_login(teacher)

    response = client.get(keys_url(quiz))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="quiz-on-marie-curie-answer-key.pdf"'
    )
    assert "TEACHER'S COPY" in pdf_pages(response)[0]


@pytest.mark.django_db
def test_a_class_set_of_n_versions_comes_as_one_pdf_of_sheets_and_one_of_keys(client, teacher):
    quiz = make_quiz(owner=teacher)
    client.force_login(teacher)

    sheets = client.get(sheets_url(quiz), {"versions": "3"})
    keys = client.get(keys_url(quiz), {"versions": "3"})

    assert sheets["Content-Disposition"] == (
        'attachment; filename="quiz-on-marie-curie-class-set-3-versions.pdf"'
    )
    assert keys["Content-Disposition"] == (
        'attachment; filename="quiz-on-marie-curie-answer-keys-3-versions.pdf"'
    )
    assert [footer_label(page) for page in pdf_pages(sheets)] == [
        "Version A",
        "Version B",
        "Version C",
    ]
    assert [footer_label(page) for page in pdf_pages(keys)] == [
        "Answer key · Version A",
        "Answer key · Version B",
        "Answer key · Version C",
    ]


@pytest.mark.django_db
def test_a_double_sided_class_set_starts_every_version_on_a_new_sheet(client, teacher):
    quiz = make_quiz(owner=teacher)
    client.force_login(teacher)

    response = client.get(sheets_url(quiz), {"versions": "2", "duplex": "1"})

    assert ["left blank" in page for page in pdf_pages(response)] == [False, True, False, True]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [sheets_url, keys_url])
def test_another_teacher_gets_not_found_for_someone_elses_quiz(client, teacher, url):
    quiz = make_quiz(owner=teacher)
    client.force_login(make_teacher("mr_okafor"))

    response = client.get(url(quiz), {"versions": "2"})

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_superuser_may_print_any_quiz(client, teacher):
    quiz = make_quiz(owner=teacher)
    admin = get_user_model().objects.create_superuser("head", password="not-used-in-tests-9")
    client.force_login(admin)

    response = client.get(keys_url(quiz))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_a_visitor_who_is_not_signed_in_is_sent_to_the_sign_in_page(client, teacher):
    quiz = make_quiz(owner=teacher)

    response = client.get(sheets_url(quiz))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("versions", ["0", "101", "many"])
def test_a_bad_number_of_versions_returns_to_the_quiz_with_a_message(client, teacher, versions):
    quiz = make_quiz(owner=teacher)
    client.force_login(teacher)

    response = client.get(sheets_url(quiz), {"versions": versions}, follow=True)

    assert response.redirect_chain == [(reverse("admin:quizzes_quiz_change", args=[quiz.pk]), 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "Give the number of versions, from 1 to 100, for the class set."
    ]


@pytest.mark.django_db
def test_a_quiz_without_questions_returns_to_the_quiz_with_a_message(client, teacher):
    quiz = make_quiz(owner=teacher, questions=0)
    client.force_login(teacher)

    response = client.get(keys_url(quiz), follow=True)

    assert response.redirect_chain == [(reverse("admin:quizzes_quiz_change", args=[quiz.pk]), 302)]
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1
    assert "has no questions yet" in messages[0]


@pytest.mark.django_db
def test_the_quiz_page_offers_the_handout_downloads_to_its_owner(client, teacher):
    quiz = make_quiz(owner=teacher)
    client.force_login(teacher)

    response = client.get(reverse("admin:quizzes_quiz_change", args=[quiz.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{sheets_url(quiz)}">Student sheet (PDF)' in page
    assert f'href="{keys_url(quiz)}">Answer key (PDF)' in page
    assert f'formaction="{keys_url(quiz)}">Keys (PDF)' in page
    assert 'name="versions"' in page
