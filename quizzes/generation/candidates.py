"""Overgeneration: every answer in every fact sentence, with the stem it would get."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quizzes.generation.answers import accepted_answers, strip_article
from quizzes.generation.clauses import clause_cut_short
from quizzes.generation.entities import Entity, Mention, is_unknown_one_word_name
from quizzes.generation.generic import generic_replacements
from quizzes.generation.kinds import NUMERIC_KINDS, TIME_KINDS, AnswerKind, looks_like_a_thing
from quizzes.generation.nlp import token_index
from quizzes.generation.places import is_capital
from quizzes.generation.reading import Reading
from quizzes.generation.rules import Veto
from quizzes.generation.spans import HEDGE_WORDS, MONTH_NAMES
from quizzes.generation.stems import (
    Stem,
    broken_wording,
    clause_part,
    is_name,
    lean_stem,
    make_stem,
)
from quizzes.generation.titles import hidden_names, title_candidates, titled_pronouns

# Answers that name nothing a student could learn from the article.
VAGUE_ANSWERS = frozenset({"one", "1", "first", "today", "now"})
NOUN_CHUNK_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "oprd"})
# "is called primality", "is known as trial division": the sentence names a term.
NAMING_VERBS = frozenset({"called", "named", "termed", "dubbed"})
NAMING_AS_VERBS = frozenset({"known", "described", "referred", "regarded", "defined"})
MAX_THING_WORDS = 4
# A one-word noun is worth asking about only when the article keeps coming back to it.
MIN_THING_MENTIONS = 2
# A phrase the article uses this often is its topic: of the blind rounds' answers used 4
# times or more, 2 in 20 were kept, against 2 in 5 for a phrase used once.
TOPIC_WORD_USES = 4
# Heads and openers of noun phrases that name no particular thing ("a wide variety").
VAGUE_NOUNS = frozenset(
    {
        "variety",
        "way",
        "ways",
        "range",
        "number",
        "amount",
        "kind",
        "kinds",
        "type",
        "types",
        "part",
        "parts",
        "lot",
        "lots",
        "thing",
        "things",
        "example",
        "instance",
        "instances",
        "case",
        "cases",
        "form",
        "forms",
        "aspect",
        "aspects",
        "area",
        "areas",
        "time",
        "times",
        "use",
        "result",
        "results",
        "fact",
        "one",
        "ones",
        "others",
        "people",
        "majority",
    }
)
VAGUE_MODIFIERS = frozenset(
    {
        "other",
        "several",
        "many",
        "various",
        "different",
        "some",
        "such",
        "certain",
        "most",
        "more",
        "few",
        "each",
        "every",
        "all",
        "any",
        "both",
        "same",
        "much",
        "own",
    }
)
# Adjectives that judge or place rather than classify: the phrase they open is a description.
JUDGING_ADJECTIVES = frozenset(
    {
        "old",
        "new",
        "long",
        "short",
        "big",
        "large",
        "small",
        "great",
        "powerful",
        "important",
        "main",
        "major",
        "famous",
        "good",
        "bad",
        "high",
        "low",
        "early",
        "late",
        "whole",
        "entire",
        "significant",
        "considerable",
        "particular",
        "special",
        "general",
        "popular",
        "strong",
        "wide",
        "key",
        "first",
        "last",
        "next",
        "previous",
        "starting",
        "increasing",
        "growing",
    }
)
# Heads that name a position or a share, not a thing: "the starting point", "the east end".
GENERAL_HEADS = frozenset(
    {"point", "end", "side", "start", "beginning", "place", "half", "section", "level"}
    # "the following day", "the regular season": when, said loosely, is no thing to name.
    | {"day", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night"}
    | {"season", "o'clock", "o’clock"}
)
DASHES = frozenset({"-", "–", "—"})
BOUND_PREPOSITIONS = frozenset({"by", "before", "after"})
# Words that make a number a bound, not a value: every number past it is true as well.
NUMBER_BOUNDS = tuple(
    tuple(phrase.split())
    for phrase in (
        "more than",
        "less than",
        "fewer than",
        "over",
        "under",
        "at least",
        "at most",
        "up to",
        "upwards of",
        "in excess of",
        "as many as",
        "no more than",
        "no fewer than",
    )
)
BOUND_KINDS = frozenset(
    {AnswerKind.YEAR, AnswerKind.FULL_DATE, AnswerKind.MONTH_YEAR, AnswerKind.CENTURY}
)
NUMBER_LIKE_KINDS = frozenset(
    {
        AnswerKind.NUMBER,
        AnswerKind.MONEY,
        AnswerKind.PERCENT,
        AnswerKind.QUANTITY,
        AnswerKind.YEAR,
        AnswerKind.FULL_DATE,
        AnswerKind.MONTH_YEAR,
        AnswerKind.DURATION,
        AnswerKind.CENTURY,
    }
)
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT", "DT", "EX"})
FOCUS_ADVERBS = frozenset({"even", "only", "just", "also", "particularly", "especially", "mostly"})


@dataclass(frozen=True)
class Candidate:
    """One possible question before ranking."""

    sentence: int
    answer: str
    kind: AnswerKind
    key: str
    stem: Stem
    accepted: tuple[str, ...]
    # Entities that must not be offered as wrong choices: the answer and its conjuncts.
    excluded_keys: frozenset[str]
    answer_count: int
    # The same question with other names shown by their kind ("the city"), for when the
    # stem would otherwise give away another question's answer.
    alternative: Stem | None = None
    # The stem cut down to the fact's own words, for when even the plainer one names an answer.
    lean: Stem | None = None

    @property
    def stems(self) -> tuple[Stem, ...]:
        return tuple(s for s in (self.stem, self.alternative, self.lean) if s is not None)


def build_candidates(reading: Reading) -> list[Candidate]:
    return find_candidates(reading)[0]


def find_candidates(reading: Reading, *, title: str = "") -> tuple[list[Candidate], list[Veto]]:
    """Every answer in every fact sentence with the stem it would get, and, for each span
    that could have been an answer but was dropped, the rule that dropped it. An answer the
    article's `title` already names is dropped (rule answer.in_title)."""
    found, vetoes = _all_candidates(reading)
    named = title_words(title)
    if not named:
        return found, vetoes
    kept = []
    for candidate in found:
        if candidate.kind not in TITLE_SAFE_KINDS and _named_by(candidate.answer, named):
            # "Being _____ meant learning all of Greta's lines" under the title "The
            # Understudy": a student who read the title knows it. A year or a count in the
            # title ("The Peasants' Revolt of 1381") still has to be matched to its event.
            vetoes.append(Veto("answer.in_title", candidate.sentence, candidate.answer))
        else:
            kept.append(candidate)
    return kept, vetoes


# Answers a title may name and still leave to be read: which event its year or count is of.
TITLE_SAFE_KINDS = NUMERIC_KINDS | TIME_KINDS | {AnswerKind.DURATION}
# Words a title and an answer may share without the title naming the answer.
TITLE_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "with", "from", "by", "s"}
)
TITLE_WORD_RE = re.compile(r"\w+")


def title_words(title: str) -> frozenset[str]:
    """The title's words, lower-case and singular, without its function words."""
    return frozenset(
        _singular(word)
        for word in TITLE_WORD_RE.findall(title.casefold())
        if word not in TITLE_FUNCTION_WORDS
    )


def _named_by(answer: str, named: frozenset[str]) -> bool:
    words = title_words(answer)
    return bool(words) and words <= named


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _all_candidates(reading: Reading) -> tuple[list[Candidate], list[Veto]]:
    found: list[Candidate] = []
    vetoes: list[Veto] = []
    mention_tokens: set[int] = set()
    hidden = hidden_names(reading)
    pronouns = titled_pronouns(reading)
    for mention in reading.mentions:
        mention_tokens.update(range(mention.start, mention.end))
        replacements = _replacements_for(
            reading, hidden, pronouns=pronouns, start=mention.start, end=mention.end
        )
        candidate = _entity_candidate(reading, mention, replacements=replacements)
        if isinstance(candidate, Veto):
            vetoes.append(candidate)
        else:
            found.append(candidate)
    for item in _thing_candidates(
        reading, mention_tokens=mention_tokens, hidden=hidden, pronouns=pronouns
    ):
        (vetoes if isinstance(item, Veto) else found).append(item)
    for item in title_candidates(reading):
        (vetoes if isinstance(item, Veto) else found).append(item)
    return found, vetoes


def _replacements_for(
    reading: Reading,
    hidden: dict[int, list[tuple[int, int, dict[int, str]]]],
    *,
    pronouns: dict[int, str],
    start: int,
    end: int,
) -> dict[int, str]:
    """Resolved pronouns, plus titled names shown by title, except around the answer."""
    merged = pronouns
    for first, last, replacements in hidden.get(reading.sentence_of[start], ()):
        if first < end and start < last:
            continue
        if merged is pronouns:
            merged = dict(merged)
        merged.update(replacements)
    return merged


def _entity_candidate(
    reading: Reading, mention: Mention, *, replacements: dict[int, str]
) -> Candidate | Veto:
    index = reading.sentence_of[mention.start]

    def veto(rule: str) -> Veto:
        return Veto(rule, index, mention.text)

    if any(i in reading.blocked for i in range(mention.start, mention.end)):
        return veto("answer.quoted")
    if mention.text.lower() in VAGUE_ANSWERS:
        return veto("answer.vague_word")
    if FREQUENCY_RE.match(mention.text):
        return veto("answer.frequency")  # "visit the park each year": how often is no fact.
    if mention.kind == AnswerKind.CITY and _acts(reading, mention) and is_capital(mention.text):
        # "Moscow once again refused to agree": the capital stands for its government.
        return veto("answer.capital_for_government")
    if mention.kind == AnswerKind.PERSON and looks_like_a_thing(mention.text):
        return veto("answer.not_a_person")
    entity = reading.entities.get(mention.key)
    if entity is not None and is_unknown_one_word_name(reading.doc, entity):
        return veto("answer.unknown_one_word_name")
    if _is_back_reference(reading, mention):
        return veto("answer.back_reference")
    if _is_fragment(reading, mention):
        return veto("answer.fragment")
    if _in_brackets(reading, mention):
        return veto("answer.in_brackets")
    if mention.kind == AnswerKind.NUMBER and mention.start > 0:
        before = reading.doc[mention.start - 1]
        if before.pos_ == "PROPN" and before.is_title:
            return veto("answer.number_in_name")  # "Super Bowl 50", "Apollo 13".
    sentence = reading.sentences[index]
    answer_span = reading.doc[mention.start : mention.end]
    root = answer_span.root
    before = reading.doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.lower_ in HEDGE_WORDS and mention.start > 1:
        before = reading.doc[mention.start - 2]
    if mention.kind in BOUND_KINDS and before is not None and before.lower_ in BOUND_PREPOSITIONS:
        # "By 1944 enough penicillin was made": by 1945 it was too, so the year is a bound,
        # and any later year is also a right answer.
        return veto("answer.date_bound")
    if mention.kind in NUMBER_LIKE_KINDS and _is_negated(reading.doc, mention.start):
        # "No two faces are alike": a stem without the "no" says the opposite.
        return veto("answer.negated_number")
    if mention.kind == AnswerKind.NUMBER and _is_clock_time(reading.doc, mention):
        # "The bus pulled away at 4.52": a time of day, whose rivals 5.65 and 8.68 are none.
        return veto("answer.clock_time")
    if mention.kind in NUMBER_LIKE_KINDS and _has_alternative(reading.doc, mention):
        # "died in about 1368 or 1369": the other number is in the stem, and both are right.
        return veto("answer.alternative_given")
    if mention.kind in NUMBER_LIKE_KINDS - BOUND_KINDS and _after_bound(reading, mention.start):
        # "more than 200 species": 150 is true too, so no wrong choice is shown wrong.
        return veto("answer.number_bound")
    following = reading.doc[mention.end : mention.end + 2]
    if (
        len(following) == 2
        and following[0].dep_ == "case"
        and following[1].pos_
        not in (
            "NOUN",
            "PROPN",
            "ADJ",
            "NUM",
        )
    ):
        return veto("answer.possessive_ellipsis")  # "but Irvine's has never been located".
    if (
        mention.kind == AnswerKind.NATIONALITY
        and root.dep_ in ("compound", "amod")
        and root.head.pos_ == "PROPN"
        and root.head.is_title
    ):
        return veto("answer.nationality_in_name")  # "the East African Rift".
    if any(child.dep_ == "appos" and child.left_edge.i == mention.end for child in root.children):
        return veto("answer.name_in_title")  # "the NFL Most Valuable Player".
    stem = make_stem(sentence, answer_span, mention.kind, replacements=replacements)
    if stem is None:
        return veto(_no_stem_rule(answer_span))
    if (fault := _wording_fault(stem)) is not None:
        return veto(fault)
    if not stem.self_contained:
        # "it is one of the oldest cities in _____": a student cannot tell what "it" is.
        return veto("stem.leans_on_context")
    if _keeps_unresolved(reading, stem, start=mention.start, end=mention.end):
        return veto("stem.unresolved_description")
    entity = reading.entities.get(mention.key)
    modifier = answer_span.root.dep_ in ("compound", "amod", "nmod", "npadvmod")
    if entity is not None and modifier and mention.text != entity.name:
        # "The U.S. president": an abbreviation used as a modifier has no same-form rivals.
        return veto("answer.abbreviated_modifier")
    answer = _display_answer(mention, entity)
    accepted = accepted_answers(answer, kind=mention.kind, entity=entity)
    alternative = _plainer(
        reading, answer_span, kind=mention.kind, replacements=replacements, stem=stem
    )
    if _names_answer(stem.prompt, accepted):
        # "Kenya, officially the Republic of Kenya, is ...": the plainer stem may not.
        if alternative is None or _names_answer(alternative.prompt, accepted):
            return veto("stem.names_answer")
        stem, alternative = alternative, None
    return Candidate(
        sentence=index,
        answer=answer,
        kind=mention.kind,
        key=mention.key,
        stem=stem,
        accepted=accepted,
        excluded_keys=frozenset({mention.key} | _conjunct_keys(reading, answer_span)),
        answer_count=entity.count if entity else 1,
        alternative=alternative,
        lean=_lean(
            reading,
            answer_span,
            kind=mention.kind,
            replacements=replacements,
            accepted=accepted,
            known=(stem, alternative),
        ),
    )


def _uses(doc: Doc, phrase: Span) -> int:
    """How often the article says the phrase, its last word in the singular or the plural,
    whatever the case; the words are indexed once per article."""
    index = token_index(doc, "words_singular", _singular_word)
    words = [_singular(token.lower_) for token in phrase]
    return sum(
        1
        for start in index.get(words[0], ())
        if [_singular(t.lower_) for t in doc[start : start + len(words)]] == words
    )


def _singular(word: str) -> str:
    return word.removesuffix("es") if word.endswith("ches") else word.removesuffix("s")


def _singular_word(token: Token) -> str:
    return _singular(token.lower_)


CLOCK_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[.:][0-5]\d$")
CLOCK_WORDS_BEFORE = frozenset(
    {"at", "until", "till", "by", "from", "after", "before", "past", ":"}
)
CLOCK_WORDS_AFTER = frozenset({"am", "pm", "a.m.", "p.m."})


def _is_clock_time(doc: Doc, mention: Mention) -> bool:
    """ "at 4.52", "her phone: 4.54,": hours and minutes where the words around say a time of
    day (not "a refractive index of about 1.33")."""
    if CLOCK_TIME_RE.match(mention.text) is None:
        return False
    before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
    after = doc[mention.end].lower_ if mention.end < len(doc) else ""
    return before in CLOCK_WORDS_BEFORE or after in CLOCK_WORDS_AFTER


def _has_alternative(doc: Doc, mention: Mention) -> bool:
    """Whether the number is one of two offered with "or": "1368 or 1369", "6 or 7 degrees"."""
    after = doc[mention.end : mention.end + 2]
    before = doc[max(0, mention.start - 2) : mention.start]
    return (len(after) == 2 and after[0].lower_ == "or" and after[1].like_num) or (
        len(before) == 2 and before[1].lower_ == "or" and before[0].like_num
    )


def _keeps_unresolved(reading: Reading, stem: Stem, *, start: int, end: int) -> bool:
    """Whether the stem keeps a description that points back to no single name ("the
    stadium"), written in its sentence or carried in by a pronoun from the one before; the
    answer's own words do not count, as the stem does not show them."""
    prompt = f" {stem.prompt.casefold().rstrip('?.')} "
    here = reading.sentence_of[start]
    for first, last in reading.unresolved:
        if not 0 <= here - reading.sentence_of[first] <= 1 or (first < end and start < last):
            continue
        if f" {reading.doc[first:last].text.casefold()} " in prompt:
            return True
    return False


def _plainer(
    reading: Reading,
    answer: Span,
    *,
    kind: AnswerKind,
    replacements: dict[int, str],
    stem: Stem,
) -> Stem | None:
    """The stem with other names shown by their kind, cut to the answer's part of a two-part
    sentence where that helps."""
    alternative = _alternative(reading, answer, kind=kind, replacements=replacements, stem=stem)
    sentence = reading.sentences[reading.sentence_of[answer.start]]
    return _shorter(sentence, answer, alternative or stem) or alternative


def _alternative(
    reading: Reading,
    answer: Span,
    *,
    kind: AnswerKind,
    replacements: dict[int, str],
    stem: Stem,
) -> Stem | None:
    index = reading.sentence_of[answer.start]
    generic = generic_replacements(reading, index, start=answer.start, end=answer.end)
    if not generic:
        return None
    other = make_stem(
        reading.sentences[index], answer, kind, replacements={**replacements, **generic}
    )
    if other is None or not other.self_contained or other.prompt == stem.prompt:
        return None
    return other


def _lean(
    reading: Reading,
    answer: Span,
    *,
    kind: AnswerKind,
    replacements: dict[int, str],
    accepted: tuple[str, ...],
    known: tuple[Stem | None, ...],
) -> Stem | None:
    sentence = reading.sentences[reading.sentence_of[answer.start]]
    lean = lean_stem(sentence, answer, kind, replacements=replacements)
    if lean is None or not lean.self_contained or _names_answer(lean.prompt, accepted):
        return None
    if any(stem is not None and stem.prompt == lean.prompt for stem in known):
        return None
    return lean


def _shorter(sentence: Span, answer: Span, stem: Stem) -> Stem | None:
    """The stem's own part of a two-part sentence, for when the other part names an answer."""
    shorter = clause_part(sentence, answer, stem)
    if shorter is None or not shorter.self_contained:
        return None
    return shorter


def _acts(reading: Reading, mention: Mention) -> bool:
    """Whether the name is the subject of a verb: a place that refuses, says or demands."""
    root = reading.doc[mention.start : mention.end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX")


def _after_bound(reading: Reading, start: int) -> bool:
    """Whether the words before `start` are a bound: "more than", "over", "up to"."""
    words = [token.lower_ for token in reading.doc[max(0, start - 3) : start]]
    return any(tuple(words[-len(bound) :]) == bound for bound in NUMBER_BOUNDS)


def _is_fragment(reading: Reading, mention: Mention) -> bool:
    """Part of a longer expression: "Cretaceous–[Paleogene]", "66–34 [Mya]"."""
    doc = reading.doc
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if (
        before is not None
        and before.text in DASHES
        and mention.start >= 2
        and not doc[mention.start - 2].whitespace_
    ):
        return True
    if after is not None and after.text in DASHES and not doc[mention.end - 1].whitespace_:
        return True
    if (
        mention.kind == AnswerKind.NUMBER
        and after is not None
        and after.lower_ in MONTH_NAMES
        and mention.end - mention.start == 1
    ):
        return True  # "21 April 753 BC": the day of a date the model did not see whole.
    # A number that counts the answer makes the answer its unit.
    return (
        before is not None
        and (before.like_num or any(char.isdigit() for char in before.text))
        and mention.kind not in NUMBER_LIKE_KINDS
        and mention.start <= before.head.i < mention.end
    )


def _in_brackets(reading: Reading, mention: Mention) -> bool:
    """ "(formally, the President and Fellows)": an aside in brackets, asked in place, leaves
    a stem with the brackets gone and two noun phrases side by side."""
    sentence = reading.sentences[reading.sentence_of[mention.start]]
    depth = 0
    for token in reading.doc[sentence.start : mention.start]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
    return depth > 0 and any(
        word.pos_ != "NUM" for word in reading.doc[mention.start : mention.end]
    )


# "What can only flow?", "What might contain a cell?": what can or might be is no fact the
# text states, and strict readers kept 2 of 10 such questions.
MODAL_QUESTION_RE = re.compile(r"^(What|Who|Which \w+) (can|cannot|could|might|may)\b")
FREQUENCY_RE = re.compile(r"(?i)^(each|every|once|twice)\b|\b(a|per) (day|week|month|year)$")
NEGATING_WORDS = frozenset({"no", "not", "never", "nor"})


def _no_stem_rule(answer: Span) -> str:
    """Why no stem was made: the clause lost a complement when cut out, or no form fits."""
    rule = "stem.no_wording"
    if clause_cut_short(answer):
        rule = "stem.lost_complement"
    return rule


def _wording_fault(stem: Stem) -> str | None:
    """The rule a stem's wording breaks: cut in the wrong place, or asking what can be."""
    rule = None
    if broken_wording(stem.prompt):
        rule = "stem.broken_wording"
    elif MODAL_QUESTION_RE.match(stem.prompt):
        rule = "stem.modal_question"
    return rule


def _is_negated(doc: Doc, start: int) -> bool:
    """Whether "no" or "not" comes just before the number, or is its noun's determiner."""
    if start > 0 and doc[start - 1].lower_ in NEGATING_WORDS:
        return True
    head = doc[start].head
    return any(child.lower_ in NEGATING_WORDS and child.i < start for child in head.children)


def _is_back_reference(reading: Reading, mention: Mention) -> bool:
    """ "the two countries" points back at things already named; it states no count."""
    root = reading.doc[mention.start : mention.end].root
    before = reading.doc[mention.start - 1] if mention.start > 0 else None
    if mention.kind == AnswerKind.NUMBER and before is not None and before.lower_ in ("the", "all"):
        # "the elder of the two", "All five returned safely": they were counted before.
        return True
    if mention.kind != AnswerKind.NUMBER or root.dep_ != "nummod":
        return False
    return any(child.dep_ == "det" and child.lower_ == "the" for child in root.head.children)


def _display_answer(mention: Mention, entity: Entity | None) -> str:
    """A person by full name; anything else as the sentence wrote it, without "the"."""
    if entity is not None and mention.kind == AnswerKind.PERSON:
        return entity.name
    return strip_article(mention.text)


def _names_answer(prompt: str, accepted: tuple[str, ...]) -> bool:
    lowered = prompt.casefold()
    if any(
        re.search(rf"(?<!\w){re.escape(form.casefold())}(?!\w)", lowered)
        for form in accepted
        if len(form) > 1
    ):
        return True
    # "Of which country did the Egyptian pharaoh become king?": the adjective names Egypt.
    names = {word for form in accepted for word in form.split() if word[:1].isupper()}
    words = {word for word in WORD_RE.findall(prompt) if word[:1].isupper()}
    return any(_derived_name(one, other) for one in names for other in words)


WORD_RE = re.compile(r"[\w’'-]+")
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic")
MIN_ROOT = 4


def _derived_name(first: str, second: str) -> bool:
    """Whether one word is the other's adjective or people: Egypt and Egyptian, Russia and
    Russian, China and Chinese (the root is the name without its final vowels)."""
    short, long = sorted((first, second), key=len)
    root = short.casefold().rstrip("aeiouy")
    if len(root) < MIN_ROOT or len(long) <= len(root) or short == long:
        return False
    lowered = long.casefold()
    return lowered.startswith(root) and lowered.endswith(DEMONYM_ENDINGS)


def _conjunct_keys(reading: Reading, answer: Span) -> set[str]:
    """ "the Patriots, Dallas Cowboys and Pittsburgh Steelers": each is also a right answer."""
    related = {token.i for token in answer.root.conjuncts}
    sentence = reading.sentence_of[answer.start]
    return {
        mention.key
        for mention in reading.mentions_in(sentence)
        if any(index in related for index in range(mention.start, mention.end))
    }


def _thing_candidates(
    reading: Reading,
    *,
    mention_tokens: set[int],
    hidden: dict[int, list[tuple[int, int, dict[int, str]]]],
    pronouns: dict[int, str],
) -> list[Candidate | Veto]:
    """Key noun phrases ("a prisoner swap") as short answers: too loosely typed for choices.

    Noun phrases that are no answer by their grammar (pronouns, modifiers) are passed over;
    those a rule drops come back as vetoes.
    """
    found: list[Candidate | Veto] = []
    for chunk in reading.doc.noun_chunks:
        root = chunk.root
        index = reading.sentence_of[root.i]
        if not reading.askable[index] or root.dep_ not in NOUN_CHUNK_DEPS:
            continue
        if root.pos_ not in ("NOUN", "PROPN") or root.tag_ in PRONOUN_TAGS:
            # Names the model did not recognise ("the Broncos") are still answers, though
            # of unknown kind, so they get short-answer questions only.
            continue

        def veto(rule: str, index: int = index, chunk: Span = chunk) -> None:
            found.append(Veto(rule, index, chunk.text))

        if any(token.tag_ == "PRP$" for token in chunk):
            # "his government": whose government is not in the answer.
            veto("thing.possessive")
            continue
        if any(child.dep_ == "appos" and child.ent_type_ == "PERSON" for child in root.children):
            veto("thing.role_of_named_person")  # "the team captain, Brian Ochieng,".
            continue
        span = _without_determiner(chunk)
        if span is None or all(i in mention_tokens for i in range(span.start, span.end)):
            continue  # Not a phrase, or a name already asked for as a name.
        if len(span) > MAX_THING_WORDS:
            veto("thing.too_long")
            continue
        if root.lower_ in VAGUE_NOUNS or span[0].lower_ in VAGUE_MODIFIERS:
            veto("thing.vague_noun")
            continue
        rare = reading.term_counts.get(root.lower_, 0) < MIN_THING_MENTIONS
        if (
            len(span) == 1
            and not _is_named_term(root)
            and (
                (rare and root.pos_ == "NOUN")
                or root.dep_ in ("nsubj", "nsubjpass")
                or len(root) < 2
            )
        ):
            # "What was played on February 7? - game": a bare subject noun is what the
            # sentence is about, not a fact in it.
            veto("thing.bare_noun")
            continue
        if any(i in reading.blocked for i in range(span.start, span.end)):
            veto("answer.quoted")
            continue
        if any(i in mention_tokens for i in range(span.start, span.end)):
            veto("thing.overlaps_name")
            continue
        if not _writable(span, chunk=chunk):
            veto("thing.judged_wording")
            continue
        if _inside_longer_name(span):
            veto("thing.piece_of_name")
            continue
        if any(token.lower_ in MONTH_NAMES for token in span):
            veto("thing.day_without_year")  # "12 September" without its year.
            continue
        if _uses(reading.doc, span) >= TOPIC_WORD_USES:
            # "What do workers dig up in the village of Colchani?" - salt, in an article on
            # salt: a word the text keeps using is guessed from its topic, not read.
            veto("thing.topic_word")
            continue
        replacements = _replacements_for(
            reading, hidden, pronouns=pronouns, start=span.start, end=span.end
        )
        stem = make_stem(
            reading.sentences[index], span, AnswerKind.THING, replacements=replacements
        )
        if stem is None:
            veto(_no_stem_rule(span))
            continue
        if (fault := _wording_fault(stem)) is not None:
            veto(fault)
            continue
        if not stem.self_contained:
            veto("stem.leans_on_context")
            continue
        if _keeps_unresolved(reading, stem, start=span.start, end=span.end):
            veto("stem.unresolved_description")
            continue
        answer = span.text
        if span[0].is_sent_start and not is_name(span[0]):
            answer = answer[0].lower() + answer[1:]  # "Diatomic oxygen gas" opened a sentence.
        accepted = accepted_answers(answer, kind=AnswerKind.THING, entity=None)
        if _names_answer(stem.prompt, accepted):
            veto("stem.names_answer")
            continue
        alternative = _plainer(
            reading,
            span,
            kind=AnswerKind.THING,
            replacements=replacements,
            stem=stem,
        )
        found.append(
            Candidate(
                sentence=index,
                answer=answer,
                kind=AnswerKind.THING,
                key=answer.casefold(),
                stem=stem,
                accepted=accepted,
                excluded_keys=frozenset(),
                answer_count=reading.term_counts.get(root.lower_, 1),
                alternative=alternative,
                lean=_lean(
                    reading,
                    span,
                    kind=AnswerKind.THING,
                    replacements=replacements,
                    accepted=accepted,
                    known=(stem, alternative),
                ),
            )
        )
    return found


def _inside_longer_name(span: Span) -> bool:
    """ "Functioning" in "the Treaty on the Functioning of the European Union", "State" in
    "Secretary of State": a lone capitalised word beside other capitalised words is a piece
    of a name the model did not see whole."""
    if len(span) != 1 or span[0].pos_ != "PROPN":
        return False
    doc = span.doc
    for step in (-1, 1):
        index = span.start + step
        # Small linking words may sit between the pieces: "Forks of the Ohio".
        while 0 <= index < len(doc) and doc[index].lower_ in ("of", "on", "the", "for"):
            index += step
        if 0 <= index < len(doc) and doc[index].is_title and not doc[index].is_sent_start:
            return True
        if step == -1 and 0 <= index < len(doc) and doc[index].is_title and index != span.start - 1:
            return True
    return False


def _is_named_term(root: Token) -> bool:
    """ "The property of being prime is called primality": a term the sentence defines is
    worth asking even if the article says it once."""
    if root.dep_ == "oprd":
        return root.head.lower_ in NAMING_VERBS
    if root.dep_ == "pobj" and root.head.lower_ == "as":
        verb = root.head.head
        return verb.lower_ in NAMING_AS_VERBS or (
            verb.lower_ == "to" and verb.head.lower_ in NAMING_AS_VERBS
        )
    return False


def _writable(span: Span, *, chunk: Span) -> bool:
    """Whether a student could write this answer from the stem without guessing its wording.

    "the starting point", "the old city" or "a powerful earthquake" are right only in the
    article's own words; a term ("salted fish"), a name or a count is what it is.
    """
    first = span[0]
    if first.pos_ == "ADJ" and first.lower_ in JUDGING_ADJECTIVES:
        return False
    if span.root.lower_ in GENERAL_HEADS:
        return False
    if len(span) == 1 and span.root.pos_ == "NOUN":
        # "the city", "this theorem": a definite noun alone points back at something named.
        return not any(
            token.lower_ in ("the", "this", "that", "these", "those")
            for token in chunk
            if token.i < span.start
        )
    return True


def _without_determiner(chunk: Span) -> Span | None:
    start = chunk.start
    while start < chunk.end and (
        chunk.doc[start].tag_ in PRONOUN_TAGS | {"POS"} or chunk.doc[start].lower_ in FOCUS_ADVERBS
    ):
        # "even simple organisms", "particularly fast methods": the adverb only leans on it.
        start += 1
    if start < chunk.end and chunk.doc[start].lower_ == "as":
        return None  # "as much wealth": half of a comparison.
    if start >= chunk.end:
        return None
    return chunk.doc[start : chunk.end]
