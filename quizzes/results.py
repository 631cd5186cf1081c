"""A quiz's results for its teacher: the class summary, overrides, regrading, the CSV downloads
and item analysis."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractUser
from django.db import transaction
from django.db.models import Prefetch, Sum
from django.utils import timezone

from quizzes.analysis import ClassSummary, ItemStats, class_summary, item_stats
from quizzes.attempts import answer_key, correct_text, questions_for
from quizzes.exceptions import QuizError
from quizzes.grading import Answer, grade, normalise_answer
from quizzes.models import Attempt, Question, Quiz, Response

logger = logging.getLogger(__name__)

MAX_TYPED_SHOWN = 8
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class OverrideRefused(QuizError):
    """The points given are not possible for this response."""


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


def attempt_rescore(attempt: Attempt) -> Attempt:
    totals = attempt.responses.aggregate(
        score=Sum("points_awarded"), possible=Sum("points_possible")
    )
    attempt.score = totals["score"] or Decimal(0)
    attempt.max_score = totals["possible"] or Decimal(0)
    attempt.save(update_fields=["score", "max_score"])
    return attempt


def response_override(*, response: Response, points: Decimal, by: AbstractUser) -> Response:
    """A teacher's mark replaces the computed one; who, when and the old value are kept."""
    if not Decimal(0) <= points <= response.points_possible:
        raise OverrideRefused(
            f"Points must be between 0 and {response.points_possible.normalize()} "
            "for this question."
        )
    with transaction.atomic():
        response.points_before_override = response.points_awarded
        response.points_awarded = points
        response.is_correct = points == response.points_possible
        response.overridden_by = by
        response.overridden_at = timezone.now()
        response.save(
            update_fields=[
                "points_before_override",
                "points_awarded",
                "is_correct",
                "overridden_by",
                "overridden_at",
            ]
        )
        attempt_rescore(response.attempt)
    logger.info(
        "response %s overridden by %s: %s -> %s",
        response.pk,
        by.pk,
        response.points_before_override,
        points,
    )
    return response


@dataclass(frozen=True)
class RegradeResult:
    checked: int
    changed: int


def quiz_regrade(*, quiz: Quiz) -> RegradeResult:
    """Grade every submitted answer again with the quiz's current keys.

    A teacher's override stands: regrading only replaces marks the computer gave.
    """
    questions = {question.pk: question for question in questions_for(quiz)}
    checked = changed = 0
    with transaction.atomic():
        responses = Response.objects.select_for_update().filter(
            attempt__quiz=quiz,
            attempt__submitted__isnull=False,
            overridden_at__isnull=True,
            question__isnull=False,
        )
        touched_attempts = set()
        for response in responses:
            question = questions.get(response.question_id)
            if question is None:
                continue
            checked += 1
            mark = grade(answer_key(question), _answer_of(response, question))
            if (mark.points, mark.correct) != (response.points_awarded, response.is_correct):
                response.points_awarded = mark.points
                response.points_possible = mark.possible
                response.is_correct = mark.correct
                response.correct_answer_text = correct_text(question)
                response.save(
                    update_fields=[
                        "points_awarded",
                        "points_possible",
                        "is_correct",
                        "correct_answer_text",
                    ]
                )
                touched_attempts.add(response.attempt_id)
                changed += 1
        for attempt in Attempt.objects.filter(pk__in=touched_attempts):
            attempt_rescore(attempt)
    logger.info("quiz %s regraded: %d of %d responses changed", quiz.pk, changed, checked)
    return RegradeResult(checked=checked, changed=changed)


def _answer_of(response: Response, question: Question) -> Answer:
    if question.kind == Question.Kind.SHORT_ANSWER:
        return Answer(text=response.answer_text)
    choices = list(question.choices.all())
    if response.choice_id is not None and any(c.pk == response.choice_id for c in choices):
        return Answer(choice_id=response.choice_id)
    # The chosen choice was replaced by an edit: the same wording is the same answer.
    same = next((c for c in choices if c.text == response.answer_text and c.text), None)
    return Answer(choice_id=same.pk if same else None)


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
