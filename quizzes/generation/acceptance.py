"""How likely a strict teacher is to keep a question unedited, learnt from the blind rounds.

Each round of `quizzes/evaluation/rounds/` holds questions two strict readers rated without
seeing how they were made. A logistic model over a few plain features of a question (the
kind of its answer, cloze or question, multiple choice or short answer, how much its stem
says, the ranking score) is fitted to those ratings by `python -m
quizzes.evaluation.fit_acceptance`, which writes `data/acceptance.json`. The generator
orders its questions by this estimate, so the kinds readers keep (counts, dates, quantities)
lead and the kinds they reject most (bare common nouns, organisations) come last, and it
leaves out questions the estimate says a teacher would almost surely delete.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from quizzes.generation.kinds import AnswerKind

WEIGHTS_PATH = Path(__file__).with_name("data") / "acceptance.json"

# Answer kinds pooled into groups with enough rated questions each; counts are the baseline.
GROUPS: dict[AnswerKind, str] = {
    AnswerKind.NUMBER: "count",
    AnswerKind.QUANTITY: "count",
    AnswerKind.MONEY: "count",
    AnswerKind.PERCENT: "count",
    AnswerKind.YEAR: "date",
    AnswerKind.FULL_DATE: "date",
    AnswerKind.MONTH_YEAR: "date",
    AnswerKind.CENTURY: "date",
    AnswerKind.WEEKDAY: "day_or_span",
    AnswerKind.DURATION: "day_or_span",
    AnswerKind.PERSON: "person",
    AnswerKind.CITY: "place",
    AnswerKind.COUNTRY: "place",
    AnswerKind.CONTINENT: "place",
    AnswerKind.PLACE: "place",
    AnswerKind.US_STATE: "place",
    AnswerKind.FACILITY: "place",
    AnswerKind.ORGANISATION: "organisation",
    AnswerKind.EVENT: "organisation",
    AnswerKind.WORK: "organisation",
    AnswerKind.NATIONALITY: "nationality",
    AnswerKind.ORDINAL: "nationality",
    AnswerKind.THING: "thing",
}
GROUP_NAMES = ("date", "day_or_span", "person", "place", "organisation", "thing", "nationality")
# Words that carry no content of their own in a stem.
FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "did",
        "do",
        "does",
        "what",
        "which",
        "who",
        "how",
        "many",
        "much",
        "and",
        "or",
        "by",
        "for",
        "with",
        "from",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "as",
    ]
)
WORD_RE = re.compile(r"[A-Za-z0-9’'-]+")
# A bare common-noun answer behind a stem this short asks "What did many people hold?".
SHORT_STEM_WORDS = 4
FEATURES = (
    "bias",
    *(f"kind:{name}" for name in GROUP_NAMES),
    "cloze",
    "multiple_choice",
    "stem_content_words_log",
    "stem_a_or_an",
    "thing_short_stem",
    "ranking_score",
    "answer_words_third",
)


@dataclass(frozen=True)
class Question:
    """What the estimate reads of a question: nothing the article alone does not give."""

    kind: AnswerKind
    cloze: bool
    multiple_choice: bool
    prompt: str
    answer: str
    score: float


def features(question: Question) -> list[float]:
    group = GROUPS.get(question.kind, "thing")
    content = [w for w in WORD_RE.findall(question.prompt) if w.casefold() not in FUNCTION_WORDS]
    return [
        1.0,
        *(1.0 if group == name else 0.0 for name in GROUP_NAMES),
        1.0 if question.cloze else 0.0,
        1.0 if question.multiple_choice else 0.0,
        math.log1p(len(content)),
        1.0 if "a(n)" in question.prompt else 0.0,
        1.0 if group == "thing" and len(content) <= SHORT_STEM_WORDS else 0.0,
        question.score,
        len(question.answer.split()) / 3,
    ]


@functools.cache
def weights() -> tuple[float, ...]:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_PATH.name} was fitted for other features: refit it")
    return tuple(data["weights"])


def estimate(question: Question) -> float:
    """The chance, 0..1, that a strict reader keeps the question as it is."""
    total = sum(w * x for w, x in zip(weights(), features(question), strict=True))
    return 1.0 / (1.0 + math.exp(-total))
