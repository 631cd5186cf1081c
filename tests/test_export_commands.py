"""`export_quiz` and `import_quiz`, run as manage.py runs them, and the `export_quiz()` API."""

import json
import os

import pytest
from django.contrib.auth import get_user_model

from quizzes.exports import FORMATS, ExportFormatUnknown, export_quiz
from quizzes.models import Article, Quiz
from quizzes.snapshots import quiz_snapshot
from tests.builders import make_quiz
from tests.commands import run_command
from tests.test_exports_gift import make_special_quiz

EXTENSIONS = {"gift": "gift.txt", "moodle": "moodle.xml", "qti": "qti.zip", "json": "json"}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["gift", "moodle", "qti"])
def test_export_quiz_writes_the_format_and_says_where_and_how_many_questions(tmp_path, fmt):
    quiz = make_quiz(questions=4, join_code="EXPQ23")
    output = tmp_path / f"quiz.{fmt}"

    code, out, err = run_command("export_quiz", "expq-23", "--format", fmt, "--output", output)

    assert code == 0, err
    assert output.read_bytes() == export_quiz(quiz_snapshot(quiz=quiz), fmt).data
    assert out.strip() == f"Wrote {output} (4 questions)."
    assert os.listdir(tmp_path) == [output.name]


@pytest.mark.django_db(transaction=True)
def test_export_quiz_json_then_import_quiz_restores_the_quiz_and_prints_its_code(tmp_path, teacher):
    original = make_special_quiz()
    backup = tmp_path / "backup.json"
    run_command("export_quiz", original.join_code, "--format", "json", "--output", backup)

    code, out, err = run_command("import_quiz", backup, "--owner", teacher.username)

    assert code == 0, err
    restored = Quiz.objects.exclude(pk=original.pk).get()
    assert out.strip().splitlines()[-1] == restored.join_code
    assert restored.owner == teacher
    assert restored.status == Quiz.Status.DRAFT
    saved = json.loads(backup.read_text(encoding="utf-8"))
    again = json.loads(export_quiz(quiz_snapshot(quiz=restored), "json").data)
    # A restored quiz gets its own secret seed, as it gets its own join code.
    assert again["quiz"].pop("generation_seed") != saved["quiz"].pop("generation_seed")
    assert {**again, "exported_at": None} == {**saved, "exported_at": None}


@pytest.mark.django_db(transaction=True)
def test_import_quiz_creates_the_demo_teacher_when_no_owner_is_given(tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_bytes(export_quiz(quiz_snapshot(quiz=make_quiz(questions=2)), "json").data)

    code, _, err = run_command("import_quiz", backup)

    assert code == 0, err
    restored = Quiz.objects.get(status=Quiz.Status.DRAFT)
    assert restored.owner.username == "teacher"
    assert restored.owner.groups.filter(name="Teachers").exists()
    assert "password" in err


@pytest.mark.django_db(transaction=True)
def test_export_quiz_with_an_unknown_code_says_so_in_one_line_and_writes_nothing(tmp_path):
    make_quiz(questions=1, join_code="EXPQ24")

    code, out, err = run_command(
        "export_quiz", "NOPE99", "--format", "gift", "--output", tmp_path / "x.txt"
    )

    assert code == 1
    assert err.strip().splitlines() == ["CommandError: There is no quiz with join code NOPE99."]
    assert out == ""
    assert os.listdir(tmp_path) == []


@pytest.mark.django_db(transaction=True)
def test_export_quiz_with_an_unknown_format_lists_the_formats(tmp_path, capsys):
    make_quiz(questions=1, join_code="EXPQ25")

    code, _, _ = run_command(
        "export_quiz", "EXPQ25", "--format", "docx", "--output", tmp_path / "x.docx"
    )

    assert code == 2
    err = capsys.readouterr().err
    assert "argument --format: invalid choice: 'docx'" in err
    assert all(name in err.splitlines()[-1] for name in FORMATS)
    assert os.listdir(tmp_path) == []


@pytest.mark.django_db(transaction=True)
def test_export_quiz_into_a_missing_folder_says_it_cannot_write(tmp_path):
    make_quiz(questions=1, join_code="EXPQ26")
    output = tmp_path / "missing" / "quiz.xml"

    code, _, err = run_command("export_quiz", "EXPQ26", "--format", "moodle", "--output", output)

    assert code == 1
    assert err.strip() == f"CommandError: Cannot write {output}: No such file or directory."
    assert os.listdir(tmp_path) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not json at all", "Not JSON: Expecting value at line 1 column 1."),
        (b'{"format": "quizsite-quiz", "version": 3}', "this site reads versions 1 and 2"),
        (b'{"format": "other"}', "Not a quiz file"),
    ],
)
def test_import_quiz_refuses_a_bad_file_in_one_line_and_stores_nothing(tmp_path, data, message):
    path = tmp_path / "bad.json"
    path.write_bytes(data)

    code, out, err = run_command("import_quiz", path)

    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert out == ""
    assert not Article.objects.exists()
    # The demo teacher made for the import goes too, with the file refused.
    assert not get_user_model().objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_quiz_with_a_missing_file_says_so(tmp_path):
    code, _, err = run_command("import_quiz", tmp_path / "nope.json")

    assert code == 1
    assert err.strip() == f"CommandError: {tmp_path / 'nope.json'} does not exist."


@pytest.mark.django_db(transaction=True)
def test_import_quiz_for_an_unknown_owner_says_how_to_create_one(tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_bytes(export_quiz(quiz_snapshot(quiz=make_quiz(questions=1)), "json").data)

    code, _, err = run_command("import_quiz", backup, "--owner", "nobody")

    assert code == 1
    assert "createteacher nobody" in err
    assert Quiz.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_export_is_named_after_the_quiz_and_its_code(fmt):
    quiz = make_quiz(questions=1, join_code="EXPQ27")

    download = export_quiz(quiz_snapshot(quiz=quiz), fmt)

    assert download.filename == f"quiz-on-marie-curie-expq27.{EXTENSIONS[fmt]}"
    assert download.data


@pytest.mark.django_db
def test_an_unknown_export_format_is_a_quiz_error_naming_the_formats():
    snapshot = quiz_snapshot(quiz=make_quiz(questions=1))

    with pytest.raises(ExportFormatUnknown, match="choose one of gift, moodle, qti, json"):
        export_quiz(snapshot, "docx")
