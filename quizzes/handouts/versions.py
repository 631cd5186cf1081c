"""Versions of a quiz for one class: the same questions, in different orders, with letters A, B, …

Version A keeps the quiz's own order, so its sheet and key match what the teacher reviewed in the
admin. Every later version shuffles its questions and their choices with a `random.Random` seeded
from the quiz's own secret seed, the join code, the handout seed and the version's position: the
same quiz and seed always give the same class set, so a sheet printed today and a key printed next
week still agree, while nobody can work out a version's letters from the join code. Each version
spreads its right answers evenly over the letters (see `quizzes.choiceorder`).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, replace

from quizzes.choiceorder import place_right, spread_right_letters
from quizzes.exceptions import QuizError
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

MAX_VERSIONS = 100
# Small quizzes have few distinct orders; after this many draws a repeated layout is accepted
# rather than looping, since two identical versions are harmless, only less useful.
MAX_SHUFFLE_ATTEMPTS = 20


class HandoutError(QuizError):
    """The handout cannot be made as asked; the message says what to change."""


@dataclass(frozen=True)
class HandoutVersion:
    """One version's questions, renumbered from 1 and with their choices in printed order."""

    letter: str
    questions: tuple[QuestionSnapshot, ...]


def version_letter(index: int) -> str:
    """A, B, …, Z, then AA, AB, … as spreadsheet columns go, for the 27th version onwards."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, len(string.ascii_uppercase))
        letters = string.ascii_uppercase[remainder] + letters
    return letters


def check_version_count(versions: int) -> None:
    if not 1 <= versions <= MAX_VERSIONS:
        raise HandoutError(
            f"The number of versions must be between 1 and {MAX_VERSIONS}, not {versions}."
        )


def check_has_questions(snapshot: QuizSnapshot) -> None:
    if not snapshot.questions:
        raise HandoutError(
            f"“{snapshot.title}” has no questions yet: add or generate some before printing."
        )


def class_set(snapshot: QuizSnapshot, *, versions: int, seed: int) -> tuple[HandoutVersion, ...]:
    """The versions of a class set; each differs from the earlier ones whenever the quiz allows."""
    check_version_count(versions)
    check_has_questions(snapshot)
    original = tuple(range(len(snapshot.questions)))
    layouts = [(original, tuple(_identity(question) for question in snapshot.questions))]
    for index in range(1, versions):
        rng = random.Random(f"{snapshot.generation_seed}:{snapshot.join_code}:{seed}:{index}")
        for _ in range(MAX_SHUFFLE_ATTEMPTS):
            layout = _shuffled_layout(snapshot, rng)
            if layout not in layouts:
                break
        layouts.append(layout)
    return tuple(
        _version(snapshot, letter=version_letter(index), layout=layout)
        for index, layout in enumerate(layouts)
    )


_Layout = tuple[tuple[int, ...], tuple[tuple[int, ...], ...]]


def _identity(question: QuestionSnapshot) -> tuple[int, ...]:
    return tuple(range(len(question.choices)))


def _shuffled_layout(snapshot: QuizSnapshot, rng: random.Random) -> _Layout:
    order = list(range(len(snapshot.questions)))
    rng.shuffle(order)
    sizes = [len(question.choices) for question in snapshot.questions]
    rights = spread_right_letters(sizes, rng)
    choice_orders = []
    for question, at in zip(snapshot.questions, rights, strict=True):
        right = next((n for n, choice in enumerate(question.choices) if choice.is_correct), None)
        if right is None or at is None:
            choice_order = list(_identity(question))
            rng.shuffle(choice_order)
            choice_orders.append(tuple(choice_order))
        else:
            choice_orders.append(place_right(len(question.choices), right=right, at=at, rng=rng))
    return tuple(order), tuple(choice_orders)


def _version(snapshot: QuizSnapshot, *, letter: str, layout: _Layout) -> HandoutVersion:
    order, choice_orders = layout
    questions = []
    for number, index in enumerate(order, start=1):
        question = snapshot.questions[index]
        choices = tuple(question.choices[position] for position in choice_orders[index])
        questions.append(replace(question, number=number, choices=choices))
    return HandoutVersion(letter=letter, questions=tuple(questions))
