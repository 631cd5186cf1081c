"""Print the questions the generator makes from a text file; the database is not touched."""

from __future__ import annotations

import json
import string

from django.core.management.base import BaseCommand, CommandError

from quizzes.generation import GenerationError, QuestionDraft, QuestionKind, generate
from quizzes.management.commands._options import (
    add_generation_arguments,
    generation_options,
    read_article,
)


class Command(BaseCommand):
    help = "Generate quiz questions from a UTF-8 text file and print them (text or --json)."
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="A UTF-8 text file with the article.")
        add_generation_arguments(parser)
        parser.add_argument("--json", action="store_true", help="Print a JSON list of questions.")

    def handle(self, *args, **options) -> None:
        text = read_article(options["path"])
        try:
            drafts = generate(text, generation_options(options))
        except GenerationError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(
                json.dumps([draft.to_dict() for draft in drafts], ensure_ascii=False, indent=2)
            )
            return
        for number, draft in enumerate(drafts, start=1):
            self.stdout.write(format_draft(number, draft))


def format_draft(number: int, draft: QuestionDraft) -> str:
    lines = [f"{number}. {draft.prompt}"]
    if draft.kind == QuestionKind.MULTIPLE_CHOICE:
        choices = sorted([draft.answer, *draft.distractors], key=str.casefold)
        for letter, choice in zip(string.ascii_uppercase, choices, strict=False):
            mark = "*" if choice == draft.answer else " "
            lines.append(f"   {mark} {letter}) {choice}")
    else:
        lines.append(f"   Accepted: {' | '.join(draft.accepted_answers or (draft.answer,))}")
    lines.append(f"   Source: {draft.source_sentence}")
    return "\n".join(lines) + "\n"
