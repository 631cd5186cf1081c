"""Students' attempts as read: the paper each one was shown (its own question and choice order),
how many attempts a name has left, and the key a question is graded against. The writes,
starting and submitting an attempt, are in `quizzes.services.attempts`.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from quizzes.grading import AnswerKey
from quizzes.models import Choice, Question, Quiz
from quizzes.names import student_name_key

CHOICE_TOKEN_BYTES = 4


@dataclass(frozen=True)
class PaperOption:
    token: str
    choice_id: int
    text: str


@dataclass(frozen=True)
class PaperQuestion:
    question_id: int
    kind: str
    prompt: str
    points: int
    options: tuple[PaperOption, ...] = ()

    @property
    def field_name(self) -> str:
        return f"q{self.question_id}"

    def choice_id(self, token: str) -> int | None:
        return next((o.choice_id for o in self.options if o.token == token), None)


@dataclass(frozen=True)
class Paper:
    """The quiz exactly as one student was shown it: order, wording, and choices named by
    opaque per-attempt tokens (never database ids, which could hint at the right one).

    Kept on the attempt, so a reload shows the same page and a later edit of the quiz does not
    change what this student saw.
    """

    questions: tuple[PaperQuestion, ...]

    @classmethod
    def from_json(cls, data: Mapping) -> Paper:
        return cls(
            questions=tuple(
                PaperQuestion(
                    question_id=q["id"],
                    kind=q["kind"],
                    prompt=q["prompt"],
                    points=q["points"],
                    options=tuple(PaperOption(*option) for option in q["options"]),
                )
                for q in data.get("questions", ())
            )
        )

    def to_json(self) -> dict:
        return {
            "questions": [
                {
                    "id": q.question_id,
                    "kind": q.kind,
                    "prompt": q.prompt,
                    "points": q.points,
                    "options": [[o.token, o.choice_id, o.text] for o in q.options],
                }
                for q in self.questions
            ]
        }


def questions_for(quiz: Quiz):
    return quiz.questions.prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")), "accepted_answers"
    )


def paper_new(*, quiz: Quiz, rng: random.Random) -> Paper:
    questions = list(quiz.questions.prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
    ))  # fmt: skip
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    paper = []
    for question in questions:
        choices = list(question.choices.all())
        if quiz.shuffle_choices:
            rng.shuffle(choices)
        options = tuple(
            PaperOption(secrets.token_hex(CHOICE_TOKEN_BYTES), choice.pk, choice.text)
            for choice in choices
        )
        if question.kind == Question.Kind.SHORT_ANSWER:
            options = ()
        paper.append(
            PaperQuestion(question.pk, question.kind, question.prompt, question.points, options)
        )
    return Paper(questions=tuple(paper))


def attempts_left(*, quiz: Quiz, student_name: str) -> int:
    """Names are compared by their key: "åsa", "Åsa" and "ÅSA" are one student."""
    used = quiz.attempts.filter(
        student_key=student_name_key(student_name), submitted__isnull=False
    ).count()
    return max(quiz.attempts_allowed - used, 0)


def answers_visible(quiz: Quiz) -> bool:
    """Whether a student who has submitted may see the right answers now. Once the quiz is
    closed no one can start an attempt, so the answers can no longer help anyone's score."""
    if quiz.answers_shown == Quiz.AnswersShown.AFTER_SUBMIT:
        return True
    if quiz.answers_shown == Quiz.AnswersShown.AFTER_CLOSE:
        return quiz.status == Quiz.Status.CLOSED
    return False


def answer_key(question: Question) -> AnswerKey:
    choices = list(question.choices.all())
    return AnswerKey(
        kind=question.kind,
        points=Decimal(question.points),
        correct_choice_ids=frozenset(c.pk for c in choices if c.is_correct),
        accepted_answers=tuple(a.text for a in question.accepted_answers.all()),
        rejected_answers=tuple(question.rejected_answers or ()),
        answer_type=question.answer_type,
        source_sentence=question.source_sentence,
    )


def correct_text(question: Question) -> str:
    if question.kind == Question.Kind.MULTIPLE_CHOICE:
        return " / ".join(c.text for c in question.choices.all() if c.is_correct)
    first = next(iter(question.accepted_answers.all()), None)
    return first.text if first else ""
