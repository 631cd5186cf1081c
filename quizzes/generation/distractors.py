"""Wrong choices of the same kind as the answer: from the article first, then from the bank."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from quizzes.generation.answers import strip_article
from quizzes.generation.bank import bank_names
from quizzes.generation.entities import Entity, name_key
from quizzes.generation.firstnames import sex_of
from quizzes.generation.kinds import NUMERIC_KINDS, AnswerKind, looks_like_a_thing
from quizzes.generation.numbers import (
    parse_number,
    wrong_centuries,
    wrong_dates,
    wrong_months,
    wrong_numbers,
    wrong_weekdays,
    wrong_years,
    years_in,
)
from quizzes.generation.places import near_each_other, rival_cities, rival_countries
from quizzes.generation.pronouns import FEMALE, MALE, TITLE_PRONOUN
from quizzes.generation.types import DISTRACTOR_COUNT

if TYPE_CHECKING:
    from quizzes.generation.reading import Reading

# Above this similarity a choice is a spelling of the answer, not a different answer.
MAX_SIMILARITY = 80
# A sentence sharing this share of the stem's content words could make a candidate true too.
MAX_STEM_OVERLAP = 0.6
# A capitalised word this long, shared by a choice and the stem, names the same person or place.
MIN_NAME_WORD = 3
# Short stems ("Who was the Russian President?") share words with any sentence on the topic.
MIN_STEM_WORDS_FOR_OVERLAP = 3
# Candidates are drawn from the most salient few, so the seed varies choices but not quality.
POOL_FACTOR = 2
WORD_RE = re.compile(r"[\w’']+")
BANK_FOR_KIND = {
    AnswerKind.COUNTRY: "country",
    AnswerKind.US_STATE: "us_state",
    AnswerKind.CITY: "city",
    AnswerKind.CONTINENT: "continent",
}
# Nationalities have no bank fill: "Nigerian" and "Saudi" beside "Russian" are nobody's
# guesses; the article's own nationalities are the rivals, and without three, a short answer.
Generator = Callable[..., list[str]]
GENERATED_FOR_KIND: dict[AnswerKind, Generator] = {
    AnswerKind.NUMBER: wrong_numbers,
    AnswerKind.MONEY: wrong_numbers,
    AnswerKind.PERCENT: wrong_numbers,
    AnswerKind.QUANTITY: wrong_numbers,
    AnswerKind.DURATION: wrong_numbers,
    AnswerKind.YEAR: wrong_years,
    AnswerKind.FULL_DATE: wrong_dates,
    AnswerKind.MONTH_YEAR: wrong_months,
    AnswerKind.WEEKDAY: wrong_weekdays,
    AnswerKind.CENTURY: wrong_centuries,
}
# Kinds where the article's own values come first; generated ones fill the rest.
ARTICLE_FIRST_KINDS = frozenset(
    {AnswerKind.YEAR, AnswerKind.FULL_DATE, AnswerKind.MONTH_YEAR, AnswerKind.WEEKDAY}
)


VALUE_KINDS = frozenset(GENERATED_FOR_KIND)
MAX_YEARS_APART = 30
# An article is written at most a few years after the latest year it gives.
YEARS_AFTER_THE_ARTICLE = 5
DATED_KINDS = frozenset({AnswerKind.YEAR, AnswerKind.FULL_DATE, AnswerKind.MONTH_YEAR})
# Kinds whose article rivals may also come from a neighbouring kind of the same scope.
RIVAL_KINDS = {AnswerKind.PLACE: frozenset({AnswerKind.PLACE, AnswerKind.CITY})}
# A named place's feature word says what it is: an ocean's rivals are seas, not cities.
FEATURE_GROUPS = (
    frozenset({"ocean", "sea", "gulf", "bay", "strait", "channel"}),
    frozenset({"river", "creek", "canal", "stream"}),
    frozenset({"lake", "lagoon", "reservoir"}),
    frozenset({"mount", "mountain", "mountains", "range", "hills", "hill", "peak", "volcano"}),
    frozenset({"island", "islands", "isle", "peninsula", "archipelago"}),
    frozenset({"desert"}),
    frozenset({"valley", "basin", "plain", "plains", "plateau"}),
)
NO_FEATURE = -1
ROYAL_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "emperor", "empress", "pope", "tsar", "sultan"}
    | {"pharaoh", "tsarina", "kaiser"}
)
# Ranks that, with "of" and a place, stand for a person: "King of East Anglia".
RANKS = frozenset(
    {"king", "queen", "prince", "princess", "emperor", "empress", "duke", "duchess", "earl"}
    | {"count", "countess", "lord", "lady", "pope", "bishop", "archbishop", "sultan", "tsar"}
    | {"pharaoh", "marquis", "baron", "chief", "president", "governor", "mayor", "king-emperor"}
)
REGION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)
PLACE_RIVALS: dict[AnswerKind, Callable[[str, DistractorContext], list[str] | None]] = {
    AnswerKind.CITY: lambda answer, context: rival_cities(
        answer, countries_named=context.countries
    ),
    AnswerKind.COUNTRY: lambda answer, context: rival_countries(answer),
}
# Kinds whose label spans many sorts of thing: their rivals must share the answer's sort.
LOOSE_KINDS = frozenset(
    {AnswerKind.ORGANISATION, AnswerKind.FACILITY, AnswerKind.EVENT, AnswerKind.WORK}
)
# Kinds whose one-word names can be nouns ("the Romans") or adjectives ("Roman citizenship").
FORM_SENSITIVE_KINDS = frozenset({AnswerKind.NATIONALITY})


@dataclass(frozen=True)
class DistractorContext:
    """What the distractor chooser needs to know about the article and the question."""

    entities: dict[str, Entity]
    sentences_of: dict[str, frozenset[int]]
    sentence_words: tuple[frozenset[str], ...]
    # What the article calls a name ("the Lockheed company", "the constellation Ursa
    # Major"), where it says: rivals of another sort are no rivals.
    classes: dict[str, str] = field(default_factory=dict)
    # ISO codes of the countries the article names, which say which Perth is meant.
    countries: frozenset[str] = frozenset()
    # Each person's pronoun where the article shows it ("m" or "f"), so "his" in a stem
    # rules out no choice.
    pronouns: dict[str, str] = field(default_factory=dict)
    # Each sentence's numbers as written ("from 4,800 to 5,650"): a rival stays on the same
    # side of every other number of the answer's unit that its sentence gives.
    sentence_numbers: tuple[tuple[str, ...], ...] = ()
    # Every year the article gives, so no rival date lies after all of them.
    years: tuple[int, ...] = ()


def class_nouns(reading: Reading) -> dict[str, str]:
    """Entity key to the common noun the article files it under, where that is one noun:
    "the Lockheed company" (company), "the optical firm Perkin-Elmer" (firm)."""
    doc = reading.doc
    found: dict[str, set[str]] = {}
    for mention in reading.mentions:
        root = doc[mention.start : mention.end].root
        after = doc[mention.end] if mention.end < len(doc) else None
        before = doc[mention.start - 1] if mention.start > 0 else None
        noun = None
        if after is not None and root.dep_ == "compound" and root.head.i == after.i:
            noun = after
        elif (
            before is not None
            and before.lower_ == "of"
            and root.head.i == before.i
            and before.head.lower_ in PLACE_NOUNS
        ):
            noun = before.head  # "the village of Little Dunford", "the town of Alice Springs"
        elif before is not None and (root.head.i == before.i or before.head.i == root.i):
            noun = before
        if noun is not None and noun.pos_ == "NOUN" and noun.is_lower:
            found.setdefault(mention.key, set()).add(noun.lower_)
    return {key: next(iter(nouns)) for key, nouns in found.items() if len(nouns) == 1}


def content_words(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in WORD_RE.findall(text) if len(word) > 3)


def choose_distractors(
    *,
    answer: str,
    kind: AnswerKind,
    accepted: tuple[str, ...],
    stem: str,
    excluded_keys: frozenset[str],
    source: int,
    context: DistractorContext,
    rng: random.Random,
) -> tuple[str, ...]:
    """Three wrong choices in the answer's form, or () when three good ones do not exist."""
    stem_words = content_words(stem)
    found: list[str] = []
    article = _article_candidates(
        answer=answer,
        stem=stem,
        kind=kind,
        excluded_keys=excluded_keys,
        context=context,
        answer_class=next(
            (context.classes[key] for key in excluded_keys if key in context.classes), None
        ),
    )
    generator = GENERATED_FOR_KIND.get(kind)
    if generator is not None and kind not in ARTICLE_FIRST_KINDS:
        article = []
    pools: list[list[str]] = [article]
    if generator is not None:
        pools.append(generator(answer, rng=rng, count=DISTRACTOR_COUNT * POOL_FACTOR))
    # A person's rivals are the article's other people only: a made-up name is no one a
    # student could believe, so with fewer than three the question is a short answer.
    if kind in PLACE_RIVALS:
        # A city's rivals are cities of its country and of similar size, a country's its
        # neighbours; a place the data does not know gets the article's rivals alone.
        pools.append(PLACE_RIVALS[kind](answer, context) or [])
    elif kind in BANK_FOR_KIND and not (kind in FORM_SENSITIVE_KINDS and _is_plural(answer)):
        bank = list(bank_names(BANK_FOR_KIND[kind]))
        rng.shuffle(bank)
        pools.append(bank)
    if kind in NUMERIC_KINDS and source < len(context.sentence_numbers):
        pools = [_within_bounds(pool, answer, context.sentence_numbers[source]) for pool in pools]
    if kind == AnswerKind.CITY:
        # The article's other cities only where they lie near the answer's: "Cairns and _____"
        # among Athens and London is no question.
        pools[0] = [
            city
            for city in pools[0]
            if near_each_other(answer, city, countries_named=context.countries)
        ]
    if kind == AnswerKind.YEAR:
        # 1960 is no rival for 1884 in an article spanning a century: keep years close.
        pools[0] = [year for year in pools[0] if _years_apart(year, answer) <= MAX_YEARS_APART]
    if kind in DATED_KINDS:
        # "started in 2021" among 2029 and 2036, in an article whose latest year is 2021:
        # a year well after every year the article gives is one no student could believe.
        latest = max([*years_in(answer), *context.years], default=None)
        if latest is not None:
            pools = [
                [
                    rival
                    for rival in pool
                    if all(y <= latest + YEARS_AFTER_THE_ARTICLE for y in years_in(rival))
                ]
                for pool in pools
            ]
    for pool in pools:
        usable = [
            _match_form(candidate, answer)
            for candidate in pool
            if _same_form(candidate, answer, kind=kind)
            and _is_clearly_wrong(
                candidate,
                kind=kind,
                accepted=accepted,
                stem=stem,
                stem_words=stem_words,
                source=source,
                context=context,
                taken=found,
            )
        ]
        need = DISTRACTOR_COUNT - len(found)
        usable = _distinct(usable, kind=kind, limit=max(need * POOL_FACTOR, need))
        picked = _pick(usable, need=DISTRACTOR_COUNT - len(found), rng=rng)
        found.extend(picked)
        if len(found) == DISTRACTOR_COUNT:
            return tuple(found)
    return ()


def _within_bounds(pool: list[str], answer: str, numbers: tuple[str, ...]) -> list[str]:
    """Rivals on the answer's side of the sentence's other numbers in its unit: "rose from
    _____ to 5,650" rules out 6,720, and "_____ of its 80,000 people" rules out 87,500."""
    form = parse_number(answer)
    if form is None:
        return pool
    bounds = []
    for text in numbers:
        other = parse_number(text)
        if (
            other is not None
            and other.value != form.value
            and other.prefix == form.prefix
            and (other.suffix.strip() == form.suffix.strip() or not other.suffix.strip())
        ):
            bounds.append(other.value)
    if not bounds:
        return pool
    kept = []
    for candidate in pool:
        rival = parse_number(candidate)
        if rival is None or all((rival.value < bound) == (form.value < bound) for bound in bounds):
            kept.append(candidate)
    return kept


def _distinct(usable: list[str], *, kind: AnswerKind, limit: int) -> list[str]:
    """ "Roman" and "Romans" are one choice twice: keep the first of each such pair.

    Only the first `limit` distinct choices are ever drawn from, so the search stops there.
    """
    kept: list[str] = []
    for candidate in usable:
        if len(kept) >= limit:
            break
        if not any(_similar(candidate, other, kind=kind) for other in kept):
            kept.append(candidate)
    return kept


def _same_form(candidate: str, answer: str, *, kind: AnswerKind) -> bool:
    """Choices a student could tell apart by form alone give the answer away."""
    if kind == AnswerKind.ORGANISATION and _is_acronym(candidate) != _is_acronym(answer):
        return False  # "TFEU" among full names, or "European Commission" among acronyms.
    if kind in FORM_SENSITIVE_KINDS and _is_plural(candidate) != _is_plural(answer):
        return False
    if kind in (AnswerKind.PLACE, AnswerKind.FACILITY):
        return _feature_group(candidate) == _feature_group(answer) and _is_region(
            candidate
        ) == _is_region(answer)
    # "King of East Anglia" among "Basil Brown" and "Mrs Pretty" is told apart by form, and
    # "Queen Victoria" is nobody's guess for "the engineer _____".
    return kind != AnswerKind.PERSON or (
        is_title_phrase(candidate) == is_title_phrase(answer)
        and _is_royal(candidate) == _is_royal(answer)
    )


def _is_royal(name: str) -> bool:
    words = strip_article(name).split()
    return bool(words) and words[0].casefold() in ROYAL_TITLES


def is_title_phrase(name: str) -> bool:
    """ "King of East Anglia", "the Duke of Wellington": a rank of somewhere, not a name."""
    words = strip_article(name).split()
    return len(words) >= 3 and words[0].casefold() in RANKS and "of" in words[1:-1]


def _is_region(name: str) -> bool:
    """ "Western Europe", "North Africa": part of a continent, whose rivals are the same."""
    words = strip_article(name).split()
    return len(words) > 1 and words[0].casefold() in REGION_WORDS


def _is_acronym(name: str) -> bool:
    bare = strip_article(name).replace(".", "")
    return " " not in bare and bare.isupper()


def _is_plural(name: str) -> bool:
    word = strip_article(name).split()[-1] if name.strip() else ""
    return word.endswith("s") and not word.endswith("ss")


def _feature_group(name: str) -> int:
    words = strip_article(name).casefold().split()
    for word in (words[-1:] + words[:1]) if words else []:
        for index, group in enumerate(FEATURE_GROUPS):
            if word in group:
                return index
    return NO_FEATURE


def _article_candidates(
    *,
    kind: AnswerKind,
    excluded_keys: frozenset[str],
    context: DistractorContext,
    answer_class: str | None = None,
    answer: str = "",
    stem: str = "",
) -> list[str]:
    kinds = RIVAL_KINDS.get(kind, frozenset({kind}))
    same_kind = [
        entity
        for entity in context.entities.values()
        if entity.kind in kinds
        and entity.key not in excluded_keys
        # A one-word "person" is as often a place or a word the model misread.
        and (
            entity.kind != AnswerKind.PERSON
            or (" " in entity.name and not looks_like_a_thing(entity.name))
        )
    ]
    # A name the article files under another noun ("the constellation Ursa Major" for "the
    # Lockheed company") is of another sort, whatever label the model gave both.
    same_kind = [
        entity
        for entity in same_kind
        if answer_class is None or context.classes.get(entity.key, answer_class) == answer_class
    ]
    if kind in LOOSE_KINDS:
        # "Reuters" among an island, a port and a people: the model's organisation, facility
        # or event label spans every sort of thing, so a rival must be of the answer's sort,
        # by the noun the article files both under or the word both names end in.
        same_kind = [
            entity
            for entity in same_kind
            if (answer_class is not None and context.classes.get(entity.key) == answer_class)
            or (_head_noun(answer) is not None and _head_noun(entity.name) == _head_noun(answer))
        ]
    if kind == AnswerKind.PERSON:
        if answer_class in PLACE_NOUNS:
            return []  # "the village of Little Dunford" read as a person has no person rivals.
        # A girl's rivals are girls: by the pronoun the article gives each, a title ("Mrs
        # Patel"), or, for the answer, the stem's own words ("a girl named _____").
        own = {g for key in excluded_keys if (g := _gender(key, context)) is not None}
        if not own:
            own = _stem_gender(stem)
        same_kind = [
            entity
            for entity in same_kind
            if not own or _gender(entity.key, context) in (None, *own)
        ]
        if told := _stem_gender(stem):
            # "Who signaled that his government …": the stem says a man, and Karoline
            # Leavitt, whom the article never calls "she", is still no rival.
            same_kind = [e for e in same_kind if sex_of(e.name) in (None, *told)]
        # "the village of Little Dunford" is no one, whatever the model called it; nor is
        # "Mill Lane" or "Dinas Oleu": a rival is someone the article calls "he" or "she",
        # gives a title, or names with a first name.
        same_kind = [
            e
            for e in same_kind
            if context.classes.get(e.key) not in PLACE_NOUNS
            and (_gender(e.key, context) is not None or sex_of(e.name) is not None)
        ]
    same_kind.sort(key=lambda entity: (-entity.count, entity.name))
    return [entity.name for entity in same_kind]


# The titles that say a person's sex, beyond those pronoun resolution reads ("Mrs", "Sir").
TITLE_SEX = {
    **TITLE_PRONOUN,
    **dict.fromkeys(("lady", "queen", "princess"), "f"),
    **dict.fromkeys(("lord", "king", "prince"), "m"),
}
FEMALE_WORDS = FEMALE | {"girl", "woman", "sister", "mother"}
MALE_WORDS = MALE | {"boy", "man", "brother", "father"}
PLACE_NOUNS = frozenset({"village", "town", "city", "county", "country", "island", "region"})


def _gender(key: str, context: DistractorContext) -> str | None:
    """ "f" or "m" by the pronoun the article gives the person, else by a title."""
    if key in context.pronouns:
        return context.pronouns[key]
    entity = context.entities.get(key)
    first = entity.name.split()[0].casefold().rstrip(".") if entity and entity.name else ""
    return TITLE_SEX.get(first)


def _stem_gender(stem: str) -> set[str]:
    """The answer's sex where the stem's words say it and say only one ("Who blew her
    whistle?", "a girl named _____")."""
    words = {word.casefold() for word in WORD_RE.findall(stem)}
    found = {"f"} if words & FEMALE_WORDS else set()
    found |= {"m"} if words & MALE_WORDS else set()
    return found if len(found) == 1 else set()


def _head_noun(name: str) -> str | None:
    """The last word of a name of two words or more, which says what it is: "Maseno
    University", "Kisumu County Council"."""
    words = strip_article(name).split()
    return words[-1].casefold() if len(words) > 1 and words[-1].isalpha() else None


def _years_apart(first: str, second: str) -> int:
    digits = [int(match) for match in re.findall(r"\b\d{1,4}\b", f"{first} {second}")]
    return abs(digits[0] - digits[-1]) if len(digits) >= 2 else 0


def _pick(usable: list[str], *, need: int, rng: random.Random) -> list[str]:
    pool = usable[: max(need * POOL_FACTOR, need)]
    if len(pool) <= need:
        return pool
    return rng.sample(pool, need)


def _is_clearly_wrong(
    candidate: str,
    *,
    kind: AnswerKind,
    accepted: Iterable[str],
    stem: str,
    stem_words: frozenset[str],
    source: int,
    context: DistractorContext,
    taken: list[str],
) -> bool:
    """Not a spelling or alias of the answer, not in the stem, and not made true by the text."""
    if not candidate or candidate.casefold() in stem.casefold():
        return False
    if kind not in VALUE_KINDS and _shares_a_name_word(candidate, stem):
        # "Who did Lehmann assist?" with Alfred Lehmann among the choices, or Ball offered
        # as the one Ball worked with: a choice the stem half names is no rival.
        return False
    for other in [*accepted, *taken]:
        if _similar(candidate, other, kind=kind):
            return False
    key = name_key(candidate)
    if len(stem_words) >= MIN_STEM_WORDS_FOR_OVERLAP:
        for index in context.sentences_of.get(key, ()):
            if index == source:
                # In the answer's own sentence other names play other roles; conjuncts of the
                # answer, which would share its role, are excluded by the caller.
                continue
            overlap = len(stem_words & context.sentence_words[index]) / len(stem_words)
            if overlap >= MAX_STEM_OVERLAP:
                return False
    return True


def _shares_a_name_word(candidate: str, stem: str) -> bool:
    words = {word for word in WORD_RE.findall(stem) if word[:1].isupper()}
    return any(
        word in words
        for word in WORD_RE.findall(strip_article(candidate))
        if len(word) >= MIN_NAME_WORD and word[:1].isupper()
    )


def _similar(first: str, second: str, *, kind: AnswerKind) -> bool:
    a = strip_article(first).casefold()
    b = strip_article(second).casefold()
    if kind in VALUE_KINDS:
        # "February 14, 2016" shares words with "February 7, 2016" and is still wrong.
        return WORD_RE.findall(a) == WORD_RE.findall(b)
    words_a = set(WORD_RE.findall(a))
    words_b = set(WORD_RE.findall(b))
    if a == b or words_a & words_b:
        return True
    if _initials(first) == b.replace(".", "") or _initials(second) == a.replace(".", ""):
        return True
    return fuzz.ratio(a, b) >= MAX_SIMILARITY


def _initials(name: str) -> str:
    """ "European Union" gives "eu", so the acronym counts as the same name."""
    return "".join(word[0] for word in strip_article(name).split() if word[:1].isupper()).casefold()


def _match_form(candidate: str, answer: str) -> str:
    """ "the United Kingdom" beside the answer "Russia" loses its article; case follows too."""
    if not answer.lower().startswith("the "):
        candidate = strip_article(candidate)
    if answer.islower() and not candidate.islower():
        candidate = candidate.lower()
    return candidate
