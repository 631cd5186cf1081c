"""What a definite description points back to: "the stadium", "the two countries", "both teams".

A stem is read without the article's earlier sentences, so "The two countries conduct
billions in trade" must say which countries. A description is resolved only to names of the
same kind (a stadium to a facility, a country to a country), of the same number (one name for
"the company", exactly two joined names for "the two countries" or "both sides"), and only
when the recent sentences hold exactly that many: a wrong replacement is worse than none.
A description that points back and cannot be resolved is reported, so no stem keeps it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quizzes.generation.entities import Mention
from quizzes.generation.generic import DESCRIPTION_KINDS, noun_for_name
from quizzes.generation.inflection import noun_lemma
from quizzes.generation.kinds import INSTITUTION_WORDS, PLACE_WORDS, AnswerKind
from quizzes.generation.nlp import token_index

# How many sentences back a description may find its antecedent.
RECENT_SENTENCES = 3
DEFINITE = frozenset({"the"})
PAIR_WORDS = frozenset({"two", "both"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Children that say which one is meant, so the description identifies its referent itself:
# "the city of Perth", "the team that won", "the Russian government", "the bank's owner".
IDENTIFYING_DEPS = frozenset({"prep", "relcl", "acl", "appos", "poss", "compound", "nmod"})
NAME_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})
ROMAN_RE = re.compile(r"^[IVXLC]+$")
# "born in the city", "moved to the country": descriptions that point back wherever they are.
PLACE_KINDS = frozenset({AnswerKind.CITY, AnswerKind.COUNTRY, AnswerKind.US_STATE})
# A noun the article uses this often is what it is about: "the bridge" in an article on a
# bridge names it well enough; "the tube", said once before, does not.
TOPIC_USES = 3


@dataclass(frozen=True)
class References:
    """Token replacements for resolved descriptions, and the descriptions left unresolved
    (each as the token span's start and end), which a stem must not keep."""

    replacements: dict[int, str]
    unresolved: tuple[tuple[int, int], ...]


def resolve_descriptions(
    doc: Doc, *, sentences: tuple[Span, ...], mentions: list[Mention]
) -> References:
    mention_at = {index: m for m in mentions for index in range(m.start, m.end)}
    sentence_of = {token.i: number for number, sent in enumerate(sentences) for token in sent}
    replacements: dict[int, str] = {}
    unresolved: list[tuple[int, int]] = []
    for token in doc:
        if _counts_back(token, mention_at=mention_at):
            # "All five returned safely", "another plotter rented a room", "The pair set up a
            # petition": a subject that only counts or picks from people named before.
            unresolved.append((token.left_edge.i, token.i + 1))
            continue
        picked = _picked_from_set(token, mention_at=mention_at)
        if picked is not None and _said_before(token, sentence_of=sentence_of):
            # "Three nails ... The first nail sits in tap water": which one is first is in
            # the sentences before, and no name can stand for it.
            unresolved.append((picked, token.i + 1))
            continue
        description = _description(token, mention_at=mention_at)
        if description is None:
            back = _points_back(token, mention_at=mention_at, sentence_of=sentence_of)
            if back is not None:
                unresolved.append((back, token.i + 1))
            continue
        start, wanted = description
        noun = noun_lemma(token)
        antecedents = _antecedents(
            token,
            start=start,
            wanted=wanted,
            mentions=mentions,
            sentences=sentences,
            sentence_of=sentence_of,
        )
        named = None
        if antecedents is not None:
            named = _joined([_surface(doc, m) for m in antecedents])
        elif wanted == 1:
            named = _named_phrase(token, sentences=sentences, sentence_of=sentence_of)
        if named is not None:
            replacements.update(dict.fromkeys(range(start, token.i), ""))
            replacements[token.i] = named
        elif (
            wanted == 2
            or DESCRIPTION_KINDS.get(noun, frozenset()) & PLACE_KINDS
            or (
                token.dep_ in SUBJECT_DEPS
                and (noun in DESCRIPTION_KINDS or _said_before(token, sentence_of=sentence_of))
            )
        ):
            # "The stadium opened in 1923", "born in the city": a subject the article named
            # before, or, anywhere, "the city" or "the country", points back.
            unresolved.append((start, token.i + 1))
    return References(replacements=replacements, unresolved=tuple(unresolved))


def _description(token: Token, *, mention_at: dict[int, Mention]) -> tuple[int, int] | None:
    """(first token, how many things it names) for "the stadium" or "the two countries"."""
    if token.pos_ != "NOUN" or token.i in mention_at or token.dep_ == "compound":
        return None
    lefts = list(token.lefts)
    if not lefts or any(
        child.dep_ in IDENTIFYING_DEPS or child.ent_type_ in NAME_LABELS for child in lefts
    ):
        return None
    if any(child.dep_ in IDENTIFYING_DEPS for child in token.rights):
        return None
    determiners = [child for child in lefts if child.dep_ in ("det", "predet")]
    words = {child.lower_ for child in lefts}
    if not determiners or not (words & DEFINITE or "both" in words):
        return None
    if any(child.dep_ not in ("det", "predet", "nummod") for child in lefts):
        return None  # "the new stadium", "the largest company": described, maybe a new one.
    if words & PAIR_WORDS:
        wanted = 2
    elif token.tag_ == "NNS":
        return None  # "the countries" may sum up any number named before.
    else:
        wanted = 1
    return min(child.i for child in lefts), wanted


def _points_back(
    token: Token, *, mention_at: dict[int, Mention], sentence_of: dict[int, int]
) -> int | None:
    """The first token of "the tube" or "the cracks" when the article introduced the noun
    in an earlier sentence ("a thin tube grows down"), which says which one is meant. A
    noun the article wrote only as a bare "the" ("the sun", "the news") is known to every
    reader, and one it keeps coming back to is its topic."""
    if token.pos_ != "NOUN" or token.i in mention_at or token.dep_ == "compound":
        return None
    lefts = list(token.lefts)
    if not lefts or lefts[0].lower_ != "the":
        return None
    if any(child.dep_ != "det" or child.ent_type_ in NAME_LABELS for child in lefts):
        return None
    if any(child.dep_ in IDENTIFYING_DEPS for child in token.rights):
        return None
    here = sentence_of[token.i]
    used = _uses_of_noun(token)
    earlier = [t for t in used if sentence_of[t.i] < here]
    if not earlier or all(_bare_definite(t) for t in earlier):
        return None
    if sum(1 for t in used if t.pos_ == "NOUN") >= TOPIC_USES:
        return None  # "the islands" of an article about islands: its topic, known to all.
    return lefts[0].i


def _bare_definite(token: Token) -> bool:
    lefts = list(token.lefts)
    return (
        token.pos_ == "NOUN"
        and len(lefts) == 1
        and lefts[0].lower_ == "the"
        and not any(child.dep_ in IDENTIFYING_DEPS for child in token.rights)
    )


# Subjects that stand for people or things counted before: "the pair", "the rest", "all five".
COUNTING_NOUNS = frozenset({"pair", "rest", "remainder", "trio", "others"})
PICKING_WORDS = frozenset({"another", "all", "both", "each"})


def _counts_back(token: Token, *, mention_at: dict[int, Mention]) -> bool:
    if token.dep_ not in SUBJECT_DEPS:
        return False
    lefts = {child.lower_ for child in token.lefts}
    if token.pos_ == "NUM" and token.head.pos_ in ("VERB", "AUX"):
        return bool(lefts & (PICKING_WORDS | {"the"}))  # "All five", "the two"
    if token.i in mention_at:
        return False
    if token.pos_ == "NOUN" and token.lower_ in COUNTING_NOUNS and "the" in lefts:
        return True
    return token.pos_ == "NOUN" and "another" in lefts


SET_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "other", "final"})


def _picked_from_set(token: Token, *, mention_at: dict[int, Mention]) -> int | None:
    """The first token of "the first nail", "the other end": one of a set named before."""
    if token.pos_ != "NOUN" or token.i in mention_at or token.dep_ == "compound":
        return None
    lefts = list(token.lefts)
    if len(lefts) != 2 or lefts[0].lower_ != "the" or lefts[1].lower_ not in SET_WORDS:
        return None
    if token.dep_ == "attr" or any(child.dep_ in IDENTIFYING_DEPS for child in token.rights):
        return None  # "the first nail in the row", "became the first woman to …" say which.
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in ("to", "who", "that", "which"):
        return None
    return lefts[0].i


def _antecedents(
    token: Token,
    *,
    start: int,
    wanted: int,
    mentions: list[Mention],
    sentences: tuple[Span, ...],
    sentence_of: dict[int, int],
) -> list[Mention] | None:
    """The names the description stands for: the one name of its kind in the recent
    sentences, or for "the two ...", the nearest two names of its kind joined by "and"."""
    noun = noun_lemma(token)
    # A noun of no listed kind stands only for names it ends: "the hospital" for Vienna
    # General Hospital.
    kinds = DESCRIPTION_KINDS.get(noun, frozenset())
    here = sentence_of[token.i]
    first = max(0, here - RECENT_SENTENCES)
    fitting = [
        m
        for m in mentions
        if m.start < start
        and sentence_of.get(m.start, here) >= first
        and _fits(m, noun=noun, kinds=kinds)
    ]
    if wanted == 1:
        found = {m.key: m for m in fitting}  # the latest wording of each
        if not found:
            # The article's one library, named further back, is still "the library".
            found = {
                m.key: m for m in mentions if m.start < start and _fits(m, noun=noun, kinds=kinds)
            }
        return list(found.values()) if len(found) == 1 else None
    for number in range(here, first - 1, -1):
        pairs = _joined_pairs(token.doc, [m for m in fitting if sentence_of[m.start] == number])
        if len(pairs) == 1:
            return list(pairs[0])
        if pairs:
            return None  # Two pairs in one sentence: which two is not clear.
    return None


def _fits(mention: Mention, *, noun: str, kinds: frozenset[AnswerKind]) -> bool:
    """Whether "the <noun>" can stand for the name: a name of one of its kinds, or one whose
    head word says it is one ("the war" for World War II, not "the palace" for the Palace
    Park, which is a park)."""
    return _fits_name(mention.text, mention.kind, noun, kinds)


@functools.lru_cache(maxsize=1 << 15)
def _fits_name(text: str, kind: AnswerKind, noun: str, kinds: frozenset[AnswerKind]) -> bool:
    head = text.split()[-1].casefold()
    if head != noun and head in PLACE_WORDS | INSTITUTION_WORDS:
        return False  # "the building" is not Harbour Street, whatever label both have
    if kind in kinds or noun_for_name(text, kind) == noun:
        return True
    words = [w for w in text.split() if w.isalpha() and not ROMAN_RE.match(w)]
    return bool(words) and words[-1].casefold() in {noun, f"{noun}s"}


def _named_phrase(
    token: Token, *, sentences: tuple[Span, ...], sentence_of: dict[int, int]
) -> str | None:
    """ "The bridge" after "the Vistula bridge": the one earlier phrase that named this noun
    with modifiers of its own, in the recent sentences."""
    noun = noun_lemma(token)
    here = sentence_of[token.i]
    first = sentences[max(0, here - RECENT_SENTENCES)].start
    found = set()
    for earlier in token.doc[first : token.i]:
        if earlier.pos_ != "NOUN" or noun_lemma(earlier) != noun:
            continue
        words = [t for t in earlier.lefts if t.dep_ not in ("det", "punct")]
        if not words or not all(
            t.dep_ in ("compound", "amod") and not list(t.children) and t.is_title for t in words
        ):
            continue
        found.add(" ".join(["the", *(t.text for t in words), earlier.text]))
    return found.pop() if len(found) == 1 else None


def _said_before(token: Token, *, sentence_of: dict[int, int]) -> bool:
    """Whether the noun was used in an earlier sentence: "A storm hit ... The storm lasted",
    or ended a name there: "the First Clinic ... The clinic had"."""
    here = sentence_of[token.i]
    return any(sentence_of[earlier.i] < here for earlier in _uses_of_noun(token))


def _uses_of_noun(token: Token) -> list[Token]:
    """The tokens that use the noun: as a noun of that lemma, or as the last word of a name
    ("Clinic", "Clinics"); from an index built once per doc."""
    doc = token.doc
    index = token_index(doc, "nouns_by_lemma", _noun_key)
    noun = noun_lemma(token)
    found = [
        *index.get(("noun", noun), ()),
        *index.get(("name", noun), ()),
        *index.get(("name", f"{noun}s"), ()),
    ]
    return [doc[i] for i in sorted(found)]


def _noun_key(token: Token) -> tuple[str, str] | None:
    if token.pos_ == "NOUN":
        return ("noun", noun_lemma(token))
    if token.pos_ == "PROPN":
        return ("name", token.lower_)
    return None


def _joined_pairs(doc: Doc, found: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs of names of different things joined as conjuncts: "Russia and the United States"."""
    pairs = []
    for index, first in enumerate(found):
        conjuncts = doc[first.start : first.end].root.conjuncts
        for second in found[index + 1 :]:
            if second.key != first.key and doc[second.start : second.end].root in conjuncts:
                pairs.append((first, second))
    return pairs


def _surface(doc: Doc, mention: Mention) -> str:
    """The name as the article wrote it, with its "the" ("the United States")."""
    if mention.start > 0 and doc[mention.start - 1].lower_ == "the":
        return f"the {mention.text}"
    return mention.text


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else " and ".join(names)
