"""Write a quiz as Moodle GIFT, Moodle XML, a QTI 2.1 package or this site's JSON backup."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.exports import FORMAT_LABELS, FORMATS, export_quiz
from quizzes.handouts import write_atomically
from quizzes.joincodes import normalise_join_code
from quizzes.models import Quiz
from quizzes.snapshots import quiz_snapshot


class Command(BaseCommand):
    help = "Write a quiz to a file another platform (Moodle, Canvas, …) or this site imports."

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help="The quiz's join code.")
        parser.add_argument(
            "--format",
            required=True,
            choices=FORMATS,
            help="; ".join(f"{name}: {label}" for name, label in FORMAT_LABELS.items()),
        )
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, **options) -> None:
        output = Path(options["output"])
        if output.is_dir():
            raise CommandError(f"{output} is a folder; give a file name.")
        code = normalise_join_code(options["code"])
        quiz = Quiz.objects.select_related("article").filter(join_code=code).first()
        if quiz is None:
            raise CommandError(f"There is no quiz with join code {options['code'].strip()}.")
        snapshot = quiz_snapshot(quiz=quiz)
        download = export_quiz(snapshot, options["format"])
        try:
            # Written beside the target and renamed over it: never a half-written file.
            write_atomically(output, download.data)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror or error}.") from None
        self.stdout.write(f"Wrote {output} ({len(snapshot.questions)} questions).")
