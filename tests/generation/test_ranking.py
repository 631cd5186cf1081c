from quizzes.generation.candidates import Candidate, build_candidates
from quizzes.generation.kinds import AnswerKind
from quizzes.generation.ranking import Ranked, score_candidates, select
from quizzes.generation.reading import read
from quizzes.generation.stems import Stem, StemForm


def test_a_count_outranks_the_year_that_dates_it():
    text = (
        "Greenford is the largest town in the valley, with a population of 48,200 in 2011. "
        "The town hall was built in 1904 by the architect Ellen Marsh. "
        "The river Brent runs along its western edge."
    )

    ranked = score_candidates(read(text), build_candidates(read(text)))

    score = {item.candidate.answer: item.score for item in ranked}
    assert score["48,200"] > score["2011"]
    # A year with no count beside it is not held back.
    assert score["1904"] > score["2011"]


def test_a_short_quiz_swaps_one_pick_for_two_that_fit_where_it_stood():
    def candidate(sentence: int, answer: str, prompt: str) -> Candidate:
        return Candidate(
            sentence=sentence,
            answer=answer,
            kind=AnswerKind.PERSON,
            key=answer.casefold(),
            stem=Stem(prompt=prompt, form=StemForm.QUESTION, self_contained=True),
            accepted=(answer,),
            excluded_keys=frozenset(),
            answer_count=1,
        )

    # The best question names both other answers; alone it would be a quiz of one.
    ranked = [
        Ranked(candidate(0, "Ada Brook", "Who hired Carl Dunn and Eva Fox in 1990?"), 1.0),
        Ranked(candidate(1, "Carl Dunn", "Who built the mill in Leeds?"), 0.6),
        Ranked(candidate(1, "Eva Fox", "Who opened the school in York?"), 0.6),
    ]

    picked = select(ranked, wanted=3, accept=lambda item: True, chosen=[])

    assert sorted(item.candidate.answer for item in picked) == ["Carl Dunn", "Eva Fox"]


def test_a_name_in_a_stem_far_from_its_own_fact_gives_nothing_away():
    def candidate(sentence: int, answer: str, prompt: str) -> Candidate:
        return Candidate(
            sentence=sentence,
            answer=answer,
            kind=AnswerKind.PERSON,
            key=answer.casefold(),
            stem=Stem(prompt=prompt, form=StemForm.QUESTION, self_contained=True),
            accepted=(answer,),
            excluded_keys=frozenset(),
            answer_count=1,
        )

    # "Carl Dunn" in the first stem says nothing of who built the mill four sentences on; in
    # the next sentence's stem it would.
    far = [
        Ranked(candidate(0, "Ada Brook", "Who hired Carl Dunn in 1990?"), 1.0),
        Ranked(candidate(4, "Carl Dunn", "Who built the mill in Leeds?"), 0.6),
    ]
    near = [far[0], Ranked(candidate(1, "Carl Dunn", "Who built the mill in Leeds?"), 0.6)]

    assert len(select(far, wanted=2, accept=lambda item: True, chosen=[])) == 2
    assert len(select(near, wanted=2, accept=lambda item: True, chosen=[])) == 1
