"""The article as numbered paragraphs, the same on the quiz page and on paper."""

from __future__ import annotations

import re

# A paragraph ends at a line break: pasted articles use one or two between paragraphs.
PARAGRAPH_BREAK_RE = re.compile(r"\s*\n\s*")


def split_paragraphs(text: str) -> list[str]:
    return [part for part in PARAGRAPH_BREAK_RE.split(text.strip()) if part]
