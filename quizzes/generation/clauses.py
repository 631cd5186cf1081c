"""The clause that carries a fact: its verb, its subject, and only the words that matter."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Set
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection
from spacy.tokens import Doc, Span, Token

from quizzes.generation.spans import ERA_MARKERS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
AUX_DEPS = frozenset({"aux", "auxpass"})
# Children that start another thought: dropping them keeps the question to one fact.
PRUNED_DEPS = frozenset(
    {"advcl", "parataxis", "intj", "discourse", "dep", "meta", "preconj", "punct"}
)
# Modifiers that are asides when set off by commas or brackets.
ASIDE_DEPS = frozenset({"appos", "relcl", "acl", "advmod", "npadvmod", "prep", "amod"})
# Sentence adverbs that link to the previous sentence and make no sense in a question.
LINKING_ADVERBS = frozenset(
    {
        "notably",
        "however",
        "meanwhile",
        "also",
        "moreover",
        "instead",
        "still",
        "then",
        "furthermore",
        "additionally",
        "indeed",
        "thus",
        "therefore",
        "nevertheless",
        "later",
        "soon",
        "nonetheless",
    }
)
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# In a lean clause, circumstances and descriptions go too: "The game was played on
# February 7 at Levi's Stadium" asks for the stadium as "The game was played at _____."
LEAN_VERB_DEPS = frozenset({"prep", "npadvmod"})
# Prepositions that open a circumstance (when, where, for how long) rather than a complement.
CIRCUMSTANCE_PREPS = frozenset(
    {"in", "on", "at", "during", "since", "until", "after", "before", "near", "throughout"}
)
# Prepositions that join a second thing to the first: a phrase holding one is no aside.
LINKING_PREPS = frozenset({"with", "to", "from", "into", "between"})
# Complements a verb needs: with one of these kept, its other phrases are circumstances.
COMPLEMENT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative"})
# Set while a lean stem is made (see `lean_clauses`).
_LEAN: ContextVar[frozenset[int] | None] = ContextVar("lean", default=None)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What a kept word cannot stand without: its object, its complement clause, a preposition's
# noun. "said the council would now review [whether ...]" reads as a finished thought.
REQUIRED_DEPS = frozenset(
    {"dobj", "ccomp", "xcomp", "pobj", "pcomp", "attr", "acomp", "oprd", "dative", "agent"}
)


@dataclass(frozen=True)
class Clause:
    """A finite clause reduced to the tokens a question needs."""

    verb: Token
    subject: tuple[Token, ...]
    aux: Token | None
    kept: frozenset[int]


def find_clause(verb: Token, *, keep: frozenset[int]) -> Clause | None:
    """The finite clause headed by `verb`, keeping `keep` (the answer) whatever its role, or
    None where there is none, or where cutting it out leaves a word without its complement."""
    clause = _clause(verb, keep=keep)
    if clause is None or cut_short(clause):
        return None
    return clause


def cut_short(clause: Clause) -> bool:
    """Whether the clause, cut out of its sentence, lost what one of its words needs."""
    return lost_complement(clause.verb.doc, clause.kept) or _object_is_outside(clause.verb)


def clause_cut_short(answer: Span) -> bool:
    """Whether the answer's clause exists but only cut short (rule stem.lost_complement)."""
    keep = frozenset(range(answer.start, answer.end))
    verb = next((t for t in answer.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    clause = None if verb is None else _clause(verb, keep=keep)
    return clause is not None and cut_short(clause)


def _clause(verb: Token, *, keep: frozenset[int]) -> Clause | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = next((child for child in verb.lefts if child.dep_ in AUX_DEPS), None)
    tensed = aux if aux is not None else verb
    if tensed.tag_ not in FINITE_TAGS:
        # "for Israel to pull back": an infinitive has no tense to question.
        return None
    if not _is_verb_form(verb):
        return None  # "a glass disc 2.4 metres across": the parser took "disc" for a verb.
    children = {child.dep_ for child in verb.children}
    if "auxpass" in children and "dobj" in children:
        return None  # "was founded ..., a princess": a passive verb has no object to keep.
    subject = _subject_tokens(verb)
    if subject is None:
        return None
    if any(token.lower_ in ERA_MARKERS for token in subject):
        return None  # "In 49 BC Julius Caesar crossed": the parser put the year in the name.
    kept: set[int] = set()
    _collect(verb, kept=kept, keep=keep)
    # The clause's own "that"/"while"/"after" ties it to a sentence the question leaves out,
    # and a relative pronoun has been replaced by the noun it stands for.
    kept -= {
        child.i
        for child in verb.children
        if child.dep_ == "mark" or (child.dep_ in SUBJECT_DEPS and child.tag_ in RELATIVE_TAGS)
    }
    marks = [child.i for child in verb.children if child.dep_ == "mark"]
    if marks:
        # "a year after the United States gained ...": "a year" measured the "after".
        kept -= {
            t.i
            for child in verb.children
            if child.dep_ == "npadvmod" and child.i < min(marks)
            for t in child.subtree
        }
    kept -= _bracketed(verb, keep=keep)
    # Commas stay only between kept words, where they separate list items or date parts.
    kept -= {i for i in kept if verb.doc[i].text == "," and not {i - 1, i + 1} <= kept}
    kept |= _appositive_commas(verb.doc, kept)
    kept.update(token.i for token in subject if token.head.i in kept or token.dep_ in SUBJECT_DEPS)
    return Clause(verb=verb, subject=subject, aux=aux, kept=frozenset(kept))


def _object_is_outside(verb: Token) -> bool:
    """ "the newspaper he bought from the kiosk": a relative clause without its pronoun, whose
    object is the noun it describes, says "he bought from the kiosk" on its own."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(
        child.tag_ in RELATIVE_TAGS | {"WRB"}
        or child.lower_ == "that"
        or child.dep_ in COMPLEMENT_DEPS
        for child in verb.children
    ):
        return False
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def lost_complement(doc: Doc, kept: Set[int]) -> bool:
    """Whether the cut left a kept word without what it needs: a verb without its object or
    its clause ("would now review?"), a preposition without its noun."""
    if any(
        child.dep_ in REQUIRED_DEPS and child.i not in kept and not across_semicolon(child)
        for i in kept
        for child in doc[i].children
    ):
        return True
    # "[When the treaty joining them] was agreed in 1707, England paid": a kept clause of
    # its own whose subject went with the words cut.
    return any(_lost_subject(doc[i], kept) for i in kept)


def _lost_subject(token: Token, kept: Set[int]) -> bool:
    if token.dep_ != "ccomp" or token.pos_ not in ("VERB", "AUX"):
        return False
    tensed = [token, *(child for child in token.children if child.dep_ in AUX_DEPS)]
    if not any(t.tag_ in FINITE_TAGS for t in tensed):
        return False
    return not any(
        child.dep_ in SUBJECT_DEPS | {"expl", "csubj"} and child.i in kept
        for child in token.children
    )


OWN_SUBJECT_WORDS = frozenset({"most", "many", "some", "all", "few", "several", "others", "each"})


def participle_clause(verb: Token, *, keep: frozenset[int]) -> tuple[Clause, str] | None:
    """A participle set off by a comma, read as a clause of its own, with the tense to give it.

    "Miller was named MVP, recording five tackles": Miller recorded them, in the past. "The
    Saxon Garden, covering 15.5 ha, was ...": the garden covers them. Participles opened by a
    word of their own ("after conquering") say when or why, and are left as they are.
    """
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl"):
        return None
    if any(child.dep_ in SUBJECT_DEPS | AUX_DEPS | {"mark"} for child in verb.children):
        return None
    if any(child.lower_ in OWN_SUBJECT_WORDS for child in verb.lefts):
        # "visit the park each year, most staying at Yulara": "most" is the participle's own
        # subject, whatever the parser called it, and "people most stay" is no sentence.
        return None
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if before is None or before.text != ",":
        return None
    head = verb.head
    noun_before = verb.doc[before.i - 1] if before.i > 0 else None
    if (
        verb.dep_ == "advcl"
        and noun_before is not None
        and noun_before.dep_ == "pobj"
        and noun_before.head.head.i == head.i
    ):
        # "comes from the Latin vacca, meaning cow": the participle may describe the noun
        # just before it, not the subject, and "The word means cow" would be false.
        return None
    if verb.dep_ == "advcl":
        if head.pos_ not in ("VERB", "AUX"):
            return None
        subject = _subject_tokens(head)
        main = head
    else:
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in SUBJECT_DEPS:
            return None
        subject = _phrase(head)
        main = head.head
    if not subject or main.pos_ not in ("VERB", "AUX"):
        return None
    between = verb.doc[min(head.i, verb.i) + 1 : verb.left_edge.i]
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in AUX_DEPS for t in between):
        # "the Library, which is the largest system, comprising 79 libraries": with another
        # verb in between, whose noun the participle describes is only a guess.
        return None
    aux = next((child for child in main.lefts if child.dep_ in AUX_DEPS), None)
    tensed = aux if aux is not None else main
    if tensed.tag_ == "VBD":
        tense = "VBD"
    elif tensed.tag_ in ("VBZ", "VBP"):
        tense = tensed.tag_ if verb.dep_ == "advcl" else _agreement(subject)
    else:
        return None
    kept: set[int] = set()
    _collect(verb, kept=kept, keep=keep)
    kept -= _bracketed(verb, keep=keep)
    kept -= {i for i in kept if verb.doc[i].text == "," and not {i - 1, i + 1} <= kept}
    kept.update(token.i for token in subject)
    clause = Clause(verb=verb, subject=subject, aux=None, kept=frozenset(kept))
    return None if cut_short(clause) else (clause, tense)


def _agreement(subject: tuple[Token, ...]) -> str:
    head = next((token for token in subject if token.head not in subject), subject[-1])
    return "VBP" if head.tag_ in ("NNS", "NNPS") else "VBZ"


def _appositive_commas(doc: Doc, kept: set[int]) -> set[int]:
    """ "60% of the rainforest, Colombia with 10%": a kept apposition keeps its comma."""
    commas = set()
    for i in kept:
        token = doc[i]
        before = token.left_edge.i - 1
        if (
            token.dep_ == "appos"
            and before >= 0
            and doc[before].text == ","
            and token.head.i in kept
        ):
            commas.add(before)
    return commas


def _is_verb_form(verb: Token) -> bool:
    """Whether the word is what its tag says: "disc" is no past tense of anything."""
    if verb.tag_ not in ("VBD", "VBZ", "VBN"):
        return True
    return _inflects_as(verb.lower_, verb.tag_)


@functools.lru_cache(maxsize=4096)
def _inflects_as(lowered: str, tag: str) -> bool:
    lemmas = getAllLemmas(lowered)
    bases = {*lemmas.get("VERB", ()), *lemmas.get("AUX", ())}
    return any(lowered in getInflection(base, tag=tag) for base in bases) or not bases


def _subject_tokens(verb: Token) -> tuple[Token, ...] | None:
    # "NAIROBI, 14 June - A team ... has won": with two subjects, the nearer one is the verb's.
    subject = max(
        (child for child in verb.children if child.dep_ in SUBJECT_DEPS and child.i < verb.i),
        key=lambda child: child.i,
        default=next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None),
    )
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "The Broncos finished the season and denied ...": the second verb shares the subject,
        # when a word joins them. "The US took it up after Panama, ..., declared ...": with
        # only a comma between, the parser has joined two clauses that are not a pair.
        joins = [
            child.i
            for child in verb.head.children
            if child.dep_ == "cc" and verb.head.i < child.i < verb.i
        ]
        # "and is built on": only auxiliaries stand between the "and" and the verb. "..., and
        # for ten years little was done" starts a clause whose subject the parser lost.
        between = verb.doc[max(joins) + 1 : verb.i] if joins else []
        shared = bool(joins) and all(
            t.dep_ in AUX_DEPS | {"neg", "advmod"} or t.is_punct for t in between
        )
        return _subject_tokens(verb.head) if shared else None
    if subject is None:
        return None
    if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        # "Lavrov, who called ...": the relative pronoun stands for the noun it follows,
        # unless a chain of nouns leaves open which one it is.
        noun = verb.head
        if noun.dep_ == "pobj" and (
            noun.head.head.pos_ in ("NOUN", "PROPN")
            or any(child.dep_ == "dobj" for child in noun.head.head.children)
        ):
            # "his rule as Emperor of the French, which ...", "built a wind tunnel in their
            # workshop, which helped ...": which noun?
            return None
        inside = {x.i for x in verb.subtree}
        tokens = [t for t in _phrase(noun) if t.i not in inside]
        if noun.pos_ == "NOUN" and len([t for t in tokens if not t.is_punct]) == 1:
            # "fires that burned for five days": which fires is said only by the sentence
            # around them, so "How long did fires burn?" has lost its point.
            return None
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        return tuple(tokens)
    if subject.tag_ in RELATIVE_TAGS:
        return None
    return _phrase(subject)


def _phrase(head: Token) -> tuple[Token, ...]:
    """A noun phrase without its asides, so the subject reads as a plain name."""
    kept: set[int] = set()
    _collect(head, kept=kept, keep=frozenset())
    kept -= _bracketed(head, keep=frozenset())
    tokens = [token for token in head.subtree if token.i in kept]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tuple(tokens)


@contextmanager
def lean_clauses(keep: frozenset[int]) -> Iterator[None]:
    """Within this block, clauses keep only what the fact needs: its verb's complements and
    the phrase holding the answer (token indices `keep`)."""
    token = _LEAN.set(keep)
    try:
        yield
    finally:
        _LEAN.reset(token)


def _is_lean_pruned(child: Token) -> bool:
    """In a lean clause, a circumstance at either end of it ("in 1755, ...", "... at Levi's
    Stadium") goes when it names something and the verb keeps another complement."""
    keep = _LEAN.get()
    if keep is None or _contains(child, keep):
        return False
    head = child.head
    if head.pos_ not in ("VERB", "AUX") or child.dep_ not in LEAN_VERB_DEPS:
        return False
    if child.dep_ == "prep" and child.lower_ not in CIRCUMSTANCE_PREPS:
        return False
    if not any(t.ent_type_ or t.like_num for t in child.subtree):
        return False  # Nothing in it could give another answer away.
    if not _at_clause_edge(child):
        return False  # Cut from the middle, a list or a pair of phrases falls apart.
    if any(t.dep_ == "prep" and t.lower_ in LINKING_PREPS for t in child.subtree):
        return False  # "links the sea at Port Said with the Red Sea": the link is the fact.
    return any(
        other.i != child.i
        and (other.dep_ in COMPLEMENT_DEPS or _contains(other, keep))
        and other.dep_ not in SUBJECT_DEPS
        for other in head.children
    )


def _at_clause_edge(child: Token) -> bool:
    doc = child.doc
    before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    after = doc[child.right_edge.i + 1] if child.right_edge.i + 1 < len(doc) else None
    opens = child.i < child.head.i and after is not None and after.text == ","
    closes = after is None or after.text in (".", ";", "!", "?") or after.is_space
    return opens or (closes and (before is None or before.text != ","))


def _collect(token: Token, *, kept: set[int], keep: frozenset[int]) -> None:
    kept.add(token.i)
    for child in token.children:
        if _contains(child, keep) or not (_is_pruned(child) or _is_lean_pruned(child)):
            _collect(child, kept=kept, keep=keep)
            if child.dep_ == "conj" and _is_pruned(child):
                # "died and most of the city was destroyed": a second clause kept for the
                # answer keeps the "and" that joins it, or two clauses run together; only
                # the nearest one, for "evolve and adapt, and thereby avoid" has two.
                joins = [c.i for c in token.children if c.dep_ == "cc" and c.i < child.i]
                if joins:
                    kept.add(max(joins))


def _contains(token: Token, indices: frozenset[int]) -> bool:
    return (
        bool(indices) and token.left_edge.i <= max(indices) and min(indices) <= token.right_edge.i
    )


def _is_pruned(child: Token) -> bool:
    if child.dep_ == "cc" and child.head.pos_ in ("VERB", "AUX"):
        return not any(_shares_object(other) for other in child.head.children)
    if child.dep_ in PRUNED_DEPS and not (child.dep_ == "punct" and _is_inner_punct(child)):
        return True
    if child.dep_ == "conj" and child.head.pos_ in ("VERB", "AUX") and not _shares_object(child):
        # A noun the parser hung on the verb as a conjunct ("saw the end ... in 1910 and the
        # Revolution") is a second object: without its "and" it would run into the first.
        return True
    if child.dep_ in ("advmod", "cc") and child.lower_ in LINKING_ADVERBS:
        # "locks instead of a sea-level one": "instead of" compares, it does not link.
        following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        return following is None or following.lower_ != "of"
    if child.dep_ in ASIDE_DEPS and _is_set_off(child):
        return True
    if _in_brackets(child):
        return True
    if child.dep_ in ("ccomp", "advcl") and across_semicolon(child):
        return True  # "A town was established there; it was named after ...": two sentences.
    return child.dep_ == "ccomp" and child.head.dep_ == "ccomp"


def _shares_object(child: Token) -> bool:
    """ "to recognize and neutralize pathogens": the second verb carries the object of both."""
    if child.dep_ != "conj" or child.pos_ != "VERB" or child.head.pos_ != "VERB":
        return False
    head_objects = [c for c in child.head.children if c.dep_ in ("dobj", "prep", "attr")]
    own_objects = [c for c in child.children if c.dep_ == "dobj"]
    between = child.doc[child.head.i + 1 : child.i]
    return (
        not head_objects
        and bool(own_objects)
        and all(t.dep_ == "cc" or t.is_punct for t in between)
    )


def across_semicolon(child: Token) -> bool:
    """Whether a semicolon stands between a clause and the verb it hangs on (the parser
    sometimes files the semicolon inside the first clause)."""
    head = child.head
    first, last = sorted((child.i, head.i))
    return any(token.text == ";" for token in child.doc[first + 1 : last])


def _is_inner_punct(token: Token) -> bool:
    """Hyphens and apostrophes inside names are words; commas and quotes are handled later."""
    return token.text in ("-", "–", "'", "’", "“", "”", '"', "‘", ",")


def _bracketed(verb: Token, *, keep: frozenset[int]) -> set[int]:
    """Tokens inside brackets in the verb's sentence, unless the answer is among them."""
    inside: set[int] = set()
    opened: int | None = None
    for token in verb.sent:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            span = set(range(opened, token.i + 1))
            if not span & keep:
                inside |= span
            opened = None
    return inside


def _in_brackets(child: Token) -> bool:
    """ "(Norman: Nourmands; French: Normands)": whatever sits in brackets is an aside."""
    doc = child.doc
    before = child.left_edge.i - 1
    after = child.right_edge.i + 1
    return before >= 0 and after < len(doc) and doc[before].text == "(" and doc[after].text == ")"


def _is_set_off(child: Token) -> bool:
    """A modifier between commas or in brackets is an aside, not part of the fact."""
    doc = child.doc
    before = child.left_edge.i - 1
    after = child.right_edge.i + 1
    opened = before >= 0 and doc[before].text in (",", "(", "—", "–", ":")
    closed = after >= len(doc) or doc[after].text in (",", ")", "—", "–", ".", ";")
    return opened and closed
