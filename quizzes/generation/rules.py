"""The generator's rules by name: what each one stops, at which stage, and how often it fired.

A rule that drops a candidate question records its id on a `Veto`; `make eval` counts the
vetoes per rule and `generate_questions --explain` lists them for one text. Every id used in
the code is registered here, with one line on what it protects a teacher against, so a rule
can be found, measured and, when it costs more good questions than it saves, removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    CANDIDATES = "candidates"
    STEMS = "stems"
    CHOICES = "choices"
    SELECT = "select"


@dataclass(frozen=True)
class Rule:
    id: str
    stage: Stage
    protects: str


@dataclass(frozen=True)
class Veto:
    """One candidate a rule dropped: the rule, the sentence it came from, the answer it had."""

    rule: str
    sentence: int
    answer: str

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise KeyError(f"unregistered generator rule {self.rule!r}")


def _rules(*rules: Rule) -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for item in rules:
        if item.id in found:
            raise ValueError(f"generator rule {item.id!r} registered twice")
        found[item.id] = item
    return found


C, S, H, P = Stage.CANDIDATES, Stage.STEMS, Stage.CHOICES, Stage.SELECT
RULES: dict[str, Rule] = _rules(
    # Which spans can be an answer at all.
    Rule("answer.quoted", C, "answers cut from a quotation or a dateline the text only reports"),
    Rule("answer.in_title", C, "'The Understudy' over 'Being _____ meant ...': the title says it"),
    Rule("answer.vague_word", C, "answers like 'one' or 'today' that name nothing to learn"),
    Rule(
        "answer.not_a_person",
        C,
        "'Mill Lane', 'USS Massasoit' read as people, with people as rivals",
    ),
    Rule(
        "answer.unknown_one_word_name",
        C,
        "'Kilimanjaro', 'Dsup' read as people: a one-word name no one the article shows",
    ),
    Rule("answer.capital_for_government", C, "'Moscow refused': a capital standing for a state"),
    Rule("answer.back_reference", C, "'the two countries': a count that only points back"),
    Rule("answer.fragment", C, "part of a longer expression: 'Cretaceous–[Paleogene]'"),
    Rule("answer.in_brackets", C, "an aside in brackets, which leaves a broken stem when cut out"),
    Rule("answer.number_in_name", C, "'Super Bowl 50': the number is part of a name"),
    Rule("answer.date_bound", C, "'by 1944': a bound, so every later year is right too"),
    Rule("answer.number_bound", C, "'more than 200': every smaller number is right too"),
    Rule("answer.frequency", C, "'visit the park each year': how often, a filler, not a fact"),
    Rule("answer.clock_time", C, "'at 4.52': a time of day read as a decimal number"),
    Rule("answer.alternative_given", C, "'about 1368 or 1369': the other number gives it away"),
    Rule("answer.negated_number", C, "'no two faces are alike': without the 'no', a false fact"),
    Rule("answer.possessive_ellipsis", C, "'Irvine's has never been found': Irvine's what?"),
    Rule("answer.nationality_in_name", C, "'the East African Rift': the adjective is half a name"),
    Rule("answer.name_in_title", C, "a name inside a title: 'the NFL Most Valuable Player'"),
    Rule("answer.abbreviated_modifier", C, "'the U.S. president': an abbreviation with no rivals"),
    Rule("answer.office_holder", C, "'Who was the Russian President?': known without reading"),
    Rule("thing.possessive", C, "'his government': whose is not in the answer"),
    Rule("thing.role_of_named_person", C, "'the captain, Brian Ochieng': the name is the fact"),
    Rule("thing.too_long", C, "noun phrases too long for a student to write"),
    Rule("thing.vague_noun", C, "'a wide variety', 'other ways': phrases that name no thing"),
    Rule("thing.bare_noun", C, "a lone common noun the article does not come back to"),
    Rule("thing.overlaps_name", C, "a phrase holding a name already asked for as a name"),
    Rule("thing.judged_wording", C, "'a powerful earthquake': right only in the article's words"),
    Rule("thing.piece_of_name", C, "'Functioning' in a treaty's name: a piece of a longer name"),
    Rule("thing.topic_word", C, "'salt' in an article on salt: guessed from the topic, not read"),
    Rule("thing.day_without_year", C, "'12 September' alone: a date of no kind the choices cover"),
    # Wording the question.
    Rule("stem.no_wording", S, "sentences no grammatical question or gap can be made from"),
    Rule(
        "stem.broken_wording",
        S,
        "'Who was the science teacher Dr?', a split sum: a stem cut in the wrong place",
    ),
    Rule(
        "stem.lost_complement",
        S,
        "'Who said the council would now review?': a clause cut short of its object",
    ),
    Rule("stem.same_question", S, "one question asked twice with two answers: one is wrong"),
    Rule("stem.modal_question", S, "'What can only flow?': a can or might, no fact of the text"),
    Rule("stem.leans_on_context", S, "stems with 'it', 'they', 'the stadium' they never name"),
    Rule(
        "stem.unresolved_description",
        S,
        "'the stadium', 'the two sides' naming nothing",
    ),
    Rule("stem.names_answer", S, "a stem that says its own answer ('Russian' for 'Russia')"),
    # Choosing wrong choices.
    Rule("choices.too_few_rivals", H, "a random fill: without 3 believable rivals, short answer"),
    # Choosing the quiz.
    Rule("select.low_score", P, "questions below the score a teacher would keep"),
    Rule("select.overlaps", P, "a fact already asked, or a stem that names another answer"),
    Rule("select.outranked", P, "enough better questions were found"),
    Rule(
        "select.unlikely_kept",
        P,
        "questions of a shape strict readers nearly always rejected in the blind rounds",
    ),
)


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]


def count_vetoes(vetoes: Iterable[Veto]) -> Counter[str]:
    """How many candidates each registered rule dropped (0 for rules that never fired)."""
    counts: Counter[str] = Counter({rule_id: 0 for rule_id in RULES})
    counts.update(veto.rule for veto in vetoes)
    return counts
