import random

import pytest

from quizzes.generation.numbers import wrong_numbers


def rivals(text: str) -> list[str]:
    return wrong_numbers(text, rng=random.Random(0), count=3)


@pytest.mark.parametrize(
    ("answer", "unit"),
    [("300", 100), ("400 metres", 100), ("9,600", 100), ("£400,000", 100_000), ("1,300", 100)],
)
def test_a_round_answer_gets_rivals_as_round(answer: str, unit: int) -> None:
    # "forests that grew around 300 million years ago" had the rivals 298, 304 and 303.
    found = rivals(answer)
    assert len(found) == 3
    for rival in found:
        value = int("".join(ch for ch in rival if ch.isdigit()))
        assert value % unit == 0, found


def test_a_round_small_number_gets_rivals_in_steps_of_five() -> None:
    # "a temporary speed limit of 20 mph": 21 and 22 mph are no speed limits.
    found = rivals("20 mph")
    assert found and all(int(rival.split()[0]) % 5 == 0 for rival in found), found
    assert all(rival.endswith(" mph") for rival in found)


def test_an_exact_answer_keeps_its_digits() -> None:
    found = rivals("853,382")
    assert any(int(rival.replace(",", "")) % 10 for rival in found), found
    assert all(rival != "853,382" for rival in rivals("853,382"))


def test_a_decimal_answer_keeps_its_decimals() -> None:
    found = rivals("£1.8 million")
    assert all(rival.startswith("£") and rival.endswith(" million") for rival in found)
    assert all("." in rival for rival in found)


@pytest.mark.parametrize("answer", ["93 percent", "93%", "80 per cent", "95 %"])
def test_no_share_rival_above_all_of_it(answer: str) -> None:
    # "93 percent of the reef" had the rival 116 percent.
    found = rivals(answer)
    assert len(found) == 3
    for rival in found:
        assert float("".join(ch for ch in rival if ch.isdigit() or ch == ".")) <= 100, found
