"""An upload is refused for the CPU its reading takes, not for waiting while a class is busy,
and it is read in a thread that gives way to the students' requests."""

import os
import sys

import pytest

from quizzes.benchmarks import uploads
from quizzes.exceptions import ArticleInvalid
from quizzes.textfiles import (
    MAX_NICE,
    MAX_READ_SECONDS,
    MAX_READ_WAIT_SECONDS,
    READ_NICENESS,
    ReadBudget,
    at_low_priority,
    text_from_upload,
)


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


@pytest.mark.skipif(sys.platform != "linux", reason="a thread's own nice value is Linux's")
def test_an_upload_is_read_in_a_thread_that_gives_way_and_the_worker_keeps_its_priority():
    before = os.getpriority(os.PRIO_PROCESS, 0)

    reading = at_low_priority(os.getpriority, os.PRIO_PROCESS, 0)

    assert reading == min(before + READ_NICENESS, MAX_NICE)
    assert os.getpriority(os.PRIO_PROCESS, 0) == before


def test_a_file_refused_while_read_at_low_priority_gets_its_message():
    data = uploads.many_members_docx()

    with pytest.raises(ArticleInvalid, match=r"many\.docx holds"):
        at_low_priority(text_from_upload, "many.docx", data)
