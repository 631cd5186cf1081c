"""Numbers and dates as students write them, and wrong values of the same size and form."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from quizzes.generation.kinds import MONTHS, NUMBER_WORDS, ORDINAL_WORDS, WEEKDAYS

NUMBER_PART_RE = re.compile(r"^(?P<prefix>\D*?)(?P<number>\d[\d,]*(?:\.\d+)?)(?P<suffix>.*)$")
YEAR_IN_TEXT_RE = re.compile(r"\b(1\d{3}|20\d{2})\b")
# "AD 79", "44 BC": a year of any length beside its era.
ERA_YEAR_RE = re.compile(r"\b(\d{1,4})\b(?=\s*(?:BC|AD|BCE|CE|B\.C\.|A\.D\.))|(?<=AD )(\d{1,4})\b")
PERCENT_SUFFIX_RE = re.compile(r"^\s*(?:%|per ?cent\b)", re.I)
SHORT_YEAR_RE = re.compile(r"^([1-9]\d{2})$")
ORDINAL_WORD_RE = re.compile(rf"\b({'|'.join(ORDINAL_WORDS)})\b", re.I)
DAY_RE = re.compile(r"\b(\d{1,2})\b")
CENTURY_NUMBER_RE = re.compile(r"(\d{1,2})(st|nd|rd|th)")
# Wrong values stay within this factor of the answer, so the choice tests the fact, not scale.
SCALE_STEPS = (0.5, 0.75, 1.25, 1.5, 2.0, 0.6, 1.4, 3.0)
SMALL_NUMBER_STEPS = (1, 2, 3, 4, 5)
YEAR_STEPS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15)
SMALL_LIMIT = 20
# A small count that is a multiple of this reads as a round figure ("20 mph", "15 minutes").
ROUND_SMALL_STEP = 5
MAX_DAY = 28


@dataclass(frozen=True)
class NumberForm:
    """ "$45.5 million" is prefix "$", value 45.5, suffix " million"; others keep the form."""

    prefix: str
    value: float
    suffix: str
    grouped: bool
    decimals: int
    as_word: bool
    capitalised: bool

    def render(self, value: float) -> str:
        if self.as_word:
            word = NUMBER_WORDS[int(value)]
            return word.capitalize() if self.capitalised else word
        if self.decimals:
            digits = f"{value:,.{self.decimals}f}" if self.grouped else f"{value:.{self.decimals}f}"
        else:
            digits = f"{round(value):,}" if self.grouped else str(round(value))
        return f"{self.prefix}{digits}{self.suffix}"


def parse_number(text: str) -> NumberForm | None:
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return NumberForm("", NUMBER_WORDS.index(lowered), "", False, 0, True, text[0].isupper())
    match = NUMBER_PART_RE.match(text)
    if not match:
        return None
    number = match.group("number")
    decimals = len(number.split(".")[1]) if "." in number else 0
    return NumberForm(
        prefix=match.group("prefix"),
        value=float(number.replace(",", "")),
        suffix=match.group("suffix"),
        grouped="," in number,
        decimals=decimals,
        as_word=False,
        capitalised=False,
    )


def number_variants(text: str) -> list[str]:
    """ "seven" and "7", "1,345,596" and "1345596", "340 miles" and "340"."""
    form = parse_number(text)
    if form is None:
        return []
    variants = []
    if form.as_word:
        variants.append(str(int(form.value)))
    else:
        if form.value.is_integer() and form.value <= SMALL_LIMIT and not form.prefix:
            variants.append(NUMBER_WORDS[int(form.value)] + form.suffix)
        plain = str(int(form.value)) if form.value.is_integer() else str(form.value)
        variants.append(f"{form.prefix}{plain}{form.suffix}")
        if form.suffix.strip() and not form.suffix.strip().startswith(("million", "billion")):
            variants.append(f"{form.prefix}{plain}")
        if form.prefix.strip():
            variants.append(f"{plain}{form.suffix}")  # "$25" may be written "25".
    return [variant for variant in variants if variant != text]


def wrong_numbers(text: str, *, rng: random.Random, count: int) -> list[str]:
    form = parse_number(text)
    if form is None:
        return []
    value = form.value
    if form.as_word or (value.is_integer() and value <= SMALL_LIMIT and not form.decimals):
        # "a speed limit of 20 mph" is a round figure: its rivals are 15, 25 and 30, not 21.
        step_size = ROUND_SMALL_STEP if value >= 10 and value % ROUND_SMALL_STEP == 0 else 1
        steps = [value + step * step_size for step in SMALL_NUMBER_STEPS] + [
            value - step * step_size for step in SMALL_NUMBER_STEPS
        ]
        limit = len(NUMBER_WORDS) - 1 if form.as_word else None
        # "broken into one main pieces": a count of two or more has no rival of one.
        lowest = 2 if value >= 2 else 1
        values = [v for v in steps if v >= lowest and (limit is None or v <= limit)]
    else:
        unit = _roundness(value)
        values = [_round_like(value * step, value) for step in SCALE_STEPS]
        if unit > 1:
            values = [float(round(v / unit) * unit) for v in values]
    # "93 percent" has no rival of 116 percent, nor a share of anything more than all of it.
    ceiling = 100 if PERCENT_SUFFIX_RE.match(form.suffix) and value <= 100 else None
    values = [
        v
        for v in dict.fromkeys(values)
        if v != value and v > 0 and (ceiling is None or v <= ceiling)
    ]
    rng.shuffle(values)
    values = sorted(values[: count * 2], key=lambda v: abs(v - value))[:count]
    return [form.render(v) for v in values]


def _roundness(value: float) -> int:
    """The power of ten the answer is rounded to, at most half of it: "around 300 million
    years ago" gets 200 and 400, not 298 and 304; 9,600 gets 4,800 and 14,400."""
    if not value.is_integer():
        return 1
    unit = 1
    while value % (unit * 10) == 0 and value / (unit * 10) >= 2:
        unit *= 10
    return unit


def _round_like(value: float, like: float) -> float:
    """Keep as many significant digits as the original, so 853,382 gets 426,691 not 426,700.5."""
    if like.is_integer():
        return float(round(value))
    return value


def years_in(text: str) -> list[int]:
    """The years written in the text as four digits (1000-2099)."""
    return [int(year) for year in YEAR_IN_TEXT_RE.findall(text)]


def wrong_years(text: str, *, rng: random.Random, count: int) -> list[str]:
    match = YEAR_IN_TEXT_RE.search(text) or ERA_YEAR_RE.search(text) or SHORT_YEAR_RE.match(text)
    if not match:
        return []
    digits = match.group(1) or match.group(2)
    year = int(digits)
    offsets = list(YEAR_STEPS)
    rng.shuffle(offsets)
    years = [year + offset * rng.choice((-1, 1)) for offset in offsets[:count]]
    return [text.replace(digits, str(other)) for other in years if other > 0]


def wrong_dates(text: str, *, rng: random.Random, count: int) -> list[str]:
    """Change the day and sometimes the month, keeping the date's written form."""
    month = next((m for m in MONTHS if m in text.lower()), None)
    day = DAY_RE.search(text)
    if month is None or day is None:
        return wrong_years(text, rng=rng, count=count)
    results: list[str] = []
    days = [d for d in range(1, MAX_DAY + 1) if d != int(day.group(1))]
    rng.shuffle(days)
    months = [m for m in MONTHS if m != month]
    for index, other_day in enumerate(days[:count]):
        candidate = text[: day.start()] + str(other_day) + text[day.end() :]
        if index % 2:
            other_month = rng.choice(months)
            candidate = re.sub(month, other_month.capitalize(), candidate, flags=re.I)
        results.append(candidate)
    return results


def wrong_months(text: str, *, rng: random.Random, count: int) -> list[str]:
    month = next((m for m in MONTHS if m in text.lower()), None)
    if month is None:
        return []
    others = [m for m in MONTHS if m != month]
    rng.shuffle(others)
    return [re.sub(month, other.capitalize(), text, flags=re.I) for other in others[:count]]


def wrong_weekdays(text: str, *, rng: random.Random, count: int) -> list[str]:
    others = [day.capitalize() for day in WEEKDAYS if day != text.lower()]
    rng.shuffle(others)
    return others[:count]


def wrong_centuries(text: str, *, rng: random.Random, count: int) -> list[str]:
    match = CENTURY_NUMBER_RE.search(text)
    word = ORDINAL_WORD_RE.search(text)
    if match:
        number = int(match.group(1))
    elif word:
        number = ORDINAL_WORDS.index(word.group(1).lower()) + 1
    else:
        return []
    others = [n for n in (number - 2, number - 1, number + 1, number + 2) if 0 < n <= SMALL_LIMIT]
    rng.shuffle(others)
    if match:
        return [text.replace(match.group(0), _ordinal(n)) for n in others[:count]]
    # "the second century BC" gets words back: "the third century BC".
    return [
        text.replace(word.group(1), _same_case(ORDINAL_WORDS[n - 1], word.group(1)))
        for n in others[:count]
    ]


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
