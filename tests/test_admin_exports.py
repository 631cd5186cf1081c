import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from quizzes.exports import FORMATS
from quizzes.models import Quiz
from tests.builders import make_quiz, make_teacher

CONTENT_TYPES = {
    "gift": "text/plain",
    "moodle": "application/xml",
    "qti": "application/zip",
    "json": "application/json",
}


@pytest.fixture
def owner_client(db):
    quiz = make_quiz(questions=2, join_code="K7MP3X")
    client = Client()
    client.force_login(quiz.owner)
    return client, quiz


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_owner_downloads_each_export_format(owner_client, fmt):
    client, quiz = owner_client

    response = client.get(f"/admin/quizzes/quiz/{quiz.pk}/export/{fmt}/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(CONTENT_TYPES[fmt])
    assert "attachment" in response["Content-Disposition"]
    assert "k7mp3x" in response["Content-Disposition"].lower()


@pytest.mark.django_db
def test_unknown_export_format_goes_back_with_a_message(owner_client):
    client, quiz = owner_client

    response = client.get(f"/admin/quizzes/quiz/{quiz.pk}/export/docx/", follow=True)

    assert "There is no export format" in response.content.decode()


@pytest.mark.django_db
def test_quiz_page_offers_every_export(owner_client):
    client, quiz = owner_client

    page = client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()

    for fmt in FORMATS:
        assert f"/admin/quizzes/quiz/{quiz.pk}/export/{fmt}/" in page


@pytest.mark.django_db
def test_exported_json_imports_as_a_new_draft_of_the_uploader(owner_client):
    client, quiz = owner_client
    data = client.get(f"/admin/quizzes/quiz/{quiz.pk}/export/json/").content
    colleague = Client()
    colleague_user = make_teacher("mr_colleague")
    colleague.force_login(colleague_user)

    response = colleague.post(
        "/admin/quizzes/quiz/import/", {"file": SimpleUploadedFile("quiz.json", data)}
    )

    copy = Quiz.objects.exclude(pk=quiz.pk).get()
    assert response["Location"] == f"/admin/quizzes/quiz/{copy.pk}/change/"
    assert copy.owner == colleague_user and copy.status == Quiz.Status.DRAFT
    assert copy.join_code != quiz.join_code
    assert list(copy.questions.values_list("prompt", flat=True)) == list(
        quiz.questions.values_list("prompt", flat=True)
    )


@pytest.mark.django_db
def test_bad_import_file_is_refused_on_the_page_and_nothing_is_stored(owner_client):
    client, _ = owner_client
    bad = json.dumps({"format": "quizsite-quiz", "version": 99}).encode()

    response = client.post(
        "/admin/quizzes/quiz/import/", {"file": SimpleUploadedFile("q.json", bad)}
    )

    assert response.status_code == 200
    assert "version" in response.content.decode()
    assert Quiz.objects.count() == 1
