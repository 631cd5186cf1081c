"""Argument checks and input reading shared by the management commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import CommandError

from quizzes.exceptions import QuizError
from quizzes.generation.types import DEFAULT_QUESTION_COUNT, MAX_QUESTION_COUNT, GenerationOptions
from quizzes.textfiles import read_text_file


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {value}")
        return value

    return parse


def add_generation_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--count",
        type=bounded_int(1, MAX_QUESTION_COUNT),
        default=DEFAULT_QUESTION_COUNT,
        help=f"How many questions in all (default {DEFAULT_QUESTION_COUNT}).",
    )
    parser.add_argument(
        "--short-answer",
        type=bounded_int(0, MAX_QUESTION_COUNT),
        default=0,
        help="How many of them are short-answer questions (default 0).",
    )
    parser.add_argument("--seed", type=int, default=0, help="Same text and seed, same questions.")


def generation_options(options: dict) -> GenerationOptions:
    count, short = options["count"], options["short_answer"]
    if short > count:
        raise CommandError(f"--short-answer ({short}) cannot be more than --count ({count}).")
    return GenerationOptions(
        multiple_choice=count - short, short_answer=short, seed=options["seed"]
    )


def read_article(path: str) -> str:
    try:
        return read_text_file(Path(path))
    except QuizError as error:
        raise CommandError(str(error)) from None
