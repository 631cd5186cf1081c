"""Writes of students' attempts: starting one (with its own question and choice order) and
submitting it.

A submission is stored exactly once: the attempt row is locked and its token identifies the form,
so a double click, the back button or a resent form finds the attempt already submitted.
"""

from __future__ import annotations

import logging
import random
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from quizzes.attempts import (
    Paper,
    answer_key,
    attempts_left,
    correct_text,
    paper_new,
    questions_for,
)
from quizzes.exceptions import AttemptNotFound, AttemptRefused, QuizUnavailable
from quizzes.grading import Answer, grade
from quizzes.models import Attempt, Quiz, Response
from quizzes.names import student_name_key

logger = logging.getLogger(__name__)


def _refuse_if_used_up(quiz: Quiz, student_name: str) -> None:
    if attempts_left(quiz=quiz, student_name=student_name) == 0:
        raise AttemptRefused(
            f"Someone named “{student_name}” has already submitted this quiz. "
            "If that was not you, add your surname or class; if it was, ask your teacher."
        )


def attempt_start(*, quiz: Quiz, student_name: str, resume: int | None = None) -> Attempt:
    """Start an attempt, or go back to the one this browser already started.

    `student_name` is the name as cleaned by `quizzes.names.student_name_clean`."""
    if quiz.status != Quiz.Status.PUBLISHED:
        raise QuizUnavailable("This quiz is not open.")
    student_key = student_name_key(student_name)
    if resume is not None:
        attempt = quiz.attempts.filter(
            pk=resume, submitted__isnull=True, student_key=student_key
        ).first()
        if attempt is not None:
            return attempt
    _refuse_if_used_up(quiz, student_name)
    paper = paper_new(quiz=quiz, rng=random.Random(secrets.randbits(64)))
    attempt = Attempt.objects.create(
        quiz=quiz,
        student_name=student_name,
        student_key=student_key,
        submission_token=uuid.uuid4(),
        layout=paper.to_json(),
    )
    logger.info("attempt %s started on quiz %s", attempt.pk, quiz.pk)
    return attempt


@dataclass(frozen=True)
class Submission:
    attempt: Attempt
    already_submitted: bool


def attempt_submit(*, token: uuid.UUID, answers: Mapping[int, str]) -> Submission:
    """Grade and store the answers once. Missing answers count as wrong; the rest are graded.

    `answers` maps a question id to the option token picked or the text typed. The student's
    record keeps the wording they saw; the key is the quiz's current one, so a teacher who fixes
    a wrong key before the submission is heard.

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
        # The lock above covers the joined quiz row too (and SQLite's write lock everything), so
        # one submission per quiz at a time: two attempts under one name cannot both pass this.
        quiz = attempt.quiz
        _refuse_if_used_up(quiz, attempt.student_name)
        paper = Paper.from_json(attempt.layout)
        current = {question.pk: question for question in questions_for(quiz)}
        responses = []
        for seen in paper.questions:
            question = current.get(seen.question_id)
            if question is None:  # deleted by the teacher since: nothing to grade against
                continue
            given = answers.get(seen.question_id, "")
            option = next((o for o in seen.options if o.token == given), None)
            choice = next(
                (c for c in question.choices.all() if option and c.pk == option.choice_id), None
            )
            if seen.options:
                answer = Answer(choice_id=choice.pk if choice else None)
                shown = option.text if option else ""
            else:
                answer = Answer(text=given)
                shown = given.strip()
            mark = grade(answer_key(question), answer)
            responses.append(
                Response(
                    attempt=attempt,
                    question=question,
                    choice=choice,
                    question_prompt=seen.prompt,
                    answer_text=shown,
                    correct_answer_text=correct_text(question),
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
