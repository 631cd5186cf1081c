from decimal import Decimal

import pytest

from quizzes.analysis import BAR_STEPS, class_summary, facility_index, item_stats, pearson

# A class of four, three one-point questions (1 = right, 0 = wrong):
#             q1  q2  q3   total
#   Ana        1   1   0     2
#   Ben        1   1   1     3
#   Cleo       1   0   0     1
#   Dev        0   0   1     1
CLASS = {
    1: {1: 1.0, 2: 1.0, 3: 0.0},
    2: {1: 1.0, 2: 1.0, 3: 1.0},
    3: {1: 1.0, 2: 0.0, 3: 0.0},
    4: {1: 0.0, 2: 0.0, 3: 1.0},
}
POINTS = {1: 1.0, 2: 1.0, 3: 1.0}


def stats_for(question_id):
    return next(s for s in item_stats(CLASS, points=POINTS) if s.question_id == question_id)


def test_facility_is_the_mean_score_as_a_share_of_the_points():
    # q1: 3 of 4 right -> 0.75; q2: 2 of 4 -> 0.5.
    assert stats_for(1).facility == pytest.approx(0.75)
    assert stats_for(2).facility == pytest.approx(0.5)


def test_discrimination_correlates_the_item_with_the_rest_of_the_test():
    # q2 item scores (1, 1, 0, 0); rest of test = total - q2 = (1, 2, 1, 1).
    # means 0.5 and 1.25; deviations (0.5, 0.5, -0.5, -0.5) and (-0.25, 0.75, -0.25, -0.25)
    # cov = -0.125 + 0.375 + 0.125 + 0.125 = 0.5; var_x = 1.0; var_y = 0.75
    # r = 0.5 / sqrt(1.0 * 0.75) = 0.5774
    assert stats_for(2).discrimination == pytest.approx(0.57735, abs=1e-5)


def test_negative_discrimination_in_a_class_of_four_is_shown_but_not_flagged():
    # q3 item (0, 1, 0, 1); rest = (2, 2, 1, 0): means 0.5 and 1.25
    # cov = (-0.5)(0.75) + (0.5)(0.75) + (-0.5)(-0.25) + (0.5)(-1.25) = -0.5
    # var_x = 1.0; var_y = 0.5625 + 0.5625 + 0.0625 + 1.5625 = 2.75; r = -0.5 / sqrt(2.75) = -0.3015
    q3 = stats_for(3)

    assert q3.discrimination == pytest.approx(-0.30151, abs=1e-5)
    assert "discriminates negatively" not in q3.flags


def test_item_that_the_strongest_of_five_students_miss_is_flagged_as_negative():
    # Eve joins the class with q1 = 1, q2 = 1, q3 = 0 (total 2).
    # q3 item (0, 1, 0, 1, 0); rest = (2, 2, 1, 0, 2): means 0.4 and 1.4
    # cov = (-0.4)(0.6) + (0.6)(0.6) + (-0.4)(-0.4) + (0.6)(-1.4) + (-0.4)(0.6) = -0.8
    # var_x = 3(0.16) + 2(0.36) = 1.2; var_y = 0.36 + 0.36 + 0.16 + 1.96 + 0.36 = 3.2
    # r = -0.8 / sqrt(1.2 * 3.2) = -0.40825
    scores = {**CLASS, 5: {1: 1.0, 2: 1.0, 3: 0.0}}

    q3 = next(s for s in item_stats(scores, points=POINTS) if s.question_id == 3)

    assert q3.discrimination == pytest.approx(-0.40825, abs=1e-5)
    assert "discriminates negatively" in q3.flags


def test_item_everyone_gets_right_is_too_easy_and_has_no_discrimination():
    scores = {1: {1: 1.0}, 2: {1: 1.0}, 3: {1: 1.0}}

    (stats,) = item_stats(scores, points={1: 1.0})

    assert stats.facility == 1.0
    assert stats.discrimination is None
    assert stats.flags == ("too easy",)


def test_item_nobody_gets_right_is_too_hard():
    scores = {1: {1: 0.0, 2: 1.0}, 2: {1: 0.0, 2: 0.0}}

    stats = item_stats(scores, points={1: 1.0, 2: 1.0})

    assert stats[0].flags == ("too hard",)


def test_unanswered_question_counts_as_zero_in_the_facility():
    scores = {1: {1: 2.0}, 2: {1: 0.0}}

    (stats,) = item_stats(scores, points={1: 2.0})

    assert stats.facility == pytest.approx(0.5)


def test_question_added_later_is_judged_only_by_those_who_saw_it():
    scores = {1: {1: 1.0}, 2: {1: 0.0, 2: 1.0}, 3: {1: 1.0, 2: 1.0}}

    stats = item_stats(scores, points={1: 1.0, 2: 1.0})

    assert (stats[1].attempts, stats[1].facility) == (2, 1.0)


def test_helpers_refuse_to_make_up_numbers_for_empty_or_flat_data():
    assert facility_index([], points=1) is None
    assert pearson([1, 1, 1], [0, 1, 2]) is None
    assert pearson([1], [1]) is None


def test_an_item_that_does_not_correlate_in_a_class_of_six_has_exactly_zero_discrimination():
    # q1 item (1, 0, 1, 0, 0, 0): mean 1/3, which no float holds exactly.
    # rest = q2 + q3 = (2, 1, 1, 2, 1, 2): mean 3/2; deviations of the item (2/3, -1/3, 2/3,
    # -1/3, -1/3, -1/3) and of the rest (1/2, -1/2, -1/2, 1/2, -1/2, 1/2):
    # cov = 1/3 + 1/6 - 1/3 - 1/6 + 1/6 - 1/6 = 0. Summed in floats it comes out near -2e-17.
    scores = {
        1: {1: 1.0, 2: 1.0, 3: 1.0},
        2: {1: 0.0, 2: 0.0, 3: 1.0},
        3: {1: 1.0, 2: 0.0, 3: 1.0},
        4: {1: 0.0, 2: 1.0, 3: 1.0},
        5: {1: 0.0, 2: 1.0, 3: 0.0},
        6: {1: 0.0, 2: 1.0, 3: 1.0},
    }

    q1 = next(s for s in item_stats(scores, points=POINTS) if s.question_id == 1)

    assert q1.discrimination == 0
    assert "discriminates negatively" not in q1.flags


def test_points_as_the_database_keeps_them_are_read_exactly():
    item = [Decimal("0.5"), Decimal("0"), Decimal("0.5"), Decimal("0"), Decimal("0"), Decimal("0")]
    rest = [Decimal("2"), Decimal("1"), Decimal("1"), Decimal("2"), Decimal("1"), Decimal("2")]

    assert pearson(item, rest) == 0
    assert facility_index(item, points=Decimal("1")) == pytest.approx(1 / 6)


def test_class_summary_gives_submitted_of_joined_mean_median_and_score_bands():
    # Scores of 10 points: 10, 9, 7, 7, 4, 0; eight attempts started.
    scores = [(Decimal(s), Decimal(10)) for s in (10, 9, 7, 7, 4, 0)]

    summary = class_summary(scores, joined=8)

    assert (summary.submitted, summary.joined, summary.still_answering) == (6, 8, 2)
    assert summary.mean == pytest.approx(37 / 60)
    assert summary.median == pytest.approx(0.7)
    assert (summary.max_points, summary.mean_points, summary.median_points) == (10, 37 / 6, 7)
    counts = {band.label: band.count for band in summary.bands}
    assert counts == {
        "0–9 %": 1, "10–19 %": 0, "20–29 %": 0, "30–39 %": 0, "40–49 %": 1,
        "50–59 %": 0, "60–69 %": 0, "70–79 %": 2, "80–89 %": 0, "90–100 %": 2,
    }  # fmt: skip


def test_score_bands_put_full_marks_in_the_top_band_and_bars_scale_to_the_commonest():
    # 2 of 3 is 66.67 %: the 60–69 band, whatever the float; 89.9 % is not yet 90 %.
    scores = [(2, 3), (2, 3), (2, 3), (2, 3), (3, 3), (Decimal("8.99"), 10)]

    bands = {band.label: band for band in class_summary(scores, joined=6).bands}

    assert bands["60–69 %"].count == 4 and bands["60–69 %"].bar == BAR_STEPS
    assert bands["90–100 %"].count == 1 and bands["90–100 %"].bar == 5
    assert bands["80–89 %"].count == 1
    assert bands["0–9 %"].bar == 0


def test_class_summary_of_attempts_with_different_maxima_gives_shares_only():
    summary = class_summary([(3, 4), (5, 5)], joined=2)

    assert summary.mean == pytest.approx(0.875)
    assert summary.max_points is None and summary.mean_points is None


def test_class_summary_with_no_submission_has_no_figures_and_empty_bands():
    summary = class_summary([], joined=3)

    assert (summary.submitted, summary.joined, summary.still_answering) == (0, 3, 3)
    assert summary.mean is None and summary.median is None and summary.max_points is None
    assert len(summary.bands) == 10 and all(band.count == 0 for band in summary.bands)
