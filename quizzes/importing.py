"""Read a quiz from this site's JSON backup (`quizzes.exports.jsonfile`) into unsaved rows.

Everything in the file is checked before anything is written; `quizzes.services.imports` then
stores the rows as a new draft for a teacher.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from quizzes.exceptions import QuizError
from quizzes.exports.jsonfile import FORMAT_NAME, FORMAT_VERSION, READABLE_VERSIONS
from quizzes.generation.types import MAX_QUESTION_COUNT
from quizzes.models import AcceptedAnswer, Article, Choice, Question, Quiz
from quizzes.snapshots import MULTIPLE_CHOICE, SHORT_ANSWER

MEBIBYTE = 1024 * 1024
# A quiz of a few hundred questions on a 20,000-word article is well under 1 MiB.
MAX_IMPORT_BYTES = 5 * MEBIBYTE
KINDS = (MULTIPLE_CHOICE, SHORT_ANSWER)
MIN_CHOICES = 2
# Marks a field the file must have: None is a valid default for some fields.
_MISSING = object()


class ImportRejected(QuizError):
    """The file is not a quiz this site can restore; nothing was stored."""


@dataclass(frozen=True)
class QuestionRows:
    question: Question
    choices: list[Choice]
    answers: list[AcceptedAnswer]


@dataclass(frozen=True)
class QuizRows:
    """The rows to write, built and checked but not saved; their foreign keys are set on save."""

    article: Article
    quiz: Quiz
    questions: list[QuestionRows]


def read_quiz_file(data: bytes) -> QuizRows:
    """Parse and check the whole file into unsaved rows; nothing touches the database."""
    document = _load(data)
    version = _check_header(document)
    quiz_fields = _field(document, "quiz", dict, where="the file")
    article_fields = _field(document, "article", dict, where="the file")
    questions = _field(document, "questions", list, where="the file")
    if len(questions) > MAX_QUESTION_COUNT:
        raise ImportRejected(
            f"The file has {len(questions):,} questions; a quiz holds at most "
            f"{MAX_QUESTION_COUNT}. Split it into smaller quizzes."
        )
    article = Article(
        title=_field(article_fields, "title", str, where="the article"),
        source=_field(article_fields, "source", str, where="the article", default=""),
        text=_field(article_fields, "text", str, where="the article"),
    )
    _clean(article, where="The article", exclude=["owner", "word_count"])
    quiz = _quiz(quiz_fields, version=version)
    return QuizRows(
        article=article,
        quiz=quiz,
        questions=[
            _question(fields, number=number) for number, fields in enumerate(questions, start=1)
        ],
    )


def _load(data: bytes) -> dict:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRejected(f"The file is over the {MAX_IMPORT_BYTES // MEBIBYTE} MiB limit.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected("Not a quiz file: it is not UTF-8 text.") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"Not JSON: {error.msg} at line {error.lineno} column {error.colno}."
        ) from None
    except RecursionError:
        raise ImportRejected("Not a quiz file: its JSON is nested too deeply.") from None
    if not isinstance(document, dict):
        raise ImportRejected("Not a quiz file: it holds no JSON object.")
    return document


def _check_header(document: dict) -> int:
    name = document.get("format")
    if name != FORMAT_NAME:
        found = "missing" if name is None else repr(name)
        raise ImportRejected(f"Not a quiz file (format is {found}, not {FORMAT_NAME!r}).")
    version = document.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        readable = " and ".join(str(number) for number in READABLE_VERSIONS)
        raise ImportRejected(
            f"This file is version {version}; this site reads versions {readable}."
        )
    return version


def _quiz(fields: dict, *, version: int) -> Quiz:
    where = "the quiz"
    defaults = Quiz()
    quiz = Quiz(
        title=_field(fields, "title", str, where=where),
        status=Quiz.Status.DRAFT,
        shuffle_questions=_field(
            fields, "shuffle_questions", bool, where=where, default=defaults.shuffle_questions
        ),
        shuffle_choices=_field(
            fields, "shuffle_choices", bool, where=where, default=defaults.shuffle_choices
        ),
        answers_shown=_answers_shown(fields, version=version, default=defaults.answers_shown),
        attempts_allowed=_field(
            fields, "attempts_allowed", int, where=where, default=defaults.attempts_allowed
        ),
    )
    # Checked, not restored: the new quiz has its own secret seed, as it has its own join code.
    _field(fields, "generation_seed", int, where=where, default=None)
    _clean(quiz, where="The quiz", exclude=["article", "owner", "join_code"])
    return quiz


def _answers_shown(fields: dict, *, version: int, default: str) -> str:
    if version < FORMAT_VERSION:
        # Version 1's yes/no, mapped as migration 0006 mapped the database.
        shown = _field(fields, "show_answers", bool, where="the quiz", default=None)
        if shown is None:
            return default
        return Quiz.AnswersShown.AFTER_CLOSE if shown else Quiz.AnswersShown.NEVER
    return _field(fields, "answers_shown", str, where="the quiz", default=default)


def _question(fields: Any, *, number: int) -> QuestionRows:  # Any: unchecked JSON
    where = f"question {number}"
    if not isinstance(fields, dict):
        raise ImportRejected(f"Question {number} is not a JSON object.")
    kind = _field(fields, "kind", str, where=where)
    if kind not in KINDS:
        raise ImportRejected(
            f"Question {number} has kind {kind!r}; it should be one of {', '.join(KINDS)}."
        )
    defaults = Question()
    question = Question(
        kind=kind,
        prompt=_field(fields, "prompt", str, where=where),
        points=_field(fields, "points", int, where=where, default=defaults.points),
        order=_field(fields, "order", int, where=where, default=number),
        source_sentence=_field(fields, "source_sentence", str, where=where, default=""),
        source_start=_field(fields, "source_start", int, where=where, default=None),
        source_end=_field(fields, "source_end", int, where=where, default=None),
        answer_type=_field(fields, "answer_type", str, where=where, default=""),
        difficulty=_field(fields, "difficulty", float, where=where, default=defaults.difficulty),
        explanation=_field(fields, "explanation", str, where=where, default=""),
        rejected_answers=_strings(fields, "rejected_answers", where=where, default=[]),
    )
    _clean(question, where=f"Question {number}", exclude=["quiz"])
    choices = _choices(_field(fields, "choices", list, where=where, default=[]), number=number)
    answers = [
        AcceptedAnswer(text=text, order=position)
        for position, text in enumerate(
            _strings(fields, "accepted_answers", where=where, default=[]), start=1
        )
    ]
    for position, answer in enumerate(answers, start=1):
        _clean(
            answer, where=f"Accepted answer {position} of question {number}", exclude=["question"]
        )
    _check_answers(kind, choices=choices, answers=answers, number=number)
    return QuestionRows(question=question, choices=choices, answers=answers)


def _choices(items: list, *, number: int) -> list[Choice]:
    choices = []
    for position, fields in enumerate(items, start=1):
        where = f"choice {position} of question {number}"
        if not isinstance(fields, dict):
            raise ImportRejected(f"{where.capitalize()} is not a JSON object.")
        choice = Choice(
            text=_field(fields, "text", str, where=where),
            is_correct=_field(fields, "is_correct", bool, where=where),
            order=position,
        )
        _clean(choice, where=where.capitalize(), exclude=["question"])
        choices.append(choice)
    return choices


def _check_answers(
    kind: str, *, choices: list[Choice], answers: list[AcceptedAnswer], number: int
) -> None:
    """The rules a question must meet to be answered and graded at all."""
    if kind == SHORT_ANSWER:
        if choices:
            raise ImportRejected(f"Question {number} is a short answer but lists choices.")
        if not answers:
            raise ImportRejected(f"Question {number} has no accepted answer.")
        return
    if len(choices) < MIN_CHOICES:
        count = f"{len(choices)} choice" + ("" if len(choices) == 1 else "s")
        raise ImportRejected(f"Question {number} has {count}; it needs at least {MIN_CHOICES}.")
    correct = sum(choice.is_correct for choice in choices)
    if correct == 0:
        raise ImportRejected(f"Question {number} has no correct choice.")
    if correct > 1:
        raise ImportRejected(f"Question {number} has {correct} correct choices; it needs one.")


def _field(fields: dict, name: str, kind: type, *, where: str, default: Any = _MISSING) -> Any:
    """The value of `name`, of type `kind` (None allowed when the default is None)."""
    if name not in fields:
        if default is _MISSING:
            raise ImportRejected(f"Missing field {name!r} in {where}.")
        return default
    value = fields[name]
    if value is None and default is None:
        return None
    if not _is_a(value, kind):
        raise ImportRejected(f"Field {name!r} in {where} should be {_TYPE_NAMES[kind]}.")
    return float(value) if kind is float else value


def _strings(fields: dict, name: str, *, where: str, default: Any = _MISSING) -> list[str]:
    values = _field(fields, name, list, where=where, default=default)
    if not all(isinstance(value, str) for value in values):
        raise ImportRejected(f"Field {name!r} in {where} should be a list of texts.")
    return list(values)


_TYPE_NAMES: dict[type, str] = {
    str: "a text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "an object",
}


def _is_a(value: Any, kind: type) -> bool:
    # JSON's true and false are Python ints too; a number field must not take them.
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        # JSON from Python may hold NaN or Infinity, which no database column stores.
        return isinstance(value, int | float) and math.isfinite(value)
    return isinstance(value, kind)


def _clean(row: models.Model, *, where: str, exclude: list[str]) -> None:
    """The models' own limits (lengths, ranges, choices), named by where they failed."""
    try:
        row.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ImportRejected(f"{where}, field {field!r}: {' '.join(messages)}") from None
