"""Join codes: short, easy to read aloud and type, with no characters that look alike."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L, and no U/V (easy to confuse when read aloud): 29 characters.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
JOIN_CODE_LENGTH = 6
# Stored codes may be longer than new ones, so the length can grow without a migration.
JOIN_CODE_MAX_LENGTH = 8
# 29**6 is about 595 million codes; at a few thousand quizzes a guess almost never hits.
SEPARATORS_RE = re.compile(r"[\s\-_.]+")


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """What a student types, as the code is stored: 'abc-def ' and 'ABCDEF' are the same code."""
    return SEPARATORS_RE.sub("", raw).upper()


def is_valid_join_code(code: str) -> bool:
    return JOIN_CODE_LENGTH <= len(code) <= JOIN_CODE_MAX_LENGTH and all(
        char in JOIN_CODE_ALPHABET for char in code
    )
