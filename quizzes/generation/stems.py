"""Turning a sentence and the answer in it into a question, or a gap when that is not safe."""

from __future__ import annotations

import itertools
import re
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from quizzes.generation.clauses import (
    LINKING_ADVERBS,
    SUBJECT_DEPS,
    Clause,
    across_semicolon,
    find_clause,
    lean_clauses,
    participle_clause,
)
from quizzes.generation.entities import is_common_word
from quizzes.generation.inflection import base_form, do_support, finite_form, singular
from quizzes.generation.kinds import NUMERIC_KINDS, PLACE_KINDS, TIME_KINDS, AnswerKind

BLANK = "_____"
ARTICLE_BEFORE_GAP_RE = re.compile(r"\b([Aa]n?) _____")
# Marks between two parts of a sentence that can each stand alone.
PART_BREAKS = frozenset({";", ":"})
PART_BREAK_RE = re.compile(r"\s*[;:](?=\s)")
NO_TOKEN = -1
# A word of the question and the index of the token it came from, or NO_TOKEN if made up.
Piece = tuple[str, int]
MIN_QUESTION_WORDS = 4
# "The _____ was restored." gives a student too little to go on.
MIN_CLOZE_WORDS = 5
MAX_QUESTION_WORDS = 32
MAX_CLOZE_WORDS = 45
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "within"})
# "from 1961 to 1972" is a span, not a point: "in what year" would be wrong for it.
TIME_PREPS = frozenset({"in", "on", "at", "during"})
BE_FORMS = frozenset({"is", "was", "are", "were", "am", "'s", "’s"})
QUOTED_COMMA_RE = re.compile(r",([”\"])(?=\s+[a-z])")
DANGLING_END_RE = re.compile(r"\b(and|or|but|nor|the|a|an|than|as well as)$", re.I)
MAX_FRONT_WORDS = 5
# "an estimated 25 million Chinese": the hedge went with the number, not the counted noun.
HEDGES = frozenset(
    {"estimated", "approximately", "roughly", "about", "around", "nearly", "almost", "over"}
)
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
TIME_FRAME_NOUNS = frozenset(
    {"morning", "afternoon", "evening", "night", "eve", "day", "spring", "summer", "autumn"}
    | {"winter", "dawn", "end", "beginning", "start"}
)
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Words that tie a sentence to the one before ("However, ..."); a gap sentence drops them.
OPENING_LINKS = LINKING_ADVERBS | {"consequently"}
OPENING_LINK_RE = re.compile(rf"^(?:{'|'.join(sorted(OPENING_LINKS))}),\s*", re.IGNORECASE)
# Nouns that, bare with "the", only point back: "the rest", "the situation", "the move".
BACK_NOUNS = frozenset(
    {"rest", "remainder", "situation", "money", "cause", "move", "matter", "work"}
    | {"boy", "girl", "man", "woman"}  # "What did the boy develop?": which boy?
)
SITE_KINDS = frozenset({AnswerKind.ORGANISATION, AnswerKind.FACILITY})
TIME_UNITS = frozenset(
    {"day", "week", "month", "year", "decade", "century", "morning", "night"}
    | {"days", "weeks", "months", "years", "decades", "centuries"}
)
PARENTHESES_RE = re.compile(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)")
CLAUSE_OPENER_TAGS = frozenset({"WDT", "WP", "WP$", "WRB", "IN"})
CLAUSE_BREAKS = frozenset({";", ":", "—", "–"})
INNER_WH_RE = re.compile(r"\b(which|whom|whose|who|what|where|when|why|how)\b", re.I)
# Prepositions that can take "whom": "by whom", "with whom"; never "during whom".
PERSON_PREPS = frozenset({"by", "with", "to", "for", "from", "against", "of", "about"})
ANAPHORIC_ADVERBS = frozenset(
    {
        "here",
        "there",
        "thereafter",
        "afterwards",
        "afterward",
        "likewise",
        "similarly",
        "meanwhile",
        "too",
        "either",
        "thus",
        "hence",
        "therefore",
    }
)
# "the following year", "the next day": counted from a time the stem leaves out.
RELATIVE_TIME_WORDS = frozenset({"following", "next", "previous", "same"})
# Subjects that stand for people or things named elsewhere ("some of the visitors").
VAGUE_SUBJECTS = frozenset({"some", "many", "most", "others", "few", "several", "all", "both"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "this",
        "these",
        "those",
        "that",
        "i",
        "we",
        "you",
        "me",
        "us",
        "our",
        "my",
        "your",
    }
)
# The model's organisations include teams, programmes and even diseases, so "what
# organisation" would often be wrong where plain "what" is always right.
SUBJECT_WH = {
    AnswerKind.PERSON: "who",
    AnswerKind.COUNTRY: "which country",
    AnswerKind.US_STATE: "which state",
    AnswerKind.CITY: "which city",
    AnswerKind.CONTINENT: "which continent",
    AnswerKind.NATIONALITY: "which nationality",
    # "£22,000 was raised": "How much was raised?", not "What was raised?".
    AnswerKind.MONEY: "how much",
}
TIME_WH = {
    AnswerKind.YEAR: "in what year",
    AnswerKind.WEEKDAY: "on what day",
    AnswerKind.FULL_DATE: "on what date",
    AnswerKind.MONTH_YEAR: "when",
    AnswerKind.CENTURY: "in which century",
}


# Set for the duration of one make_stem call, so the many small helpers need not pass it on.
_REPLACEMENTS: ContextVar[dict[int, str]] = ContextVar("replacements", default={})  # noqa: B039


class StemForm(StrEnum):
    QUESTION = "question"
    CLOZE = "cloze"


@dataclass(frozen=True)
class Stem:
    prompt: str
    form: StemForm
    # False when the stem leans on a pronoun the student cannot resolve from the stem alone.
    self_contained: bool
    # "a" or "an", as the text had it before the gap (the prompt reads "a(n)"), for a typed
    # answer, which has no choices the article could point to.
    article: str = ""


@dataclass(frozen=True)
class _Plan:
    """Where the answer sits in the clause and what replaces it."""

    verb: Token
    removed: frozenset[int]
    wh: str
    is_subject: bool


def make_stem(
    sentence: Span, answer: Span, kind: AnswerKind, *, replacements: dict[int, str] | None = None
) -> Stem | None:
    """A wh-question if the parse makes it safe, else a fill-in-the-blank sentence.

    `replacements` maps resolved pronouns to their antecedents ("its" to "Kenya's").
    """
    token = _REPLACEMENTS.set(replacements or {})
    try:
        question = _question(answer, kind)
        if question is not None:
            return question
        return _cloze(sentence, answer)
    finally:
        _REPLACEMENTS.reset(token)


def lean_stem(
    sentence: Span, answer: Span, kind: AnswerKind, *, replacements: dict[int, str] | None = None
) -> Stem | None:
    """The question or gap cut down to the fact's own words, without the circumstances and
    descriptions around it, or None where the clause cannot be cut cleanly."""
    token = _REPLACEMENTS.set(replacements or {})
    try:
        with lean_clauses(frozenset(range(answer.start, answer.end))):
            question = _question(answer, kind)
            if question is not None:
                return question
            return _clause_only_cloze(answer)
    finally:
        _REPLACEMENTS.reset(token)


def _clause_only_cloze(answer: Span, *, look_past_clauseless: bool = False) -> Stem | None:
    """The answer's clause with the answer blanked out, or None. The first verb above the
    answer decides, unless `look_past_clauseless` lets a verb without a clause of its own
    hand over to the next one up."""
    keep = frozenset(range(answer.start, answer.end))
    for verb in answer.root.ancestors:
        if verb.pos_ not in ("VERB", "AUX") or _is_reported(verb):
            continue
        participle = _participle_cloze(verb, answer, keep=keep)
        if participle is not None:
            return participle
        clause = find_clause(verb, keep=keep)
        if clause is not None:
            return _clause_cloze(clause, answer)
        if not look_past_clauseless:
            return None
    return None


def _question(answer: Span, kind: AnswerKind) -> Stem | None:
    plan = _plan(answer, kind)
    if plan is None or _is_reported(plan.verb):
        return None
    if kind == AnswerKind.DURATION and plan.wh == "what":
        return None  # "What did they build an airport in? Three months": a span is no thing.
    clause = find_clause(plan.verb, keep=frozenset(range(answer.start, answer.end)))
    if clause is None:
        return None
    words = _arrange(clause, plan)
    if words is None:
        return None
    prompt = _render(words, doc=answer.doc)
    prompt = prompt[: len(plan.wh)] + prompt[len(plan.wh) :].lstrip(",; ")
    if prompt[len(plan.wh) :][:1] not in (" ", ""):
        prompt = prompt[: len(plan.wh)] + " " + prompt[len(plan.wh) :]
    if DANGLING_END_RE.search(prompt):
        # "... coining the modern name packet switching and?": a conjunct was cut off.
        return None
    # 'treaty," after the conversation': the quotation's comma belonged to a clause now gone.
    prompt = QUOTED_COMMA_RE.sub(r"\1", prompt) + "?"
    prompt = prompt[0].upper() + prompt[1:]
    count = len(prompt.split())
    if not MIN_QUESTION_WORDS <= count <= MAX_QUESTION_WORDS:
        return None
    if INNER_WH_RE.search(prompt[len(plan.wh) :]):
        # "What is covered by the rainforest of which?": a relative clause was cut in half.
        return None
    kept = [answer.doc[i] for i in clause.kept if i not in plan.removed]
    if _runs_together(kept) or _cuts_relative_clause(kept):
        return None
    if any(token.tag_ == "WRB" for token in kept):
        return None  # "What did a storm approach from whenever?": a "whenever" clause is no fact.
    if any(token.tag_ in RELATIVE_TAGS and token.dep_ not in SUBJECT_DEPS for token in kept):
        # "... add to its list that?": the object is a relative pronoun whose noun is gone.
        return None
    if plan.wh == "where" and any(
        token.dep_ == "attr" and token.head.i == clause.verb.i for token in kept
    ):
        return None  # "Where is Vesuvius a volcano near Naples?": the place was the noun's.
    if plan.wh == "where" and any(
        token.dep_ == "pobj" and token.ent_type_ in ("GPE", "LOC", "FAC") for token in kept
    ):
        return None  # "Where did the family emigrate to Brantford?": two places, one question.
    if any(token.ent_type_ == "DATE" for token in clause.subject if token.i not in plan.removed):
        return (
            None  # "What did 14 February 1876 Bell's lawyer file?": a date read into the subject.
        )
    if plan.is_subject and clause.verb.lower_ in BE_FORMS:
        attributes = [t for t in kept if t.dep_ == "attr" and t.head.i == clause.verb.i]
        if any(
            t.pos_ == "NOUN" and all(child.dep_ == "det" for child in t.children)
            for t in attributes
        ):
            return None  # "Who was the commander?": of what, the question no longer says.
    if plan.is_subject and kind == AnswerKind.PERSON:
        # "Who signaled that his government ...": the possessive points at the answer itself;
        # "Who sued him" does not: "him" is never the one who sues.
        kept = [
            token
            for token in kept
            if not (token.lower_ in PERSONAL_PRONOUNS and token.tag_ == "PRP$")
        ]
    if _has_pronoun([token for token in kept if token.tag_ != "PRP$"]):
        # "Which organisation was this?" cannot be answered; a gap sentence at least shows
        # the whole sentence. A possessive ("its director") only makes the question vaguer.
        return None
    return Stem(prompt=prompt, form=StemForm.QUESTION, self_contained=not _has_pronoun(kept))


def _plan(answer: Span, kind: AnswerKind) -> _Plan | None:
    root = answer.root
    if any(child.dep_ == "conj" for child in root.children) or (
        root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS | OBJECT_DEPS
    ):
        # "Russia and Ukraine will ...", "Hillary and Tenzing stood": either name alone is
        # only half the answer; a gap shows the other.
        return None
    after = answer.doc[answer.end] if answer.end < len(answer.doc) else None
    if root.dep_ == "poss" or (after is not None and after.dep_ == "case"):
        # "Irvine's body was never found", "but Irvine's has never been located": it is
        # something of Irvine's, so "Who was never found?" asks the wrong thing.
        return None
    if root.dep_ != "nummod" and root.pos_ != "PROPN" and _loses_modifier(answer):
        return None
    if kind == AnswerKind.NUMBER and root.dep_ == "nummod":
        return _how_many(answer, root.head)
    if kind in TIME_KINDS:
        frame = _time_frame(answer)
        if frame is not None:
            # "On the morning of 1 November 1755, ...": the date dates the whole clause, so
            # the question asks for the date, not for a gap inside it.
            outer = frame.head
            return _Plan(
                verb=outer.head, removed=_subtree(outer), wh=TIME_WH[kind], is_subject=False
            )
    if kind == AnswerKind.MONEY and root.dep_ in OBJECT_DEPS:
        return _Plan(verb=root.head, removed=_subtree(root), wh="how much", is_subject=False)
    if kind == AnswerKind.NATIONALITY and _is_people(root):
        # "the Moors crossed from North Africa": a people is asked with "who".
        if root.dep_ in SUBJECT_DEPS:
            return _Plan(verb=root.head, removed=_phrase_of(answer), wh="who", is_subject=True)
        if root.dep_ in OBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
            return _Plan(verb=root.head, removed=_phrase_of(answer), wh="who", is_subject=False)
        return None
    if kind in (AnswerKind.NATIONALITY, AnswerKind.ORDINAL):
        # "Russian" mostly modifies a noun ("Russian officials"); only a gap asks it well.
        return None
    if kind in NUMERIC_KINDS and kind != AnswerKind.MONEY:
        # "What is prime?" for "5": a bare number is asked by "how many" or by a gap only.
        return None
    if root.dep_ in SUBJECT_DEPS:
        if any(c.dep_ in SUBJECT_DEPS and c.i != root.i for c in root.head.children):
            return None  # "the architect Stephen Sauvestre refined": two subjects, one parse slip.
        wh = SUBJECT_WH.get(kind, "what")
        return _Plan(verb=root.head, removed=_phrase_of(answer), wh=wh, is_subject=True)
    if root.dep_ == "dative":
        return None  # "gave Jacksonville its size": "What did it give its size?" reads wrong.
    if root.dep_ in OBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
        wh = _object_wh(kind)
        return _Plan(verb=root.head, removed=_phrase_of(answer), wh=wh, is_subject=False)
    if kind in TIME_KINDS and root.dep_ in ("npadvmod", "tmod") and root.head.pos_ == "VERB":
        # "offered ... Monday": a bare date modifying the verb asks "on what day".
        return _Plan(verb=root.head, removed=_subtree(root), wh=TIME_WH[kind], is_subject=False)
    if root.dep_ == "pobj" and root.head.dep_ in PREP_DEPS and root.head.tag_ in ("IN", "TO"):
        return _prepositional(root, kind)
    return None


def _is_people(root: Token) -> bool:
    return root.tag_ in ("NNPS", "NNS") and root.dep_ not in ("amod", "compound")


def _is_reported(verb: Token) -> bool:
    """What someone said, suggested or demanded is not a fact the article states."""
    return any(
        token.dep_ == "ccomp" and not across_semicolon(token) for token in (verb, *verb.ancestors)
    )


def _object_wh(kind: AnswerKind) -> str:
    if kind in TIME_KINDS or kind == AnswerKind.DURATION:
        return "what"
    return SUBJECT_WH.get(kind, "what")


def _prepositional(root: Token, kind: AnswerKind) -> _Plan | None:
    prep = root.head
    attached = prep.head
    preposition = prep.lower_
    if attached.pos_ in ("VERB", "AUX"):
        verb = attached
    elif attached.dep_ in OBJECT_DEPS and attached.head.pos_ in ("VERB", "AUX"):
        # "a founding member of X": the preposition stays behind, stranded.
        verb = attached.head
        if kind in TIME_KINDS and preposition in TIME_PREPS:
            # "measure the levels in 2010": the parser hangs the date on the object; it dates
            # the whole event.
            return _Plan(verb=verb, removed=_subtree(prep), wh=TIME_WH[kind], is_subject=False)
        if kind in PLACE_KINDS and preposition in PLACE_PREPS:
            return _Plan(verb=verb, removed=_subtree(prep), wh="where", is_subject=False)
        if kind in TIME_KINDS:
            return None
        if preposition == "of" and (attached.like_num or _is_counted(attached)):
            # "What does the wealthiest 1% own 46% of?": a share of something reads badly
            # with its "of" left behind; a gap asks it plainly.
            return None
        return _stranded_or_fronted(root, verb=verb, kind=kind)
    else:
        return None
    if kind in TIME_KINDS and preposition in TIME_PREPS:
        return _Plan(verb=verb, removed=_subtree(prep), wh=TIME_WH[kind], is_subject=False)
    if kind == AnswerKind.DURATION and preposition == "for":
        return _Plan(verb=verb, removed=_subtree(prep), wh="how long", is_subject=False)
    if kind in PLACE_KINDS and preposition in PLACE_PREPS:
        return _Plan(verb=verb, removed=_subtree(prep), wh="where", is_subject=False)
    if kind in SITE_KINDS and preposition in ("at", "in"):
        # "changed at the University of Oxford": a body or a building named with "at" is
        # where it happened.
        return _Plan(verb=verb, removed=_subtree(prep), wh="where", is_subject=False)
    if kind in TIME_KINDS or kind in (AnswerKind.NUMBER, AnswerKind.QUANTITY, AnswerKind.PERCENT):
        return None
    return _stranded_or_fronted(root, verb=verb, kind=kind)


def _is_counted(noun: Token) -> bool:
    """ "46% of", "half of", "0.7% of": the noun is an amount."""
    return noun.text in ("%", "percent", "half", "third", "quarter") or any(
        child.like_num for child in noun.children if child.dep_ == "nummod"
    )


def _time_frame(answer: Span) -> Token | None:
    """ "the morning of", "the night of": a part of the day or year that holds the date and
    hangs on the verb by a time preposition. The parser may hang the date on it either way."""
    for token in answer:
        noun = token.head
        if answer.start <= noun.i < answer.end:
            continue
        if noun.lower_ == "of":
            noun = noun.head
        outer = noun.head
        if (
            noun.lower_ in TIME_FRAME_NOUNS
            and noun.dep_ == "pobj"
            and outer.lower_ in TIME_PREPS
            and outer.head.pos_ in ("VERB", "AUX")
        ):
            return noun
    return None


def _stranded_or_fronted(root: Token, *, verb: Token, kind: AnswerKind) -> _Plan | None:
    """ "Who was he limited by?" reads well only when the preposition ends the clause."""
    prep = root.head
    clause_end = max(t.i for t in verb.subtree if not t.is_punct)
    if root.right_edge.i >= clause_end:
        if prep.lower_ in ("during", "since", "until", "throughout"):
            return None  # "What had they built walls during?": a gap reads better.
        if prep.lower_ == "of" and _object_wh(kind) == "who":
            return None  # "Who was the festival the idea of?": a gap reads better.
        return _Plan(verb=verb, removed=_subtree(root), wh=_object_wh(kind), is_subject=False)
    wh = _object_wh(kind)
    if wh == "who" and prep.lower_ in PERSON_PREPS:
        wh = "whom"
    elif wh == "who":
        return None
    elif kind not in PLACE_KINDS or not wh.startswith("which "):
        # "In what did they ...": pied-piping reads well only with a person or a place.
        return None
    return _Plan(verb=verb, removed=_subtree(prep), wh=f"{prep.lower_} {wh}", is_subject=False)


def _how_many(answer: Span, noun: Token) -> _Plan | None:
    """ "sacked him seven times" asks "how many times"; the counted noun joins the wh-phrase."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ not in ("NNS", "NNPS"):
        return None
    if any(child.dep_ == "det" and child.lower_ == "the" for child in noun.children):
        # "the two countries" refers back to things already named; it states no count.
        return None
    if any(child.dep_ == "poss" for child in noun.children):
        return None  # "his two colleagues": "How many colleagues?" loses whose.
    answer_tokens = set(range(answer.start, answer.end))
    phrase = [
        token
        for token in noun.subtree
        if token.i not in answer_tokens
        and token.i <= noun.i
        and token.dep_ not in ("det", "advmod", "quantmod", "punct", "poss", "case")
        and token.head.i not in answer_tokens
        and token.lower_ not in HEDGES
    ]
    # "four more servicing missions": "more" belongs to the count the question asks for.
    more = [
        token
        for token in noun.subtree
        if token.head.i in answer_tokens
        and token.lower_ in ("more", "other", "additional")
        and token.nbor().lower_ != "than"  # "more than 3,000 people" is a hedge, not a count.
    ]
    phrase = sorted({*phrase, *more}, key=lambda token: token.i)
    # "75,000 visitors a year": the rate goes with the counted noun.
    rate = [
        t
        for child in noun.children
        if child.dep_ == "npadvmod"
        and child.i > noun.i
        and child.left_edge.lower_ in ("a", "an", "per", "each", "every")
        for t in child.subtree
    ]
    # "three members of Scott's party died": the "of" phrase says whose members.
    owner = [
        t
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > noun.i
        for t in child.subtree
    ]
    wh = "how many " + " ".join(
        token.text
        if token.pos_ == "PROPN"
        or token.ent_type_
        or token.tag_ in ("NNP", "NNPS")
        or (token.is_title and not token.is_sent_start)
        else token.lower_
        for token in [*phrase, *owner, *rate]
    )
    wh = re.sub(r" (['’]s)\b", r"\1", wh)  # "Scott's party", not "Scott 's party"
    if noun.dep_ in SUBJECT_DEPS:
        return _Plan(verb=noun.head, removed=_subtree(noun), wh=wh, is_subject=True)
    if noun.dep_ in OBJECT_DEPS | {"npadvmod"} and noun.head.pos_ in ("VERB", "AUX"):
        return _Plan(verb=noun.head, removed=_subtree(noun), wh=wh, is_subject=False)
    return None


def _phrase_of(answer: Span) -> frozenset[int]:
    """The answer's noun phrase up to the answer's end.

    A name's trailing modifiers ("appointed Okafor as its director") are usually the verb's,
    attached to the name by the parser, so they stay in the question.
    """
    return frozenset(t.i for t in answer.root.subtree if t.i < answer.end)


def _loses_modifier(answer: Span) -> bool:
    """Removing the answer's phrase must not drop words after it that the fact needs.

    "took an early lead in Super Bowl 50" asking for "early lead" would silently lose
    "in Super Bowl 50"; names before the answer ("Denver linebacker") may go.
    """
    root = answer.root
    trailing = [
        token
        for token in root.subtree
        if token.i >= answer.end and not token.is_punct and not _in_aside(token, root)
    ]
    return bool(trailing)


def _in_aside(token: Token, root: Token) -> bool:
    while token.head.i != root.i and token.i != root.i:
        token = token.head
    return token.dep_ in ("appos", "relcl", "acl") and token.doc[token.left_edge.i - 1].text in (
        ",",
        "(",
    )


def _subtree(token: Token) -> frozenset[int]:
    return frozenset(t.i for t in token.subtree)


def _arrange(clause: Clause, plan: _Plan) -> list[Piece] | None:
    """Put the words in question order: wh-phrase, inverted auxiliary, subject, the rest."""
    doc = clause.verb.doc
    subject_ids = {token.i for token in clause.subject}
    kept = sorted(i for i in clause.kept if i not in plan.removed)
    if plan.is_subject:
        start = min(plan.removed)
        opener = [doc[i] for i in kept if i < start and not doc[i].is_punct]
        if _long_front(opener):
            return None
        front = _short_front(opener)
        rest = [doc[i] for i in kept if i > start and i not in subject_ids]
        if not rest:
            return None
        agreed = [_agree(token, clause, plan) for token in rest]
        return [(plan.wh, NO_TOKEN), *agreed, *(_word(t, clause) for t in front)]
    if subject_ids & plan.removed or not subject_ids:
        return None
    verb = clause.verb
    subject_start = min(subject_ids)
    front = [doc[i] for i in kept if i < subject_start and i not in subject_ids]
    if _long_front(front) or any(_describes(t, subject_ids, verb=clause.verb) for t in front):
        # "In 1924 the British climbers George Mallory and Andrew Irvine disappeared": the
        # words before the names belong to the subject and cannot go to the question's end.
        return None
    after = [doc[i] for i in kept if i > subject_start and i not in subject_ids]
    subject = [token for token in clause.subject if token.i not in plan.removed]
    if clause.aux is not None:
        inverted = [(clause.aux.text.lower(), NO_TOKEN)]
        negation = [t for t in after if t.dep_ == "neg" and t.i == clause.aux.i + 1]
        if negation and negation[0].lower_ in ("n't", "n’t"):
            inverted = [(clause.aux.text.lower() + negation[0].text, NO_TOKEN)]
        else:
            negation = []  # "could women not attend": a "not" stays after the subject.
        after = [t for t in after if t.i != clause.aux.i and t not in negation]
        front = [t for t in front if t.i != clause.aux.i and t not in negation]
        tail = [_word(t, clause) for t in after]
    elif verb.lower_ in BE_FORMS:
        inverted = [(verb.lower_, NO_TOKEN)]
        tail = [_word(t, clause) for t in after if t.i != verb.i]
    else:
        do = do_support(verb)
        if do is None:
            return None
        if do in ("do", "does") and subject:
            # The parser's tense tag can miss the number: "monitoring ... show" is singular.
            head = next((t for t in subject if t.dep_ in SUBJECT_DEPS), subject[-1])
            do = "do" if head.tag_ in ("NNS", "NNPS") or _is_conjoined(head) else "does"
            if head.tag_ == "PRP":
                do = do_support(verb)
        inverted = [(do, NO_TOKEN)]
        tail = [(base_form(t), t.i) if t.i == verb.i else _word(t, clause) for t in after]
    subject_words = [_word(t, clause) for t in subject]
    while tail and tail[0][0] == ",":
        tail = tail[1:]  # "William the Conqueror, lead to ...": the appositive's comma.
    words = [(plan.wh, NO_TOKEN), *inverted, *subject_words, *tail]
    # Adverbials before the subject ("After the talks, ...") go to the end of a question.
    trailing = [_word(t, clause) for t in _short_front([t for t in front if not t.is_punct])]
    return words + trailing


def _describes(token: Token, subject_ids: set[int], *, verb: Token) -> bool:
    """Whether a word before the subject is part of it: a noun phrase that its names stand
    in apposition to, that heads them, or that the parser made a second subject."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ in SUBJECT_DEPS and token.head.i == verb.i:
        return True
    return token.head.i in subject_ids or any(
        child.i in subject_ids for child in token.children if child.dep_ in ("appos", "compound")
    )


def _with_space(token: Token) -> str:
    replacement = _REPLACEMENTS.get().get(token.i)
    if replacement is None:
        return token.text_with_ws
    return replacement + token.whitespace_ if replacement else ""


def _is_clean_cut(gap: Span) -> bool:
    """Words dropped mid-sentence must be a whole aside, set off by punctuation or "and".

    A cut that starts and ends inside running words ("with 60% of the forest Colombia with
    10%") leaves a sentence nobody wrote.
    """
    first, last = gap[0], gap[-1]
    if last.dep_ == "cc" and last.head.pos_ in ("VERB", "AUX") and last.head.i >= gap.start:
        # "Jacksonville [is in the First Coast region and] is centered on ...": the first of
        # two things said about one subject went, with the "and" that joined them.
        return True
    return first.is_punct or first.dep_ == "cc" or last.is_punct


def _is_conjoined(token: Token) -> bool:
    return any(child.dep_ == "conj" for child in token.children)


def _short_front(front: list[Token]) -> list[Token]:
    """A short opener ("In 1564") moves to the end; a long one would garble the question."""
    return front if len(front) <= MAX_FRONT_WORDS else []


def _long_front(front: list[Token]) -> bool:
    """ "By the end of the first day, 2,300 visitors had come": an opener too long to move
    still says when the fact holds, so the question cannot simply leave it out. An opener
    with a verb of its own ("British factories were under pressure") is a clause, which
    cannot trail after the question either."""
    words = [t for t in front if not t.is_punct]
    return len(words) > MAX_FRONT_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words)


def _agree(token: Token, clause: Clause, plan: _Plan) -> Piece:
    if plan.wh.startswith("how many"):
        return _word(token, clause)
    if token.i == (clause.aux.i if clause.aux is not None else clause.verb.i):
        return singular(token), token.i
    return _word(token, clause)


def _word(token: Token, clause: Clause) -> Piece:
    """Sentence-initial capitals go once the word moves; names and "I" keep theirs."""
    replacement = _REPLACEMENTS.get().get(token.i)
    if replacement is not None:
        return replacement, NO_TOKEN
    text = token.text
    if _opens_sentence(token) and not is_name(token) and text != "I":
        return text.lower(), token.i
    return text, token.i


def _opens_sentence(token: Token) -> bool:
    """The first word, or the first after a dateline that stems leave out ("STORVIK, Norway,
    14 March — The fishing village ...")."""
    if token.is_sent_start:
        return True
    replaced = _REPLACEMENTS.get()
    before = token.doc[token.sent.start : token.i]
    return bool(before) and all(replaced.get(t.i) == "" or t.is_space for t in before)


def is_name(token: Token) -> bool:
    """ "Davies later wrote ...": the model may tag a name as a plural noun, but a word the
    article capitalises mid-sentence too ("Donald Davies") is a name."""
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False  # "The Riverside Library": the article's "The" is still lower case.
    doc = token.doc
    if "capitalised" not in doc.user_data:
        # Capitals mid-sentence, but not those opening a quotation (' "Beavers are …').
        doc.user_data["capitalised"] = frozenset(
            t.text
            for t in doc
            if t.is_title
            and not t.is_sent_start
            and t.is_alpha
            and not (t.i > 0 and (doc[t.i - 1].is_quote or doc[t.i - 1].text == ":"))
        )
    if token.text in doc.user_data["capitalised"]:
        return True
    following = next((t for t in token.sent[1:] if t.is_alpha), None)
    if following is not None and following.is_lower and is_common_word(token.text):
        # "Tragedy struck in 1906", "Today, the islands …": a dictionary word opening a
        # sentence, whatever the model's tag, is a name only where the article capitalises it
        # elsewhere too.
        return False
    return token.tag_ in ("NNP", "NNPS") or token.pos_ == "PROPN" or bool(token.ent_type_)


def _render(words: list[Piece], *, doc: Doc) -> str:
    """Words that were neighbours in the article keep the spacing they had there."""
    parts: list[str] = []
    for position, (word, index) in enumerate(words):
        if not word.strip():
            continue
        parts.append(word)
        following = words[position + 1][1] if position + 1 < len(words) else NO_TOKEN
        if index != NO_TOKEN and following == index + 1:
            parts.append(doc[index].whitespace_)
        else:
            parts.append(" ")
    text = "".join(parts)
    text = re.sub(r" +([,.;:!?%)\]’”]|'s\b|’s\b|n't\b|n’t\b)", r"\1", text)
    text = re.sub(r"([(\[“‘$]) +", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:")
    text = re.sub(r",\s*,", ",", text)
    return _balance_quotes(text)


LONE_QUOTE_RE = re.compile(r"\s+['‘’](?=[\s?.!,;:]|$)")


def _balance_quotes(text: str) -> str:
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    # A single quotation mark left alone by the cut ("without taking on more '?"): one that
    # touches no word is no apostrophe.
    return LONE_QUOTE_RE.sub("", text)


def _cuts_relative_clause(kept: list[Token]) -> bool:
    """ "agencies that execute?": a relative clause kept without its object means nothing."""
    indices = {token.i for token in kept}
    return any(
        token.dep_ == "relcl" and any(t.i not in indices and not t.is_punct for t in token.subtree)
        for token in kept
    )


# Words that join a second clause to the first where the parser gave them another role.
JOINING_WORDS = frozenset({"and", "but", "or", "so", "yet", "then", "while", "whereas"})


def _runs_together(kept: list[Token]) -> bool:
    """Two verbs of one subject with nothing left between them to join them: "It expanded
    again retracted to ..." once ", then" went with the words that were cut."""
    indices = {token.i for token in kept}
    for token in kept:
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or token.head.i not in indices:
            continue
        between = range(token.head.i + 1, token.i)
        doc = token.doc
        if not any(i in indices and (doc[i].dep_ == "cc" or doc[i].text == ",") for i in between):
            return True
        own_subject = any(child.dep_ in SUBJECT_DEPS for child in token.children)
        joined = any(
            i in indices and (doc[i].dep_ in ("cc", "mark") or doc[i].lower_ in JOINING_WORDS)
            for i in between
        )
        if own_subject and not joined:
            # "... as heat, each swing becomes smaller": a clause with a subject of its own
            # lost the "so" that joined it, and a comma alone splices two sentences.
            return True
    return False


# Signatures of a stem cut in the wrong place, each seen in the blind rounds and never kept:
# an equation or a sum ("What is 6CO₂ + 6H₂O C₆H₁₂O₆ +?"), a title left without its name
# ("Who was the science teacher Dr?"), "a.m." without its time, and a question ending on an
# auxiliary whose verb went ("How many men had?"), a "so", "then" or "since" left at the end of a
# clause moved out of its sentence ("What pulls towards a south pole so?"), an "on" whose date
# went ("Who took off in a seaplane on?"), a "call" whose object went
# ("What do scientists call?"), a space before the question mark, and "championed and by" whose
# first agent went.
BROKEN_WORDING_RE = re.compile(
    r"[×=+]|\b(?:Dr|Mr|Mrs|Ms|Sir|Professor)\?$|(?<!\d)\s[ap]\.m\."
    r"|\b(?:had|was|were|is|are|could|would|will|can)\?$"
    r"|\b(?:so|then|too|since|on)\?$|\bcalls?\?$|\s\?$|\w+ed and by\b"
)


def broken_wording(prompt: str) -> bool:
    """Whether a stem shows the marks of a sentence cut in the wrong place."""
    return BROKEN_WORDING_RE.search(prompt) is not None


def _agrees(possessive: Token, subject: Token) -> bool:
    """Whether a possessive can be the subject's by number: "their" a plural's, "its" a
    singular's."""
    plural = subject.tag_ in ("NNS", "NNPS") or _is_conjoined(subject)
    if possessive.lower_ == "their":
        return plural or subject.lower_ in ("they", "we")
    if possessive.lower_ in ("its", "his", "her"):
        return not plural
    return True


def _has_pronoun(tokens: list[Token]) -> bool:
    """Pronouns and words like "here" or "thereafter" point outside the stem."""
    replaced = _REPLACEMENTS.get()
    present = {token.i for token in tokens}
    named_subject: int | None = None
    for token in tokens:
        if token.dep_ in SUBJECT_DEPS and (token.i in replaced or token.lower_ not in PRONOUNS):
            named_subject = token.i if named_subject is None else min(named_subject, token.i)
    for token in tokens:
        if token.i in replaced:
            continue
        if token.lower_ in ("that", "those") and any(
            child.dep_ == "prep" and child.lower_ == "of" for child in token.children
        ):
            continue  # "equal to that of the bottom 50%": the sentence says what "that" is.
        if token.tag_ == "PRP$" and named_subject is not None:
            subject = token.doc[named_subject]
            if not subject.left_edge.i <= token.i <= subject.right_edge.i and _agrees(
                token, subject
            ):
                # "Tesla went on to pursue his ideas", "With its ponds, the garden is ...":
                # the possessive is the subject's, unless it sits inside the subject
                # ("Its gates were rebuilt"), where it points outside the stem, or its
                # number is another's ("British law required ... on their sides").
                continue
        if (token.lower_ in PRONOUNS and token.tag_ in ("PRP", "PRP$", "DT")) or (
            token.lower_ in ANAPHORIC_ADVERBS and token.pos_ == "ADV"
        ):
            return True
        if token.lower_ == "that" and token.dep_ == "det":
            return True  # "That gallery opens with ...": which gallery was said before.
        if (
            token.lower_ in BACK_NOUNS
            and token.dep_ in SUBJECT_DEPS
            and all(
                child.dep_ == "det" and child.lower_ == "the"
                for child in token.children
                if child.i in present and not child.is_punct
            )
        ):
            return True  # "The rest was raised by ...": the rest of what?
        if token.lower_ in RELATIVE_TIME_WORDS and token.head.lower_ in TIME_UNITS:
            return True  # "from the following year": following which?
        if token.lower_ == "same" and token.nbor().lower_ != "as":
            return True  # "racing towards the same spot": the same as what?
        if token.lower_ == "then" and token.dep_ in ("pobj", "pcomp"):
            return True  # "by then", "until then": when was said before.
        if (
            token.tag_ == "JJS"
            and token.dep_ in SUBJECT_DEPS | {"dobj", "pobj"}
            and not any(child.dep_ == "prep" for child in token.children)
        ):
            return True  # "When had the oldest been due back?": the oldest what?
        if token.lower_ in ("later", "earlier") and any(
            child.dep_ == "npadvmod" for child in token.children
        ):
            return True  # "Three days later": later than what?
        if (
            token.dep_ in SUBJECT_DEPS
            and token.lower_ in VAGUE_SUBJECTS
            and not any(child.dep_ == "prep" for child in token.children)
            and not any(
                other.dep_ in SUBJECT_DEPS and other.i != token.i for other in token.head.children
            )
        ):
            # "some queued for an hour": some of whom? ("British operations all failed" has
            # its subject.)
            return True
    return False


def _cloze(sentence: Span, answer: Span) -> Stem | None:
    """The answer's clause with the answer blanked out: always grammatical, if less natural."""
    return _clause_only_cloze(answer, look_past_clauseless=True) or _sentence_cloze(
        sentence, answer
    )


def _participle_cloze(verb: Token, answer: Span, *, keep: frozenset[int]) -> Stem | None:
    """ "The linebacker was named MVP, recording five tackles": the participle's own fact as a
    clause of its own, "The linebacker recorded _____ tackles.", so the rest of the sentence
    (and the answers it names) stays out of the stem."""
    found = participle_clause(verb, keep=keep)
    if found is None:
        return None
    clause, tense = found
    form = finite_form(verb, tense=tense)
    if form is None:
        return None
    outer = _REPLACEMENTS.get()
    token = _REPLACEMENTS.set({**outer, verb.i: form})
    try:
        return _clause_cloze(clause, answer)
    finally:
        _REPLACEMENTS.reset(token)


def _clause_cloze(clause: Clause, answer: Span) -> Stem | None:
    doc = answer.doc
    if not clause.subject or min(t.i for t in clause.subject) > clause.verb.i:
        # "as did X": an inverted fragment is not a sentence on its own.
        return None
    if any(t.tag_ in RELATIVE_TAGS and t.i not in _REPLACEMENTS.get() for t in clause.subject):
        # "Much of which was used ...": a relative clause is not a sentence of its own.
        return None
    words: list[Piece] = []
    kept = sorted(clause.kept | {t.i for t in clause.subject})
    while (
        kept
        and doc[kept[0]].tag_ in ("WRB", "IN")
        and doc[kept[0]].dep_ in ("advmod", "mark")
        and doc[kept[0]].head.i == clause.verb.i
    ):
        # "Where it travelled along ...": the opener ties the clause to the sentence around it.
        # One that opens a clause inside this one ("When the treaty was agreed in 1707,
        # England paid ...") stays, or the two clauses run together.
        kept = kept[1:]
    if not kept or doc[kept[0]].tag_ in CLAUSE_OPENER_TAGS or doc[kept[0]].dep_ == "prep":
        # "With which the city government ...": a relative clause is not a sentence.
        return None
    if _runs_together([doc[i] for i in kept]):
        return None
    present = set(kept)
    if any(
        doc[i].dep_ == "conj"
        and doc[i].head.pos_ not in ("VERB", "AUX")
        and doc[i].head.i not in present
        for i in kept
    ):
        # "with 60% of the rainforest Colombia with 10%": a list item lost the item it
        # follows, and with it the comma that joined them.
        return None
    for previous, current in itertools.pairwise(kept):
        if any(doc[i].text in CLAUSE_BREAKS for i in range(previous + 1, current)):
            # Two clauses once split by ";" would run together.
            return None
        if current > previous + 1 and not _is_clean_cut(doc[previous + 1 : current]):
            return None
    for i in kept:
        if i == answer.start:
            words.append((BLANK, answer.end - 1))
        elif not answer.start < i < answer.end:
            text, index = _REPLACEMENTS.get().get(i, doc[i].text), i
            if i in _REPLACEMENTS.get():
                index = NO_TOKEN
            if text and not any(word.strip() for word, _ in words):
                text = text[0].upper() + text[1:]
            words.append((text, index))
    count = len(" ".join(word for word, _ in words).split())
    if count < MIN_CLOZE_WORDS or (BLANK, answer.end - 1) not in words:
        return None
    body = _render(words, doc=doc).rstrip(".")
    if DANGLING_END_RE.search(body):
        return None  # "... coining the modern name packet switching and."
    prompt = body + "."
    tokens = [doc[i] for i in kept if not answer.start <= i < answer.end]
    if any(t.dep_ in SUBJECT_DEPS and t.lower_ in DEMONSTRATIVES for t in tokens):
        return None  # "This was the _____." says nothing without the sentence before.
    return Stem(
        prompt=_either_article(_without_connective(prompt)),
        form=StemForm.CLOZE,
        self_contained=not _has_pronoun(tokens),
        article=_article_before_gap(prompt),
    )


def _sentence_cloze(sentence: Span, answer: Span) -> Stem | None:
    words = sum(1 for token in sentence if not token.is_punct)
    if words > MAX_CLOZE_WORDS:
        return None
    # Resolved pronouns read as their antecedents, datelines as nothing; spacing is kept.
    asides = _asides(sentence, answer)
    kept = [t for t in sentence if t.i not in asides]
    while kept and kept[0].is_space:
        kept = kept[1:]
    while (
        len(kept) > 2
        and kept[0].lower_ in OPENING_LINKS
        and kept[1].text == ","
        and kept[0].i != answer.start
    ):
        kept = kept[2:]  # "However, a survey measured ...": the link was to the sentence before.
    before = _joined([t for t in kept if t.i < answer.start], following=answer.start)
    rest = [t for t in kept if t.i >= answer.end]
    # Next to its neighbour the gap keeps the article's spacing ("_____'s"); where an aside
    # that followed the answer went, it keeps a space.
    joint = answer[-1].whitespace_ if rest and rest[0].i == answer.end else " "
    after = joint + _joined(rest, following=None)
    # "In October 2010, medical ...": a dropped opener leaves no comma behind it, nor a
    # "however," that linked it to the sentence before.
    before = before.lstrip(" ,;:")
    before = OPENING_LINK_RE.sub("", before)
    before = before[:1].upper() + before[1:]
    # Brackets hold pronunciations, abbreviations and asides, never what the gap needs.
    before, after = PARENTHESES_RE.sub(" ", before), PARENTHESES_RE.sub(" ", after)
    prompt = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", f"{before}{BLANK}{after}")).strip()
    tokens = [token for token in kept if not answer.start <= token.i < answer.end]
    return Stem(
        prompt=_either_article(_without_connective(prompt)),
        form=StemForm.CLOZE,
        self_contained=not _has_pronoun(tokens),
        article=_article_before_gap(prompt),
    )


def _either_article(prompt: str) -> str:
    """ "an _____ pathologist" tells a student the answer starts with a vowel: "a(n)" does not."""
    return ARTICLE_BEFORE_GAP_RE.sub(lambda m: f"{m.group(1)[0]}(n) {BLANK}", prompt)


# A sentence read alone does not go on from the one before: "So Kiri made a rule", "In 2015,
# however, Tu was awarded" read as stray words without it.
LEADING_CONNECTIVE_RE = re.compile(r"^(?:So|But|And|Yet|Also),?\s+(?=\S)")
INNER_CONNECTIVE_RE = re.compile(r",\s+(?:however|though|therefore|meanwhile),")


def _without_connective(prompt: str) -> str:
    bare = INNER_CONNECTIVE_RE.sub(",", LEADING_CONNECTIVE_RE.sub("", prompt, count=1))
    return bare[:1].upper() + bare[1:] if bare else bare


def _article_before_gap(prompt: str) -> str:
    match = ARTICLE_BEFORE_GAP_RE.search(prompt)
    return match.group(1).lower() if match else ""


def typed_prompt(stem: Stem) -> str:
    """The prompt of a typed answer: "a(n) _____" as the text had it, "lift a _____"."""
    if not stem.article:
        return stem.prompt
    return EITHER_BEFORE_GAP_RE.sub(
        lambda match: f"{match.group(1)}{stem.article[1:]} {BLANK}", stem.prompt, count=1
    )


EITHER_BEFORE_GAP_RE = re.compile(r"\b([Aa])\(n\) " + re.escape(BLANK))
CURRENCY_SIGNS = "£$€¥"
SURE_CONSONANTS = "bcdfgjklmnpqrstvwxyz"
SURE_VOWELS = "aeio"


def article_for(choice: str) -> str | None:
    """ "a" or "an" where the sound that opens the choice is sure from its spelling:
    "a £3 million", "an 8-metre", "an 11,000", "an oak"; None for "hour", "unit", "FBI"."""
    if not choice:
        return None
    first = choice[0]
    if first in CURRENCY_SIGNS:
        return "a"  # "a £2.1 million refit": the amount is read first, "two point one".
    if first.isdigit():
        return _number_article(choice.split()[0])
    if first in SURE_CONSONANTS:
        return "a"
    if first in SURE_VOWELS:
        return "an"
    return None


def _number_article(number: str) -> str:
    """ "an 8", "an 11,000", "an 18", "an 800", but "a 110", "a 1,200": by the first word
    the number is read with."""
    lead = number.split(",")[0] if "," in number else number
    lead = "".join(ch for ch in lead if ch.isdigit())
    if "," not in number and len(lead) > 2:
        lead = lead[: len(lead) % 3 or 1]  # "18500" is eighteen thousand, "110" a hundred
    return "an" if lead.startswith("8") or lead in ("11", "18") else "a"


def settle_article(prompt: str, choices: list[str]) -> str:
    """ "a(n) _____" as "a" or "an" when every choice takes the same one, so the stem reads
    as plain English and still points to no choice."""
    match = EITHER_BEFORE_GAP_RE.search(prompt)
    if match is None:
        return prompt
    articles = {article_for(choice) for choice in choices}
    if len(articles) != 1 or None in articles:
        return prompt
    article = articles.pop()
    if match.group(1) == "A":
        article = article.capitalize()
    return prompt[: match.start()] + f"{article} {BLANK}" + prompt[match.end() :]


def _joined(tokens: list[Token], *, following: int | None) -> str:
    """The tokens as the article spaced them, with a space where words between them went."""
    parts = []
    for position, token in enumerate(tokens):
        text = _with_space(token)
        after = tokens[position + 1].i if position + 1 < len(tokens) else following
        if text and not text[-1].isspace() and after is not None and after != token.i + 1:
            text += " "
        parts.append(text)
    return "".join(parts)


def _asides(sentence: Span, answer: Span) -> set[int]:
    """Appositions set off by commas ("Kenya, officially the Republic of Kenya, is"): they
    name things the gap does not need, and often another question's answer."""
    doc = sentence.doc
    dropped: set[int] = set()
    for token in sentence:
        if token.dep_ != "appos":
            continue
        first, last = token.left_edge.i, token.right_edge.i
        if first <= answer.start <= last or first <= answer.end - 1 <= last:
            continue
        if first - 1 < sentence.start or last + 1 >= sentence.end:
            continue
        if doc[first - 1].text == "," and doc[last + 1].text == ",":
            dropped.update(range(first - 1, last + 1))
            if closes_subject(doc, last + 1) and token.head.dep_ not in ("pobj", "appos"):
                # "Kenya is", not "Kenya, is"; but "a doctor in Berkeley, Gloucestershire,
                # became": that comma also closes the aside around the subject.
                dropped.add(last + 1)
    return dropped


def closes_subject(doc: Doc, comma: int) -> bool:
    """Whether the comma ends an aside inside the subject, right before the verb."""
    after = comma + 1
    return after < len(doc) and doc[after].pos_ in ("VERB", "AUX")


def clause_part(sentence: Span, answer: Span, stem: Stem) -> Stem | None:
    """The gap stem cut down to the part of the sentence around the answer, between ";" or
    ":", when that part is a clause of its own: "... in _____: any integer can be ..." asks
    the same fact without naming what the other part says."""
    if stem.form != StemForm.CLOZE:
        return None
    marks = [t.i for t in sentence if t.text in PART_BREAKS]
    if not marks or len(re.findall(PART_BREAK_RE, stem.prompt)) != len(marks):
        return None
    bounds = [sentence.start - 1, *marks, sentence.end]
    part = next(
        index for index in range(len(marks) + 1) if bounds[index] < answer.start < bounds[index + 1]
    )
    tokens = [t for t in sentence.doc[bounds[part] + 1 : bounds[part + 1]] if not t.is_punct]
    if not any(
        t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in SUBJECT_DEPS and c in tokens for c in t.children)
        for t in tokens
    ):
        return None  # "...: Brazil, Peru and Colombia": a list is no sentence on its own.
    pieces = re.split(PART_BREAK_RE, stem.prompt)
    text = pieces[part].strip().rstrip(".")
    if BLANK not in text or len(text.split()) < MIN_QUESTION_WORDS:
        return None
    outside = [t for t in tokens if not answer.start <= t.i < answer.end]
    return Stem(
        prompt=_either_article(text[0].upper() + text[1:] + "."),
        form=StemForm.CLOZE,
        self_contained=not _has_pronoun(outside),
        article=stem.article,
    )
