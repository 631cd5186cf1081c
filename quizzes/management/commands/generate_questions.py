"""Print the questions the generator makes from a text file; the database is not touched."""

from __future__ import annotations

import json
import string

from django.core.management.base import BaseCommand, CommandError

from quizzes.generation import Generation, GenerationError, QuestionDraft, QuestionKind, run
from quizzes.generation.rules import RULES
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
        parser.add_argument(
            "--title",
            default="",
            help="The article's title: no question asks for what the title already names.",
        )
        parser.add_argument("--json", action="store_true", help="Print a JSON list of questions.")
        parser.add_argument(
            "--explain",
            action="store_true",
            help="After the questions, list every dropped candidate and the rule that dropped it.",
        )

    def handle(self, *args, **options) -> None:
        text = read_article(options["path"])
        try:
            generation = run(text, generation_options(options), title=options["title"])
        except GenerationError as error:
            raise CommandError(str(error)) from None
        drafts = generation.drafts
        if options["json"]:
            self.stdout.write(
                json.dumps([draft.to_dict() for draft in drafts], ensure_ascii=False, indent=2)
            )
            return
        for number, draft in enumerate(drafts, start=1):
            self.stdout.write(format_draft(number, draft))
        if generation.shortfall:
            self.stdout.write(generation.shortfall + "\n")
        if options["explain"]:
            self.stdout.write(format_vetoes(generation))


def format_vetoes(generation: Generation) -> str:
    """Each dropped candidate, by sentence: the answer it had and the rule that dropped it."""
    lines = [f"Dropped candidates ({len(generation.vetoes)}), by sentence:"]
    for veto in sorted(generation.vetoes, key=lambda v: (v.sentence, v.rule, v.answer)):
        lines.append(
            f"  sentence {veto.sentence + 1:>3}  {veto.rule:30} {veto.answer!r}: "
            f"{RULES[veto.rule].protects}"
        )
    return "\n".join(lines) + "\n"


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
