import random

from quizzes.generation import GenerationOptions, QuestionDraft, generate, run
from quizzes.generation.candidates import build_candidates
from quizzes.generation.distractors import choose_distractors
from quizzes.generation.engine import _distractor_context
from quizzes.generation.reading import read


def questions(text: str, *, count: int = 20, short: int = 0, seed: int = 0) -> list[QuestionDraft]:
    return generate(text, GenerationOptions(multiple_choice=count, short_answer=short, seed=seed))


def every_draft(text: str, *, count: int = 10, short: int = 0) -> list[QuestionDraft]:
    """The drafts for `text`, none left out for a low acceptance estimate."""
    options = GenerationOptions(multiple_choice=count, short_answer=short)
    return run(text, options, floor=0.0).drafts


def near(first: QuestionDraft, second: QuestionDraft, text: str) -> bool:
    """Whether the two questions come from the same sentence of `text` or adjacent ones, the
    only ones where one stem can give away the other's answer."""
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]

    def sentence(draft: QuestionDraft) -> int:
        return sum(start <= draft.source_start for start in starts)

    return abs(sentence(first) - sentence(second)) <= 1


def by_answer(drafts: list[QuestionDraft], answer: str) -> QuestionDraft:
    return next(draft for draft in drafts if draft.answer == answer)


def distractors_for(text: str, answer: str, *, seed: int = 0) -> tuple[str, ...]:
    reading = read(text)
    candidate = next(c for c in build_candidates(reading) if c.answer == answer)
    return choose_distractors(
        answer=candidate.answer,
        kind=candidate.kind,
        accepted=candidate.accepted,
        stem=candidate.stem.prompt,
        excluded_keys=candidate.excluded_keys,
        source=candidate.sentence,
        context=_distractor_context(reading),
        rng=random.Random(seed),
    )
