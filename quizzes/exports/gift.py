"""Moodle's GIFT text format: one question per paragraph, its answers in braces.

    ::Q1 Where was Marie Curie born?::[plain]Where was Marie Curie born?{
        =Warsaw
        ~Paris
        ####Marie Curie was born in Warsaw in 1867.
    }

The texts are marked `[plain]` so Moodle shows them as typed: its default format would turn an
article's "<b>" into markup. Moodle gives the texts' format to the answers and the feedback too,
but reads a leading "[markdown]", "[html]" or "[moodle]" on any of them as a format of its own:
such a text gets a "[plain]" of its own first. The article comes first, as a description (a
text with no answers).

GIFT has no escape for "->", and Moodle reads a question whose answers hold "=" and "->" as
a matching question, so a short answer with "->" in it would stop the whole import. One such
answer is written without its "=" (Moodle gives it full marks all the same); where there are
others, it is left out, and a comment line above the question says so.
"""

from __future__ import annotations

import re

from quizzes.exports.common import (
    article_name,
    article_paragraphs,
    escape_shortanswer_wildcard,
    lines,
    question_name,
)
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
MATCHING_ARROW = "->"


def render(snapshot: QuizSnapshot) -> bytes:
    header = [
        _comment(f"{snapshot.title} ({snapshot.join_code}): {len(snapshot.questions)} questions"),
        _comment(f"Article: {snapshot.article_title}"),
    ]
    blocks = ["\n".join(header)]
    if article_paragraphs(snapshot):
        blocks.append(_article(snapshot))
    blocks += [_question(question) for question in snapshot.questions]
    # A blank line ends a question in GIFT, so the texts themselves never hold one.
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def escape(text: str) -> str:
    """Backslash every special character; line breaks become the two characters "\\n"."""
    escaped = "".join(f"\\{char}" if char in SPECIAL_CHARACTERS else char for char in text)
    return "\\n".join(lines(escaped))


def _comment(text: str) -> str:
    return "// " + " ".join(text.split())


def _article(snapshot: QuizSnapshot) -> str:
    """The article as a description, its paragraphs kept apart by escaped line breaks."""
    paragraphs = article_paragraphs(snapshot)
    if snapshot.article_title.strip():
        paragraphs.insert(0, snapshot.article_title.strip())
    text = escape("\n\n".join(paragraphs))
    return f"::{escape(article_name(snapshot))}::{TEXT_FORMAT}{text}"


def _question(question: QuestionSnapshot) -> str:
    notes: list[str] = []
    if question.is_multiple_choice:
        answers = [_choice(choice.text, right=choice.is_correct) for choice in question.choices]
    else:
        accepted = [a for a in question.accepted_answers if a.strip()]
        # Answers GIFT can hold beside others; failing those, the first answer on its own,
        # written without "=".
        kept = [a for a in accepted if MATCHING_ARROW not in a] or accepted[:1]
        mark = "" if kept and MATCHING_ARROW in kept[0] else RIGHT
        notes = [
            _comment(f"Accepted answer left out, as GIFT cannot hold it: {answer}")
            for answer in accepted
            if answer not in kept
        ]
        answers = [
            _answer(mark, escape_shortanswer_wildcard(answer), credit=FULL_CREDIT)
            for answer in kept
        ]
    if question.source_sentence.strip():
        answers.append(GENERAL_FEEDBACK + _own_format(escape(question.source_sentence.strip())))
    stem = f"::{escape(question_name(question))}::{TEXT_FORMAT}{escape(question.prompt.strip())}"
    body = "".join(f"\t{answer}\n" for answer in answers)
    return "".join(f"{note}\n" for note in notes) + f"{stem}{{\n{body}}}"


def _choice(text: str, *, right: bool) -> str:
    # Moodle takes a right answer's text as it is, weight-like or not.
    if right:
        return RIGHT + _own_format(escape(text.strip()))
    return _answer(WRONG, text, credit=NO_CREDIT)


def _answer(mark: str, text: str, *, credit: str) -> str:
    text = text.strip()
    weight = credit if _WEIGHT_LIKE_RE.match(text) or not mark else ""
    return f"{mark}{weight}{_own_format(escape(text))}"


def _own_format(text: str) -> str:
    """ "[plain]" before a text that starts with "[", which Moodle would read as its format."""
    return f"{TEXT_FORMAT}{text}" if text.startswith("[") else text
