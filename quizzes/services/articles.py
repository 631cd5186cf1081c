"""Writes of articles: a teacher's text stored with its word count, within the site's limits."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractUser

from quizzes.exceptions import ArticleInvalid
from quizzes.generation.text import count_words
from quizzes.generation.types import MAX_WORDS
from quizzes.models import Article

logger = logging.getLogger(__name__)


def check_article_text(text: str) -> int:
    """The text's word count, or ArticleInvalid with what to do about it."""
    if not text.strip():
        raise ArticleInvalid("The text is empty: paste or upload an article first.")
    words = count_words(text)
    if words > MAX_WORDS:
        raise ArticleInvalid(
            f"The text has {words:,} words; the limit is {MAX_WORDS:,}. "
            "Split it into shorter parts."
        )
    return words


def article_create(*, owner: AbstractUser, title: str, text: str, source: str = "") -> Article:
    article = Article(owner=owner, title=title.strip(), text=text, source=source.strip())
    return article_save(article=article)


def article_save(*, article: Article) -> Article:
    """Store a new or edited article with its word count; the teacher's text is kept as typed."""
    article.title = article.title.strip()
    if not article.title:
        raise ArticleInvalid("Give the article a title.")
    article.word_count = check_article_text(article.text)
    created = article.pk is None
    article.full_clean()
    article.save()
    logger.info(
        "article %s %s by %s (%d words)",
        article.pk,
        "created" if created else "saved",
        article.owner_id,
        article.word_count,
    )
    return article
