"""Students' attempts: starting one (with its own question and choice order) and submitting it.

A submission is stored exactly once: the attempt row is locked and its token identifies the form,
so a double click, the back button or a resent form finds the attempt already submitted.
"""

from __future__ import annotations

import hashlib
import logging
import random
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from quizzes.exceptions import AttemptNotFound, AttemptRefused, QuizUnavailable
from quizzes.grading import Answer, AnswerKey, grade
from quizzes.models import Attempt, Choice, Question, Quiz, Response

logger = logging.getLogger(__name__)

CHOICE_TOKEN_BYTES = 4


@dataclass(frozen=True)
class Layout:
    """The order one student sees; choices are named by opaque tokens, never by database ids."""

    question_ids: tuple[int, ...]
    choice_tokens: Mapping[int, tuple[tuple[str, int], ...]]

    @classmethod
    def from_json(cls, data: Mapping) -> Layout:
        return cls(
            question_ids=tuple(data.get("questions", ())),
            choice_tokens={
                int(qid): tuple((token, cid) for token, cid in pairs)
                for qid, pairs in data.get("choices", {}).items()
            },
        )

    def to_json(self) -> dict:
        return {
            "questions": list(self.question_ids),
            "choices": {
                str(qid): [list(p) for p in pairs] for qid, pairs in self.choice_tokens.items()
            },
        }


def questions_for(quiz: Quiz):
    return quiz.questions.prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")), "accepted_answers"
    )


def layout_new(*, quiz: Quiz, rng: random.Random) -> Layout:
    questions = list(questions_for(quiz))
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    tokens: dict[int, tuple[tuple[str, int], ...]] = {}
    for question in questions:
        choices = list(question.choices.all())
        if quiz.shuffle_choices:
            rng.shuffle(choices)
        tokens[question.pk] = tuple(
            (secrets.token_hex(CHOICE_TOKEN_BYTES), choice.pk) for choice in choices
        )
    return Layout(question_ids=tuple(q.pk for q in questions), choice_tokens=tokens)


def ordered_questions(*, quiz: Quiz, layout: Layout) -> list[Question]:
    """The attempt's order; questions added after it started come last, deleted ones drop out."""
    by_id = {question.pk: question for question in questions_for(quiz)}
    ordered = [by_id.pop(qid) for qid in layout.question_ids if qid in by_id]
    return ordered + sorted(by_id.values(), key=lambda q: (q.order, q.pk))


def ordered_choices(question: Question, layout: Layout, *, salt: str) -> list[tuple[str, Choice]]:
    """(token, choice) in the attempt's order. A choice added after the attempt started comes last,
    under a token derived from the attempt's secret so it stays the same on reload."""
    choices = {choice.pk: choice for choice in question.choices.all()}
    pairs = [
        (t, choices.pop(cid))
        for t, cid in layout.choice_tokens.get(question.pk, ())
        if cid in choices
    ]
    for choice in sorted(choices.values(), key=lambda c: (c.order, c.pk)):
        digest = hashlib.sha256(f"{salt}:{choice.pk}".encode()).hexdigest()
        pairs.append((digest[: CHOICE_TOKEN_BYTES * 2], choice))
    return pairs


def attempts_left(*, quiz: Quiz, student_name: str) -> int:
    """Names are compared without case: "ada" and "Ada" are one student."""
    used = quiz.attempts.filter(student_name__iexact=student_name, submitted__isnull=False).count()
    return max(quiz.attempts_allowed - used, 0)


def _refuse_if_used_up(quiz: Quiz, student_name: str) -> None:
    if attempts_left(quiz=quiz, student_name=student_name) == 0:
        raise AttemptRefused(
            f"Someone named “{student_name}” has already submitted this quiz. "
            "If that was not you, add your surname or class; if it was, ask your teacher."
        )


def attempt_start(*, quiz: Quiz, student_name: str, resume: int | None = None) -> Attempt:
    """Start an attempt, or go back to the one this browser already started."""
    if quiz.status != Quiz.Status.PUBLISHED:
        raise QuizUnavailable("This quiz is not open.")
    if resume is not None:
        attempt = quiz.attempts.filter(
            pk=resume, submitted__isnull=True, student_name=student_name
        ).first()
        if attempt is not None:
            return attempt
    _refuse_if_used_up(quiz, student_name)
    layout = layout_new(quiz=quiz, rng=random.Random(secrets.randbits(64)))
    attempt = Attempt.objects.create(
        quiz=quiz,
        student_name=student_name,
        submission_token=uuid.uuid4(),
        layout=layout.to_json(),
    )
    logger.info("attempt %s started on quiz %s", attempt.pk, quiz.pk)
    return attempt


def answer_key(question: Question) -> AnswerKey:
    choices = list(question.choices.all())
    return AnswerKey(
        kind=question.kind,
        points=Decimal(question.points),
        correct_choice_ids=frozenset(c.pk for c in choices if c.is_correct),
        accepted_answers=tuple(a.text for a in question.accepted_answers.all()),
        rejected_answers=tuple(question.rejected_answers or ()),
        answer_type=question.answer_type,
    )


def _correct_text(question: Question) -> str:
    if question.kind == Question.Kind.MULTIPLE_CHOICE:
        return " / ".join(c.text for c in question.choices.all() if c.is_correct)
    first = next(iter(question.accepted_answers.all()), None)
    return first.text if first else ""


@dataclass(frozen=True)
class Submission:
    attempt: Attempt
    already_submitted: bool


def attempt_submit(*, token: uuid.UUID, answers: Mapping[int, Answer]) -> Submission:
    """Grade and store the answers once. Missing answers count as wrong; the rest are graded.

    A quiz closed while the student was answering still gets the answers, marked late, so nothing
    a student typed is lost and the teacher decides whether it counts.
    """
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update()
            .select_related("quiz")
            .filter(submission_token=token)
            .first()
        )
        if attempt is None:
            raise AttemptNotFound("This page is out of date: join the quiz again.")
        if attempt.submitted is not None:
            return Submission(attempt=attempt, already_submitted=True)
        quiz = attempt.quiz
        _refuse_if_used_up(quiz, attempt.student_name)
        layout = Layout.from_json(attempt.layout)
        responses = []
        for question in ordered_questions(quiz=quiz, layout=layout):
            given = answers.get(question.pk, Answer())
            choice = next((c for c in question.choices.all() if c.pk == given.choice_id), None)
            if choice is None:
                given = Answer(text=given.text)
            mark = grade(answer_key(question), given)
            responses.append(
                Response(
                    attempt=attempt,
                    question=question,
                    choice=choice,
                    question_prompt=question.prompt,
                    answer_text=choice.text if choice else given.text.strip(),
                    correct_answer_text=_correct_text(question),
                    is_correct=mark.correct,
                    points_awarded=mark.points,
                    points_possible=mark.possible,
                )
            )
        Response.objects.bulk_create(responses)
        attempt.score = sum((r.points_awarded for r in responses), Decimal(0))
        attempt.max_score = sum((r.points_possible for r in responses), Decimal(0))
        attempt.submitted = timezone.now()
        attempt.is_late = quiz.status != Quiz.Status.PUBLISHED
        attempt.save(update_fields=["score", "max_score", "submitted", "is_late"])
    logger.info(
        "attempt %s submitted: %s/%s%s",
        attempt.pk,
        attempt.score,
        attempt.max_score,
        " (late)" if attempt.is_late else "",
    )
    return Submission(attempt=attempt, already_submitted=False)
