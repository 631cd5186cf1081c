"""The JSON backup: everything needed to restore the quiz here, versioned.

`quizzes.importing` reads it back. Change `FORMAT_VERSION` when a field changes meaning or a
required one is added, so an older site refuses a file it would misread instead of guessing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

CONTENT_TYPE = "application/json"
EXTENSION = "json"

FORMAT_NAME = "quizsite-quiz"
# 2: the yes/no "show_answers" became "answers_shown" (never / after_submit / after_close).
FORMAT_VERSION = 2
# Version 1 files are still read: their "show_answers" maps as the database migration mapped it.
READABLE_VERSIONS = (1, FORMAT_VERSION)
INDENT = 2


def render(snapshot: QuizSnapshot, *, exported_at: datetime | None = None) -> bytes:
    document = quiz_document(snapshot, exported_at=exported_at or datetime.now(tz=UTC))
    # Non-ASCII text stays readable in the file; JSON is UTF-8 by definition.
    return (json.dumps(document, ensure_ascii=False, indent=INDENT) + "\n").encode("utf-8")


def quiz_document(snapshot: QuizSnapshot, *, exported_at: datetime) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": exported_at.isoformat(),
        "quiz": {
            "title": snapshot.title,
            "shuffle_questions": snapshot.shuffle_questions,
            "shuffle_choices": snapshot.shuffle_choices,
            "answers_shown": snapshot.answers_shown,
            "attempts_allowed": snapshot.attempts_allowed,
            "generation_seed": snapshot.generation_seed,
        },
        "article": {
            "title": snapshot.article_title,
            "source": snapshot.article_source,
            "text": snapshot.article_text,
        },
        "questions": [_question(question) for question in snapshot.questions],
    }


def _question(question: QuestionSnapshot) -> dict:
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "points": question.points,
        "order": question.number if question.order is None else question.order,
        "source_sentence": question.source_sentence,
        "source_start": question.source_start,
        "source_end": question.source_end,
        "answer_type": question.answer_type,
        "difficulty": question.difficulty,
        "explanation": question.explanation,
        "rejected_answers": list(question.rejected_answers),
        "choices": [
            {"text": choice.text, "is_correct": choice.is_correct} for choice in question.choices
        ],
        "accepted_answers": list(question.accepted_answers),
    }
