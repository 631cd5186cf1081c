"""Make the demo ready for `make run`: a teacher account and the sample article's published quiz."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes import services
from quizzes.exceptions import QuizError
from quizzes.textfiles import read_text_file

SAMPLE_ARTICLE = Path(__file__).resolve().parents[2] / "fixtures" / "sample_article.txt"
SAMPLE_TITLE = "Trump and Putin talk trade, not a ceasefire"
PASSWORD_ENV = "DEMO_TEACHER_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo teacher and load the sample article with a published quiz. "
        "Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, **options) -> None:
        password = os.environ.get(PASSWORD_ENV) or services.generate_password()
        try:
            account = services.teacher_ensure(
                username=services.DEMO_TEACHER_USERNAME, password=password
            )
            quiz = services.demo_quiz_ensure(
                owner=account.user, title=SAMPLE_TITLE, text=read_text_file(SAMPLE_ARTICLE)
            )
        except QuizError as error:
            raise CommandError(str(error)) from None
        base = options["base_url"].rstrip("/")
        self.stdout.write("")
        self.stdout.write(f"Teacher sign-in:  {base}/admin/")
        self.stdout.write(f"  user name:      {account.user.username}")
        if PASSWORD_ENV in os.environ:
            self.stdout.write(f"  password:       (from ${PASSWORD_ENV})")
        else:
            self.stdout.write(
                f"  password:       {password}   (new on every run; set ${PASSWORD_ENV} to fix it)"
            )
        self.stdout.write(f"Student join page: {base}/")
        self.stdout.write(
            f"  join code:      {quiz.join_code}  ({quiz.questions.count()} questions)"
        )
        self.stdout.write(f"  direct link:    {base}/q/{quiz.join_code}/")
        self.stdout.write("")
