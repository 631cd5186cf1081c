"""Item analysis of a class's answers, with the definitions Moodle's quiz statistics use.

- Facility index: the mean score on the item as a share of its points (1.0: everyone right).
- Discrimination index: the Pearson correlation between the score on the item and the score on
  the rest of the test (the total without this item). Negative means the students who did well
  overall tended to get this item wrong: usually a wrong key or a misleading question.

Pure functions of plain numbers, so the figures can be checked by hand. The sums are exact
(fractions, not floats): a class whose item and rest scores do not correlate gets 0, not a
rounding error such as -5.7e-17 that would read as "discriminates negatively".
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

TOO_EASY = 0.9
TOO_HARD = 0.2
# Below this many attempts a correlation says too little to flag a question for it.
FEW_ATTEMPTS = 5

# Points as the database keeps them (Decimal) or as a test writes them: both are read exactly.
Points = float | int | Decimal | Fraction


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    attempts: int
    facility: float | None
    discrimination: float | None
    flags: tuple[str, ...]


def facility_index(scores: Sequence[Points], *, points: Points) -> float | None:
    if not scores or points <= 0:
        return None
    return float(sum(map(Fraction, scores)) / len(scores) / Fraction(points))


def pearson(xs: Sequence[Points], ys: Sequence[Points]) -> float | None:
    """None where either side does not vary: a correlation is then undefined, not zero."""
    count = len(xs)
    if count < 2 or count != len(ys):
        return None
    exact_xs, exact_ys = list(map(Fraction, xs)), list(map(Fraction, ys))
    mean_x, mean_y = sum(exact_xs) / count, sum(exact_ys) / count
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(exact_xs, exact_ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in exact_xs)
    var_y = sum((y - mean_y) ** 2 for y in exact_ys)
    if var_x == 0 or var_y == 0:
        return None
    if cov == 0:
        return 0.0
    # Only the last step is rounded, so the sign is always the exact one.
    return float(cov) / math.sqrt(float(var_x) * float(var_y))


def item_stats(
    scores: Mapping[int, Mapping[int, Points]], *, points: Mapping[int, Points]
) -> list[ItemStats]:
    """`scores[attempt][question]` is the points awarded.

    A question is analysed over the attempts that were given it: an unanswered question is
    scored 0 and counts, but a question added after some students submitted is judged only by
    those who saw it.
    """
    totals = {a: sum(map(Fraction, answers.values())) for a, answers in scores.items()}
    result = []
    for question_id, possible in points.items():
        attempts = [a for a in scores if question_id in scores[a]]
        item = [scores[a][question_id] for a in attempts]
        rest = [totals[a] - Fraction(score) for a, score in zip(attempts, item, strict=True)]
        facility = facility_index(item, points=possible)
        discrimination = pearson(item, rest)
        result.append(
            ItemStats(
                question_id=question_id,
                attempts=len(attempts),
                facility=facility,
                discrimination=discrimination,
                flags=_flags(facility, discrimination, attempts=len(attempts)),
            )
        )
    return result


def _flags(
    facility: float | None, discrimination: float | None, *, attempts: int
) -> tuple[str, ...]:
    flags = []
    if facility is not None and facility >= TOO_EASY:
        flags.append("too easy")
    if facility is not None and facility <= TOO_HARD:
        flags.append("too hard")
    if discrimination is not None and discrimination < 0 and attempts >= FEW_ATTEMPTS:
        flags.append("discriminates negatively")
    return tuple(flags)


# The score histogram: bands of this many percent; the top band also holds full marks.
BAND_WIDTH = 10
FULL_MARKS = 100
# Bar lengths are drawn in steps of this many percent, one CSS class per step (no inline styles).
BAR_STEP = 5
BAR_STEPS = FULL_MARKS // BAR_STEP


@dataclass(frozen=True)
class ScoreBand:
    """Scores from `low` % up to `high` % (whole percents, rounded down), and how many had one."""

    low: int
    high: int
    count: int
    # The bar's length as a share of the commonest band's, in BAR_STEP percent steps.
    bar: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high} %"


@dataclass(frozen=True)
class ClassSummary:
    joined: int
    submitted: int
    # Shares of the points (0 to 1); None when nobody has submitted.
    mean: float | None
    median: float | None
    # The same in points, where every attempt had the same maximum (else None).
    max_points: float | None
    mean_points: float | None
    median_points: float | None
    bands: tuple[ScoreBand, ...]

    @property
    def still_answering(self) -> int:
        return max(self.joined - self.submitted, 0)


def class_summary(scores: Sequence[tuple[Points, Points]], *, joined: int) -> ClassSummary:
    """`scores` holds (score, max score) per submitted attempt; `joined` counts attempts started.

    An attempt worth no points (a quiz without questions) counts as submitted but has no share.
    """
    exact = [(Fraction(score), Fraction(possible)) for score, possible in scores]
    shares = [score / possible for score, possible in exact if possible > 0]
    maxima = {possible for _, possible in exact}
    same_max = len(maxima) == 1 and bool(shares)
    points = [score for score, _ in exact]
    return ClassSummary(
        joined=max(joined, len(exact)),
        submitted=len(exact),
        mean=float(statistics.mean(shares)) if shares else None,
        median=float(statistics.median(shares)) if shares else None,
        max_points=float(next(iter(maxima))) if same_max else None,
        mean_points=float(statistics.mean(points)) if same_max else None,
        median_points=float(statistics.median(points)) if same_max else None,
        bands=_bands(shares),
    )


def _bands(shares: Sequence[Fraction]) -> tuple[ScoreBand, ...]:
    count = FULL_MARKS // BAND_WIDTH
    tally = [0] * count
    for share in shares:
        percent = math.floor(share * FULL_MARKS)
        tally[min(max(percent, 0) // BAND_WIDTH, count - 1)] += 1
    most = max(tally)
    return tuple(
        ScoreBand(
            low=index * BAND_WIDTH,
            high=FULL_MARKS if index == count - 1 else (index + 1) * BAND_WIDTH - 1,
            count=number,
            bar=_bar(number, most),
        )
        for index, number in enumerate(tally)
    )


def _bar(number: int, most: int) -> int:
    if not number:
        return 0
    # A band with anyone in it shows at least one step, however many the commonest has.
    return max(1, round(Fraction(number, most) * BAR_STEPS))
