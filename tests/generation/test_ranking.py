from quizzes.generation.candidates import build_candidates
from quizzes.generation.ranking import score_candidates
from quizzes.generation.reading import read


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
