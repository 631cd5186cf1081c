"""Item analysis of a class's answers, with the definitions Moodle's quiz statistics use.

- Facility index: the mean score on the item as a share of its points (1.0: everyone right).
- Discrimination index: the Pearson correlation between the score on the item and the score on
  the rest of the test (the total without this item). Negative means the students who did well
  overall tended to get this item wrong: usually a wrong key or a misleading question.

Pure functions of plain numbers, so the figures can be checked by hand.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TOO_EASY = 0.9
TOO_HARD = 0.2
# Below this many attempts a correlation says too little to flag a question for it.
FEW_ATTEMPTS = 5


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    attempts: int
    facility: float | None
    discrimination: float | None
    flags: tuple[str, ...]


def facility_index(scores: Sequence[float], *, points: float) -> float | None:
    if not scores or points <= 0:
        return None
    return sum(scores) / len(scores) / points


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """None where either side does not vary: a correlation is then undefined, not zero."""
    count = len(xs)
    if count < 2 or count != len(ys):
        return None
    mean_x, mean_y = sum(xs) / count, sum(ys) / count
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def item_stats(
    scores: Mapping[int, Mapping[int, float]], *, points: Mapping[int, float]
) -> list[ItemStats]:
    """`scores[attempt][question]` is the points awarded.

    A question is analysed over the attempts that were given it: an unanswered question is
    scored 0 and counts, but a question added after some students submitted is judged only by
    those who saw it.
    """
    totals = {a: sum(answers.values()) for a, answers in scores.items()}
    result = []
    for question_id, possible in points.items():
        attempts = [a for a in scores if question_id in scores[a]]
        item = [scores[a][question_id] for a in attempts]
        rest = [totals[a] - score for a, score in zip(attempts, item, strict=True)]
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
