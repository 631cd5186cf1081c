"""Naming a place or body by what it is ("the city", "the river") instead of by its name.

A stem that names another question's answer gives that answer away, so one of the two
questions would have to go. Shown by a plain noun of its kind, the other name stays a secret
and both questions can be asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizzes.generation.entities import is_common_word
from quizzes.generation.kinds import TIME_KINDS, AnswerKind

if TYPE_CHECKING:
    from quizzes.generation.entities import Mention
    from quizzes.generation.reading import Reading

KIND_NOUN = {
    AnswerKind.CITY: "city",
    AnswerKind.COUNTRY: "country",
    AnswerKind.US_STATE: "state",
    AnswerKind.CONTINENT: "continent",
}
# Last (or first) words of a name that say what it names, for kinds with no single noun.
WHAT_IT_IS = frozenset(
    {
        "ocean",
        "sea",
        "gulf",
        "bay",
        "strait",
        "river",
        "lake",
        "mountains",
        "island",
        "islands",
        "peninsula",
        "desert",
        "valley",
        "tower",
        "monastery",
        "cathedral",
        "church",
        "abbey",
        "palace",
        "castle",
        "bridge",
        "temple",
        "stadium",
        "museum",
        "library",
        "university",
        "college",
        "school",
        "company",
        "party",
        "council",
        "commission",
        "court",
        "parliament",
        "army",
        "navy",
        "league",
        "union",
        "bank",
        "agency",
        "committee",
        "association",
        "society",
        "corporation",
        "institute",
        "institution",
        "foundation",
        "revolution",
        "war",
        "treaty",
    }
)
NAMED_BY_NOUN = frozenset(
    {
        AnswerKind.PLACE,
        AnswerKind.FACILITY,
        AnswerKind.ORGANISATION,
        AnswerKind.EVENT,
        AnswerKind.WORK,
        AnswerKind.THING,
    }
)
# Prepositions whose phrase adds a circumstance the clause can do without.
ADJUNCT_PREPS = frozenset({"by", "with", "during", "under", "after", "before", "against"})
# "played on February 7, 2016": a date phrase says when, and the clause stands without it.
TIME_PREPS = frozenset({"in", "on", "at", "during"})
BE_WORDS = frozenset({"is", "was", "are", "were", "be", "been", "being"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def generic_nouns(reading: Reading) -> dict[str, str]:
    """Entity key to the noun that can stand for it, where it stands for nothing else.

    "the park" must say which park: a noun two of the article's names share names neither.
    """
    holders: dict[str, set[str]] = {}
    for mention in reading.mentions:
        noun = _noun_for(reading, mention)
        if noun is not None:
            holders.setdefault(noun, set()).add(mention.key)
    return {next(iter(keys)): noun for noun, keys in holders.items() if len(keys) == 1}


def generic_replacements(
    reading: Reading, sentence: int, *, start: int, end: int, nouns: dict[str, str]
) -> dict[int, str]:
    """Token replacements showing the sentence's other names by their kind's noun."""
    replacements: dict[int, str] = {}
    doc = reading.doc
    for mention in reading.mentions_in(sentence):
        if mention.start < end and start < mention.end:
            continue
        noun = nouns.get(mention.key)
        if noun is None or _noun_for(reading, mention) is None:
            replacements.update(dict.fromkeys(_droppable_adjunct(reading, mention), ""))
            continue
        first = mention.start
        if first > 0 and doc[first - 1].lower_ == "the":
            replacements[first - 1] = ""
        replacements[first] = f"the {noun}"
        replacements.update(dict.fromkeys(range(first + 1, mention.end), ""))
    return replacements


def _droppable_adjunct(reading: Reading, mention: Mention) -> range:
    """ "remodelled by Franciszek Szanior in the 19th century": an agent or adjunct phrase
    made of the name alone can go, and the clause still says what happened."""
    root = reading.doc[mention.start : mention.end].root
    prep = root.head
    allowed = ADJUNCT_PREPS | (TIME_PREPS if mention.kind in TIME_KINDS else frozenset())
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or prep.lower_ not in allowed:
        return range(0)
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in ("be",) or verb.lower_ in BE_WORDS:
        return range(0)
    phrase = range(prep.left_edge.i, prep.right_edge.i + 1)
    if any(
        not reading.doc[i].is_punct
        and i not in range(mention.start, mention.end)
        and reading.doc[i].lower_ not in ("the", prep.lower_)
        for i in phrase
    ):
        return range(0)  # The phrase says more than the name; dropping it would lose that.
    return phrase


def _noun_for(reading: Reading, mention: Mention) -> str | None:
    doc = reading.doc
    span = doc[mention.start : mention.end]
    if span.root.dep_ in MODIFIER_DEPS:
        return None  # "Lisbon city council": the name is part of another name.
    before = doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.tag_ in ("DT", "PRP$") and before.lower_ != "the":
        return None
    if before is not None and before.pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
        return None  # "northeast Florida" cannot become "northeast the state".
    if mention.kind in KIND_NOUN:
        return KIND_NOUN[mention.kind]
    if mention.kind not in NAMED_BY_NOUN:
        return None
    words = mention.text.split()
    for word in (words[-1], words[0]):
        if word.casefold() in WHAT_IT_IS:
            return word.casefold()
    last = words[-1]
    if len(words) > 1 and last.isalpha() and is_common_word(last) and not last.isupper():
        return last.casefold()  # "the Saxon Garden" is a garden, "the Nobel Prize" a prize.
    return None
