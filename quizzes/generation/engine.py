"""First cut: fill-in-the-blank questions on named entities, distractors of the same kind."""

from __future__ import annotations

import logging
import random

from quizzes.generation.nlp import get_nlp
from quizzes.generation.text import check_text, normalise
from quizzes.generation.types import (
    GenerationError,
    GenerationOptions,
    QuestionDraft,
    QuestionKind,
)

logger = logging.getLogger(__name__)

MAX_DISTRACTORS = 3
BLANK = "_____"
ASKABLE_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "DATE", "CARDINAL", "EVENT"})


def generate(text: str, options: GenerationOptions | None = None) -> list[QuestionDraft]:
    options = options or GenerationOptions()
    check_text(text)
    doc = get_nlp()(normalise(text))
    rng = random.Random(options.seed)
    by_label: dict[str, list[str]] = {}
    for ent in doc.ents:
        names = by_label.setdefault(ent.label_, [])
        if ent.text not in names:
            names.append(ent.text)

    drafts: list[QuestionDraft] = []
    asked: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in ASKABLE_LABELS or ent.text in asked:
            continue
        others = [name for name in by_label[ent.label_] if name != ent.text]
        if len(others) < MAX_DISTRACTORS:
            continue
        sent = ent.sent
        prompt = (
            sent.text[: ent.start_char - sent.start_char]
            + BLANK
            + sent.text[ent.end_char - sent.start_char :]
        ).strip()
        asked.add(ent.text)
        drafts.append(
            QuestionDraft(
                kind=QuestionKind.MULTIPLE_CHOICE,
                prompt=prompt,
                answer=ent.text,
                answer_type=ent.label_,
                accepted_answers=(ent.text,),
                distractors=tuple(rng.sample(others, MAX_DISTRACTORS)),
                source_sentence=sent.text,
                source_start=sent.start_char,
                source_end=sent.end_char,
            )
        )
        if len(drafts) == options.multiple_choice:
            break
    if not drafts:
        raise GenerationError("No facts to ask about were found in this text.")
    logger.info("generated %d questions", len(drafts))
    return drafts
