"""Argument checks and input reading shared by the management commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.management.base import CommandError

from quizzes import services
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


def teacher_or_demo(username: str) -> tuple[AbstractUser, str | None]:
    """The teacher, and the generated password when the demo teacher had to be created."""
    user_model = get_user_model()
    try:
        return user_model.objects.get(username=username), None
    except user_model.DoesNotExist:
        if username != services.DEMO_TEACHER_USERNAME:
            raise CommandError(
                f"There is no user {username!r}. Create one with "
                f"`python manage.py createteacher {username}`."
            ) from None
    password = services.generate_password()
    account = services.teacher_ensure(username=username, password=password)
    return account.user, password
