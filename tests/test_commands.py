import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from quizzes.generation.types import MAX_WORDS
from quizzes.models import Article, Question, Quiz
from quizzes.textfiles import MAX_FILE_BYTES
from tests.builders import make_teacher
from tests.commands import run_command

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "quizzes" / "fixtures" / "sample_article.txt"


def signs_in(username: str, password: str) -> bool:
    """Whether the admin's sign-in form takes these, as a teacher's browser would post them."""
    response = Client().post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302


def write(tmp_path: Path, data: bytes | str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


BAD_FILES = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n\t \n", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "latin-1": ("Caf\u00e9 au lait in Paris.".encode("latin-1"), "UTF-8"),
    "too many words": (("word " * (MAX_WORDS + 1)).encode(), "limit"),
    "too many bytes": (b"a" * (MAX_FILE_BYTES + 1), "limit"),
}


@pytest.mark.django_db(transaction=True)
def test_import_article_stores_the_article_and_publishes_its_quiz(teacher):
    code, out, err = run_command(
        "import_article", SAMPLE, "--title", "Trade talk", "--owner", teacher.username, "--publish"
    )

    assert code == 0, err
    quiz = Quiz.objects.get()
    assert quiz.status == Quiz.Status.PUBLISHED
    assert quiz.owner == teacher
    assert quiz.article.title == "Trade talk"
    assert quiz.questions.count() >= 10
    assert out.strip().splitlines()[-1] == quiz.join_code


@pytest.mark.django_db(transaction=True)
def test_import_article_without_generate_stores_only_the_article(teacher):
    code, out, _ = run_command(
        "import_article", SAMPLE, "--title", "Trade talk", "--owner", teacher.username
    )

    assert code == 0
    assert Article.objects.get().word_count > 300
    assert not Quiz.objects.exists()
    assert "join code" not in out


@pytest.mark.django_db(transaction=True)
def test_import_article_creates_the_demo_teacher_when_no_owner_is_given():
    code, _, err = run_command("import_article", SAMPLE, "--title", "Trade talk", "--generate")

    assert code == 0
    quiz = Quiz.objects.get()
    assert quiz.owner.username == "teacher"
    assert quiz.owner.groups.filter(name="Teachers").exists()
    assert "password" in err


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_import_article_rejects_a_bad_file_with_one_line_and_stores_nothing(
    tmp_path, teacher, case
):
    data, message = BAD_FILES[case]
    path = write(tmp_path, data)

    code, _, err = run_command(
        "import_article", path, "--title", "Bad", "--owner", teacher.username, "--publish"
    )

    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert not Article.objects.exists()
    assert not Quiz.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_article_with_a_missing_path_says_so(tmp_path, teacher):
    code, _, err = run_command(
        "import_article", tmp_path / "nope.txt", "--title", "T", "--owner", teacher.username
    )

    assert code == 1
    assert "does not exist" in err
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_article_for_an_unknown_owner_says_how_to_create_one(teacher):
    code, _, err = run_command("import_article", SAMPLE, "--title", "T", "--owner", "nobody")

    assert code == 1
    assert "createteacher nobody" in err
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_article_with_no_facts_stores_neither_article_nor_quiz(tmp_path, teacher):
    path = write(tmp_path, "It is nice. We like it a lot. They said so too.")

    code, _, err = run_command(
        "import_article", path, "--title", "T", "--owner", teacher.username, "--generate"
    )

    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert not Article.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_generate_questions_rejects_a_bad_file_with_one_line(tmp_path, case):
    data, message = BAD_FILES[case]
    path = write(tmp_path, data)

    code, out, err = run_command("generate_questions", path)

    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_generate_questions_prints_numbered_questions_with_the_right_choice_marked():
    code, out, _ = run_command("generate_questions", SAMPLE, "--count", "5")

    assert code == 0
    assert [line[:3] for line in out.splitlines() if line[:1].isdigit()] == [
        "1. ",
        "2. ",
        "3. ",
        "4. ",
        "5. ",
    ]
    assert out.count("   * ") == 5


def test_generate_questions_refuses_more_short_answers_than_questions():
    code, _, err = run_command("generate_questions", SAMPLE, "--count", "3", "--short-answer", "4")

    assert code == 1
    assert "--short-answer" in err


@pytest.mark.slow  # a new Python process that loads spaCy
def test_generate_questions_json_runs_as_a_program_and_mirrors_the_drafts():
    result = subprocess.run(
        [sys.executable, "manage.py", "generate_questions", str(SAMPLE), "--json", "--seed", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)
    assert len(questions) >= 12
    text = SAMPLE.read_text(encoding="utf-8")
    for question in questions:
        assert (
            text[question["source_start"] : question["source_end"]] == question["source_sentence"]
        )
        assert question["answer"] in question["accepted_answers"]


@pytest.mark.slow  # a new Python process that loads spaCy
def test_generate_questions_as_a_program_exits_1_with_one_line_for_a_missing_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "generate_questions", str(tmp_path / "missing.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {tmp_path / 'missing.txt'} does not exist."
    ]


@pytest.mark.django_db(transaction=True)
def test_createteacher_prints_a_generated_password_that_signs_in(monkeypatch):
    monkeypatch.delenv("TEACHER_PASSWORD", raising=False)

    code, out, _ = run_command("createteacher", "mr_okafor")

    assert code == 0
    password = out.split("Password: ")[1].strip()
    assert signs_in("mr_okafor", password)


@pytest.mark.django_db(transaction=True)
def test_createteacher_refuses_a_weak_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("TEACHER_PASSWORD", "1234")

    code, _, err = run_command("createteacher", "mr_okafor")

    assert code == 1
    assert "too weak" in err


@pytest.mark.django_db(transaction=True)
def test_setup_demo_twice_keeps_one_published_sample_quiz(monkeypatch):
    monkeypatch.setenv("DEMO_TEACHER_PASSWORD", "a-demo-password-77")

    first = run_command("setup_demo")
    second = run_command("setup_demo")

    assert first[0] == second[0] == 0
    quiz = Quiz.objects.get()
    assert quiz.status == Quiz.Status.PUBLISHED
    assert quiz.join_code in first[1] and quiz.join_code in second[1]
    assert "a-demo-password-77" not in first[1]
    assert signs_in("teacher", "a-demo-password-77")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "username",
    ["<b>x</b> y/z", "ms rivera", "ms/rivera", "r" * 151],
    ids=["markup", "space", "slash", "too long"],
)
def test_createteacher_refuses_a_user_name_the_user_model_does_not_accept(monkeypatch, username):
    monkeypatch.delenv("TEACHER_PASSWORD", raising=False)

    code, out, err = run_command("createteacher", username)

    assert code == 1
    assert "is not a valid user name" in err
    assert "Password" not in out
    assert not get_user_model().objects.exists()


@pytest.mark.django_db(transaction=True)
def test_createteacher_says_which_characters_a_user_name_may_have(monkeypatch):
    monkeypatch.delenv("TEACHER_PASSWORD", raising=False)

    _, _, err = run_command("createteacher", "<b>x</b> y/z")

    assert "letters, numbers, and @/./+/-/_" in err


@pytest.mark.django_db(transaction=True)
def test_createteacher_stores_the_user_name_as_the_sign_in_form_reads_it(monkeypatch):
    """Full-width letters are normalised (NFKC) by the sign-in form, so they must be stored so."""
    monkeypatch.setenv("TEACHER_PASSWORD", "a-long-password-77x")

    code, _, _ = run_command("createteacher", "ｍｓ_ｒｉｖｅｒａ")

    assert code == 0
    assert get_user_model().objects.get().username == "ms_rivera"
    assert signs_in("ｍｓ_ｒｉｖｅｒａ", "a-long-password-77x")


@pytest.mark.django_db(transaction=True)
def test_createteacher_refuses_the_user_name_as_its_own_password(monkeypatch):
    monkeypatch.setenv("TEACHER_PASSWORD", "mr_okafor")

    code, _, err = run_command("createteacher", "mr_okafor")

    assert code == 1
    assert "too similar to the username" in err
    assert not get_user_model().objects.exists()


@pytest.mark.django_db(transaction=True)
def test_createteacher_refuses_a_new_password_like_an_existing_teachers_email(monkeypatch):
    teacher = make_teacher("mr_okafor")
    teacher.email = "chinedu.okafor@school.test"
    teacher.save()
    monkeypatch.setenv("TEACHER_PASSWORD", "chinedu.okafor")

    code, _, err = run_command("createteacher", "mr_okafor")

    assert code == 1
    assert "too similar to the email address" in err
    assert not signs_in("mr_okafor", "chinedu.okafor")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("value", ["", "   "], ids=["empty", "blank"])
def test_createteacher_prints_the_password_it_generates_for_an_empty_variable(monkeypatch, value):
    monkeypatch.setenv("TEACHER_PASSWORD", value)

    code, out, _ = run_command("createteacher", "mr_okafor")

    assert code == 0
    password = out.split("Password: ")[1].strip()
    assert signs_in("mr_okafor", password)


@pytest.mark.django_db(transaction=True)
def test_createteacher_never_prints_a_password_taken_from_the_environment(monkeypatch):
    monkeypatch.setenv("TEACHER_PASSWORD", "a-long-password-77x")

    code, out, _ = run_command("createteacher", "mr_okafor")

    assert code == 0
    assert "a-long-password-77x" not in out
    assert "Password" not in out
    assert signs_in("mr_okafor", "a-long-password-77x")
