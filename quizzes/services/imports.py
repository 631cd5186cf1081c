"""Writes of a restored quiz: a backup file (read and checked by `quizzes.importing`) stored as a
new draft for a teacher.

The writes happen in one transaction, so a bad file stores nothing. The restored quiz is always a
new draft with a new join code: the old code may still belong to the original quiz, and a teacher
reviews before publishing. For the same reason it gets its own random seed. A file whose right
answers crowd some letters (written by hand, say, with every answer first) has them spread evenly,
wrong choices keeping their order; a file that already spreads them keeps its order exactly.
"""

from __future__ import annotations

import logging
import random

from django.contrib.auth.models import AbstractUser
from django.db import transaction

from quizzes.choiceorder import is_spread_evenly, place_right, spread_right_letters
from quizzes.exceptions import ArticleInvalid
from quizzes.importing import ImportRejected, QuestionRows, read_quiz_file
from quizzes.models import AcceptedAnswer, Choice, Quiz
from quizzes.services.articles import article_create
from quizzes.services.quizzes import quiz_save_with_join_code

logger = logging.getLogger(__name__)


def quiz_import(*, owner: AbstractUser, data: bytes) -> Quiz:
    """Store the file's article, quiz and questions for `owner`; raise ImportRejected if any
    part of the file is wrong, naming the part."""
    rows = read_quiz_file(data)
    with transaction.atomic():
        try:
            # The article service applies the site's limits (words, empty text) and saves.
            article = article_create(
                owner=owner,
                title=rows.article.title,
                text=rows.article.text,
                source=rows.article.source,
            )
        except ArticleInvalid as error:
            raise ImportRejected(f"The article: {error}") from None
        quiz = rows.quiz
        quiz.article, quiz.owner = article, owner
        quiz_save_with_join_code(quiz)
        _spread_right_answers(rows.questions, rng=random.Random(quiz.generation_seed))
        for item in rows.questions:
            item.question.quiz = quiz
            item.question.save()
            for choice in item.choices:
                choice.question = item.question
            for answer in item.answers:
                answer.question = item.question
            Choice.objects.bulk_create(item.choices)
            AcceptedAnswer.objects.bulk_create(item.answers)
    logger.info("quiz %s imported for %s: %d questions", quiz.pk, owner.pk, len(rows.questions))
    return quiz


def _spread_right_answers(questions: list[QuestionRows], *, rng: random.Random) -> None:
    sizes = [len(item.choices) for item in questions]
    current = [
        next((n for n, choice in enumerate(item.choices) if choice.is_correct), None)
        for item in questions
    ]
    if is_spread_evenly(sizes, current):
        return
    for item, right, at in zip(questions, current, spread_right_letters(sizes, rng), strict=True):
        if right is None or at is None:
            continue
        printed = place_right(len(item.choices), right=right, at=at)
        item.choices[:] = [item.choices[index] for index in printed]
        for position, choice in enumerate(item.choices, start=1):
            choice.order = position
