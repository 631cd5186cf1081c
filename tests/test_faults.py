"""A gunicorn worker killed while a class submits loses no answer the client was told was saved,
and a student's retry of an unanswered submission stores exactly one attempt; a teacher's upload
never holds up a class that is submitting."""

import os
import signal
import threading

import pytest

from quizzes.benchmarks import uploads
from quizzes.benchmarks.http import Student, Teacher
from quizzes.benchmarks.server import (
    BENCH_TEACHER,
    BENCH_TEACHER_PASSWORD,
    HOST,
    gunicorn,
    manage,
    prepared_site,
    worker_pids,
)

# Each test runs gunicorn with a class of students: seconds, not milliseconds.
pytestmark = pytest.mark.slow

STUDENTS = 40
QUESTIONS = 5
RETRIES = 5
WAIT_SECONDS = 60
UPLOADING_CLASS = 20
# A student's write waits at most this long for the lock, then fails: the promise under test.
STUDENT_LOCK_WAIT_SECONDS = "1"

COUNT_SCRIPT = """
from quizzes.models import Attempt
rows = Attempt.objects.filter(quiz__join_code="JOIN_CODE", submitted__isnull=False)
print("|".join(rows.values_list("student_name", flat=True)))
print(Attempt.objects.filter(quiz__join_code="JOIN_CODE").exclude(responses=None).count())
"""


def submit_with_retries(student, path, form, confirmed, failures, first_saved):
    for _ in range(RETRIES):
        try:
            reply = student.request("POST", path, form)
        except OSError:
            failures.append(student.name)  # no answer: the student presses the button again
            continue
        if reply.status == 302 and reply.location.endswith("/result/"):
            confirmed.append(student.name)
            first_saved.set()
            return
        failures.append(student.name)


@pytest.fixture
def site(tmp_path):
    env, code = prepared_site(
        f"sqlite:///{tmp_path / 'faults.sqlite3'}", questions=QUESTIONS, static_root=tmp_path
    )
    with gunicorn(env, workers=2) as (port, master):
        yield env, code, port, master


def test_killing_a_worker_mid_submission_loses_no_saved_attempt(site):
    env, code, port, master = site
    path = f"/q/{code}/"
    students = [Student(HOST, port, f"Student {n:02d}") for n in range(STUDENTS)]
    forms = {}
    for student in students:
        student.join(code)
        forms[student.name] = student.answers_for(student.request("GET", path).body)
    confirmed, failures, first_saved = [], [], threading.Event()
    threads = [
        threading.Thread(
            target=submit_with_retries,
            args=(s, path, forms[s.name], confirmed, failures, first_saved),
        )
        for s in students
    ]

    for thread in threads:
        thread.start()
    assert first_saved.wait(WAIT_SECONDS)
    victim = worker_pids(master)[0]
    os.kill(victim, signal.SIGKILL)
    for thread in threads:
        thread.join(WAIT_SECONDS)

    names, with_responses = manage(
        env, "shell", "-c", COUNT_SCRIPT.replace("JOIN_CODE", code)
    ).splitlines()[-2:]
    stored = names.split("|")
    assert victim not in worker_pids(master)  # the worker really died and was replaced
    assert sorted(stored) == sorted(s.name for s in students)  # one attempt each, none lost
    assert set(confirmed) <= set(stored)
    assert int(with_responses) == STUDENTS


ARTICLES_SCRIPT = """
from quizzes.models import Article
print("|".join(Article.objects.values_list("title", flat=True)))
"""


def test_students_submitting_during_a_teachers_uploads_are_all_stored(tmp_path):
    env, code = prepared_site(
        f"sqlite:///{tmp_path / 'upload.sqlite3'}", questions=QUESTIONS, static_root=tmp_path
    )
    env["SQLITE_BUSY_TIMEOUT"] = STUDENT_LOCK_WAIT_SECONDS
    assert (tmp_path / "staticfiles.json").exists()  # its own static files, not the project's
    files = [
        ("largest.docx", uploads.largest_accepted_docx()),
        ("probe-paragraphs.docx", uploads.probe_paragraphs_docx()),
    ]
    with gunicorn(env, workers=2) as (port, _):
        path = f"/q/{code}/"
        students = [Student(HOST, port, f"Student {n:02d}") for n in range(UPLOADING_CLASS)]
        forms = {}
        for student in students:
            student.join(code)
            forms[student.name] = student.answers_for(student.request("GET", path).body)
        teacher = Teacher(HOST, port, BENCH_TEACHER)
        assert teacher.sign_in(BENCH_TEACHER_PASSWORD).status == 302
        uploading, replies, confirmed = threading.Event(), [], []

        def upload_all():
            # The class submits the moment the server has the first file, while it reads it.
            for name, data in files:
                replies.append(teacher.upload_article(name, data, on_sent=uploading.set))

        def submit(student):
            uploading.wait(WAIT_SECONDS)
            reply = student.request("POST", path, forms[student.name])
            if reply.status == 302 and reply.location.endswith("/result/"):
                confirmed.append(student.name)

        threads = [threading.Thread(target=upload_all)] + [
            threading.Thread(target=submit, args=(s,)) for s in students
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT_SECONDS)

    names = manage(env, "shell", "-c", COUNT_SCRIPT.replace("JOIN_CODE", code)).splitlines()[-2]
    titles = manage(env, "shell", "-c", ARTICLES_SCRIPT).splitlines()[-1].split("|")
    assert sorted(names.split("|")) == sorted(s.name for s in students)
    assert sorted(confirmed) == sorted(s.name for s in students)
    assert replies[0].status == 302 and "Largest" in titles  # the accepted file was stored
    assert replies[1].status == 200 and "zip bomb" in replies[1].body  # refused on the form
    assert "Probe paragraphs" not in titles
