"""Writes of marks after submission: a teacher's mark by hand, and a regrade of a quiz's answers
with its current keys."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractUser
from django.db import transaction
from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from quizzes.attempts import answer_key, correct_text, questions_for
from quizzes.exceptions import QuizError
from quizzes.grading import Answer, AnswerKey, Mark, grade
from quizzes.models import Attempt, Question, Quiz, Response

logger = logging.getLogger(__name__)


class OverrideRefused(QuizError):
    """The points given are not possible for this response."""


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

    A teacher's override stands: regrading only replaces marks the computer gave. The keys are
    read once and the changes written in a few statements, so the transaction (on SQLite, the
    lock every submitting student waits for) lasts as short as the class allows.
    """
    keys = {question.pk: _Key.of(question) for question in questions_for(quiz)}
    checked = changed = 0
    # Responses that get the same new mark, by (question, mark): one UPDATE each.
    remarked: dict[tuple[int, Mark], list[int]] = defaultdict(list)
    attempt_ids: set[int] = set()
    with transaction.atomic():
        responses = (
            Response.objects.select_for_update(of=("self",))
            .filter(
                attempt__quiz=quiz,
                attempt__submitted__isnull=False,
                overridden_at__isnull=True,
                question__isnull=False,
            )
            .only(*REGRADE_FIELDS)
        )
        for response in responses:
            key = keys.get(response.question_id)
            if key is None:
                continue
            checked += 1
            mark = grade(key.answer_key, key.answer_of(response))
            if (mark.points, mark.correct) != (response.points_awarded, response.is_correct):
                remarked[(response.question_id, mark)].append(response.pk)
                attempt_ids.add(response.attempt_id)
                changed += 1
        for (question_id, mark), pks in remarked.items():
            for batch in _batches(pks):
                Response.objects.filter(pk__in=batch).update(
                    points_awarded=mark.points,
                    points_possible=mark.possible,
                    is_correct=mark.correct,
                    correct_answer_text=keys[question_id].correct_text,
                )
        attempts_rescore(attempt_ids)
    logger.info("quiz %s regraded: %d of %d responses changed", quiz.pk, changed, checked)
    return RegradeResult(checked=checked, changed=changed)


# What a regrade reads of each response.
REGRADE_FIELDS = (
    "id", "attempt_id", "question_id", "choice_id", "answer_text", "points_awarded", "is_correct",
)  # fmt: skip


# Rows named in one UPDATE: far below every database's limit on query parameters.
REGRADE_BATCH = 500


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), REGRADE_BATCH):
        yield ordered[start : start + REGRADE_BATCH]


@dataclass(frozen=True)
class _Key:
    """A question's key as a regrade needs it, worked out once for all its responses."""

    answer_key: AnswerKey
    correct_text: str
    short_answer: bool
    choice_ids: frozenset[int]
    # The chosen choice replaced by an edit: the same wording is the same answer.
    choice_by_text: dict[str, int]

    @classmethod
    def of(cls, question: Question) -> _Key:
        choices = list(question.choices.all())
        by_text: dict[str, int] = {}
        for choice in choices:
            if choice.text:
                by_text.setdefault(choice.text, choice.pk)
        return cls(
            answer_key=answer_key(question),
            correct_text=correct_text(question),
            short_answer=question.kind == Question.Kind.SHORT_ANSWER,
            choice_ids=frozenset(choice.pk for choice in choices),
            choice_by_text=by_text,
        )

    def answer_of(self, response: Response) -> Answer:
        if self.short_answer:
            return Answer(text=response.answer_text)
        if response.choice_id in self.choice_ids:
            return Answer(choice_id=response.choice_id)
        return Answer(choice_id=self.choice_by_text.get(response.answer_text))


def attempts_rescore(attempt_ids: set[int]) -> None:
    """The attempts' scores summed again from their responses, a batch in one UPDATE."""

    def total(field: str) -> Coalesce:
        sums = (
            Response.objects.filter(attempt=OuterRef("pk"))
            .values("attempt")
            .annotate(total=Sum(field))
            .values("total")
        )
        return Coalesce(Subquery(sums), Value(Decimal(0)))

    for batch in _batches(attempt_ids):
        Attempt.objects.filter(pk__in=batch).update(
            score=total("points_awarded"), max_score=total("points_possible")
        )
