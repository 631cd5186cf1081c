"""Scoring, as a pure function of a question's key and a student's answer: no database.

The same code grades the web page, a regrade after a teacher edits the accepted answers, and answers
typed in from a paper sheet, so a student gets the same mark whichever way the answer arrived.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Context, Decimal

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
# "8.7m", "2bn", "45k": read as the scale word only where the key itself uses that word, since
# "8.7m" is as often 8.7 metres.
SCALE_ABBREVIATIONS = {"m": "million", "mn": "million", "bn": "billion", "k": "thousand"}
SCALE_ABBREVIATION_RE = re.compile(rf"(?<=\d) ?({'|'.join(SCALE_ABBREVIATIONS)})\b", re.IGNORECASE)
# "eight point seven": the digits spoken after the point.
DECIMAL_POINT_WORD = "point"
ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip

# Punctuation, except a decimal point between digits ("8.7" is one number, not 8 and 7).
PUNCTUATION_RE = re.compile(r"(?!(?<=\d)\.(?=\d))[^\w\s]")
ABBREVIATION_RE = re.compile(r"\b(?:[^\W\d]\.){2,}")
# Digit grouping: "8,700,000" and "8 700 000" (a space, or after NFKD a thin or no-break space).
THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
SPACED_THOUSANDS_RE = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")
ORDINAL_SUFFIX_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
# "8.7m", "10km": a unit written against its number is the same as one after a space.
GLUED_UNIT_RE = re.compile(r"(?<=\d)(?=[^\W\d_])")
DIGITS_RE = re.compile(r"\d+(?:\.\d+)?")
# A longer run of digits is compared as written, digit by digit, never rounded.
MAX_NUMBER_DIGITS = 30
NUMBER_RE = re.compile(rf"(?=[\d.]{{1,{MAX_NUMBER_DIGITS}}}$)\d+(?:\.\d+)?")
# Enough digits that a number of MAX_NUMBER_DIGITS times a billion is exact.
EXACT = Context(prec=MAX_NUMBER_DIGITS * 2)
# Words after a number in its source sentence that are no unit of it ("8.7 million of the …").
NOT_UNITS = frozenset(
    {*ARTICLES, *GUESS_JOINERS, "of", "in", "on", "at", "to", "by", "for", "from", "with", "as",
     "than", "is", "are", "was", "were", "be", "been", "has", "have", "had", "this", "that",
     "which", "who", "it", "its", "their", "his", "her", "each", "per", "every"}
)  # fmt: skip
# A unit is at most this many words after the number ("square kilometres").
MAX_UNIT_WORDS = 2


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
    # The sentence the answer comes from: it names the unit of a bare number ("8.7 million"
    # liters), so "8.7 million liters" is as right as "8.7 million".
    source_sentence: str = ""


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
            source_sentence=key.source_sentence,
        )
    return Mark(correct=correct, points=key.points if correct else Decimal(0), possible=key.points)


def short_answer_matches(
    given: str,
    accepted: Iterable[str],
    *,
    rejected: Iterable[str] = (),
    person: bool = False,
    source_sentence: str = "",
) -> bool:
    accepted = tuple(accepted)
    answer = normalise_answer(_expand_scale_abbreviations(given, accepted))
    if not answer:
        return False
    rights = [right for right in map(normalise_answer, accepted) if right]
    wrong = [normalise_answer(text) for text in rejected]
    rights += [
        form for form in _with_units(rights, normalise_answer(source_sentence)) if form not in wrong
    ]
    if any(answer == right or _same_number_without_unit(answer, right) for right in rights):
        return True
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


def _expand_scale_abbreviations(given: str, accepted: tuple[str, ...]) -> str:
    """ "8.7m" -> "8.7 million" when an accepted answer says "million"."""
    words = set(normalise_answer(" ".join(accepted), numbers=False).split())

    def expand(match: re.Match[str]) -> str:
        scale = SCALE_ABBREVIATIONS[match.group(1).casefold()]
        return f" {scale}" if scale in words else match.group()

    return SCALE_ABBREVIATION_RE.sub(expand, given)


def _with_units(rights: list[str], sentence: str) -> list[str]:
    """ "8700000 liters" where the sentence says "8.7 million liters" and the key "8.7 million".

    Only a key that is a bare number gets its unit this way; a key with words of its own
    already says what it accepts.
    """
    if not sentence:
        return []
    words = sentence.split()
    forms = []
    for right in rights:
        if not NUMBER_RE.fullmatch(right):
            continue
        for start in (i for i, word in enumerate(words) if word == right):
            unit: list[str] = []
            for word in words[start + 1 : start + 1 + MAX_UNIT_WORDS]:
                if word in NOT_UNITS or DIGITS_RE.search(word):
                    break
                unit.append(word)
                forms.append(" ".join([right, *unit]))
    return [form for form in dict.fromkeys(forms) if form not in rights]


def normalise_answer(text: str, *, numbers: bool = True) -> str:
    """Case, accents, punctuation, spacing, a leading article and number words do not count;
    a number is written once, in plain digits: "8.7 million", "8,700,000" and "8 700 000" are
    all "8700000"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = ABBREVIATION_RE.sub(lambda match: match.group().replace(".", ""), text)
    text = THOUSANDS_RE.sub("", text)
    text = SPACED_THOUSANDS_RE.sub(lambda match: match.group().replace(" ", ""), text)
    text = ORDINAL_SUFFIX_RE.sub(r"\1", text)
    text = GLUED_UNIT_RE.sub(" ", text)
    text = PUNCTUATION_RE.sub(" ", text.replace("-", " "))
    words = text.split()
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(_numbers_to_digits(words) if numbers else words)


def _numbers_to_digits(words: list[str]) -> list[str]:
    """'twenty five hours' -> ['25', 'hours']; '8.7 million' -> ['8700000']; 'first' -> '1'.

    Digits and number words may carry a scale word ("8.7 million", "two thousand"); "point"
    between number words gives decimals ("eight point seven"). Non-number words pass through.
    """
    out: list[str] = []
    number = _SpokenNumber()
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if number.take(word, following):
            continue
        if number.started:
            out.append(number.digits())
            number = _SpokenNumber()
            if number.take(word, following):
                continue
        out.append(ORDINALS.get(word, word))
    if number.started:
        out.append(number.digits())
    return out


class _SpokenNumber:
    """One number being read word by word, in exact decimal arithmetic (8.7 × 10⁶ is 8700000)."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.current = Decimal(0)
        self.started = False
        self.from_digits = False
        self.after_scale = False
        # The digits spoken after "point", or None before it.
        self.decimals: str | None = None

    def take(self, word: str, following: str) -> bool:
        """Adds the word to the number and says whether it belonged to it."""
        if NUMBER_RE.fullmatch(word):
            if self.started:
                return False
            self.current = Decimal(word)
            self.started = self.from_digits = True
            return True
        if word in SCALES and self.started:
            self._scale(SCALES[word])
            return True
        if self.from_digits:
            return False
        if self.decimals is not None:
            if word in UNITS and UNITS[word] < 10:
                self.decimals += str(UNITS[word])
                return True
            return False
        if word in UNITS or word in TENS:
            self.current = EXACT.add(self.current, UNITS[word] if word in UNITS else TENS[word])
            self.started = True
            self.after_scale = False
            return True
        if word == DECIMAL_POINT_WORD and self.started and UNITS.get(following, 10) < 10:
            self.decimals = ""
            return True
        # "one hundred and five": "and" inside a number, not between two guesses.
        return word == "and" and self.after_scale and (following in UNITS or following in TENS)

    def _scale(self, scale: int) -> None:
        value = self._current_value()
        self.decimals = None
        self.after_scale = True
        if scale == SCALES["hundred"]:
            self.current = EXACT.multiply(value, scale)
        else:
            self.total = EXACT.add(self.total, EXACT.multiply(value, scale))
            self.current = Decimal(0)

    def _current_value(self) -> Decimal:
        if self.decimals:
            return EXACT.add(self.current, Decimal(f"0.{self.decimals}"))
        return self.current

    def digits(self) -> str:
        return format(EXACT.normalize(EXACT.add(self.total, self._current_value())), "f")


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
