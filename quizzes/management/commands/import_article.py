"""Store an article for a teacher, optionally generate and publish its quiz, print the join code."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from quizzes import services
from quizzes.exceptions import QuizError
from quizzes.management.commands._options import (
    add_generation_arguments,
    generation_options,
    read_article,
    teacher_or_demo,
)


class Command(BaseCommand):
    help = "Store a UTF-8 text file as an article; with --generate also make its quiz."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="A UTF-8 text file with the article.")
        parser.add_argument("--title", required=True, help="The article's title.")
        parser.add_argument(
            "--owner",
            default=services.DEMO_TEACHER_USERNAME,
            help=f"The teacher's user name (default: {services.DEMO_TEACHER_USERNAME}, "
            "created when missing).",
        )
        parser.add_argument("--source", default="", help="Where the text comes from.")
        parser.add_argument("--generate", action="store_true", help="Generate a draft quiz.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Generate and publish the quiz (implies --generate).",
        )
        add_generation_arguments(parser)

    def handle(self, *args, **options) -> None:
        text = read_article(options["path"])
        generation = generation_options(options)
        try:
            with transaction.atomic():
                owner, password = teacher_or_demo(options["owner"])
                article = services.article_create(
                    owner=owner, title=options["title"], text=text, source=options["source"]
                )
                quiz = None
                if options["generate"] or options["publish"]:
                    quiz = services.build_quiz(article, generation)
                    if options["publish"]:
                        services.quiz_publish(quiz=quiz)
        except QuizError as error:
            raise CommandError(str(error)) from None
        if password is not None:
            self.stderr.write(f"Created teacher {owner.username!r} with password {password}")
        self.stdout.write(
            f"Stored article {article.pk}: {article.title} ({article.word_count} words)"
        )
        if quiz is not None:
            self.stdout.write(
                f"Quiz {quiz.pk} ({quiz.get_status_display().lower()}, "
                f"{quiz.questions.count()} questions), join code:"
            )
            self.stdout.write(quiz.join_code)
