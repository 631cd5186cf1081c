"""Reading the article once: parse it, decide which sentences state facts, find what to ask."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from quizzes.generation.entities import Entity, Mention, collect_mentions
from quizzes.generation.nlp import get_nlp
from quizzes.generation.pronouns import (
    person_pronouns,
    resolve_definite_nouns,
    resolve_demonstratives,
    resolve_pronouns,
)
from quizzes.generation.references import resolve_descriptions
from quizzes.generation.text import CleanText, check_clean_text, clean

# A fact needs a subject and a verb and something said about them.
MIN_SENTENCE_WORDS = 5
MAX_SENTENCE_WORDS = 60
# More than this share of a sentence inside quotation marks makes it someone's claim.
MAX_QUOTED_SHARE = 0.5
TERMINAL_CHARS = ".!?\"”’)'"
BYLINE_RE = re.compile(
    r"^\s*(by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$|(photo|image|picture|caption|credit|"
    r"illustration|video|file photo)\b\s*[:|(]?)",
    re.I,
)
CAPTION_MARKERS_RE = re.compile(
    r"getty images|\(ap photo|ap photo/|reuters/|afp via|\bphotograph:|shutterstock|"
    r"contributed to this report|all rights reserved|click here|sign up",
    re.I,
)
# "WASHINGTON (AP) — " and "LONDON, May 3 (Reuters) -" open wire stories; not part of the fact.
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .,'-]{2,40}(?:,[^—–\-()]{0,30})?(?:\([^)]{1,30}\))?\s*[—–-]+\s"
)
# Paragraphs are parsed in pieces of about this many characters (a few hundred words).
PIECE_CHARS = 2_000
PIPE_BATCH = 8
PARAGRAPH_END_RE = re.compile(r"(?<=\n)(?=[^\n])")
OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"
STRAIGHT_QUOTE = '"'
# The last few articles read, kept parsed: a teacher's Replace and Regenerate on the review page
# read the same article again, and reading (spaCy's parse) is most of a question's cost.
READ_CACHE_SIZE = 4


@dataclass(frozen=True)
class Reading:
    """The parsed article and what was found in it, shared by every later step."""

    clean: CleanText
    doc: Doc
    sentences: tuple[Span, ...]
    askable: tuple[bool, ...]
    sentence_of: tuple[int, ...]
    blocked: frozenset[int]
    mentions: tuple[Mention, ...]
    entities: dict[str, Entity]
    term_counts: Counter[str]
    # Pronouns and descriptions with a clear antecedent, by token index, and the words that
    # replace them.
    replacements: dict[int, str]
    # Descriptions that point back to no single name ("The stadium opened ..."), as token
    # spans: a stem that keeps one leans on context it never names.
    unresolved: tuple[tuple[int, int], ...]
    # Each person's pronoun, "m" or "f", where the article shows it one way only.
    pronouns: dict[str, str]

    # The mentions of each sentence, so per-sentence lookups need not scan the article.
    by_sentence: dict[int, tuple[Mention, ...]]

    def mentions_in(self, sentence: int) -> tuple[Mention, ...]:
        return self.by_sentence.get(sentence, ())


@functools.lru_cache(maxsize=READ_CACHE_SIZE)
def read(text: str) -> Reading:
    """The article read once; the same text again is answered from memory (the Reading and its
    parse are never changed after this, so every caller may share them)."""
    cleaned = clean(text)
    check_clean_text(cleaned.text)
    doc = parse(cleaned.text)
    sentences = tuple(doc.sents)
    sentence_of = [0] * len(doc)
    for index, sent in enumerate(sentences):
        for position in range(sent.start, sent.end):
            sentence_of[position] = index
    dateline = _dateline_tokens(sentences)
    blocked = _quoted_tokens(doc) | dateline
    askable = [_is_fact_sentence(sent, blocked=blocked) for sent in sentences]
    mentions, entities = collect_mentions(doc, askable_sentence=askable, sentence_of=sentence_of)
    references = resolve_descriptions(doc, sentences=sentences, mentions=mentions)
    mention_at = {index: m for m in mentions for index in range(m.start, m.end)}
    pronouns = person_pronouns(sentences, mention_at=mention_at)
    term_counts = Counter(
        token.lower_
        for token in doc
        if token.pos_ in ("NOUN", "PROPN") and not token.is_stop and len(token) > 1
    )
    return Reading(
        clean=cleaned,
        doc=doc,
        sentences=sentences,
        askable=tuple(askable),
        sentence_of=tuple(sentence_of),
        blocked=frozenset(blocked),
        mentions=tuple(mentions),
        entities=entities,
        term_counts=term_counts,
        by_sentence=_group_by_sentence(mentions, sentence_of=sentence_of),
        unresolved=references.unresolved,
        pronouns=pronouns,
        # Dateline words are replaced by nothing, so no stem repeats "OSLO (Reuters) —".
        replacements=resolve_pronouns(
            doc, sentences=sentences, mentions=mentions, entities=entities, called=pronouns
        )
        | references.replacements
        | resolve_definite_nouns(doc, mentions=mentions)
        | resolve_demonstratives(doc, sentences=sentences)
        | dict.fromkeys(dateline, ""),
    )


def _group_by_sentence(
    mentions: list[Mention], *, sentence_of: list[int]
) -> dict[int, tuple[Mention, ...]]:
    grouped: dict[int, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(sentence_of[mention.start], []).append(mention)
    return {index: tuple(found) for index, found in grouped.items()}


def parse(text: str) -> Doc:
    """Parse paragraph-sized pieces and join them, which keeps memory flat on long texts.

    The pieces are cut after paragraph breaks and keep their whitespace, so the joined doc
    has exactly the original text and character offsets.
    """
    pieces = _pieces(text)
    nlp = get_nlp()
    if len(pieces) == 1:
        return nlp(text)
    docs = list(nlp.pipe(pieces, batch_size=PIPE_BATCH))
    return Doc.from_docs(docs, ensure_whitespace=False)


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    current = ""
    for paragraph in PARAGRAPH_END_RE.split(text):
        if not paragraph:
            continue
        current += paragraph
        if len(current) >= PIECE_CHARS:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside quotation marks: a speaker's words, not facts the article vouches for.

    A paragraph break closes any open quotation, because news style re-opens it on the next
    paragraph and a missing closing mark must not swallow the rest of the article.
    """
    quoted: set[int] = set()
    inside = False
    for token in doc:
        text = token.text
        if "\n" in text:
            inside = False
        elif text in OPEN_QUOTES:
            inside = True
        elif text in CLOSE_QUOTES:
            inside = False
        elif text == STRAIGHT_QUOTE:
            inside = not inside
        elif inside:
            quoted.add(token.i)
    return quoted


def _dateline_tokens(sentences: tuple[Span, ...]) -> set[int]:
    blocked: set[int] = set()
    for sent in sentences:
        match = DATELINE_RE.match(sent.text)
        if match:
            limit = sent.start_char + match.end()
            blocked.update(token.i for token in sent if token.idx < limit)
    return blocked


def _is_fact_sentence(sent: Span, *, blocked: set[int]) -> bool:
    """Headings, by-lines, captions and quotations are not facts to ask about."""
    words = [token for token in sent if not token.is_punct and not token.is_space]
    if not MIN_SENTENCE_WORDS <= len(words) <= MAX_SENTENCE_WORDS:
        return False
    text = sent.text.strip()
    if not text or text[-1] not in TERMINAL_CHARS:
        return False
    if BYLINE_RE.match(text) or CAPTION_MARKERS_RE.search(text):
        return False
    if not any(token.pos_ in ("VERB", "AUX") for token in sent):
        return False
    quoted = sum(token.i in blocked for token in words)
    return quoted / len(words) <= MAX_QUOTED_SHARE
