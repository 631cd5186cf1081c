"""Write a quiz's printable class set (student sheets, or with --answer-key their keys) to a PDF."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.handouts import (
    DEFAULT_PAGE_SIZE,
    MAX_VERSIONS,
    PAGE_SIZES,
    HandoutError,
    answer_keys_pdf,
    check_version_count,
    student_sheets_pdf,
    write_atomically,
)
from quizzes.joincodes import normalise_join_code
from quizzes.models import Quiz
from quizzes.snapshots import quiz_snapshot


class Command(BaseCommand):
    help = (
        "Write the student sheets of a quiz's class set to a PDF: N versions with shuffled "
        "questions and choices. With --answer-key, write the keys of the same versions instead."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help="The quiz's join code.")
        parser.add_argument("--output", required=True, help="The PDF file to write.")
        parser.add_argument(
            "--versions",
            type=int,
            default=1,
            help=f"How many versions, lettered A, B, … (1 to {MAX_VERSIONS}, default 1).",
        )
        parser.add_argument(
            "--answer-key",
            action="store_true",
            help="Write the answer keys of those versions instead of the student sheets.",
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="Same quiz and seed, same versions (default 0)."
        )
        parser.add_argument(
            "--duplex",
            action="store_true",
            help="Add a blank back page to versions with an odd page count, so each version "
            "starts on a new sheet when printed double-sided.",
        )
        parser.add_argument(
            "--page-size",
            choices=[name.lower() for name in PAGE_SIZES],
            default=DEFAULT_PAGE_SIZE.lower(),
            help=f"Paper size (default {DEFAULT_PAGE_SIZE.lower()}).",
        )

    def handle(self, *args, **options) -> None:
        output = Path(options["output"])
        _check_writable(output)
        try:
            check_version_count(options["versions"])
        except HandoutError as error:
            raise CommandError(str(error)) from None
        code = normalise_join_code(options["code"])
        quiz = Quiz.objects.select_related("article").filter(join_code=code).first()
        if quiz is None:
            raise CommandError(f"There is no quiz with join code {options['code'].strip()}.")
        build = answer_keys_pdf if options["answer_key"] else student_sheets_pdf
        try:
            handout = build(
                quiz_snapshot(quiz=quiz),
                versions=options["versions"],
                seed=options["seed"],
                page_size=options["page_size"],
                duplex=options["duplex"],
            )
            write_atomically(output, handout.data)
        except HandoutError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror or error}.") from None
        self.stdout.write(f"Wrote {output} ({handout.page_count} pages).")


def _check_writable(output: Path) -> None:
    """Refuse a path that cannot be written before spending time on the PDF."""
    folder = output.parent
    if output.is_dir():
        raise CommandError(f"{output} is a folder; give a file name, e.g. {output / 'quiz.pdf'}.")
    if not folder.exists():
        raise CommandError(f"The folder {folder} does not exist.")
    if not folder.is_dir():
        raise CommandError(f"{folder} is a file, not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CommandError(f"The folder {folder} is not writable.")
