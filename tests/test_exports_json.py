"""The JSON backup: export, import, export again gives the same quiz; bad files store nothing."""

import json
from datetime import UTC, datetime

import pytest

from quizzes.exceptions import QuizError
from quizzes.exports import jsonfile
from quizzes.generation.types import MAX_WORDS
from quizzes.importing import MAX_IMPORT_BYTES, ImportRejected
from quizzes.models import Article, Question, Quiz
from quizzes.services import quiz_import
from quizzes.snapshots import quiz_snapshot
from tests.builders import make_teacher
from tests.test_exports_gift import make_special_quiz

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def export(quiz: Quiz) -> dict:
    return json.loads(jsonfile.render(quiz_snapshot(quiz=quiz), exported_at=WHEN))


def rows(quiz: Quiz) -> list[tuple]:
    """Everything a question holds, in the quiz's order, without ids."""
    return [
        (
            question.kind,
            question.prompt,
            question.order,
            question.points,
            question.source_sentence,
            question.source_start,
            question.source_end,
            question.answer_type,
            question.difficulty,
            question.explanation,
            question.rejected_answers,
            [(choice.text, choice.is_correct, choice.order) for choice in question.choices.all()],
            [(answer.text, answer.order) for answer in question.accepted_answers.all()],
        )
        for question in Question.objects.filter(quiz=quiz).order_by("order", "pk")
    ]


def options(quiz: Quiz) -> tuple:
    return (
        quiz.title,
        quiz.shuffle_questions,
        quiz.shuffle_choices,
        quiz.answers_shown,
        quiz.attempts_allowed,
        quiz.article.title,
        quiz.article.source,
        quiz.article.text,
    )


def without_seed(document: dict) -> dict:
    """A restored quiz gets its own secret seed, as it gets its own join code."""
    document["quiz"].pop("generation_seed")
    return document


def valid_document() -> dict:
    return {
        "format": "quizsite-quiz",
        "version": 2,
        "quiz": {"title": "Rivers"},
        "article": {"title": "Rivers", "text": "The Nile is long. The Amazon is wide."},
        "questions": [
            {
                "kind": "multiple_choice",
                "prompt": "Which river is long?",
                "choices": [
                    {"text": "The Nile", "is_correct": True},
                    {"text": "The Amazon", "is_correct": False},
                ],
                "accepted_answers": ["The Nile"],
            },
            {"kind": "short_answer", "prompt": "Which is wide?", "accepted_answers": ["Amazon"]},
        ],
    }


def encode(document: dict) -> bytes:
    return json.dumps(document).encode("utf-8")


@pytest.mark.django_db
def test_export_then_import_then_export_gives_the_same_json_but_the_date_and_seed():
    original = make_special_quiz()
    Quiz.objects.filter(pk=original.pk).update(
        shuffle_questions=True, answers_shown="never", attempts_allowed=3, generation_seed=42
    )
    original.refresh_from_db()
    first = jsonfile.render(quiz_snapshot(quiz=original))

    restored = quiz_import(owner=make_teacher(), data=first)

    assert without_seed(export(restored)) == without_seed(export(original))
    assert json.loads(first)["exported_at"] != export(restored)["exported_at"]
    assert restored.generation_seed != 42


@pytest.mark.django_db
def test_an_imported_quiz_has_the_same_rows_as_the_original():
    original = make_special_quiz()

    restored = quiz_import(owner=make_teacher(), data=jsonfile.render(quiz_snapshot(quiz=original)))

    assert rows(restored) == rows(original)
    assert options(restored) == options(original)


@pytest.mark.django_db
def test_an_imported_quiz_is_a_new_draft_for_the_teacher_with_a_new_join_code():
    original = make_special_quiz()
    teacher = make_teacher("mr_okafor")

    restored = quiz_import(owner=teacher, data=jsonfile.render(quiz_snapshot(quiz=original)))

    assert original.status == Quiz.Status.PUBLISHED
    assert restored.status == Quiz.Status.DRAFT
    assert restored.owner == restored.article.owner == teacher
    assert restored.join_code != original.join_code
    assert restored.article != original.article


@pytest.mark.django_db
def test_a_minimal_hand_written_file_imports_with_the_models_defaults():
    restored = quiz_import(owner=make_teacher(), data=encode(valid_document()))

    first, second = Question.objects.filter(quiz=restored).order_by("order")
    assert (first.order, first.points, first.difficulty) == (1, 1, 0.5)
    assert [choice.order for choice in first.choices.all()] == [1, 2]
    assert second.accepted_answers.get().text == "Amazon"
    assert (restored.shuffle_choices, restored.attempts_allowed) == (True, 1)


def _without(document: dict, path: str) -> dict:
    *parents, last = path.split(".")
    target = document
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    del target[int(last) if last.isdigit() else last]
    return document


def _with(document: dict, path: str, value) -> dict:
    *parents, last = path.split(".")
    target = document
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return document


BAD_FILES = {
    "not json": (
        lambda: b'{\n  "format": "quizsite-quiz",\n  "version": 1,\n  oops\n}',
        "Not JSON: Expecting property name enclosed in double quotes at line 4 column 3.",
    ),
    "not utf-8": (lambda: "{'Café'}".encode("latin-1"), "not UTF-8"),
    "a list": (lambda: b"[1, 2]", "holds no JSON object"),
    "another format": (
        lambda: encode(_with(valid_document(), "format", "moodle")),
        "Not a quiz file (format is 'moodle', not 'quizsite-quiz').",
    ),
    "no format": (lambda: encode(_without(valid_document(), "format")), "format is missing"),
    "another version": (
        lambda: encode(_with(valid_document(), "version", 3)),
        "This file is version 3; this site reads versions 1 and 2.",
    ),
    "unknown answers_shown": (
        lambda: encode(_with(valid_document(), "quiz.answers_shown", "before_submit")),
        "The quiz, field 'answers_shown': Value 'before_submit' is not a valid choice.",
    ),
    "missing prompt": (
        lambda: encode(_without(valid_document(), "questions.1.prompt")),
        "Missing field 'prompt' in question 2.",
    ),
    "missing article": (
        lambda: encode(_without(valid_document(), "article")),
        "Missing field 'article' in the file.",
    ),
    "no correct choice": (
        lambda: encode(_with(valid_document(), "questions.0.choices.0.is_correct", False)),
        "Question 1 has no correct choice.",
    ),
    "two correct choices": (
        lambda: encode(_with(valid_document(), "questions.0.choices.1.is_correct", True)),
        "Question 1 has 2 correct choices; it needs one.",
    ),
    "one choice": (
        lambda: encode(_without(valid_document(), "questions.0.choices.1")),
        "Question 1 has 1 choice; it needs at least 2.",
    ),
    "no accepted answer": (
        lambda: encode(_with(valid_document(), "questions.1.accepted_answers", [])),
        "Question 2 has no accepted answer.",
    ),
    "unknown kind": (
        lambda: encode(_with(valid_document(), "questions.1.kind", "essay")),
        "Question 2 has kind 'essay'",
    ),
    "prompt not a text": (
        lambda: encode(_with(valid_document(), "questions.0.prompt", 7)),
        "Field 'prompt' in question 1 should be a text.",
    ),
    "points zero": (
        lambda: encode(_with(valid_document(), "questions.0.points", 0)),
        "Question 1, field 'points'",
    ),
    "points true": (
        lambda: encode(_with(valid_document(), "questions.0.points", True)),
        "Field 'points' in question 1 should be a whole number.",
    ),
    "difficulty not a number": (
        lambda: encode(_with(valid_document(), "questions.0.difficulty", float("nan"))),
        "Field 'difficulty' in question 1 should be a number.",
    ),
    "choice too long": (
        lambda: encode(_with(valid_document(), "questions.0.choices.1.text", "x" * 501)),
        "Choice 2 of question 1, field 'text'",
    ),
    "answers not texts": (
        lambda: encode(_with(valid_document(), "questions.1.accepted_answers", ["a", 2])),
        "Field 'accepted_answers' in question 2 should be a list of texts.",
    ),
    "article too long": (
        lambda: encode(_with(valid_document(), "article.text", "word " * (MAX_WORDS + 1))),
        "The article: The text has",
    ),
    "too big": (lambda: b" " * (MAX_IMPORT_BYTES + 1), "over the 5 MiB limit"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_a_message_naming_the_problem_and_stores_nothing(case):
    build, message = BAD_FILES[case]
    teacher = make_teacher()

    with pytest.raises(ImportRejected) as refused:
        quiz_import(owner=teacher, data=build())

    assert message in str(refused.value)
    assert not Article.objects.exists()
    assert not Quiz.objects.exists()


@pytest.mark.django_db
def test_a_bad_question_after_good_ones_leaves_no_rows_behind():
    document = valid_document()
    document["questions"].append({"kind": "short_answer", "prompt": "Empty?"})

    with pytest.raises(ImportRejected, match="Question 3 has no accepted answer"):
        quiz_import(owner=make_teacher(), data=encode(document))

    assert not Question.objects.exists()
    assert not Article.objects.exists()


def test_an_import_refusal_is_a_quiz_error_the_admin_can_show():
    error = ImportRejected("Question 1 has no correct choice.")

    assert isinstance(error, QuizError)


@pytest.mark.django_db
def test_a_failure_after_the_article_is_written_rolls_the_whole_import_back(monkeypatch):
    taken = make_special_quiz()
    data = jsonfile.render(quiz_snapshot(quiz=taken))
    # Every new code collides, so storing the quiz fails after its article was saved.
    monkeypatch.setattr("quizzes.services.quizzes.new_join_code", lambda: taken.join_code)

    with pytest.raises(QuizError, match="free join code"):
        quiz_import(owner=make_teacher(), data=data)

    assert Article.objects.count() == 1
    assert Quiz.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("show_answers", "answers_shown"),
    [
        (True, Quiz.AnswersShown.AFTER_CLOSE),
        (False, Quiz.AnswersShown.NEVER),
        (None, "after_close"),
    ],
)
def test_a_version_1_backup_maps_show_answers_as_the_migration_does(show_answers, answers_shown):
    document = _with(valid_document(), "version", 1)
    if show_answers is not None:
        document["quiz"]["show_answers"] = show_answers

    quiz = quiz_import(owner=make_teacher(), data=encode(document))

    assert quiz.answers_shown == answers_shown


@pytest.mark.django_db
def test_the_backup_says_when_answers_are_shown():
    quiz = make_special_quiz()
    Quiz.objects.filter(pk=quiz.pk).update(answers_shown=Quiz.AnswersShown.AFTER_SUBMIT)
    quiz.refresh_from_db()

    document = json.loads(jsonfile.render(quiz_snapshot(quiz=quiz)))

    assert document["version"] == 2
    assert document["quiz"]["answers_shown"] == "after_submit"
    assert "show_answers" not in document["quiz"]
