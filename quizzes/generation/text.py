"""Checks and clean-up of the raw text before it reaches the parser.

The parser sees a cleaned copy (tags stripped, entities decoded, Unicode composed); every
character of that copy remembers where it came from, so spans found by the parser can be
mapped back to the string the teacher passed in.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from quizzes.generation.types import MAX_WORDS, GenerationError

WORD_RE = re.compile(r"\w+")
# Two or more real tags (or one closing tag) are what separates HTML from prose that merely
# mentions "a < b".
TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
HTML_HINT_RE = re.compile(r"</[a-zA-Z][a-zA-Z0-9]*\s*>|<(p|br|div|html|body|span|h[1-6])\b", re.I)
SKIPPED_ELEMENTS_RE = re.compile(r"<(script|style|head|noscript)\b.*?</\1\s*>", re.I | re.S)
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
ENTITY_RE = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# Closing these elements ends a paragraph, so the sentence splitter must see a break there.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"}
    | {"section", "article", "header", "footer", "blockquote", "figcaption", "figure", "title"}
)
REFERENCE_MARK_RE = re.compile(
    r"\[(?:\d{1,3}|update|citation needed|clarification needed|note \d+|[a-z])\]"
    # ".:121,154": page numbers of a citation left glued to the end of a sentence.
    r"|(?<=[.,;]):\d+(?:[,–-]\d+)*(?=\s|$)",
    re.I,
)
# Below this many words there are too few sentences to make a quiz worth taking.
MIN_WORDS = 12
# Share of a text's words that are common English function words; ordinary English prose
# sits around 0.4, other languages written in Latin script well under 0.1.
MIN_ENGLISH_SHARE = 0.15
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "a",
        "an",
        "to",
        "in",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "it",
        "that",
        "this",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "its",
        "or",
        "but",
        "not",
        "which",
        "who",
        "has",
        "have",
        "had",
        "will",
        "would",
    ]
)


@dataclass(frozen=True)
class CleanText:
    """The text the parser reads, and for each of its characters the index in the original."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the clean text to the original string."""
        if start >= end:
            position = self._origin_at(start)
            return position, position
        return self.origin[start], self.origin[end - 1] + 1

    def _origin_at(self, index: int) -> int:
        if index < len(self.origin):
            return self.origin[index]
        return self.original_length


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def looks_like_html(text: str) -> bool:
    return bool(HTML_HINT_RE.search(text))


def normalise(text: str) -> str:
    """NFC keeps character offsets stable for already-composed text, which is nearly all text."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> CleanText:
    """Strip markup if there is any, then compose Unicode, keeping the way back to `text`."""
    chars, origin = _strip_markup(text) if looks_like_html(text) else (list(text), range(len(text)))
    chars, origin = _drop_reference_marks(chars, list(origin))
    composed, composed_origin = _compose(chars, origin)
    return CleanText(text=composed, origin=tuple(composed_origin), original_length=len(text))


def _drop_reference_marks(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """ "[update]", "[citation needed]", "[12]": marks copied from encyclopedias, not words."""
    joined = "".join(chars)
    dropped: set[int] = set()
    for match in REFERENCE_MARK_RE.finditer(joined):
        dropped.update(range(match.start(), match.end()))
    if not dropped:
        return chars, origin
    kept = [index for index in range(len(chars)) if index not in dropped]
    return [chars[i] for i in kept], [origin[i] for i in kept]


def _strip_markup(text: str) -> tuple[list[str], list[int]]:
    hidden = [False] * len(text)
    for pattern in (SKIPPED_ELEMENTS_RE, COMMENT_RE):
        for match in pattern.finditer(text):
            hidden[match.start() : match.end()] = [True] * (match.end() - match.start())
    chars: list[str] = []
    origin: list[int] = []
    position = 0
    for match in TAG_RE.finditer(text):
        _append_text(text, position, match.start(), hidden, chars, origin)
        if match.group(2).lower() in BLOCK_TAGS and not hidden[match.start()]:
            chars.append("\n")
            origin.append(match.start())
        position = match.end()
    _append_text(text, position, len(text), hidden, chars, origin)
    return chars, origin


def _append_text(
    text: str, start: int, end: int, hidden: list[bool], chars: list[str], origin: list[int]
) -> None:
    position = start
    for match in ENTITY_RE.finditer(text, start, end):
        _append_plain(text, position, match.start(), hidden, chars, origin)
        if not hidden[match.start()]:
            for char in html.unescape(match.group(0)):
                chars.append(char)
                origin.append(match.start())
        position = match.end()
    _append_plain(text, position, end, hidden, chars, origin)


def _append_plain(
    text: str, start: int, end: int, hidden: list[bool], chars: list[str], origin: list[int]
) -> None:
    for index in range(start, end):
        if not hidden[index]:
            chars.append(text[index])
            origin.append(index)


def _compose(chars: list[str], origin: list[int]) -> tuple[str, list[int]]:
    """NFC per run of one base character and its combining marks, so offsets survive."""
    joined = "".join(chars)
    if unicodedata.is_normalized("NFC", joined):
        return joined, origin
    out: list[str] = []
    out_origin: list[int] = []
    run_start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or unicodedata.combining(chars[index]) == 0:
            composed = unicodedata.normalize("NFC", "".join(chars[run_start:index]))
            out.extend(composed)
            out_origin.extend([origin[run_start]] * len(composed))
            run_start = index
    return "".join(out), out_origin


def check_text(text: str) -> None:
    """Refuse texts that cannot give a quiz, before spending time on parsing them."""
    if not text or not text.strip():
        raise GenerationError("The text is empty: paste or upload an article first.")
    words = count_words(text)
    if words > MAX_WORDS:
        raise GenerationError(
            f"The text has {words:,} words; the limit is {MAX_WORDS:,}. "
            "Split it into shorter parts."
        )


def check_clean_text(text: str) -> None:
    """Checks that only make sense once markup is gone: length and language."""
    words = [word.lower() for word in WORD_RE.findall(text)]
    if not words:
        raise GenerationError("The text has no words once its markup is removed.")
    if len(words) < MIN_WORDS:
        raise GenerationError(
            f"The text is too short ({len(words)} words): paste a full article of a few sentences."
        )
    english_share = sum(word in ENGLISH_FUNCTION_WORDS for word in words) / len(words)
    if english_share < MIN_ENGLISH_SHARE:
        raise GenerationError(
            "The text does not look like English; questions can only be made from English texts."
        )
