"""An upload is refused for the CPU its reading takes, not for waiting while a class keeps the
machine busy; past a ceiling below gunicorn's worker timeout, the site says it is busy."""

import pytest

from quizzes.exceptions import ArticleInvalid
from quizzes.textfiles import MAX_READ_SECONDS, MAX_READ_WAIT_SECONDS, ReadBudget


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clocks():
    cpu, wall = Clock(), Clock()
    return cpu, wall, ReadBudget(name="big.docx", cpu_clock=cpu, wall_clock=wall)


def test_waiting_for_the_cpu_does_not_spend_the_reading_budget(clocks):
    cpu, wall, budget = clocks

    cpu.now, wall.now = MAX_READ_SECONDS - 1, MAX_READ_WAIT_SECONDS - 1

    budget.check()  # within both: the file is read on


def test_a_file_that_takes_more_cpu_than_the_budget_is_refused(clocks):
    cpu, wall, budget = clocks
    cpu.now = wall.now = MAX_READ_SECONDS + 1

    with pytest.raises(ArticleInvalid, match=r"big\.docx takes too long to read"):
        budget.check()


def test_a_file_still_waiting_past_the_ceiling_is_refused_as_the_site_being_busy(clocks):
    cpu, wall, budget = clocks
    cpu.now, wall.now = 1, MAX_READ_WAIT_SECONDS + 1

    with pytest.raises(ArticleInvalid, match="the site is busy"):
        budget.check()
