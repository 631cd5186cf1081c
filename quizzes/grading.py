"""Scoring, as a pure function of a question's key and a student's answer: no database.

The same code grades the web page, a regrade after a teacher edits the accepted answers, and answers
typed in from a paper sheet, so a student gets the same mark whichever way the answer arrived.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz.distance import OSA

MULTIPLE_CHOICE = "multiple_choice"
SHORT_ANSWER = "short_answer"
PERSON = "PERSON"

# Typos are counted as edits where swapping two neighbouring letters is one edit (OSA distance).
# Typos forgiven, by the length of the normalised answer: a short word has no room for one
# (Iran/Iraq, Rome/Roma are different places).
TYPO_ALLOWANCE = ((6, 0), (11, 1), (17, 2))
LONG_ANSWER_TYPOS = 3
ARTICLES = frozenset({"the", "a", "an"})
# Words that join several guesses ("Trump or Putin", "Paris and/or Rome").
GUESS_JOINERS = frozenset({"or", "and", "either", "nor"})

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip

PUNCTUATION_RE = re.compile(r"[^\w\s]")
ABBREVIATION_RE = re.compile(r"\b(?:\w\.){2,}")
THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
ORDINAL_SUFFIX_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
DIGITS_RE = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class AnswerKey:
    """What grading needs to know of a question, copied out of the database by the caller."""

    kind: str
    points: Decimal = Decimal(1)
    correct_choice_ids: frozenset[int] = frozenset()
    accepted_answers: tuple[str, ...] = ()
    # Other answers the text makes plausible (the distractors): never accepted, even if close.
    rejected_answers: tuple[str, ...] = ()
    answer_type: str = ""


@dataclass(frozen=True)
class Answer:
    choice_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class Mark:
    correct: bool
    points: Decimal
    possible: Decimal = field(default=Decimal(1))


def grade(key: AnswerKey, answer: Answer) -> Mark:
    """A missing answer counts as wrong, so skipping never helps."""
    if key.kind == MULTIPLE_CHOICE:
        correct = answer.choice_id is not None and answer.choice_id in key.correct_choice_ids
    else:
        correct = short_answer_matches(
            answer.text,
            key.accepted_answers,
            rejected=key.rejected_answers,
            person=key.answer_type == PERSON,
        )
    return Mark(correct=correct, points=key.points if correct else Decimal(0), possible=key.points)


def short_answer_matches(
    given: str,
    accepted: Iterable[str],
    *,
    rejected: Iterable[str] = (),
    person: bool = False,
) -> bool:
    answer = normalise_answer(given)
    if not answer:
        return False
    rights = [right for right in map(normalise_answer, accepted) if right]
    if any(answer == right or _same_number_without_unit(answer, right) for right in rights):
        return True
    wrong = [normalise_answer(text) for text in rejected]
    if answer in wrong or GUESS_JOINERS & set(answer.split()):
        return False
    for right in rights:
        if person and _is_surname_of(answer, right, wrong):
            return True
        if _close_enough(answer, right) and _nearer_than_any(answer, right, wrong):
            return True
    return _misspelt_number_word(given, accepted, wrong)


def _misspelt_number_word(given: str, accepted: Iterable[str], wrong: list[str]) -> bool:
    """'fve days' for 'five days': a typo inside a number word, compared as words, is forgiven
    as long as the answer names no number of its own."""
    if DIGITS_RE.search(normalise_answer(given)):
        return False
    answer = normalise_answer(given, numbers=False)
    for text in accepted:
        right = normalise_answer(text, numbers=False)
        if right == normalise_answer(text) or not right:
            continue  # no number word in this answer: the rules above have decided
        distance = OSA.distance(answer, right)
        if distance <= _allowed_typos(len(right)) and all(
            distance < OSA.distance(answer, normalise_answer(w, numbers=False)) for w in wrong
        ):
            return True
    return False


def normalise_answer(text: str, *, numbers: bool = True) -> str:
    """Case, accents, punctuation, spacing, a leading article and number words do not count."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = ABBREVIATION_RE.sub(lambda match: match.group().replace(".", ""), text)
    text = THOUSANDS_RE.sub("", text)
    text = ORDINAL_SUFFIX_RE.sub(r"\1", text)
    text = PUNCTUATION_RE.sub(" ", text.replace("-", " "))
    words = text.split()
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(_numbers_to_digits(words) if numbers else words)


def _numbers_to_digits(words: list[str]) -> list[str]:
    """'twenty five hours' -> ['25', 'hours']; 'first' -> '1'. Non-number words pass through."""
    out: list[str] = []
    total = current = 0
    in_number = False
    for word in [*words, ""]:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES and in_number:
            scale = SCALES[word]
            if scale == 100:
                current *= scale
            else:
                total += current * scale
                current = 0
        elif word == "and" and in_number:
            continue
        else:
            if in_number:
                out.append(str(total + current))
                total = current = 0
                in_number = False
            if word:
                out.append(ORDINALS.get(word, word))
            continue
        in_number = True
    return out


def _same_number_without_unit(answer: str, right: str) -> bool:
    """'2' for '2 hours': the number is what was asked; the unit is in the question."""
    numbers = DIGITS_RE.findall(right)
    return len(numbers) == 1 and answer == numbers[0] and right.startswith(numbers[0])


def _is_surname_of(answer: str, right: str, wrong: list[str]) -> bool:
    names = right.split()
    if len(names) < 2 or answer != names[-1]:
        return False
    # "Curie" cannot stand for Marie Curie when Pierre Curie is another answer the text offers.
    return not any(other.split()[-1:] == [answer] for other in wrong)


def _close_enough(answer: str, right: str) -> bool:
    # A typo in a number is a different number: digits must agree exactly.
    if DIGITS_RE.findall(answer) != DIGITS_RE.findall(right):
        return False
    return OSA.distance(answer, right) <= _allowed_typos(len(right))


def _nearer_than_any(answer: str, right: str, wrong: list[str]) -> bool:
    """A typo that lands as near a wrong answer as the right one is not given the benefit."""
    distance = OSA.distance(answer, right)
    return all(distance < OSA.distance(answer, other) for other in wrong)


def _allowed_typos(length: int) -> int:
    for limit, typos in TYPO_ALLOWANCE:
        if length < limit:
            return typos
    return LONG_ANSWER_TYPOS
