"""Plain data that crosses the engine's boundary: options in, drafts out."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_QUESTION_COUNT = 12
# 20,000 words is a long chapter; beyond it a teacher should split the text, and parsing would
# take several seconds, which is longer than the admin page should wait.
MAX_WORDS = 20_000
MAX_QUESTION_COUNT = 100
# Wrong choices a multiple-choice question offers beside its right answer.
DISTRACTOR_COUNT = 3


class QuestionKind(StrEnum):
    MULTIPLE_CHOICE = "multiple_choice"
    SHORT_ANSWER = "short_answer"


class GenerationError(ValueError):
    """The text cannot give a quiz; the message is meant for the teacher."""


@dataclass(frozen=True)
class GenerationOptions:
    """How many questions of each kind to return, and the seed that makes output repeatable."""

    multiple_choice: int = DEFAULT_QUESTION_COUNT
    short_answer: int = 0
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("multiple_choice", "short_answer"):
            value = getattr(self, name)
            if not 0 <= value <= MAX_QUESTION_COUNT:
                raise GenerationError(
                    f"The number of {name.replace('_', '-')} questions must be between 0 and "
                    f"{MAX_QUESTION_COUNT}, not {value}."
                )
        if self.multiple_choice + self.short_answer == 0:
            raise GenerationError("Ask for at least one question.")

    @property
    def total(self) -> int:
        return self.multiple_choice + self.short_answer


@dataclass(frozen=True)
class QuestionDraft:
    """One generated question, traced to the sentence it was made from.

    `source_start`/`source_end` index the text exactly as it was passed to `generate`, so the
    caller can highlight the sentence in the stored article.
    """

    kind: QuestionKind
    prompt: str
    answer: str
    source_sentence: str
    source_start: int
    source_end: int
    answer_type: str = ""
    accepted_answers: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    difficulty: float = 0.5
    score: float = 0.0
    # The chance a strict teacher keeps the question unedited (`acceptance.py`).
    acceptance: float = 0.0
    explanation: str = field(default="")
    # "question" for a wh-question, "cloze" for a sentence with a gap where the answer was.
    stem_form: str = "question"
    # The finer kind behind `answer_type`: "country" or "city" where answer_type says "GPE".
    answer_kind: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": str(self.kind),
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted_answers": list(self.accepted_answers),
            "distractors": list(self.distractors),
            "answer_type": self.answer_type,
            "source_sentence": self.source_sentence,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "difficulty": self.difficulty,
            "score": self.score,
            "acceptance": self.acceptance,
            "explanation": self.explanation,
            "stem_form": self.stem_form,
            "answer_kind": self.answer_kind,
        }
