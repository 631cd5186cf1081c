"""A quiz's results for its teacher, as read: the class summary, the CSV downloads and item
analysis. The writes, marks by hand and regrading, are in `quizzes.services.marks`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from quizzes.analysis import ClassSummary, ItemStats, class_summary, item_stats
from quizzes.attempts import questions_for
from quizzes.grading import normalise_answer
from quizzes.models import Attempt, Question, Quiz, Response

MAX_TYPED_SHOWN = 8
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def submitted_attempts(quiz: Quiz):
    return (
        quiz.attempts.filter(submitted__isnull=False)
        .order_by("student_name", "submitted")
        .prefetch_related(Prefetch("responses", queryset=Response.objects.order_by("pk")))
    )


def quiz_summary(*, quiz: Quiz) -> ClassSummary:
    """Submitted of joined, mean, median and the histogram of the submitted scores."""
    scores = quiz.attempts.filter(submitted__isnull=False).values_list("score", "max_score")
    return class_summary(
        [(score or Decimal(0), possible) for score, possible in scores],
        joined=quiz.attempts.count(),
    )


def csv_safe(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs (formula injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def results_csv(*, quiz: Quiz) -> str:
    """One row per answer: who, when, which question, what was answered, the points."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "student",
            "submitted",
            "late",
            "attempt score",
            "attempt max",
            "question",
            "answer",
            "right answer",
            "correct",
            "points",
            "overridden by",
        ]
    )
    for attempt in submitted_attempts(quiz).prefetch_related("responses__overridden_by"):
        for response in attempt.responses.all():
            writer.writerow(
                [
                    *_attempt_cells(attempt),
                    csv_safe(response.question_prompt),
                    csv_safe(response.answer_text),
                    csv_safe(response.correct_answer_text),
                    "yes" if response.is_correct else "no",
                    response.points_awarded,
                    csv_safe(
                        response.overridden_by.get_username() if response.overridden_by else ""
                    ),
                ]
            )
    return buffer.getvalue()


def _attempt_cells(attempt: Attempt) -> list[object]:
    """Who, when, whether late, and the score: the columns both CSV files start with."""
    return [
        csv_safe(attempt.student_name),
        attempt.submitted.isoformat(timespec="seconds"),
        "yes" if attempt.is_late else "no",
        attempt.score,
        attempt.max_score,
    ]


def _typed_answers(responses: list[Response]) -> tuple[tuple[str, int, bool], ...]:
    """Answers that differ only in case, spacing or accents are counted as one."""
    groups: dict[str, list[Response]] = {}
    for response in responses:
        if response.answer_text:
            groups.setdefault(normalise_answer(response.answer_text), []).append(response)
    ranked = sorted(groups.values(), key=lambda group: (-len(group), group[0].answer_text))
    return tuple((g[0].answer_text, len(g), g[0].is_correct) for g in ranked[:MAX_TYPED_SHOWN])


def gradebook_csv(*, quiz: Quiz) -> str:
    """One row per student, one column per question (points), for a spreadsheet gradebook."""
    questions = list(quiz.questions.order_by("order", "pk").values_list("pk", flat=True))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["student", "submitted", "late", "score", "max score"]
        + [f"Q{number}" for number in range(1, len(questions) + 1)]
    )
    for attempt in submitted_attempts(quiz):
        points = {r.question_id: r.points_awarded for r in attempt.responses.all()}
        writer.writerow([*_attempt_cells(attempt), *(points.get(pk, "") for pk in questions)])
    return buffer.getvalue()


@dataclass(frozen=True)
class ItemReport:
    question: Question
    stats: ItemStats
    # For multiple choice: (choice text, how many picked it, is it the right one), in quiz order.
    picks: tuple[tuple[str, int, bool], ...]
    blank: int
    # For short answers: (what was typed, how many typed it, was it accepted), commonest first;
    # where a teacher finds a right wording to add to the accepted answers.
    typed: tuple[tuple[str, int, bool], ...] = ()


def item_analysis(*, quiz: Quiz) -> list[ItemReport]:
    questions = list(questions_for(quiz))
    attempts = list(submitted_attempts(quiz))
    scores = {
        attempt.pk: {
            r.question_id: r.points_awarded
            for r in attempt.responses.all()
            if r.question_id is not None
        }
        for attempt in attempts
    }
    stats = {
        s.question_id: s for s in item_stats(scores, points={q.pk: q.points for q in questions})
    }
    reports = []
    for question in questions:
        answered = [r for a in attempts for r in a.responses.all() if r.question_id == question.pk]
        picks = tuple(
            (choice.text, sum(1 for r in answered if r.choice_id == choice.pk), choice.is_correct)
            for choice in question.choices.all()
        )
        blank = sum(1 for r in answered if not r.answer_text)
        typed = _typed_answers(answered) if question.kind == Question.Kind.SHORT_ANSWER else ()
        reports.append(
            ItemReport(
                question=question, stats=stats[question.pk], picks=picks, blank=blank, typed=typed
            )
        )
    return reports
