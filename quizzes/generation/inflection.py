"""Verb forms for do-support and agreement, from lemminflect rather than hand-written rules."""

from __future__ import annotations

from lemminflect import getInflection, getLemma
from spacy.tokens import Token

DO_BY_TAG = {"VBD": "did", "VBZ": "does", "VBP": "do"}
# "Who were named ..." reads wrong: a wh-word takes a singular verb.
SINGULAR_FORMS = {"were": "was", "are": "is", "have": "has", "do": "does", "'re": "is", "’re": "is"}


def base_form(verb: Token) -> str:
    lemmas = getLemma(verb.text.lower(), upos="VERB")
    return lemmas[0] if lemmas else verb.text.lower()


def do_support(verb: Token) -> str | None:
    """The form of "do" that carries the verb's tense once the verb goes to its base form."""
    return DO_BY_TAG.get(verb.tag_)


def singular(token: Token) -> str:
    """Third-person singular form of a present or past verb, for "who"/"what" subjects."""
    lowered = token.text.lower()
    if lowered in SINGULAR_FORMS:
        return SINGULAR_FORMS[lowered]
    if token.tag_ == "VBP":
        forms = getInflection(base_form(token), tag="VBZ")
        if forms:
            return forms[0]
    return token.text


def noun_lemma(token: Token) -> str:
    """A noun's singular, lower-cased: "countries" as "country" (the pipeline has no
    lemmatizer, so lemminflect's rules and lexicon stand in for it)."""
    lowered = token.lower_
    if token.tag_ not in ("NNS", "NNPS"):
        return lowered
    lemmas = getLemma(lowered, upos="NOUN")
    return lemmas[0].lower() if lemmas else lowered


def finite_form(participle: Token, *, tense: str) -> str | None:
    """ "recording" as "recorded" (VBD) or "records" (VBZ): a participle made a clause's verb."""
    forms = getInflection(base_form(participle), tag=tense)
    return forms[0] if forms else None
