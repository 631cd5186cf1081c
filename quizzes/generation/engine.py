"""From article text to ranked question drafts, in stages with plain data between them:

read (`reading.read`) → candidates (`candidates.find_candidates`) → rank
(`ranking.score_candidates`) → choices (`distractors.choose_distractors`) → select
(`ranking.select`) → drafts. `run` returns the drafts with every veto the rules recorded
(`rules.py`); `generate` returns the drafts alone.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from quizzes.generation.acceptance import Question, estimate
from quizzes.generation.candidates import Candidate, find_candidates
from quizzes.generation.distractors import (
    DISTRACTOR_COUNT,
    DistractorContext,
    choose_distractors,
    class_nouns,
    content_words,
)
from quizzes.generation.kinds import (
    ANSWER_LABEL,
    MULTIPLE_CHOICE_KINDS,
    NUMERIC_KINDS,
    TIME_KINDS,
    AnswerKind,
)
from quizzes.generation.numbers import years_in
from quizzes.generation.places import country_codes
from quizzes.generation.ranking import MIN_SCORE, Ranked, score_candidates, select
from quizzes.generation.reading import Reading, read
from quizzes.generation.rules import Veto
from quizzes.generation.stems import StemForm, settle_article, typed_prompt
from quizzes.generation.text import check_text
from quizzes.generation.types import (
    MAX_QUESTION_COUNT,
    GenerationError,
    GenerationOptions,
    QuestionDraft,
    QuestionKind,
)

logger = logging.getLogger(__name__)

MIN_FACT_SENTENCES = 2
# How many questions ranking offers for each one asked, for the estimate to order.
POOL_FACTOR = 2
# Below this estimate a strict teacher deletes the question about four times in five.
MIN_ACCEPTANCE = 0.18
NO_FACTS = (
    "No facts to ask about were found in this text: it needs names, places, dates or numbers "
    "stated in plain sentences."
)
# Difficulty starts from how hard the kind of fact is to recall and moves with the choices.
BASE_DIFFICULTY = 0.45
NUMERIC_DIFFICULTY = 0.15
CLOZE_EASIER = 0.05
SHORT_ANSWER_HARDER = 0.15
ARTICLE_DISTRACTORS_HARDER = 0.1
FREQUENT_ANSWER_EASIER = 0.1
FREQUENT_MENTIONS = 3
# While multiple-choice places are open, a fact that has choices is worth this much more.
MULTIPLE_CHOICE_PREFERENCE = 0.4


@dataclass(frozen=True)
class Generation:
    """What one run made: the drafts, best first, and why every other candidate was dropped.

    `vetoes` holds one entry per dropped candidate (and one per question that lost its
    choices); `candidates` counts the candidates that reached ranking.
    """

    drafts: list[QuestionDraft]
    vetoes: tuple[Veto, ...]
    candidates: int
    asked: int

    @property
    def shortfall(self) -> str:
        """A note for the teacher when the text gave fewer questions than were asked for."""
        if len(self.drafts) >= self.asked:
            return ""
        return (
            f"This text supports {len(self.drafts)} good questions, not {self.asked}: the "
            "generator leaves out questions a teacher would delete rather than pad the quiz."
        )


def generate(
    text: str, options: GenerationOptions | None = None, *, title: str = ""
) -> list[QuestionDraft]:
    """Up to `options.multiple_choice` + `options.short_answer` drafts, best first."""
    return run(text, options, title=title).drafts


def run(
    text: str,
    options: GenerationOptions | None = None,
    *,
    floor: float = MIN_ACCEPTANCE,
    title: str = "",
) -> Generation:
    """The drafts and the vetoes behind them; see the module's docstring for the stages.

    `floor` is the least acceptance estimate a question may have to be kept
    (`acceptance.py`); 0 keeps every question the ranking picked. `title` is the article's
    title, which the student sees: no question asks for what it already names."""
    options = options or GenerationOptions()
    check_text(text)
    reading = read(text)
    fact_sentences = sum(reading.askable)
    if len(reading.sentences) < MIN_FACT_SENTENCES or fact_sentences == 0:
        raise GenerationError(
            "The text needs at least two sentences stating facts (names, places, dates or "
            "numbers) to make a quiz."
        )
    found, vetoes = find_candidates(reading, title=title)
    ranked = score_candidates(reading, found)
    if not ranked:
        raise GenerationError(NO_FACTS)
    context = _distractor_context(reading)

    @cache
    def distractors_for(item: Ranked) -> tuple[str, ...]:
        candidate = item.candidate
        if candidate.kind not in MULTIPLE_CHOICE_KINDS:
            return ()
        # Each question draws from its own stream, so one question's choices never depend on
        # which other questions were considered before it.
        local = random.Random(f"{options.seed}:{candidate.sentence}:{candidate.key}")
        return _choices(candidate, context=context, rng=local)

    # One pass over every candidate: the best facts win whichever kind they end up as,
    # and a short-answer fact is never shut out by a multiple-choice stem chosen first.
    # A wider pool than asked for, ordered then by how likely a teacher is to keep each.
    pool = min(MAX_QUESTION_COUNT, options.total * POOL_FACTOR)
    picked = select(
        ranked,
        wanted=pool,
        accept=lambda item: True,
        chosen=[],
        bonus=lambda item, picked: (
            MULTIPLE_CHOICE_PREFERENCE
            if distractors_for(item)
            and sum(bool(distractors_for(other)) for other in picked) < options.multiple_choice
            else 0.0
        ),
    )
    chance = {
        id(item): estimate(
            Question(
                kind=item.candidate.kind,
                cloze=item.candidate.stem.form == StemForm.CLOZE,
                multiple_choice=bool(options.multiple_choice and distractors_for(item)),
                prompt=_prompt(item, distractors_for(item) if options.multiple_choice else ()),
                answer=item.candidate.answer,
                score=item.score,
            )
        )
        for item in picked
    }
    picked, same = _without_same_questions(picked)
    vetoes.extend(
        Veto("stem.same_question", item.candidate.sentence, item.candidate.answer) for item in same
    )
    likely = sorted(picked, key=lambda item: -chance[id(item)])
    unlikely = [item for item in likely if chance[id(item)] < floor]
    vetoes.extend(
        Veto("select.unlikely_kept", item.candidate.sentence, item.candidate.answer)
        for item in unlikely
    )
    likely = [item for item in likely if chance[id(item)] >= floor]
    # The multiple-choice questions asked for come first from those with choices, the best
    # of them by the estimate; the rest of the quiz is the best of what is left.
    multiple_first = [item for item in likely if distractors_for(item)][: options.multiple_choice]
    others = [item for item in likely if item not in multiple_first]
    room = options.total - len(multiple_first)
    picked = sorted([*multiple_first, *others[:room]], key=lambda item: -chance[id(item)])
    spare = others[room:]
    vetoes.extend(
        Veto("select.outranked", item.candidate.sentence, item.candidate.answer) for item in spare
    )
    multiple, short = _assign_kinds(
        picked, wanted_multiple=options.multiple_choice, has_choices=distractors_for
    )
    vetoes.extend(
        _unpicked(ranked, [*picked, *spare, *unlikely], short=len(picked) < options.total)
    )
    vetoes.extend(
        Veto("choices.too_few_rivals", item.candidate.sentence, item.candidate.answer)
        for item in short
        if item.candidate.kind in MULTIPLE_CHOICE_KINDS and not distractors_for(item)
    )
    drafts = [
        _draft(
            item,
            reading=reading,
            text=text,
            distractors=distractors_for(item),
            kind=kind,
            acceptance=chance[id(item)],
        )
        for items, kind in (
            (multiple, QuestionKind.MULTIPLE_CHOICE),
            (short, QuestionKind.SHORT_ANSWER),
        )
        for item in items
    ]
    if not drafts:
        raise GenerationError(NO_FACTS)
    drafts.sort(key=lambda draft: (-draft.acceptance, -draft.score))
    logger.info("generated %d questions from %d candidates", len(drafts), len(ranked))
    return Generation(
        drafts=drafts, vetoes=tuple(vetoes), candidates=len(ranked), asked=options.total
    )


def _without_same_questions(picked: list[Ranked]) -> tuple[list[Ranked], list[Ranked]]:
    """ "In what year did excavations begin at Herculaneum?" for 1738 and for 1748 (the second
    stem lost "at Pompeii" with a circumstance): one question with two answers is wrong once,
    and which one cannot be told, so neither is asked. (kept, dropped)"""
    answers: dict[str, set[str]] = {}
    for item in picked:
        answers.setdefault(item.candidate.stem.prompt.casefold(), set()).add(item.candidate.answer)
    same = {prompt for prompt, given in answers.items() if len(given) > 1}
    dropped = [item for item in picked if item.candidate.stem.prompt.casefold() in same]
    return [item for item in picked if item not in dropped], dropped


def _choices(
    candidate: Candidate, *, context: DistractorContext, rng: random.Random
) -> tuple[str, ...]:
    """The candidate's wrong choices, drawn from `rng`."""
    return choose_distractors(
        answer=candidate.answer,
        kind=candidate.kind,
        accepted=candidate.accepted,
        stem=candidate.stem.prompt,
        excluded_keys=candidate.excluded_keys,
        source=candidate.sentence,
        context=context,
        rng=rng,
    )


def _unpicked(ranked: list[Ranked], picked: list[Ranked], *, short: bool) -> list[Veto]:
    """One veto per fact (sentence and answer) that ranking left out of the quiz; `short`
    when the quiz has fewer questions than asked, so what was left out did not fit."""
    taken = {(item.candidate.sentence, item.candidate.key) for item in picked}
    seen: set[tuple[int, str]] = set()
    found = []
    for item in ranked:
        fact = (item.candidate.sentence, item.candidate.key)
        if fact in taken or fact in seen:
            continue
        seen.add(fact)
        if item.score < MIN_SCORE:
            rule = "select.low_score"
        elif short:
            rule = "select.overlaps"
        else:
            rule = "select.outranked"
        found.append(Veto(rule, item.candidate.sentence, item.candidate.answer))
    return found


def _assign_kinds(
    picked: list[Ranked], *, wanted_multiple: int, has_choices: Callable[[Ranked], object]
) -> tuple[list[Ranked], list[Ranked]]:
    """The best questions that have choices become multiple-choice, the rest short-answer.

    A text with too few rivals for choices still holds facts: the quiz keeps its length
    with short-answer questions in place of the missing multiple-choice ones.
    """
    multiple: list[Ranked] = []
    short: list[Ranked] = []
    for item in picked:
        if len(multiple) < wanted_multiple and has_choices(item):
            multiple.append(item)
        else:
            short.append(item)
    return multiple, short


def _distractor_context(reading: Reading) -> DistractorContext:
    sentences_of: dict[str, set[int]] = {}
    for mention in reading.mentions:
        sentences_of.setdefault(mention.key, set()).add(reading.sentence_of[mention.start])
    return DistractorContext(
        entities=reading.entities,
        sentences_of={key: frozenset(value) for key, value in sentences_of.items()},
        sentence_words=tuple(content_words(sent.text) for sent in reading.sentences),
        classes=class_nouns(reading),
        pronouns=reading.pronouns,
        countries=country_codes(
            [
                e.name
                for e in reading.entities.values()
                if e.kind in (AnswerKind.COUNTRY, AnswerKind.PLACE)
            ]
        ),
        sentence_numbers=tuple(
            tuple(m.text for m in reading.mentions_in(index) if m.kind in NUMERIC_KINDS)
            for index in range(len(reading.sentences))
        ),
        years=tuple(years_in(reading.doc.text)),
    )


def _prompt(item: Ranked, distractors: tuple[str, ...]) -> str:
    """The stem as the student reads it: "a(n) _____" settled where every choice agrees, and
    for a typed answer as the text had it ("lift a _____" reads as English; with nothing to
    choose from, it points to no choice)."""
    if not distractors:
        return typed_prompt(item.candidate.stem)
    return settle_article(item.candidate.stem.prompt, [item.candidate.answer, *distractors])


def _draft(
    item: Ranked,
    *,
    reading: Reading,
    text: str,
    distractors: tuple[str, ...],
    kind: QuestionKind,
    acceptance: float,
) -> QuestionDraft:
    candidate = item.candidate
    sent = reading.sentences[candidate.sentence]
    stripped = sent.text.rstrip()
    start, end = reading.clean.original_span(sent.start_char, sent.start_char + len(stripped))
    return QuestionDraft(
        kind=kind,
        prompt=_prompt(item, distractors if kind == QuestionKind.MULTIPLE_CHOICE else ()),
        answer=candidate.answer,
        source_sentence=text[start:end],
        source_start=start,
        source_end=end,
        answer_type=ANSWER_LABEL[candidate.kind],
        answer_kind=str(candidate.kind),
        accepted_answers=candidate.accepted,
        distractors=distractors if kind == QuestionKind.MULTIPLE_CHOICE else (),
        difficulty=_difficulty(candidate, kind=kind, distractors=distractors, reading=reading),
        score=item.score,
        acceptance=round(acceptance, 3),
        explanation=f"The article says: {text[start:end]}",
        stem_form=str(candidate.stem.form),
    )


def _difficulty(
    candidate: Candidate, *, kind: QuestionKind, distractors: tuple[str, ...], reading: Reading
) -> float:
    """A rough 0..1 estimate: numbers and dates are harder to recall than names."""
    difficulty = BASE_DIFFICULTY
    if candidate.kind in NUMERIC_KINDS or candidate.kind in TIME_KINDS:
        difficulty += NUMERIC_DIFFICULTY
    if candidate.stem.form == "cloze":
        difficulty -= CLOZE_EASIER
    if kind == QuestionKind.SHORT_ANSWER:
        difficulty += SHORT_ANSWER_HARDER
    names = {entity.name for entity in reading.entities.values()}
    if distractors and all(choice in names for choice in distractors):
        difficulty += ARTICLE_DISTRACTORS_HARDER
    if candidate.answer_count >= FREQUENT_MENTIONS and candidate.kind != AnswerKind.THING:
        difficulty -= FREQUENT_ANSWER_EASIER
    return round(min(1.0, max(0.0, difficulty)), 2)


# Draws tried for other wrong choices: each is one shuffle of the answer's rivals, and the
# article and the bank rarely hold more rivals than a few draws bring up.
REDRAWS = 8


def other_distractors(
    text: str,
    *,
    answer: str,
    source_start: int | None,
    prompt: str,
    current: tuple[str, ...],
    seed: int,
) -> tuple[str, ...]:
    """Three wrong choices for the question asking `answer` from the sentence at
    `source_start`, as few of them among `current` as the article allows.

    The answer is looked up among the generator's own candidates (the same stem first), so
    the choices are chosen, and checked for being wrong, exactly as a fresh quiz's would be.
    Raises GenerationError when the generator offers no choice besides `current`.
    """
    reading = read(text)
    found, _ = find_candidates(reading)
    matching = [c for c in found if answer.casefold() in _casefolded(c.answer, *c.accepted)]
    if not matching:
        raise GenerationError(
            f"The generator does not ask for “{answer}” in this article, so it has no wrong "
            "choices to offer: type them in."
        )
    at_source = [c for c in matching if _sentence_start(reading, c) == source_start]
    same_stem = [c for c in at_source or matching if c.stem.prompt == prompt]
    candidate = (same_stem or at_source or matching)[0]
    if candidate.kind not in MULTIPLE_CHOICE_KINDS:
        raise GenerationError(
            f"“{answer}” is a kind of answer the generator asks only as a short answer."
        )
    context = _distractor_context(reading)
    offered: list[str] = []
    for draw in range(REDRAWS):
        rng = random.Random(f"{seed}:{draw}:{candidate.sentence}:{candidate.key}")
        for choice in _choices(candidate, context=context, rng=rng):
            if choice not in offered:
                offered.append(choice)
    taken = _casefolded(*current)
    fresh = [choice for choice in offered if choice.casefold() not in taken]
    if not fresh:
        raise GenerationError(
            f"The article offers no other wrong choices for “{answer}” than the ones it has."
        )
    # Too few new rivals: keep the current ones the generator would choose too.
    kept = [choice for choice in offered if choice.casefold() in taken]
    return tuple((fresh + kept)[:DISTRACTOR_COUNT])


def _casefolded(*texts: str) -> frozenset[str]:
    return frozenset(text.casefold() for text in texts)


def _sentence_start(reading: Reading, candidate: Candidate) -> int:
    sent = reading.sentences[candidate.sentence]
    start, _ = reading.clean.original_span(sent.start_char, sent.end_char)
    return start
