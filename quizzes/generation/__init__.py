"""Text in, questions out: a pure-Python engine with no Django imports.

The engine, and spaCy with it, is imported on first use: a web process that only needs the
types or the word count starts a second faster and does not load spaCy until a teacher
generates.
"""

from typing import TYPE_CHECKING

from quizzes.generation.types import (
    MAX_WORDS,
    GenerationError,
    GenerationOptions,
    QuestionDraft,
    QuestionKind,
)

if TYPE_CHECKING:
    from quizzes.generation.engine import Generation, generate, run

_FROM_ENGINE = frozenset({"Generation", "generate", "run"})


def __getattr__(name: str):
    if name in _FROM_ENGINE:
        from quizzes.generation import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
