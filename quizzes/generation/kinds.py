"""What kind of thing an answer is, which decides its question word and its distractors."""

from __future__ import annotations

import re
from enum import StrEnum

from quizzes.generation.bank import bank_kind
from quizzes.generation.places import known_place


class AnswerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    US_STATE = "us_state"
    CITY = "city"
    CONTINENT = "continent"
    PLACE = "place"
    NATIONALITY = "nationality"
    FACILITY = "facility"
    EVENT = "event"
    WORK = "work"
    YEAR = "year"
    WEEKDAY = "weekday"
    FULL_DATE = "full_date"
    MONTH_YEAR = "month_year"
    CENTURY = "century"
    DURATION = "duration"
    NUMBER = "number"
    MONEY = "money"
    PERCENT = "percent"
    QUANTITY = "quantity"
    ORDINAL = "ordinal"
    THING = "thing"


# The coarse label stored as `answer_type` (spaCy's entity labels, which the grading and
# the database already use); the finer kind travels separately as `answer_kind`.
ANSWER_LABEL = {
    AnswerKind.PERSON: "PERSON",
    AnswerKind.ORGANISATION: "ORG",
    AnswerKind.COUNTRY: "GPE",
    AnswerKind.US_STATE: "GPE",
    AnswerKind.CITY: "GPE",
    AnswerKind.CONTINENT: "LOC",
    AnswerKind.PLACE: "LOC",
    AnswerKind.NATIONALITY: "NORP",
    AnswerKind.FACILITY: "FAC",
    AnswerKind.EVENT: "EVENT",
    AnswerKind.WORK: "WORK_OF_ART",
    AnswerKind.YEAR: "DATE",
    AnswerKind.WEEKDAY: "DATE",
    AnswerKind.FULL_DATE: "DATE",
    AnswerKind.MONTH_YEAR: "DATE",
    AnswerKind.CENTURY: "DATE",
    AnswerKind.DURATION: "DATE",
    AnswerKind.NUMBER: "CARDINAL",
    AnswerKind.MONEY: "MONEY",
    AnswerKind.PERCENT: "PERCENT",
    AnswerKind.QUANTITY: "QUANTITY",
    AnswerKind.ORDINAL: "ORDINAL",
    AnswerKind.THING: "TERM",
}
PLACE_KINDS = frozenset(
    {
        AnswerKind.COUNTRY,
        AnswerKind.US_STATE,
        AnswerKind.CITY,
        AnswerKind.CONTINENT,
        AnswerKind.PLACE,
        AnswerKind.FACILITY,
    }
)
TIME_KINDS = frozenset(
    {
        AnswerKind.YEAR,
        AnswerKind.WEEKDAY,
        AnswerKind.FULL_DATE,
        AnswerKind.MONTH_YEAR,
        AnswerKind.CENTURY,
    }
)
NUMERIC_KINDS = frozenset(
    {AnswerKind.NUMBER, AnswerKind.MONEY, AnswerKind.PERCENT, AnswerKind.QUANTITY}
)
# Kinds whose distractors are reliably of the same kind; other answers become short answers.
MULTIPLE_CHOICE_KINDS = frozenset(AnswerKind) - {AnswerKind.THING, AnswerKind.ORDINAL}

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_PATTERN = "|".join(month.capitalize() for month in MONTHS)
YEAR_RE = re.compile(
    r"^(?:in )?(?:1\d{3}|20\d{2}|[1-9]\d{2}"
    r"|(?:AD|A\.D\.) \d{1,4}|\d{1,4} (?:BC|AD|BCE|CE|B\.C\.|A\.D\.))$"
)
FULL_DATE_RE = re.compile(
    rf"^(?:({MONTH_PATTERN}) \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}} ({MONTH_PATTERN}),? \d{{4}})$"
)
MONTH_YEAR_RE = re.compile(rf"^({MONTH_PATTERN}),? \d{{4}}$")
ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
]
CENTURY_RE = re.compile(
    rf"^(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)}) century"
    r"(?: (?:BC|AD|BCE|CE|B\.C\.|A\.D\.))?$",
    re.I,
)
DURATION_UNITS = "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century"
DURATION_RE = re.compile(
    rf"^(?:about |nearly |almost |over |more than )?(?:an? )?\S+ (?:{DURATION_UNITS})$"
)
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
NUMBER_RE = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
# Names whose short forms no surname rule can find.
KNOWN_ALIASES = {
    "u.s.": "the United States",
    "us": "the United States",
    "usa": "the United States",
    "u.s.a.": "the United States",
    "america": "the United States",
    "united states": "the United States",
    "u.k.": "the United Kingdom",
    "uk": "the United Kingdom",
    "britain": "the United Kingdom",
    "united kingdom": "the United Kingdom",
}
SPACY_KIND = {
    "PERSON": AnswerKind.PERSON,
    "ORG": AnswerKind.ORGANISATION,
    "NORP": AnswerKind.NATIONALITY,
    "FAC": AnswerKind.FACILITY,
    "EVENT": AnswerKind.EVENT,
    "WORK_OF_ART": AnswerKind.WORK,
    "LAW": AnswerKind.WORK,
    "MONEY": AnswerKind.MONEY,
    "PERCENT": AnswerKind.PERCENT,
    "QUANTITY": AnswerKind.QUANTITY,
    "ORDINAL": AnswerKind.ORDINAL,
}
BANK_PLACE_KIND = {
    "country": AnswerKind.COUNTRY,
    "us_state": AnswerKind.US_STATE,
    "city": AnswerKind.CITY,
    "continent": AnswerKind.CONTINENT,
    "nationality": AnswerKind.NATIONALITY,
}


# Head words that make a name labelled as a person a place or a thing: "Mill Lane", "the
# Bowie Medal", "USS Massasoit". Surnames that are also words ("Bell", "Hall") are not here.
# Words that make a name a place's: "Gatun Lake", "Mount Kenya", "Bramble Hill".
PLACE_WORDS = frozenset(
    {"lake", "river", "mount", "mountain", "mountains", "sea", "ocean", "island", "islands"}
    | {"bay", "canal", "valley", "desert", "street", "square", "park", "bridge", "forest"}
    | {"lane", "road", "avenue", "hill", "hills", "pier", "harbour", "cape", "peak", "glacier"}
)
# Words that make a name an institution's or a building's, whatever label the model gave it.
INSTITUTION_WORDS = frozenset(
    {"musée", "museum", "museo", "university", "college", "school", "hospital", "hotel"}
    | {"church", "cathedral", "gallery", "library", "institute", "company", "bank", "club"}
)
NOT_A_PERSON_HEADS = PLACE_WORDS | frozenset(
    {"medal", "prize", "award", "cup", "trophy", "house", "school", "college", "company"}
)
SHIP_PREFIXES = frozenset({"uss", "hms", "ss", "rms", "hmas", "hmcs"})


def looks_like_a_thing(name: str) -> bool:
    """Whether a name the model calls a person is, by its own words, a place or a thing."""
    words = name.casefold().split()
    return bool(words) and (words[-1] in NOT_A_PERSON_HEADS or words[0] in SHIP_PREFIXES)


def kind_of(text: str, label: str) -> AnswerKind | None:
    """The answer kind for an entity's cleaned text and spaCy label; None if not askable."""
    if label in ("GPE", "LOC"):
        return place_kind(text)
    if label == "DATE":
        return date_kind(text)
    if label == "TIME":
        if "o'clock" in text or "o’clock" in text:
            return None  # "at ten o'clock" is a time of day, no duration.
        return AnswerKind.DURATION if DURATION_RE.match(text) else None
    if label == "CARDINAL":
        return number_kind(text)
    if label == "NORP":
        found = bank_kind(text)
        return BANK_PLACE_KIND.get(found or "", AnswerKind.NATIONALITY)
    return SPACY_KIND.get(label)


def place_kind(text: str) -> AnswerKind:
    found = bank_kind(KNOWN_ALIASES.get(text.casefold(), text))
    if found in BANK_PLACE_KIND:
        return BANK_PLACE_KIND[found]
    known = known_place(text)
    if known is not None:
        return BANK_PLACE_KIND[known]
    return AnswerKind.PLACE


def date_kind(text: str) -> AnswerKind | None:
    lowered = text.lower()
    if YEAR_RE.match(text):
        return AnswerKind.YEAR
    if lowered in WEEKDAYS:
        return AnswerKind.WEEKDAY
    if FULL_DATE_RE.match(text):
        return AnswerKind.FULL_DATE
    if MONTH_YEAR_RE.match(text):
        return AnswerKind.MONTH_YEAR
    if CENTURY_RE.match(text):
        return AnswerKind.CENTURY
    relative = ("last", "next", "this", "every", "following", "previous", "same", "that")
    relative += ("first", "second", "third", "fourth", "final")  # "the first day of trading"
    if DURATION_RE.match(text) and not lowered.startswith(relative):
        return AnswerKind.DURATION
    # "last week", "the following day", "months": relative or vague, so not a fact to test.
    return None


def number_kind(text: str) -> AnswerKind | None:
    if NUMBER_RE.match(text) or text.lower() in NUMBER_WORDS:
        return AnswerKind.NUMBER
    if re.match(r"^\d[\d,.]* (?:million|billion|thousand|hundred)$", text):
        return AnswerKind.NUMBER
    return None
