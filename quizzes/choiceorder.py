"""Where each question's right answer sits: spread evenly over the letters, different in every quiz.

A quiz whose right answers crowd one letter, or sit at the same letters as every other quiz, can
be passed by guessing letters. So every quiz gets its own secret random seed when it is made, and
the right answers of a quiz, online and on every printed version, are spread so that no letter
holds more than its fair share rounded up.

A letter's *fair share* is the number of right answers it would hold on average if each question
put its right answer at one of its own choices at random: a two-choice question adds 1/2 to A and
to B, a four-choice question 1/4 to each of A–D. Fractions keep the sums exact, so a share of 3
allows 3, not 4.

Pure Python, no Django: the services lay out stored choices with it, the handouts their versions.
"""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Sequence
from fractions import Fraction

# Quiz.generation_seed is a 32-bit signed integer column on PostgreSQL.
SEED_LIMIT = 2**31


def new_quiz_seed() -> int:
    """A quiz's own seed: random, so students cannot work out its letters from anything public."""
    return secrets.randbelow(SEED_LIMIT)


def fair_shares(sizes: Sequence[int]) -> list[Fraction]:
    """Each letter's fair share of right answers for questions with `sizes` choices (0: none)."""
    shares = [Fraction(0)] * max(sizes, default=0)
    for size in sizes:
        for letter in range(size):
            shares[letter] += Fraction(1, size)
    return shares


def letter_counts(sizes: Sequence[int], rights: Sequence[int | None]) -> list[int]:
    counts = [0] * max(sizes, default=0)
    for right in rights:
        if right is not None:
            counts[right] += 1
    return counts


def is_spread_evenly(sizes: Sequence[int], rights: Sequence[int | None]) -> bool:
    """True when no letter holds more than its fair share plus one."""
    shares = fair_shares(sizes)
    return all(
        count <= share + 1
        for count, share in zip(letter_counts(sizes, rights), shares, strict=True)
    )


def spread_right_letters(sizes: Sequence[int], rng: random.Random) -> list[int | None]:
    """A letter (0 = A) for the right answer of each question with `sizes` choices; None for a
    question without choices. No letter gets more than its fair share rounded up.

    Questions with fewest choices go first, each to the letter furthest below its share (ties at
    random). That always succeeds: a question with k choices can use every letter a question with
    fewer can, so whatever the earlier ones took, the letters below k still have room for all the
    questions that can only use them (their shares add up to at least that many).
    """
    shares = fair_shares(sizes)
    caps = [math.ceil(share) for share in shares]
    counts = [0] * len(shares)
    rights: list[int | None] = [None] * len(sizes)
    queue = [index for index, size in enumerate(sizes) if size > 0]
    rng.shuffle(queue)
    queue.sort(key=lambda index: sizes[index])  # stable: random order among equal sizes
    for index in queue:
        open_letters = [letter for letter in range(sizes[index]) if counts[letter] < caps[letter]]
        letter = _furthest_below_share(open_letters, shares=shares, counts=counts, rng=rng)
        counts[letter] += 1
        rights[index] = letter
    return rights


def best_letter(size: int, *, others: Sequence[tuple[int, int | None]], rng: random.Random) -> int:
    """The letter for the right answer of one more question with `size` choices, given the
    (size, right letter) of the quiz's other questions: the one furthest below its share."""
    sizes = [*(other_size for other_size, _ in others), size]
    shares = fair_shares(sizes)
    counts = letter_counts(sizes, [right for _, right in others])
    return _furthest_below_share(list(range(size)), shares=shares, counts=counts, rng=rng)


def _furthest_below_share(
    letters: list[int], *, shares: list[Fraction], counts: list[int], rng: random.Random
) -> int:
    room = max(shares[letter] - counts[letter] for letter in letters)
    return rng.choice([letter for letter in letters if shares[letter] - counts[letter] == room])


def place_right(
    size: int, *, right: int, at: int, rng: random.Random | None = None
) -> tuple[int, ...]:
    """An order of `size` choices (the indexes in printed order) with choice `right` at letter
    `at`; the others shuffled with `rng`, or in their own order without one."""
    others = [index for index in range(size) if index != right]
    if rng is not None:
        rng.shuffle(others)
    others.insert(at, right)
    return tuple(others)
