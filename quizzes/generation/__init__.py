"""Text in, questions out: a pure-Python engine with no Django imports."""

from quizzes.generation.engine import generate
from quizzes.generation.types import (
    MAX_WORDS,
    GenerationError,
    GenerationOptions,
    QuestionDraft,
    QuestionKind,
)

__all__ = [
    "MAX_WORDS",
    "GenerationError",
    "GenerationOptions",
    "QuestionDraft",
    "QuestionKind",
    "generate",
]
