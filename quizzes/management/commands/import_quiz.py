"""Restore a quiz from a JSON backup (`export_quiz --format json`) as a new draft."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from quizzes import services
from quizzes.exceptions import QuizError
from quizzes.importing import MAX_IMPORT_BYTES
from quizzes.management.commands._options import teacher_or_demo


class Command(BaseCommand):
    help = (
        "Restore a quiz from this site's JSON backup for a teacher, as a new draft with a new "
        "join code, printed on the last line."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="A JSON file written by `export_quiz --format json`.")
        parser.add_argument(
            "--owner",
            default=services.DEMO_TEACHER_USERNAME,
            help=f"The teacher's user name (default: {services.DEMO_TEACHER_USERNAME}, "
            "created when missing).",
        )

    def handle(self, *args, **options) -> None:
        data = _read(Path(options["path"]))
        try:
            with transaction.atomic():
                owner, password = teacher_or_demo(options["owner"])
                quiz = services.quiz_import(owner=owner, data=data)
        except QuizError as error:
            raise CommandError(str(error)) from None
        # Said only now: a rejected file rolls the new teacher back too.
        if password is not None:
            self.stderr.write(f"Created teacher {owner.username!r} with password {password}")
        self.stdout.write(
            f"Quiz {quiz.pk} (draft, {quiz.questions.count()} questions) "
            f"for {owner.username}, join code:"
        )
        self.stdout.write(quiz.join_code)


def _read(path: Path) -> bytes:
    if not path.exists():
        raise CommandError(f"{path} does not exist.")
    if path.is_dir():
        raise CommandError(f"{path} is a folder, not a file.")
    try:
        with path.open("rb") as handle:
            # One byte over the limit is enough for the import to refuse it; no need for the rest.
            return handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
