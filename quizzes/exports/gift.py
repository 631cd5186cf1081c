"""Moodle's GIFT text format: one question per paragraph, its answers in braces.

    ::Q1 Where was Marie Curie born?::[plain]Where was Marie Curie born?{
        =Warsaw
        ~Paris
        ####Marie Curie was born in Warsaw in 1867.
    }

The texts are marked `[plain]` so Moodle shows them as typed: its default format would turn an
article's "<b>" into markup. Moodle gives the texts' format to the answers and the feedback too.
"""

from __future__ import annotations

import re

from quizzes.exports.common import escape_shortanswer_wildcard, lines, question_name
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

CONTENT_TYPE = "text/plain; charset=utf-8"
EXTENSION = "gift.txt"

# Every character GIFT gives a meaning to; a backslash before one makes it plain text.
SPECIAL_CHARACTERS = frozenset("\\~=#{}:")
TEXT_FORMAT = "[plain]"
RIGHT, WRONG = "=", "~"
GENERAL_FEEDBACK = "####"
# Moodle reads an answer that starts like "%50%" as a partial-credit weight; giving the weight
# explicitly first keeps such an answer text.
_WEIGHT_LIKE_RE = re.compile(r"^%-*[0-9]{1,2}\.?[0-9]*%")
FULL_CREDIT, NO_CREDIT = "%100%", "%0%"


def render(snapshot: QuizSnapshot) -> bytes:
    header = [
        _comment(f"{snapshot.title} ({snapshot.join_code}): {len(snapshot.questions)} questions"),
        _comment(f"Article: {snapshot.article_title}"),
    ]
    blocks = ["\n".join(header), *(_question(question) for question in snapshot.questions)]
    # A blank line ends a question in GIFT, so the texts themselves never hold one.
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def escape(text: str) -> str:
    """Backslash every special character; line breaks become the two characters "\\n"."""
    escaped = "".join(f"\\{char}" if char in SPECIAL_CHARACTERS else char for char in text)
    return "\\n".join(lines(escaped))


def _comment(text: str) -> str:
    return "// " + " ".join(text.split())


def _question(question: QuestionSnapshot) -> str:
    if question.is_multiple_choice:
        answers = [_choice(choice.text, right=choice.is_correct) for choice in question.choices]
    else:
        answers = [
            _answer(RIGHT, escape_shortanswer_wildcard(answer), credit=FULL_CREDIT)
            for answer in question.accepted_answers
        ]
    if question.source_sentence.strip():
        answers.append(GENERAL_FEEDBACK + escape(question.source_sentence.strip()))
    stem = f"::{escape(question_name(question))}::{TEXT_FORMAT}{escape(question.prompt.strip())}"
    body = "".join(f"\t{answer}\n" for answer in answers)
    return f"{stem}{{\n{body}}}"


def _choice(text: str, *, right: bool) -> str:
    # Moodle takes a right answer's text as it is, weight-like or not.
    if right:
        return RIGHT + escape(text.strip())
    return _answer(WRONG, text, credit=NO_CREDIT)


def _answer(mark: str, text: str, *, credit: str) -> str:
    text = text.strip()
    weight = credit if _WEIGHT_LIKE_RE.match(text) else ""
    return f"{mark}{weight}{escape(text)}"
