"""The parser's entity spans, repaired where the small model reliably cuts names and dates.

A question built on half a name ("Marquis" for "Marquis of Pombal") or half a date ("BC" for
"the second century BC", "November 1755" for "1 November 1755") asks for a fragment, so the
spans are mended before anything is asked about them.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span, Token

from quizzes.generation.bank import bank_kind
from quizzes.generation.kinds import INSTITUTION_WORDS, MONTHS, PLACE_WORDS

# Titles that name one person together with the place or office after "of".
NOBLE_TITLES = frozenset(
    {
        "marquis",
        "marquess",
        "duke",
        "duchess",
        "earl",
        "count",
        "countess",
        "baron",
        "baroness",
        "viscount",
        "prince",
        "princess",
        "king",
        "queen",
        "emperor",
        "empress",
        "archbishop",
        "bishop",
        "lord",
        "lady",
        "sultan",
        "caliph",
        "pope",
        "tsar",
        "czar",
        "shah",
    }
)
# Titles that, opening a name, make it a person's whatever label the model gave it.
ROYAL_TITLES = frozenset({"king", "queen", "emperor", "empress", "prince", "princess", "tsar"})
ERA_MARKERS = frozenset({"bc", "ad", "bce", "ce", "b.c.", "a.d.", "b.c.e.", "c.e."})
MONTH_NAMES = frozenset(MONTHS)
MAX_DAY = 31
# Words that hedge a number or year: "about 1448", "c. 1450".
HEDGE_WORDS = frozenset({"about", "around", "circa", "c.", "roughly", "approximately"})
YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "before", "after"})
# Last words that make a named organisation or place a building: towers get towers.
BUILDING_WORDS = frozenset(
    {
        "tower",
        "monastery",
        "cathedral",
        "church",
        "abbey",
        "palace",
        "castle",
        "bridge",
        "basilica",
        "temple",
        "mosque",
        "fortress",
        "fort",
        "stadium",
        "dam",
        "chapel",
    }
)
# Bank lists whose names, opening a plural name, make it a team or a company.
PLACE_LISTS = frozenset({"city", "us_state", "country"})
NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PERSON", "EVENT"})
RATE_UNIT_RE = re.compile(r"^[a-z]{1,3}/[a-z]{1,3}$")
# Words a name never ends on: "the Carnation Revolution of" lost what followed "of".
DANGLING_TAGS = frozenset({"IN", "CC", "DT", "TO"})


def repaired_entities(doc: Doc) -> list[Span]:
    """doc.ents with titled names joined, dates made whole and buildings labelled FAC."""
    spans: list[Span | None] = _team_names(doc)
    spans.extend(_qualified_places(doc))
    spans.extend(_era_years(doc))
    spans.extend(_relabelled(_trimmed(ent)) for ent in doc.ents)
    spans = [span for span in spans if span is not None]
    spans.extend(_titled_names(doc))
    spans.extend(_epithet_names(doc))
    spans.extend(_possessive_places(doc))
    spans = [_whole_date(span) for span in spans]
    return _without_overlaps(spans)


def _trimmed(span: Span) -> Span | None:
    end = span.end
    while end > span.start and span.doc[end - 1].tag_ in DANGLING_TAGS:
        end -= 1
    if end == span.start:
        return None
    if end == span.end:
        return span
    return Span(span.doc, span.start, end, label=span.label_)


def _relabelled(span: Span | None) -> Span | None:
    if span is None:
        return None
    if RATE_UNIT_RE.match(span.text):
        return None  # "km/h" alone, which the model may call an organisation
    words = [token for token in span if token.lower_ not in HEDGE_WORDS | {"the", "a", "an"}]
    if not words:
        return span
    if span.label_ in NAME_LABELS and len(words) == 1 and words[0].lower_ in ERA_MARKERS:
        return None  # "BC" alone is part of a date the model left outside the date.
    if span.label_ in NAME_LABELS and words[0].lower_ in ERA_MARKERS:
        # "In 49 BC Julius Caesar crossed": the era belongs to the year before it.
        return _relabelled(Span(span.doc, words[0].i + 1, span.end, label=span.label_))
    if span.label_ in NAME_LABELS and words[0].lower_ in ROYAL_TITLES and len(words) > 1:
        return Span(span.doc, span.start, span.end, label="PERSON")  # "King Afonso Henriques"
    if span.label_ == "CARDINAL" and len(words) == 1 and _is_bare_year(words[0]):
        return Span(span.doc, span.start, span.end, label="DATE")  # "In 711 the Moors ..."
    if span.label_ in ("ORG", "NORP") and len(words) == 1 and _is_people(words[0]):
        return Span(span.doc, span.start, span.end, label="NORP")  # "the Moors crossed"
    if span.label_ in ("ORG", "GPE", "LOC") and words[-1].lower_ in BUILDING_WORDS:
        return Span(span.doc, span.start, span.end, label="FAC")
    return span


def _is_bare_year(token: Token) -> bool:
    """ "in 711", "until 1066", "by about 1448": a three- or four-digit number alone after a
    time preposition, perhaps with a hedge between."""
    if not token.text.isdigit() or len(token.text) not in (3, 4):
        return False
    if any(child.dep_ in ("prep", "compound") for child in token.children):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in HEDGE_WORDS:
        before = token.doc[token.i - 2] if token.i > 1 else None
    return (
        before is not None
        and before.lower_ in YEAR_PREPOSITIONS
        and token.dep_ in ("pobj", "nummod", "npadvmod")
    )


def _is_people(token: Token) -> bool:
    """A plural name with "the" that acts in the clause is a people: "the Moors", "the Franks"."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.tag_ == "NNPS"
        and before is not None
        and before.lower_ == "the"
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    )


def _team_names(doc: Doc) -> list[Span | None]:
    """ "the Denver Broncos", "Pittsburgh Steelers": a place followed by a plural name is a
    team or a company, however the model split or labelled it. A plural name listed with
    such teams ("the Cowboys and Pittsburgh Steelers") is one too."""
    candidates: dict[int, int] = {}
    for token in doc:
        if not token.is_title or token.i == 0 or not _is_plural_name(token):
            continue
        start = token.i
        while start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].head.i == token.i:
            start -= 1
        if start < token.i:
            candidates[token.i] = start
    teams = {
        head
        for head, start in candidates.items()
        if doc[start].ent_type_ in ("GPE", "LOC") or bank_kind(doc[start].text) in PLACE_LISTS
    }
    teams |= {
        head
        for head in candidates
        if any(other.i in teams for other in (doc[head].head, *doc[head].conjuncts))
    }
    return [Span(doc, candidates[head], head + 1, label="ORG") for head in sorted(teams)]


def _era_years(doc: Doc) -> list[Span]:
    """ "753 BC", "in 49 BC": a number and its era are a year, however the model split them."""
    found = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.lower_ in ERA_MARKERS and before.text.isdigit() and len(before.text) <= 4:
            found.append(Span(doc, before.i, token.i + 1, label="DATE"))
    return found


def _qualified_places(doc: Doc) -> list[Span]:
    """ "French Guiana", "South Sudan": a nationality the model split off a place's name."""
    found = []
    for first, second in zip(doc.ents, doc.ents[1:], strict=False):
        if first.label_ != "NORP" or first.end != second.start or first.root.dep_ != "compound":
            continue
        # The model may call the place's own word a person: "Guiana" alone is no one.
        place = second.label_ in ("GPE", "LOC") or (second.label_ == "PERSON" and len(second) == 1)
        if place and second.start <= first.root.head.i < second.end:
            found.append(Span(doc, first.start, second.end, label="GPE"))
    return found


def _is_plural_name(token: Token) -> bool:
    """ "Steelers" tagged as a plural name, or "Broncos", a plural noun used as one."""
    if token.tag_ == "NNPS":
        return True
    if token.tag_ != "NNP" or not token.lower_.endswith("s"):
        return False
    lemmas = getAllLemmas(token.lower_).get("NOUN", ())
    return any(lemma != token.lower_ for lemma in lemmas)


def _titled_names(doc: Doc) -> list[Span]:
    """ "the Marquis of Pombal", "Duke of Wellington": one person, whatever the model saw."""
    found = []
    for token in doc:
        if token.lower_ not in NOBLE_TITLES or not token.is_title:
            continue
        after = token.i + 1
        if after >= len(doc) or doc[after].lower_ != "of":
            continue
        end = after + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end > after + 1:
            found.append(Span(doc, token.i, end, label="PERSON"))
    return found


def _epithet_names(doc: Doc) -> list[Span]:
    """ "Pliny the Younger", "Alfred the Great": a name and its epithet are one person."""
    found = []
    for token in doc[2:]:
        the, name = doc[token.i - 1], doc[token.i - 2]
        if (
            the.lower_ == "the"
            and token.is_title
            and token.pos_ in ("PROPN", "ADJ")
            and name.is_title
            and name.pos_ == "PROPN"
            and name.ent_type_ in ("", "PERSON")
        ):
            found.append(Span(doc, name.i, token.i + 1, label="PERSON"))
    return found


# After a name's "'s", words that make it one building or place ("St Paul's Cathedral").
POSSESSIVE_PLACE_WORDS = (
    BUILDING_WORDS | INSTITUTION_WORDS | PLACE_WORDS | frozenset({"cave", "causeway"})
)


def _possessive_places(doc: Doc) -> list[Span]:
    """ "the Giant's Causeway", "St Paul's Cathedral", "Fingal's Cave": a name, "'s" and a
    place or building word are one place, which the model often splits in two."""
    found = []
    for token in doc:
        if token.tag_ != "POS" or token.i == 0 or token.i + 1 >= len(doc):
            continue
        place = doc[token.i + 1]
        if not place.is_title or place.lower_ not in POSSESSIVE_PLACE_WORDS:
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < token.i:
            found.append(Span(doc, start, token.i + 2, label="FAC"))
    return found


def _whole_date(span: Span) -> Span:
    """Pull in the day before a month ("1 November 1755") and the era after a year or century."""
    if span.label_ != "DATE":
        return span
    doc = span.doc
    start, end = span.start, span.end
    first = _first_word(span)
    if (
        first is not None
        and first.lower_ in MONTH_NAMES
        and first.i == start
        and start > 0
        and _is_day(doc[start - 1])
    ):
        start -= 1
    if end < len(doc) and doc[end].lower_ in ERA_MARKERS:
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="DATE")


def _first_word(span: Span) -> Token | None:
    return next((token for token in span if token.lower_ not in ("the", "a", "an")), None)


def _is_day(token: Token) -> bool:
    return token.text.isdigit() and 1 <= int(token.text) <= MAX_DAY


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Longer spans win, so a joined name replaces the pieces the model found."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        indices = set(range(span.start, span.end))
        if indices & taken:
            continue
        taken |= indices
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)
