"""A quiz read once from the database into plain, frozen data.

Handouts (PDF) and exports (GIFT, Moodle XML, QTI, JSON) read a `QuizSnapshot` rather than the
models, so they never query the database themselves, can be tested and benchmarked without one,
and always see one consistent state of the quiz even if a teacher edits it meanwhile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizzes.models import Question, Quiz

# The values of `Question.Kind`, repeated so the data classes import without Django set up.
MULTIPLE_CHOICE = "multiple_choice"
SHORT_ANSWER = "short_answer"
# `Question.difficulty`'s default: the middle of its 0..1 range.
DEFAULT_DIFFICULTY = 0.5

# One paragraph per line: the sample article and most pasted texts put each paragraph on its own
# line, and blank lines between paragraphs simply give empty lines, which are skipped. "\r\n" ends
# a line too ("\r" is stripped as whitespace), so the numbers match the quiz page's.
_LINE_RE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class ChoiceSnapshot:
    """One option of a multiple-choice question, in the quiz's own order."""

    text: str
    is_correct: bool


@dataclass(frozen=True)
class QuestionSnapshot:
    """One question as stored, with everything a printed or exported copy needs.

    `number` is the 1-based position in the quiz's order (gaps in `Question.order` closed up);
    handouts renumber shuffled versions by replacing it. `paragraph` is the 1-based number of the
    article paragraph that holds `source_start` (for a question without a span, the paragraph
    where `source_sentence` first occurs), or None when neither points into the article.
    `accepted_answers` lists every accepted wording, the main answer first; generated
    multiple-choice questions carry the right choice's text there too, hand-made ones may not.
    """

    number: int
    kind: str
    prompt: str
    points: int
    choices: tuple[ChoiceSnapshot, ...] = ()
    accepted_answers: tuple[str, ...] = ()
    source_sentence: str = ""
    source_start: int | None = None
    source_end: int | None = None
    paragraph: int | None = None
    explanation: str = ""
    answer_type: str = ""
    # The database id, so exports can name questions stably; None for snapshots built in memory.
    pk: int | None = None
    # The stored `Question.order` (None for snapshots built in memory), so a JSON backup restores
    # the teacher's own numbering rather than `number`'s closed-up one.
    order: int | None = None
    difficulty: float = DEFAULT_DIFFICULTY
    # Wordings never accepted for a short answer; kept so a JSON backup loses nothing.
    rejected_answers: tuple[str, ...] = ()

    @property
    def is_multiple_choice(self) -> bool:
        return self.kind == MULTIPLE_CHOICE

    @property
    def answer(self) -> str:
        """The answer a teacher reads first: the right choice, else the main accepted answer."""
        for choice in self.choices:
            if choice.is_correct:
                return choice.text
        return self.accepted_answers[0] if self.accepted_answers else ""


@dataclass(frozen=True)
class QuizSnapshot:
    """A quiz, its article and its questions in order; `paragraphs` are numbered from 1."""

    title: str
    join_code: str
    article_title: str
    article_source: str
    article_text: str
    paragraphs: tuple[str, ...]
    questions: tuple[QuestionSnapshot, ...]
    # The quiz's options, with the model's defaults, so a JSON backup restores them too.
    shuffle_questions: bool = False
    shuffle_choices: bool = True
    answers_shown: str = "after_close"
    attempts_allowed: int = 1
    generation_seed: int = 0

    @property
    def total_points(self) -> int:
        return sum(question.points for question in self.questions)


@dataclass(frozen=True)
class ParagraphSpan:
    """Where a paragraph sits in the article text: `text[start:end]` is the stripped paragraph."""

    start: int
    end: int


def paragraph_spans(text: str) -> tuple[ParagraphSpan, ...]:
    """Split on line breaks (single or blank), skipping lines that hold only whitespace.

    The paragraphs are the stripped lines, as the quiz page numbers them, so a student's paper and
    screen agree on "paragraph 4".
    """
    spans = []
    for match in _LINE_RE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append(ParagraphSpan(start=start, end=start + len(stripped)))
    return tuple(spans)


def split_paragraphs(text: str) -> tuple[str, ...]:
    return tuple(text[span.start : span.end] for span in paragraph_spans(text))


def paragraph_number(spans: tuple[ParagraphSpan, ...], position: int | None) -> int | None:
    """The 1-based paragraph holding `position`.

    A position on the whitespace between two paragraphs belongs to the next one, since a source
    span that starts there begins with that paragraph's first word.
    """
    if position is None or position < 0:
        return None
    for number, span in enumerate(spans, start=1):
        if position < span.end:
            return number
    return None


def quiz_snapshot(*, quiz: Quiz) -> QuizSnapshot:
    """Read the quiz, its article, questions, choices and accepted answers in three queries."""
    # Imported here so benchmarks and exports can use the data classes without Django set up.
    from quizzes.models import Question

    article = quiz.article
    text = article.text
    spans = paragraph_spans(text)
    questions = (
        Question.objects.filter(quiz=quiz)
        .order_by("order", "pk")
        .prefetch_related("choices", "accepted_answers")
    )
    return QuizSnapshot(
        title=quiz.title,
        join_code=quiz.join_code,
        article_title=article.title,
        article_source=article.source,
        article_text=article.text,
        paragraphs=tuple(article.text[span.start : span.end] for span in spans),
        questions=tuple(
            _question_snapshot(question, number=number, spans=spans, text=text)
            for number, question in enumerate(questions, start=1)
        ),
        shuffle_questions=quiz.shuffle_questions,
        shuffle_choices=quiz.shuffle_choices,
        answers_shown=quiz.answers_shown,
        attempts_allowed=quiz.attempts_allowed,
        generation_seed=quiz.generation_seed,
    )


def _source_position(question: Question, *, text: str) -> int | None:
    """The stored span's start, else where the source sentence first occurs in the article.

    Questions written by hand in the admin have a source sentence but no span; finding the
    sentence still lets the answer key point students' markers to the right paragraph.
    """
    if question.source_start is not None:
        return question.source_start
    if question.source_sentence.strip():
        found = text.find(question.source_sentence.strip())
        if found >= 0:
            return found
    return None


def _question_snapshot(
    question: Question, *, number: int, spans: tuple[ParagraphSpan, ...], text: str
) -> QuestionSnapshot:
    choices = ()
    if question.kind == MULTIPLE_CHOICE:
        choices = tuple(
            ChoiceSnapshot(text=choice.text, is_correct=choice.is_correct)
            for choice in question.choices.all()
        )
    return QuestionSnapshot(
        number=number,
        kind=question.kind,
        prompt=question.prompt,
        points=question.points,
        choices=choices,
        accepted_answers=tuple(answer.text for answer in question.accepted_answers.all()),
        source_sentence=question.source_sentence,
        source_start=question.source_start,
        source_end=question.source_end,
        paragraph=paragraph_number(spans, _source_position(question, text=text)),
        explanation=question.explanation,
        answer_type=question.answer_type,
        pk=question.pk,
        order=question.order,
        difficulty=question.difficulty,
        rejected_answers=tuple(question.rejected_answers or ()),
    )
