"""Named entities cleaned of the parser's known mistakes, and grouped so aliases are one thing."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span

from quizzes.generation.bank import bank_kind
from quizzes.generation.inflection import base_form
from quizzes.generation.kinds import (
    INSTITUTION_WORDS,
    KNOWN_ALIASES,
    PLACE_WORDS,
    AnswerKind,
    date_kind,
    kind_of,
)
from quizzes.generation.nlp import tokens_written
from quizzes.generation.places import known_place
from quizzes.generation.spans import repaired_entities

# Parts of an entity span that are not part of the name a student would write.
LEADING_WORDS = frozenset(
    {"the", "a", "an", "about", "approximately", "nearly", "almost", "some", "estimated", "roughly"}
    | {"around", "over", "under", "just", "only", "more", "less", "fewer", "than", "up", "to"}
)
TRAILING_TAGS = frozenset({"POS", ".", ",", ":", "``", "''", "-RRB-", "-LRB-", "HYPH"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART"})
LABELS_WITH_NUMBERS = frozenset(
    {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
)
SCORE_RE = re.compile(r"^\d+[–-]\d+$")
# Prepositions that place a two-word name: a person is not "near" or "through" anything.
WHERE_PREPOSITIONS = frozenset(
    {"at", "near", "in", "through", "across", "along", "beneath", "towards", "onto"}
)
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "across"})
ACRONYM_RE = re.compile(r"^[A-Z][A-Z.&]{1,9}$")
HONORIFICS = frozenset(
    {"councillor", "mayor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"}
    | {"professor", "senator", "governor", "captain", "general", "colonel"}
)
# Lower-case particles inside a person's name: "Ferdinand de Lesseps", "Ludwig van Beethoven".
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "der", "del", "della", "du", "le"})
# Kinds the bank vouches for beat the model's guess on another mention of the same name.
TRUSTED_KINDS = (
    AnswerKind.COUNTRY,
    AnswerKind.CITY,
    AnswerKind.US_STATE,
    AnswerKind.CONTINENT,
)


@dataclass(frozen=True)
class Mention:
    """One place where an askable entity is named; tokens `start:end` of the parsed doc."""

    start: int
    end: int
    text: str
    kind: AnswerKind
    key: str


@dataclass(frozen=True)
class Entity:
    """Everything the article calls one person, place or thing, under its fullest name."""

    key: str
    name: str
    kind: AnswerKind
    aliases: frozenset[str]
    count: int


@functools.lru_cache(maxsize=256)
def _word_uses(text: str, word: str) -> int:
    """How often the word stands alone in the text (asked once per name, not per pronoun)."""
    return len(re.findall(rf"\b{re.escape(word)}\b", text))


def short_name(entity: Entity, people: Iterable[Entity] = (), text: str = "") -> str:
    """What the article calls a person for short: the one part of the name it uses alone
    ("Tu" of Tu Youyou, whose family name comes first), else the last word ("Curie"); the
    whole name where a part would not do: "Pliny the Younger", or a surname that another of
    the article's `people` shares (Kiri and Tomás Walters). Of two parts used alone, the one
    `text` uses more."""
    words = entity.name.split()
    if "the" in words:
        return entity.name
    alone = sorted(alias for alias in entity.aliases if " " not in alias and alias in words)
    if len(alone) > 1 and text:
        # "Kiri" in a story, "Walters" in a report: the part the article uses alone most.
        uses = {alias: _word_uses(text, alias) for alias in alone}
        alone = [max(alone, key=lambda alias: (uses[alias], alias == words[-1]))]
    short = alone[0] if len(alone) == 1 else words[-1]
    shared = any(
        other.key != entity.key and short in other.name.split()
        for other in people
        if other.kind == AnswerKind.PERSON
    )
    return entity.name if shared else short


def name_key(text: str) -> str:
    lowered = text.casefold()
    lowered = re.sub(r"^the\s+", "", lowered)
    return KNOWN_ALIASES.get(lowered, text).casefold().removeprefix("the ")


def trim_span(span: Span) -> Span | None:
    """Drop leading articles and hedges and trailing punctuation, possessives and scores."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (doc[start].lower_ in LEADING_WORDS and not _opens_an_amount(doc, start, end))
        or doc[start].is_punct
        or (span.label_ == "PERSON" and end - start > 2 and doc[start].lower_ in HONORIFICS)
    ):
        # "Councillor Declan Moran": the answer is the name; the title would give it away.
        start += 1
    while start < end and (
        doc[end - 1].tag_ in TRAILING_TAGS
        or (span.label_ in NAME_LABELS and SCORE_RE.match(doc[end - 1].text))
    ):
        # "the Arizona Cardinals 49–15": a score the model took into the name.
        end -= 1
    if start >= end:
        return None
    if span.label_ == "MONEY" and start > 0 and doc[start - 1].is_currency:
        start -= 1  # "$25": the model sometimes leaves the currency sign outside.
    return Span(doc, start, end, label=span.label_)


# "a" in "a few weeks" or "a hundred years" is part of the amount, not an article.
QUANTITY_AFTER_A = (
    "few|little|lot|lots|dozen|couple|bit|great deal|good deal|hundred|thousand|million|"
    "billion|quarter|third|half"
)
_AMOUNT_RE = re.compile(rf"^(?:{QUANTITY_AFTER_A})$")


def _opens_an_amount(doc: Doc, start: int, end: int) -> bool:
    """ "a few weeks", "a hundred years": the "a" is part of the amount, not an article."""
    return (
        doc[start].lower_ in ("a", "an")
        and start + 1 < end
        and _AMOUNT_RE.match(doc[start + 1].lower_) is not None
    )


def is_common_word(text: str) -> bool:
    """A word English dictionaries list, such as TRADE or Ceasefire, rather than a name."""
    return bool(getAllLemmas(text.lower()))


def is_shouted_word(span: Span) -> bool:
    """All-capital dictionary words are emphasis ("UNLIMITED"), not organisations."""
    return all(token.is_upper and len(token) > 1 and is_common_word(token.text) for token in span)


def find_acronyms(doc: Doc) -> dict[str, str]:
    """ "National Football League (NFL)" makes NFL another name for the league."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        span = trim_span(ent)
        if span is None:
            continue
        after = span.end
        if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
            short = doc[after + 1].text
            words = [w for w in span.text.split() if w.lower() not in LEADING_WORDS]
            initials = "".join(word[0] for word in words if word[0].isupper())
            if ACRONYM_RE.match(short) and short.replace(".", "") == initials:
                found[short.casefold()] = span.text
    return found


def collect_mentions(
    doc: Doc, *, askable_sentence: list[bool], sentence_of: list[int]
) -> tuple[list[Mention], dict[str, Entity]]:
    """Clean the parser's entities and merge aliases into one entity each."""
    raw: list[tuple[Span, AnswerKind]] = []
    for ent in repaired_entities(doc):
        if not askable_sentence[sentence_of[ent.start]]:
            continue
        span = trim_span(ent)
        if span is None or is_shouted_word(span):
            continue
        kind = kind_of(span.text, span.label_)
        if kind is None and span.label_ == "DATE":
            # "the first half of the 10th century": the century is the answer inside.
            span, kind = _date_inside(span)
        if kind is None:
            continue
        raw.append((span, kind))
    raw.extend(_short_names(doc, raw, askable_sentence=askable_sentence, sentence_of=sentence_of))
    raw.sort(key=lambda found: found[0].start)
    acronyms = find_acronyms(doc)
    canonical = _canonical_names(raw, acronyms=acronyms)
    mentions: list[Mention] = []
    counts: Counter[str] = Counter()
    names: dict[str, tuple[str, AnswerKind]] = {}
    aliases: dict[str, set[str]] = {}
    kinds: dict[str, Counter[AnswerKind]] = {}
    # "St Paul's Cathedral ... St Paul's": a name that opens a building's name is the building.
    openers = {span.text for span, _ in raw if _opens_a_longer_name(span)} | {
        span.text.split("'s ")[0] for span, _ in raw if "'s " in span.text
    }
    for span, kind in raw:
        name, name_kind = canonical.get(span.text, (span.text, kind))
        if _is_lone_common_word(span, name) or span.text in openers:
            continue
        if name_kind == AnswerKind.ORGANISATION and _has_name_particle(name):
            name_kind = AnswerKind.PERSON  # "Ferdinand de Lesseps" leads no organisation.
        if name_kind == AnswerKind.PERSON:
            name_kind = _person_or_not(span, name)
            if name_kind is None:
                continue
        if name_kind == AnswerKind.PLACE and len(span) == 1 and is_common_word(span.text):
            continue  # "the South", "East": a direction, not a place of its own.
        key = name_key(name)
        names.setdefault(key, (name, name_kind))
        aliases.setdefault(key, set()).add(span.text)
        kinds.setdefault(key, Counter())[name_kind] += 1
        counts[key] += 1
        mentions.append(
            Mention(start=span.start, end=span.end, text=span.text, kind=name_kind, key=key)
        )
    # "Lisbon" is a city in one sentence and a person in the next to the model: one name, one
    # kind, so its questions and distractors agree.
    agreed = {key: _agreed_kind(found) for key, found in kinds.items()}
    for key, kind in agreed.items():
        name = names[key][0]
        if name.split()[0].casefold() in HONORIFICS:
            agreed[key] = AnswerKind.PERSON  # "Mr Okafor" is someone, wherever he stands.
        elif (
            kind in (AnswerKind.ORGANISATION, AnswerKind.NATIONALITY)
            and name.isalpha()
            and bank_kind(name) is None
            and acts_as_a_person(doc, name)
        ):
            agreed[key] = AnswerKind.PERSON  # "Amara said": the one who speaks is someone.
    names = {key: (name, agreed[key]) for key, (name, _) in names.items()}
    mentions = [
        Mention(start=m.start, end=m.end, text=m.text, kind=agreed[m.key], key=m.key)
        for m in mentions
    ]
    # "(AFC)" names the conference even where the model did not see it as a name.
    short_forms: dict[str, set[str]] = {}
    for short, full in acronyms.items():
        short_forms.setdefault(name_key(full), set()).add(short.upper())
    entities = {
        key: Entity(
            key=key,
            name=_fullest(aliases[key] | {names[key][0]}, first=names[key][0]),
            kind=names[key][1],
            aliases=frozenset(aliases[key] | {names[key][0]} | short_forms.get(key, set())),
            count=counts[key],
        )
        for key in names
    }
    return mentions, entities


def _fullest(names: set[str], *, first: str) -> str:
    """The longest of a name's forms; of forms as long ("Esbjerg", "ESBJERG"), the one the
    article wrote first, else one not in capitals: never the set's own order, which changes
    from one process to the next."""
    return max(sorted(names), key=lambda name: (len(name), name == first, not name.isupper()))


def _short_names(
    doc: Doc,
    raw: list[tuple[Span, AnswerKind]],
    *,
    askable_sentence: list[bool],
    sentence_of: list[int],
) -> list[tuple[Span, AnswerKind]]:
    """Surnames and short names the model did not label: after "Cam Newton", a later
    "Newton" is him, and after "the Denver Broncos", "the Broncos" is the team."""
    covered = {index for span, _ in raw for index in range(span.start, span.end)}
    by_last_word: dict[str, set[tuple[str, str, AnswerKind]]] = {}
    for span, kind in raw:
        if len(span) < 2 or span.label_ not in NAME_LABELS:
            continue
        by_last_word.setdefault(span[-1].text, set()).add((span.text, span.label_, kind))
    found: list[tuple[Span, AnswerKind]] = []
    for token in doc:
        if token.i in covered or not askable_sentence[sentence_of[token.i]]:
            continue
        if token.pos_ != "PROPN" or not token.is_title or len(token) < 2:
            continue
        names = by_last_word.get(token.text, set())
        if len({name for name, _, _ in names}) != 1:
            continue
        neighbours = (
            doc[token.i - 1] if token.i > 0 else None,
            token.nbor() if token.i + 1 < len(doc) else None,
        )
        if any(n is not None and n.pos_ == "PROPN" for n in neighbours):
            continue  # "Newton Abbot": part of a longer name the model did not see either.
        _, label, kind = next(iter(names))
        found.append((Span(doc, token.i, token.i + 1, label=label), kind))
    return found


def _mostly_person(labels: Counter[str]) -> bool:
    return labels["PERSON"] * 2 >= sum(labels.values())


def _surname_like(text: str, labels: Counter[str]) -> bool:
    """A lone word that is also a person's surname: the person, unless the model mostly saw
    an organisation ("Harvard" the university) or the word is a known place ("Washington")."""
    if _mostly_person(labels):
        return True
    others = sum(labels.values()) - labels["PERSON"]
    return labels["ORG"] == 0 and others <= 1 and bank_kind(text) is None


def _agreed_kind(found: Counter[AnswerKind]) -> AnswerKind:
    trusted = [kind for kind in TRUSTED_KINDS if kind in found]
    if trusted:
        return trusted[0]
    return found.most_common(1)[0][0]


def _has_name_particle(name: str) -> bool:
    """ "Ferdinand de Lesseps": capitalised words around a lower-case particle."""
    words = name.split()
    return (
        len(words) >= 3
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and any(word in NAME_PARTICLES for word in words[1:-1])
    )


# Verbs whose subject is someone: only a person says, asks, agrees or laughs.
REPORTING_VERBS = frozenset(
    {"say", "ask", "tell", "explain", "reply", "shout", "laugh", "agree", "whisper", "answer"}
    | {"cry", "add", "write", "suggest", "think", "decide", "remember", "smile", "call"}
)


def acts_as_a_person(doc: Doc, name: str) -> bool:
    """Whether the article shows a one-word name as someone: a title before it ("Mr Patel"),
    or the one who says, asks or thinks something ("Amara said", "said her brother, Sami")."""
    for token in tokens_written(doc, name):
        if token.i > 0 and doc[token.i - 1].lower_ in HONORIFICS:
            return True
        subject = token.head if token.dep_ == "appos" else token
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = subject.head
        if base_form(verb) in REPORTING_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
            return True
    return False


def is_unknown_one_word_name(doc: Doc, entity: Entity) -> bool:
    """A one-word "person" the article never shows as someone: as often a mountain, a protein
    or a village the small model mislabelled ("Kilimanjaro", "Dsup")."""
    if entity.kind != AnswerKind.PERSON:
        return False
    if " " in entity.name or entity.name.isupper() or not entity.name.isalpha():
        return False
    return not acts_as_a_person(doc, entity.name)


def _opens_a_longer_name(span: Span) -> bool:
    """ "St Paul's Cathedral", "Guy's Hospital": the name before "'s" is part of a building's
    name, no person or place of its own."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].tag_ != "POS":
        return False
    following = doc[span.end + 1]
    return (
        following.is_title
        and following.pos_ in ("NOUN", "PROPN")
        and following.ent_type_ != "PERSON"
    )


def _person_or_not(span: Span, name: str) -> AnswerKind | None:
    """Second-guess the model's people: some are nations, places or plain words."""
    if any(bank_kind(word) == "nationality" for word in name.split()):
        return AnswerKind.THING  # "Norman French": a person's name holds no nationality.
    if any(word.casefold() in INSTITUTION_WORDS for word in name.split()):
        return AnswerKind.ORGANISATION  # "Musée Delaunay-Royer" is a museum, not a person.
    if any(word.casefold() in PLACE_WORDS for word in name.split()):
        return AnswerKind.PLACE  # "Gatun Lake" is a lake.
    if " " in name:
        if span.root.dep_ == "pobj" and span.root.head.lower_ in WHERE_PREPOSITIONS:
            # "gliders near Kitty Hawk", "through the Khumbu Icefall": people are not where
            # things are, nor what one climbs through.
            return AnswerKind.PLACE
        return AnswerKind.PERSON
    root = span.root
    if root.dep_ == "amod":
        return AnswerKind.THING  # "Unitarian clergy": a person's name does not describe.
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if (before is not None and before.lower_ == "the") or any(
        token is not None and token.text in ("–", "-") for token in (before, after)
    ):
        return AnswerKind.THING  # "during the Oligocene", "Cretaceous–Paleogene": not people.
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return AnswerKind.PLACE  # "moved the collection to Greenford"
    if is_common_word(span.text):
        return None  # "Unitarian": a dictionary word, not a name.
    return AnswerKind.PERSON


def _date_inside(span: Span) -> tuple[Span, AnswerKind | None]:
    doc = span.doc
    for start in range(span.start, span.end):
        for end in range(span.end, start, -1):
            inner = doc[start:end]
            kind = date_kind(inner.text)
            if kind is not None and kind != AnswerKind.DURATION:
                return Span(doc, start, end, label=span.label_), kind
    return span, None


def _is_lone_common_word(span: Span, name: str) -> bool:
    """A single capitalised dictionary word ("Ceasefire") is a name only as a known alias."""
    if span.label_ not in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT") or len(span) > 1:
        return False
    return name == span.text and is_common_word(span.text)


COMPLEMENT_WORDS = frozenset({"of", "on", "in", "at", "de", "du", "des", "la", "le", "del"})


def _canonical_names(
    raw: list[tuple[Span, AnswerKind]], *, acronyms: dict[str, str]
) -> dict[str, tuple[str, AnswerKind]]:
    """Map each mention's text to its fullest name: surnames to people, last words to teams."""
    people: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    multiword: dict[str, set[tuple[str, AnswerKind]]] = {}
    for span, kind in raw:
        if span.label_ in LABELS_WITH_NUMBERS or len(span) < 2:
            continue
        last = span[-1].text
        if kind == AnswerKind.PERSON:
            people.setdefault(last, set()).add(span.text)
            first_names.setdefault(span[0].text, set()).add(span.text)
        if span[-2].lower_ not in COMPLEMENT_WORDS:
            # "the Broncos" is the Denver Broncos, but "Copenhagen" is not the University of
            # Copenhagen: after "of", the last word names something else.
            multiword.setdefault(last, set()).add((span.text, kind))
    kinds = {span.text: kind for span, kind in raw}
    labels: dict[str, Counter[str]] = {}
    for span, _ in raw:
        labels.setdefault(span.text, Counter())[span.label_] += 1
    # "Jacksonville" the city is no one's first name, whatever one mention's label says.
    places = {span.text for span, _ in raw if span.label_ in ("GPE", "LOC")}
    canonical: dict[str, tuple[str, AnswerKind]] = {}
    for span, kind in raw:
        text = span.text
        if span.label_ in LABELS_WITH_NUMBERS:
            continue
        if (
            text in places
            and not (
                len(span) == 1
                and len(people.get(text, ())) == 1
                and _surname_like(text, labels[text])
            )
            # "Priya Shah ... Priya": a first name the model once saw as a person is hers.
            and not (
                len(first_names.get(text, ())) == 1
                and labels[text]["PERSON"]
                and known_place(text) is None
            )
        ):
            continue
        if text.casefold() in acronyms:
            full = acronyms[text.casefold()]
            canonical[text] = (full, kinds.get(full, kind))
        elif (
            len(span) == 1 and len(people.get(text, ())) == 1 and _surname_like(text, labels[text])
        ):
            # "Harvard" the university, named six times, is not John Harvard's surname.
            canonical[text] = (next(iter(people[text])), AnswerKind.PERSON)
        elif len(span) == 1 and len(first_names.get(text, ())) == 1 and text not in people:
            # "Napoleon Bonaparte ... Napoleon": some people go by their first name.
            canonical[text] = (next(iter(first_names[text])), AnswerKind.PERSON)
        elif (
            len(span) == 1
            and len(multiword.get(text, ())) == 1
            and (
                next(iter(multiword[text]))[1] != AnswerKind.PERSON or _mostly_person(labels[text])
            )
        ):
            canonical[text] = next(iter(multiword[text]))
        elif (
            span[-1].text in people
            and len(people[span[-1].text]) == 1
            and (len(span) > 1 or _mostly_person(labels[text]))
        ):
            # A full name the model labelled as an organisation is still the person.
            full = next(iter(people[span[-1].text]))
            if full.endswith(text) or text.endswith(full):
                canonical[text] = (max(full, text, key=len), AnswerKind.PERSON)
    return canonical
