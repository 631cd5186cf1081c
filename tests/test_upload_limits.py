"""Damaged and hostile article files get one line on the form and store nothing; the largest
file within every limit is read whole."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from quizzes.benchmarks import uploads
from quizzes.generation.types import MAX_WORDS
from quizzes.models import Article

UPLOAD_ERRORS_RE = re.compile(
    r'<ul class="errorlist"[^>]*id="id_upload_error"[^>]*>(.*?)</ul>', re.S
)
ERROR_ITEM_RE = re.compile(r"<li>(.*?)</li>", re.S)


@pytest.fixture
def teacher_client(teacher):
    client = Client()
    client.force_login(teacher)
    return client


def upload(client, name, data):
    return client.post(
        "/admin/quizzes/article/add/",
        {"title": "", "source": "", "text": "", "upload": SimpleUploadedFile(name, data)},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(uploads.HOSTILE_FILES))
def test_a_hostile_or_damaged_file_gets_one_line_on_the_form_and_nothing_is_stored(
    teacher_client, name
):
    build, expected = uploads.HOSTILE_FILES[name]

    response = upload(teacher_client, name, build())

    assert response.status_code == 200
    errors = ERROR_ITEM_RE.findall(UPLOAD_ERRORS_RE.search(response.content.decode()).group(1))
    assert len(errors) == 1 and "\n" not in errors[0]
    assert expected in errors[0] and name in errors[0]
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_largest_accepted_word_file_is_stored_whole(teacher_client):
    response = upload(teacher_client, "largest.docx", uploads.largest_accepted_docx())

    article = Article.objects.get()
    assert response.status_code == 302
    assert MAX_WORDS - 100 < article.word_count <= MAX_WORDS
    assert article.text.count("\n") > 1000
