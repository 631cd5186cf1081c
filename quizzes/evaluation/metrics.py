"""Scores for generated questions against passages with questions written by people.

These checks are written independently of the generator's own filters, so a bug in a filter
shows up here instead of being measured by the same code that caused it.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from quizzes.generation import QuestionDraft, QuestionKind

# A people's question counts as asked when a generated answer overlaps one of its answers this
# much, by SQuAD's token F1.
RECALL_F1 = 0.5
# Above this similarity a distractor is a spelling of the answer.
CONFLICT_SIMILARITY = 85
ARTICLES_RE = re.compile(r"\b(a|an|the)\b")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
WORD_RE = re.compile(r"\w+")
BLANK = "_____"
MIN_CONTENT_LENGTH = 4


@dataclass(frozen=True)
class PassageScore:
    passage_id: str
    produced: int
    people_questions: int
    recalled: int
    answers_in_text: int
    distractors: int
    conflicts: tuple[str, ...]


def squad_normalise(text: str) -> str:
    """Lower case, no punctuation, no articles, single spaces: SQuAD's answer normalisation."""
    text = text.translate(QUOTES).lower()
    text = "".join(char for char in text if char not in string.punctuation)
    text = ARTICLES_RE.sub(" ", text)
    return " ".join(text.split())


def token_f1(prediction: str, truth: str) -> float:
    predicted = squad_normalise(prediction).split()
    expected = squad_normalise(truth).split()
    common = Counter(predicted) & Counter(expected)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision = same / len(predicted)
    recall = same / len(expected)
    return 2 * precision * recall / (precision + recall)


def is_recalled(answers: Iterable[str], generated: Iterable[str]) -> bool:
    generated = list(generated)
    return any(token_f1(g, truth) >= RECALL_F1 for truth in answers for g in generated)


def plain(text: str) -> str:
    return " ".join(text.translate(QUOTES).casefold().split())


def in_text(answer: str, passage: str) -> bool:
    return plain(answer) in plain(passage)


def distractor_conflicts(draft: QuestionDraft, passage: str) -> list[str]:
    """Why each distractor of a multiple-choice draft could be a right answer, if it could."""
    problems = []
    rights = [draft.answer, *draft.accepted_answers]
    seen: set[str] = set()
    for distractor in draft.distractors:
        key = squad_normalise(distractor)
        if key in seen:
            problems.append(f"duplicate choice {distractor!r}")
        seen.add(key)
        for right in rights:
            other = squad_normalise(right)
            key_words, other_words = set(key.split()), set(other.split())
            if key_words and other_words and (key_words <= other_words or other_words <= key_words):
                problems.append(f"{distractor!r} overlaps answer {right!r}")
                break
            has_digits = any(char.isdigit() for char in key + other)
            # "February 2, 2016" is a different date from "February 7, 2016", not a misspelling.
            if not has_digits and fuzz.ratio(key, other) >= CONFLICT_SIMILARITY:
                problems.append(f"{distractor!r} is a spelling of {right!r}")
                break
        if _text_makes_true(draft, distractor, passage):
            problems.append(f"the text also supports {distractor!r}")
    if draft.kind == QuestionKind.MULTIPLE_CHOICE and len(draft.distractors) != 3:
        problems.append(f"{len(draft.distractors)} distractors instead of 3")
    return problems


def _text_makes_true(draft: QuestionDraft, distractor: str, passage: str) -> bool:
    if BLANK in draft.prompt:
        filled = plain(draft.prompt.replace(BLANK, distractor)).rstrip(".")
        return filled in plain(passage)
    stem_words = _content(draft.prompt)
    if not stem_words:
        return False
    for sentence in SENTENCE_RE.split(passage):
        if sentence.strip() == draft.source_sentence.strip():
            continue
        if plain(distractor) in plain(sentence) and stem_words <= _content(sentence):
            return True
    return False


def _content(text: str) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(text) if len(w) >= MIN_CONTENT_LENGTH}


def score_passage(
    *, passage_id: str, text: str, questions: list[dict], drafts: list[QuestionDraft]
) -> PassageScore:
    generated = [draft.answer for draft in drafts]
    recalled = sum(is_recalled(q["answers"], generated) for q in questions)
    conflicts = tuple(
        f"{draft.prompt} -> {problem}"
        for draft in drafts
        if draft.kind == QuestionKind.MULTIPLE_CHOICE
        for problem in distractor_conflicts(draft, text)
    )
    return PassageScore(
        passage_id=passage_id,
        produced=len(drafts),
        people_questions=len(questions),
        recalled=recalled,
        answers_in_text=sum(in_text(answer, text) for answer in generated),
        distractors=sum(len(draft.distractors) for draft in drafts),
        conflicts=conflicts,
    )
