"""Helpers the exports share: question names, download file names and text XML can hold."""

from __future__ import annotations

import re

from django.utils.text import slugify

from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

# Long enough to tell questions apart in a platform's question bank, short enough to fit its list.
NAME_PROMPT_CHARS = 40
ELLIPSIS = "…"
# Control characters XML 1.0 cannot hold even escaped; text pasted from a PDF brings form feeds.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def question_name(question: QuestionSnapshot) -> str:
    """'Q3 Where did Marie Curie study…': numbered, so a question bank sorts in the quiz's order."""
    prompt = " ".join(question.prompt.split())
    if len(prompt) > NAME_PROMPT_CHARS:
        cut = prompt[:NAME_PROMPT_CHARS]
        # Cut at a word boundary unless the first word alone is longer than the limit.
        if " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        prompt = cut.rstrip(" ,;:.-") + ELLIPSIS
    return f"Q{question.number} {prompt}".rstrip()


def export_filename(snapshot: QuizSnapshot, *, extension: str) -> str:
    """E.g. "quiz-on-marie-curie-k7m2qx.moodle.xml"; the join code alone for a title slugify
    cannot spell in ASCII (a Cyrillic title), so the name is never empty."""
    parts = [part for part in (slugify(snapshot.title), snapshot.join_code.lower()) if part]
    return f"{'-'.join(parts) or 'quiz'}.{extension}"


def article_paragraphs(snapshot: QuizSnapshot) -> list[str]:
    """The article's paragraphs that hold text, stripped: what the exports carry before the
    questions (none for a quiz whose article is empty)."""
    return [paragraph.strip() for paragraph in snapshot.paragraphs if paragraph.strip()]


def article_name(snapshot: QuizSnapshot) -> str:
    """ "Article: <its title>" on one line, the article's name in a question bank."""
    name = f"Article: {snapshot.article_title}" if snapshot.article_title else "Article"
    return " ".join(name.split())


def lines(text: str) -> list[str]:
    """The text's lines, whatever the line ends ("\\r\\n" from Windows, "\\r" from old Macs)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def xml_text(text: str) -> str:
    """Drop the characters an XML file cannot hold, so the file always parses."""
    return _NOT_XML_RE.sub("", text)


def escape_shortanswer_wildcard(answer: str) -> str:
    """Moodle reads "*" in a short answer as "anything"; "\\*" is a real asterisk."""
    return answer.replace("*", "\\*")
