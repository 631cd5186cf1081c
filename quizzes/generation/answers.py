"""The forms of an answer a short-answer question should accept."""

from __future__ import annotations

import re

from quizzes.generation.entities import QUANTITY_AFTER_A, Entity
from quizzes.generation.kinds import NUMERIC_KINDS, AnswerKind
from quizzes.generation.numbers import number_variants

LEADING_ARTICLE_RE = re.compile(rf"^(?:the|an?(?!\s+(?:{QUANTITY_AFTER_A})\b))\s+", re.I)


def strip_article(text: str) -> str:
    return LEADING_ARTICLE_RE.sub("", text)


def accepted_answers(answer: str, *, kind: AnswerKind, entity: Entity | None) -> tuple[str, ...]:
    """The answer first, then aliases, surnames, digits or words, with or without "the"."""
    forms = [answer]
    if entity is not None:
        forms.extend(sorted(entity.aliases, key=lambda alias: (-len(alias), alias)))
        if kind == AnswerKind.PERSON and " " in entity.name:
            forms.append(entity.name.split()[-1])
    if kind in NUMERIC_KINDS or kind == AnswerKind.DURATION:
        forms.extend(number_variants(answer))
    if kind == AnswerKind.NATIONALITY and answer.endswith("s") and not answer.startswith("the "):
        forms.append(f"the {answer}")  # a people: "the Moors" is as right as "Moors".
    if kind == AnswerKind.FULL_DATE:
        forms.append(answer.replace(",", ""))
    with_articles = []
    for form in forms:
        bare = strip_article(form)
        with_articles.extend([form, bare])
    unique: dict[str, str] = {}
    for form in with_articles:
        unique.setdefault(form.casefold(), form)
    return tuple(unique.values())
