import random

from quizzes.generation.candidates import build_candidates
from quizzes.generation.distractors import choose_distractors
from quizzes.generation.engine import _distractor_context
from quizzes.generation.kinds import AnswerKind
from quizzes.generation.reading import read


def candidates(text: str):
    return build_candidates(read(text))


def distractors_for(text: str, answer: str) -> tuple[str, ...]:
    reading = read(text)
    candidate = next(c for c in build_candidates(reading) if c.answer == answer)
    return choose_distractors(
        answer=candidate.answer,
        kind=candidate.kind,
        accepted=candidate.accepted,
        stem=candidate.stem.prompt,
        excluded_keys=candidate.excluded_keys,
        source=candidate.sentence,
        context=_distractor_context(reading),
        rng=random.Random(0),
    )


def test_a_noble_title_keeps_its_of_place():
    text = (
        "A great fire destroyed the harbour town of Velmar in 1820. The Duke of Arnsberg paid "
        "for the new quays. Merchants returned to the harbour within a decade."
    )

    answers = {c.answer for c in candidates(text)}

    assert "Duke of Arnsberg" in answers
    assert "Duke" not in answers


def test_an_era_marker_is_asked_with_its_century():
    text = (
        "The Greeks founded a trading post at Massalia in the sixth century BC. The port "
        "later traded wine and olive oil with the tribes of the interior."
    )

    answers = {c.answer for c in candidates(text)}

    assert "BC" not in answers
    assert "sixth century BC" in answers


def test_a_day_before_a_month_stays_in_the_date_and_the_whole_date_is_asked():
    text = (
        "On the evening of 14 March 1891, a violent storm struck the coast. Many fishing boats "
        "were lost near the island of Sorbe."
    )

    found = {c.answer: c.stem.prompt for c in candidates(text)}

    assert "March 1891" not in found
    assert found["14 March 1891"] == "On what date did a violent storm strike the coast?"


def test_nationality_distractors_share_the_answers_form_and_are_distinct():
    text = (
        "The Romans built a bridge over the river. For two centuries the town was ruled by "
        "Danish counts. A Roman road still crosses the valley near Vetra. Venetian traders "
        "bought salt in the town."
    )

    wrong = distractors_for(text, "Danish")

    assert len(wrong) == 3
    assert "Romans" not in wrong
    assert not ({"Roman", "Romans"} <= set(wrong))


def test_an_ocean_gets_no_cities_or_regions_as_rivals():
    text = (
        "Porto Velho lies on the northern coast of Lusia. Its harbour opens onto the Atlantic "
        "Ocean. Traders from Western Europe and from the city of Tarsa visit the harbour."
    )

    wrong = distractors_for(text, "Atlantic Ocean")

    assert all(choice.split()[-1] in ("Ocean", "Sea", "Gulf", "Bay") for choice in wrong)


def test_a_stem_with_an_unresolved_pronoun_is_not_offered():
    text = (
        "The committee met in Geneva in 1921. Many delegates came from abroad. "
        "With a long tradition of neutrality, it chose Switzerland for its seat."
    )

    prompts = [c.stem.prompt for c in candidates(text)]

    assert not any(p.startswith(("With a long tradition", "It ")) for p in prompts)


def test_a_relative_pronoun_object_never_ends_a_question():
    text = (
        "Today the town is known for lace, a craft that the council added to its heritage "
        "list in 2009. The lace museum opened in Bruges in 1985."
    )

    prompts = [c.stem.prompt for c in candidates(text)]

    assert not any(p.endswith(" that?") for p in prompts)


def test_two_clauses_keep_the_and_between_them():
    text = (
        "Historians estimate that about 2,000 people died and most of the lower town was "
        "destroyed. The town was rebuilt by Anna Vogt in 1850."
    )

    prompts = [c.stem.prompt for c in candidates(text)]

    assert not any("died most" in p for p in prompts)


def test_a_noun_hung_on_the_verb_is_not_merged_into_the_question():
    text = (
        "In the nineteenth century Vetra saw the opening of the railway in 1871 and the Great "
        "Strike of 1 May 1890, which ended years of unrest. The strike was led by Jon Brek."
    )

    prompts = [c.stem.prompt for c in candidates(text)]

    assert not any("railway the Great Strike" in p for p in prompts)


def test_a_name_the_model_calls_a_person_once_keeps_its_bank_kind():
    text = (
        "Lisbon is the capital of Portugal. For centuries Lisbon was ruled by Muslim "
        "governors. Lisbon replaced Coimbra as the capital in 1255."
    )

    kinds = {m.kind for m in read(text).mentions if m.text == "Lisbon"}

    assert kinds == {AnswerKind.CITY}
