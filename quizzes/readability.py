"""How hard an article is to read: counts and the Flesch–Kincaid grade level.

FK grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59, roughly the US school
grade that can read the text. Syllables are estimated from vowel groups, which is what most
readability tools do without a dictionary; the estimate is within a grade of dictionary counts on
ordinary prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS_PER_SENTENCE_WEIGHT = 0.39
SYLLABLES_PER_WORD_WEIGHT = 11.8
GRADE_OFFSET = 15.59

WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*")
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
VOWEL_GROUPS_RE = re.compile(r"[aeiouy]+")
# A final silent "e" ("make") is not a syllable, but "-le" after a consonant is ("table").
SILENT_E_RE = re.compile(r"[^aeiouy]e$")
CONSONANT_LE_RE = re.compile(r"[^aeiouy]le$")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return (
            WORDS_PER_SENTENCE_WEIGHT * self.words / self.sentences
            + SYLLABLES_PER_WORD_WEIGHT * self.syllables / self.words
            - GRADE_OFFSET
        )


def syllables(word: str) -> int:
    word = word.lower().strip("'’")
    if word.isdigit():
        return len(word)  # read digit by digit; rare in prose and only nudges the grade
    count = len(VOWEL_GROUPS_RE.findall(word))
    if SILENT_E_RE.search(word) and not CONSONANT_LE_RE.search(word) and count > 1:
        count -= 1
    return max(count, 1)


def count_sentences(text: str) -> int:
    """Sentence ends, plus a last sentence without a full stop; text with words has at least one."""
    stripped = text.strip()
    if not stripped:
        return 0
    ends = len(SENTENCE_END_RE.findall(stripped))
    if not SENTENCE_END_RE.search(stripped[-3:] + " "):
        ends += 1
    return max(ends, 1)


def measure(text: str) -> Readability:
    words = WORD_RE.findall(text)
    return Readability(
        words=len(words),
        sentences=count_sentences(text) if words else 0,
        syllables=sum(syllables(word) for word in words),
    )
