"""Scoring candidates and choosing a varied, non-overlapping best few."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from quizzes.generation.candidates import Candidate
from quizzes.generation.kinds import NUMERIC_KINDS, TIME_KINDS, AnswerKind
from quizzes.generation.reading import Reading
from quizzes.generation.stems import StemForm

# How much a teacher cares to test each kind of fact; names, places, dates and counts lead.
KIND_WEIGHT = {
    AnswerKind.PERSON: 1.0,
    AnswerKind.ORGANISATION: 0.9,
    AnswerKind.COUNTRY: 0.9,
    AnswerKind.US_STATE: 0.9,
    AnswerKind.CITY: 0.9,
    AnswerKind.CONTINENT: 0.8,
    AnswerKind.PLACE: 0.85,
    AnswerKind.FACILITY: 0.85,
    AnswerKind.EVENT: 0.8,
    AnswerKind.WORK: 0.8,
    AnswerKind.YEAR: 0.95,
    AnswerKind.FULL_DATE: 0.95,
    AnswerKind.MONTH_YEAR: 0.85,
    AnswerKind.WEEKDAY: 0.75,
    AnswerKind.CENTURY: 0.85,
    AnswerKind.DURATION: 0.7,
    AnswerKind.NUMBER: 0.9,
    AnswerKind.MONEY: 0.9,
    AnswerKind.PERCENT: 0.9,
    AnswerKind.QUANTITY: 0.85,
    AnswerKind.NATIONALITY: 0.45,
    AnswerKind.ORDINAL: 0.5,
    AnswerKind.THING: 0.6,
}
FORM_WEIGHT = {StemForm.QUESTION: 1.0, StemForm.CLOZE: 0.55}
WEIGHT_KIND = 0.35
WEIGHT_SENTENCE = 0.2
WEIGHT_SALIENCE = 0.15
WEIGHT_FORM = 0.3
# A stem that leans on "it" or "they" is still a question, but a worse one.
UNRESOLVED_PRONOUN_FACTOR = 0.55
COMFORTABLE_WORDS = 18
LONG_STEM_PENALTY = 0.012
NAME_IN_STEM_PENALTY = 0.02
FREE_NAMES_IN_STEM = 2
# Mentions at which an answer counts as central to the article.
SALIENT_MENTIONS = 4
THING_SALIENCE = 0.5
# Opening sentences carry the article's main facts in most non-fiction.
LEDE_SENTENCES = 2
LEDE_BONUS = 0.05
TOPIC_MIN_MENTIONS = 3
TOPIC_SHARE = 0.3
TOPIC_FACTOR = 0.7
# Each other answer a stem names costs this much: choosing it rules that answer out.
BLOCKING_PENALTY = 0.04
STOP = frozenset({"the", "a", "an", "of", "in", "and"})
# Prompts this similar (token-set ratio) ask the same thing.
NEAR_DUPLICATE = 85
MIN_SCORE = 0.1
# Only the best this many candidates compete, which bounds the pairwise conflict check.
SELECTION_POOL = 150
# How much the questions a candidate would rule out count against it.
BLOCK_WEIGHT = 0.2
MAX_PER_SENTENCE = 3
# One question per answer: two questions with one answer test one thing twice.
MAX_USES = 1
# What a second question on one sentence costs against its score.
SAME_SENTENCE_COST = 0.25
# How far apart two questions' sentences may be for one stem to give away the other's answer.
GIVE_AWAY_SENTENCES = 1
PATTERN_CACHE = 4096
# A capitalised word right next to a match makes the match part of a longer name.
NAME_WORD_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]*[ -]$")
NAME_WORD_AFTER_RE = re.compile(r"[ -](?:[A-Z][\w'’.-]*|\d+)\b")
# "a population of 1,345,596 in 2010": the count is the fact, the year only dates it.
DATED_COUNT_FACTOR = 0.8
# A stem that shows a name by its kind ("the city") tells the student a little less.
ALTERNATIVE_COST = 0.05
# A lean stem leaves out circumstances a student might have used: a little more.
LEAN_COST = 0.08


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float


def score_candidates(reading: Reading, candidates: Iterable[Candidate]) -> list[Ranked]:
    """Best first; ties broken by position in the article so the order is stable."""
    sentence_weight = _sentence_weights(reading)
    candidates = list(candidates)
    topics = _topic_keys(reading, candidates)
    heads = Counter(_head_word(c.answer) for c in candidates)
    counted = {reading.sentence_of[m.start] for m in reading.mentions if m.kind in NUMERIC_KINDS}
    ranked = [
        Ranked(
            c,
            round(
                _score(c, sentence_weight=sentence_weight, is_topic=c.key in topics)
                * (DATED_COUNT_FACTOR if c.kind in TIME_KINDS and c.sentence in counted else 1.0)
                - BLOCKING_PENALTY * _blocked_answers(c, heads),
                4,
            ),
        )
        for c in candidates
    ]
    ranked.sort(key=lambda r: (-r.score, r.candidate.sentence, r.candidate.answer))
    return ranked


def _head_word(answer: str) -> str:
    words = answer.casefold().split()
    return words[0] if words else ""


def _blocked_answers(candidate: Candidate, heads: Counter[str]) -> int:
    """Roughly how many other answers this stem would give away, and so rule out."""
    own = _head_word(candidate.answer)
    words = {w.strip(".,;:?!’'\"“”").casefold() for w in candidate.stem.prompt.split()}
    return sum(1 for word in words if word != own and heads.get(word, 0) and word not in STOP)


def _topic_keys(reading: Reading, candidates: list[Candidate]) -> set[str]:
    """What the whole article is about: asking for it is trivial, and it fills other stems."""
    texts = [sent.text.casefold() for sent in reading.sentences]
    topics = set()
    for key in {c.key for c in candidates}:
        found = sum(key in text for text in texts)
        if found >= TOPIC_MIN_MENTIONS and found / len(texts) >= TOPIC_SHARE:
            topics.add(key)
    return topics


def _score(candidate: Candidate, *, sentence_weight: list[float], is_topic: bool) -> float:
    salience = min(1.0, math.log1p(candidate.answer_count) / math.log1p(SALIENT_MENTIONS))
    if candidate.kind == AnswerKind.THING:
        salience *= THING_SALIENCE
    score = (
        WEIGHT_KIND * KIND_WEIGHT[candidate.kind]
        + WEIGHT_SENTENCE * sentence_weight[candidate.sentence]
        + WEIGHT_SALIENCE * salience
        + WEIGHT_FORM * FORM_WEIGHT[candidate.stem.form]
    )
    words = candidate.stem.prompt.split()
    score -= LONG_STEM_PENALTY * max(0, len(words) - COMFORTABLE_WORDS)
    # Every name in a stem gives away an answer that no other question can then ask for.
    names = sum(word[:1].isupper() for word in words[1:])
    score -= NAME_IN_STEM_PENALTY * max(0, names - FREE_NAMES_IN_STEM)
    if candidate.sentence < LEDE_SENTENCES:
        score += LEDE_BONUS
    if not candidate.stem.self_contained:
        score *= UNRESOLVED_PRONOUN_FACTOR
    if is_topic:
        score *= TOPIC_FACTOR
    return round(score, 4)


def _sentence_weights(reading: Reading) -> list[float]:
    """A sentence matters when its nouns recur across the article."""
    counts: Counter[str] = reading.term_counts
    weights = []
    for sent in reading.sentences:
        terms = [t.lower_ for t in sent if t.pos_ in ("NOUN", "PROPN") and not t.is_stop]
        weight = sum(math.log1p(counts[term]) for term in terms) / math.sqrt(len(terms) or 1)
        weights.append(weight)
    top = max(weights, default=0.0) or 1.0
    return [weight / top for weight in weights]


def select(
    ranked: list[Ranked],
    *,
    wanted: int,
    accept: Callable[[Ranked], bool],
    chosen: list[Ranked],
    accept_chosen: Callable[[Ranked], bool] | None = None,
    bonus: Callable[[Ranked, list[Ranked]], float] | None = None,
) -> list[Ranked]:
    """Greedy selection of a varied quiz: one question per fact, spread over sentences.

    Each step takes the candidate worth most once its costs are counted: the questions it
    would rule out (its answer in their stems or theirs in its stem) and a second question
    on its sentence; no answer is asked twice. `chosen` holds questions already
    picked (of another kind) that new ones must not overlap. A stem that would give away
    another answer is swapped for its plainer alternative ("the city") where one exists;
    a question in `chosen` is swapped in place, and only if `accept_chosen` allows it.
    `bonus` adds to a candidate's worth given the questions picked so far.
    """
    # Below MIN_SCORE a question is one a teacher would delete: better fewer than that.
    pool = [item for item in ranked[:SELECTION_POOL] if item.score >= MIN_SCORE]
    blocks = _conflicts(pool)

    def swappable(position: int, replacement: Ranked) -> bool:
        if position >= len(chosen):
            return True
        return accept_chosen is not None and accept_chosen(replacement)

    def grow(picked: list[Ranked], used: list[int], banned: int | None = None) -> None:
        while len(picked) < wanted:
            taken = [*chosen, *picked]
            fits: dict[int, tuple[Ranked, dict[int, Ranked]]] = {}
            for index, item in enumerate(pool):
                if index in used or index == banned:
                    continue
                fit = _fit(item, taken=taken, accept=accept, swappable=swappable)
                if fit is not None:
                    fits[index] = fit
            if not fits:
                return
            alive = set(fits)
            sentences = Counter(item.candidate.sentence for item in taken)
            best = max(
                fits,
                key=lambda index: (
                    _worth(
                        pool,
                        index,
                        blocked=blocks[index] & alive,
                        sentences=sentences,
                    )
                    + (bonus(fits[index][0], picked) if bonus is not None else 0.0),
                    -index,
                ),
            )
            version, swaps = fits[best]
            for position, replacement in swaps.items():
                if position < len(chosen):
                    chosen[position] = replacement
                else:
                    picked[position - len(chosen)] = replacement
            picked.append(version)
            used.append(best)

    picked: list[Ranked] = []
    used: list[int] = []
    grow(picked, used)
    if chosen:
        return picked
    # A quiz short of questions tries each pick the other way round: without it, would two
    # others fit where it stood? The weakest picks are tried first.
    improved = True
    while improved and len(picked) < wanted:
        improved = False
        for position in sorted(range(len(picked)), key=lambda i: picked[i].score):
            trial = [item for i, item in enumerate(picked) if i != position]
            trial_used = [index for i, index in enumerate(used) if i != position]
            grow(trial, trial_used, banned=used[position])
            if len(trial) > len(picked) and _total(trial) > _total(picked):
                picked, used, improved = trial, trial_used, True
                break
    return picked


def _fit(
    item: Ranked,
    *,
    taken: list[Ranked],
    accept: Callable[[Ranked], bool],
    swappable: Callable[[int, Ranked], bool],
) -> tuple[Ranked, dict[int, Ranked]] | None:
    """The version of `item` that can join the quiz, and the taken stems it makes plainer."""
    for version in _versions(item):
        if _repeats(version, taken):
            continue
        swaps = _swaps_for(version, taken, swappable=swappable)
        if swaps is None or not accept(version):
            continue
        return version, swaps
    return None


def _versions(item: Ranked) -> list[Ranked]:
    """The question as ranked, then its plainer and its leaner stems, each costing a little."""
    candidate = item.candidate
    versions = [item]
    for stem, cost in ((candidate.alternative, ALTERNATIVE_COST), (candidate.lean, LEAN_COST)):
        if stem is not None:
            other = replace(candidate, stem=stem, alternative=None, lean=None)
            versions.append(Ranked(other, round(item.score - cost, 4)))
    return versions


def _repeats(version: Ranked, taken: list[Ranked]) -> bool:
    """Whether the version repeats a taken fact, crowds its sentence or names a taken answer.

    Taken stems that name the version's answer are left to `_swaps_for`, which may make
    them plainer.
    """
    candidate = version.candidate
    same_sentence = sum(other.candidate.sentence == candidate.sentence for other in taken)
    if same_sentence >= MAX_PER_SENTENCE or _uses(candidate, taken) >= MAX_USES:
        return True
    for other in taken:
        previous = other.candidate
        if (
            previous.answer.casefold() == candidate.answer.casefold()
            and previous.key != candidate.key
        ) or (previous.key == candidate.key and previous.sentence == candidate.sentence):
            # The same fact asked twice, once in its plainer version, is still one fact.
            return True
        if _near(previous, candidate) and _mentions_any(candidate.stem.prompt, previous.accepted):
            return True
        if _same_fact(previous, candidate):
            return True
    return False


def _swaps_for(
    version: Ranked, taken: list[Ranked], *, swappable: Callable[[int, Ranked], bool]
) -> dict[int, Ranked] | None:
    """Taken questions whose stems name the new answer, in their plainer version; None if
    one of them has no plainer version that keeps every answer secret."""
    swaps: dict[int, Ranked] = {}
    for position, other in enumerate(taken):
        if not _near(other.candidate, version.candidate) or not _mentions_any(
            other.candidate.stem.prompt, version.candidate.accepted
        ):
            continue
        rest = [p for i, p in enumerate(taken) if i != position] + [version]
        replacement = next(
            (
                plainer
                for plainer in _versions(other)[1:]
                if not any(
                    _near(other.candidate, p.candidate)
                    and _mentions_any(plainer.candidate.stem.prompt, p.candidate.accepted)
                    for p in rest
                )
            ),
            None,
        )
        if replacement is None or not swappable(position, replacement):
            return None
        swaps[position] = replacement
    return swaps


def _worth(
    pool: list[Ranked],
    index: int,
    *,
    blocked: set[int],
    sentences: Counter[int],
) -> float:
    candidate = pool[index].candidate
    return (
        pool[index].score
        - BLOCK_WEIGHT * _loss(pool, blocked)
        - SAME_SENTENCE_COST * sentences[candidate.sentence]
    )


def _loss(pool: list[Ranked], blocked: set[int]) -> float:
    """What the ruled-out questions were worth: the best question for each lost answer."""
    best: dict[str, float] = {}
    for index in blocked:
        item = pool[index]
        best[item.candidate.key] = max(best.get(item.candidate.key, 0.0), item.score)
    return sum(best.values())


def _near(first: Candidate, second: Candidate) -> bool:
    """Whether one question's stem can give away the other's answer: only when both come
    from the same sentence or the next, where a name in one stem states the other's fact.
    "Russia" in "Russia has attempted to prolong peace talks" says nothing about which city
    refused a ceasefire four sentences before."""
    return abs(first.sentence - second.sentence) <= GIVE_AWAY_SENTENCES


def _conflicts(pool: list[Ranked]) -> list[set[int]]:
    """For each candidate, the others it cannot share a quiz with (answers in every stem)."""
    prompts = [[stem.prompt for stem in item.candidate.stems] for item in pool]
    patterns = [_answer_pattern(item.candidate.accepted) for item in pool]
    blocks: list[set[int]] = [set() for _ in pool]
    for i, pattern in enumerate(patterns):
        if pattern is None:
            continue
        for j, stems in enumerate(prompts):
            if (
                i != j
                and _near(pool[i].candidate, pool[j].candidate)
                and all(_names(pattern, prompt) for prompt in stems)
            ):
                blocks[i].add(j)
                blocks[j].add(i)
    return blocks


@functools.lru_cache(maxsize=PATTERN_CACHE)
def _answer_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    usable = sorted({re.escape(form) for form in forms if len(form) > 1}, key=len)
    if not usable:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(reversed(usable))})(?!\w)", re.IGNORECASE)


def _names(pattern: re.Pattern[str], prompt: str) -> bool:
    """Whether the prompt names the answer, not just shares a word with a longer name.

    "Palace" inside "the Krasiński Palace Garden" or 50 inside "Super Bowl 50" belongs to
    another name and gives nothing away.
    """
    for match in pattern.finditer(prompt):
        before = NAME_WORD_BEFORE_RE.search(prompt, 0, match.start())
        after = NAME_WORD_AFTER_RE.match(prompt, match.end())
        inside_before = before is not None and before.start() > 0
        if not inside_before and after is None:
            return True
    return False


def _same_fact(first: Candidate, second: Candidate) -> bool:
    """Near-identical stems ask one fact twice only when they share an answer.

    "The Broncos finished the season with a _____" and the Panthers' twin ask two facts, as
    do two questions on one sentence that keep each other's answers secret.
    """
    if first.key != second.key:
        return False
    return _near_duplicate(first.stem.prompt, second.stem.prompt)


def _near_duplicate(first: str, second: str) -> bool:
    return fuzz.token_set_ratio(first.casefold(), second.casefold()) >= NEAR_DUPLICATE


def _uses(candidate: Candidate, chosen: list[Ranked]) -> int:
    return sum(other.candidate.key == candidate.key for other in chosen)


def _mentions_any(prompt: str, forms: tuple[str, ...]) -> bool:
    pattern = _answer_pattern(forms)
    return pattern is not None and _names(pattern, prompt)


def _total(picked: list[Ranked]) -> float:
    return sum(item.score for item in picked)
