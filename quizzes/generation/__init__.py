"""Text in, questions out: a pure-Python engine with no Django imports."""

from quizzes.generation.engine import Generation, generate, run
from quizzes.generation.types import (
    MAX_WORDS,
    GenerationError,
    GenerationOptions,
    QuestionDraft,
    QuestionKind,
)

__all__ = [
    "MAX_WORDS",
    "Generation",
    "GenerationError",
    "GenerationOptions",
    "QuestionDraft",
    "QuestionKind",
    "generate",
    "run",
]
