"""What a name's kind is called ("the city", "the river"), and the phrases around a name a
clause can do without.

`DESCRIPTION_KINDS` and `noun_for` tell which names a description such as "the library" can
stand for (`references.py`). `generic_replacements` leaves out the asides and circumstances
around the sentence's other names, so a stem need not give away another question's answer;
it no longer shows a name by its kind's noun, since strict readers kept 1 of 10 such stems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quizzes.generation.entities import is_common_word
from quizzes.generation.kinds import TIME_KINDS, AnswerKind
from quizzes.generation.stems import closes_subject

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
# Nouns that open a name of what they say ("Lake Ohrid", "Mount Fuji", "River Wend").
LEADING_NOUNS = frozenset(
    {"lake", "mount", "river", "cape", "fort", "isle", "loch", "port", "castle", "island"}
)
# Nouns a definite description ("the stadium", "the two countries") can point back with, and
# the kinds of name each can stand for; nouns in WHAT_IT_IS also stand for any name they end
# ("the university" for Harvard University), which `noun_for` finds.
DESCRIPTION_KINDS: dict[str, frozenset[AnswerKind]] = {
    **{noun: frozenset() for noun in WHAT_IT_IS},
    **{noun: frozenset({kind}) for kind, noun in KIND_NOUN.items()},
    "nation": frozenset({AnswerKind.COUNTRY}),
    "town": frozenset({AnswerKind.CITY}),
    "village": frozenset({AnswerKind.CITY, AnswerKind.PLACE}),
    "capital": frozenset({AnswerKind.CITY}),
    "province": frozenset({AnswerKind.US_STATE, AnswerKind.PLACE}),
    "region": frozenset({AnswerKind.PLACE}),
    "side": frozenset({AnswerKind.COUNTRY, AnswerKind.ORGANISATION}),
    "company": frozenset({AnswerKind.ORGANISATION}),
    "firm": frozenset({AnswerKind.ORGANISATION}),
    "group": frozenset({AnswerKind.ORGANISATION}),
    "organisation": frozenset({AnswerKind.ORGANISATION}),
    "organization": frozenset({AnswerKind.ORGANISATION}),
    "team": frozenset({AnswerKind.ORGANISATION}),
    "club": frozenset({AnswerKind.ORGANISATION}),
    "band": frozenset({AnswerKind.ORGANISATION}),
    "newspaper": frozenset({AnswerKind.ORGANISATION}),
    "venue": frozenset({AnswerKind.FACILITY}),
    "building": frozenset({AnswerKind.FACILITY}),
    "stadium": frozenset({AnswerKind.FACILITY}),
    "airport": frozenset({AnswerKind.FACILITY}),
    **dict.fromkeys(
        ("battle", "game", "match", "tournament", "championship", "election", "crisis"),
        frozenset({AnswerKind.EVENT}),
    ),
    **dict.fromkeys(
        ("embargo", "dispute", "plague", "epidemic", "pandemic", "war", "revolution"),
        frozenset({AnswerKind.EVENT}),
    ),
    "festival": frozenset({AnswerKind.EVENT}),
    "book": frozenset({AnswerKind.WORK}),
    "novel": frozenset({AnswerKind.WORK}),
    "film": frozenset({AnswerKind.WORK}),
    "boy": frozenset({AnswerKind.PERSON}),
    "girl": frozenset({AnswerKind.PERSON}),
    "man": frozenset({AnswerKind.PERSON}),
    "woman": frozenset({AnswerKind.PERSON}),
    "scientist": frozenset({AnswerKind.PERSON}),
    "engineer": frozenset({AnswerKind.PERSON}),
    "inventor": frozenset({AnswerKind.PERSON}),
    "writer": frozenset({AnswerKind.PERSON}),
    "author": frozenset({AnswerKind.PERSON}),
}
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
ADJUNCT_PREPS = frozenset({"by", "during", "under", "after", "before", "against"})
# "played on February 7, 2016": a date phrase says when, and the clause stands without it.
TIME_PREPS = frozenset({"in", "on", "at", "during"})
# Prepositions whose phrase only narrows a common noun: "the colony of Fort Caroline".
NOUN_PREPS = frozenset({"of", "in", "at", "near", "from"})
# Words that open the next item of a list, which keeps the comma before it.
LIST_ITEM_POS = frozenset({"NOUN", "PROPN", "NUM", "DET", "ADJ"})
BE_WORDS = frozenset({"is", "was", "are", "were", "be", "been", "being"})


def generic_replacements(
    reading: Reading, sentence: int, *, start: int, end: int
) -> dict[int, str]:
    """Token replacements that leave out the phrases around the sentence's other names that
    the clause can do without, so a stem need not name another question's answer.

    Names are not shown by their kind instead ("In what year did Bly move to the state?"):
    strict readers kept 1 of 10 such stems in the blind rounds, since "the state" is one the
    question never names.
    """
    replacements: dict[int, str] = {}
    doc = reading.doc
    for mention in reading.mentions_in(sentence):
        if mention.start < end and start < mention.end:
            continue
        if any(index in reading.blocked for index in range(mention.start, mention.end)):
            continue  # "TOURS, France, 17 May —": a dateline is already left out.
        dropped = _droppable_adjunct(reading, mention, start=start, end=end)
        for index in dropped:
            replacements.setdefault(index, "")
        if dropped and dropped.start > 0 and not doc[dropped.start - 1].whitespace_:
            # "Kenya, officially ..., is": the word before the aside keeps a space.
            replacements[dropped.start] = " "
    return replacements


def _droppable_adjunct(reading: Reading, mention: Mention, *, start: int, end: int) -> range:
    """The phrase around a name that the clause can do without, or an empty range.

    "remodelled by Franciszek Szanior", "the colony of Fort Caroline", "Kenya, officially
    the Republic of Kenya, is": an agent, a noun's "of" phrase or an aside can go, and the
    clause still says what happened. The answer (`start:end`) is never inside what goes.
    """
    doc = reading.doc
    root = doc[mention.start : mention.end].root
    phrase = range(0)
    if root.dep_ == "appos" and _is_set_off(root):
        # "Kenya, officially the Republic of Kenya, is": both commas go with the aside.
        closing = root.right_edge.i + 1
        # "Kenya, officially ..., is": the aside's closing comma goes too; but in "a doctor
        # in Berkeley, Gloucestershire, became" it also closes the aside around the subject.
        ends_subject = (
            doc[closing].text == ","
            and closes_subject(doc, closing)
            and root.head.dep_ not in ("pobj", "appos")
        )
        phrase = range(root.left_edge.i - 1, closing + ends_subject)
    elif root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent"):
        prep = root.head
        head = prep.head
        adjunct = ADJUNCT_PREPS | (TIME_PREPS if mention.kind in TIME_KINDS else frozenset())
        on_verb = head.pos_ in ("VERB", "AUX") and head.lower_ not in BE_WORDS
        # "the town of Alice Springs": without its name, "the town" is one the stem never
        # names, so a noun that stands for names keeps the phrase that names it.
        on_noun = (
            head.pos_ == "NOUN"
            and prep.lower_ in NOUN_PREPS
            and not (prep.lower_ == "of" and head.lower_ in DESCRIPTION_KINDS)
        )
        if (on_verb and prep.lower_ in adjunct) or on_noun:
            last = prep.right_edge.i
            while last > prep.i and doc[last].is_punct:
                last -= 1  # "on 16 July 1969, carried ...": the comma the parser filed inside.
            phrase = range(prep.left_edge.i, last + 1)
    if not phrase or (phrase.start < end and start < phrase.stop):
        return range(0)
    if any(doc[i].pos_ in ("VERB", "AUX") for i in phrase):
        return range(0)  # A clause inside the phrase says more than where or whose.
    after = phrase.stop
    if after < len(doc) and doc[after].text == "," and not doc[phrase.start - 1].is_punct:
        following = doc[after + 1] if after + 1 < len(doc) else None
        if root.head.head.dep_ == "appos":
            return phrase  # "Hillary, a beekeeper from New Zealand, and": the comma ends the aside.
        if following is not None and following.pos_ in LIST_ITEM_POS | {"VERB"}:
            # "followed by Peru with 13%, Colombia with 10%": the comma joins list items;
            # "lifted off on 16 July, carried into space by": it opens the participle.
            return phrase
        # "happened in 1944, during the war": the comma went with the date.
        return range(phrase.start, after + 1)
    return phrase


def _is_set_off(token: Token) -> bool:
    doc = token.doc
    before = token.left_edge.i - 1
    after = token.right_edge.i + 1
    return before >= 0 and doc[before].text == "," and after < len(doc) and doc[after].is_punct


def noun_for(mention: Mention) -> str | None:
    """The common noun that says what a name is: "city" for Perth, "bakery" for the Hollow
    Oak bakery; None when the name does not say."""
    return noun_for_name(mention.text, mention.kind)


def noun_for_name(text: str, kind: AnswerKind) -> str | None:
    """`noun_for` of a name written so and of that kind."""
    if kind in KIND_NOUN:
        return KIND_NOUN[kind]
    if kind not in NAMED_BY_NOUN:
        return None
    words = text.split()
    if words[-1].casefold() in WHAT_IT_IS:
        return words[-1].casefold()
    first = words[0].casefold()
    if first in WHAT_IT_IS and (first in LEADING_NOUNS or words[1:2] == ["of"]):
        # "Lake Baikal", "the Sea of Galilee"; but the yacht Sea Pippin is no sea.
        return first
    last = words[-1]
    if kind == AnswerKind.PLACE:
        return None  # "Colorado Springs" is no spring: a place's last word is its name's.
    if (
        len(words) > 1
        and last.isalpha()
        and is_common_word(last)
        and not last.isupper()
        and not is_common_word(words[0])
    ):
        # "the Saxon Garden" is a garden, "the Nobel Prize" a prize; but the Black Death is
        # no death: after a plain word, the last word may not say what the name is.
        return last.casefold()
    return None
