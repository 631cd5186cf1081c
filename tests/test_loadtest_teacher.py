"""The load test's teacher run, on a small class: through gunicorn, a teacher signed in with the
login form uploads an article and fixes and regrades the quiz while the class submits, and no
student's work is lost or left with an out-of-date mark."""

import pytest

from quizzes.benchmarks import loadtest, uploads

# The load test itself, on gunicorn: seconds, not milliseconds.
pytestmark = pytest.mark.slow

CLASS_SIZE = 10
WORKERS = 2


def test_a_teacher_uploading_and_regrading_during_a_class_loses_no_work():
    upload = uploads.largest_accepted_docx()

    outcome = loadtest.run(
        students=CLASS_SIZE, database_url=None, workers=WORKERS, teacher_upload=upload
    )

    assert (outcome.errors, outcome.lost, outcome.teacher.problems) == (0, 0, [])
    assert outcome.stored == loadtest.Stored(
        stale_marks=0, articles=1, keys_fixed=loadtest.QUESTIONS
    )
    assert outcome.passed
