"""The acceptance estimate: fitted to the blind rounds, it orders the quiz and drops the worst."""

from __future__ import annotations

import json

from quizzes.generation import GenerationOptions, run
from quizzes.generation.acceptance import FEATURES, WEIGHTS_PATH, Question, estimate
from quizzes.generation.engine import MIN_ACCEPTANCE
from quizzes.generation.kinds import AnswerKind

TEXT = (
    "The Hollins Canal reopened to boats on 14 May 2022 after 68 years. The restoration cost "
    "£4.2 million and took six years. More than 3,000 people lined the towpath to watch the "
    "first boat pass through. Volunteers cleared 12 kilometres of silt and rebuilt 9 locks. "
    "Many people held flags. The project was led by the engineer Ruth Calder, who grew up in "
    "Hollins. Calder said the canal would bring 40,000 visitors a year."
)


def _question(kind: AnswerKind, prompt: str, answer: str, **extra) -> Question:
    values = {"cloze": False, "multiple_choice": True, "score": 0.6} | extra
    return Question(kind=kind, prompt=prompt, answer=answer, **values)


def test_the_weights_are_fitted_for_the_features_the_code_reads():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert len(data["weights"]) == len(FEATURES)
    assert data["examples"] >= 300  # fitted on rated questions, not left at zero
    assert any(w != 0 for w in data["weights"])


def test_a_count_is_likelier_kept_than_a_bare_common_noun_behind_a_short_stem():
    count = estimate(_question(AnswerKind.NUMBER, "How many locks were rebuilt?", "9"))
    noun = estimate(
        _question(AnswerKind.THING, "What did many people hold?", "flags", multiple_choice=False)
    )
    assert 0 < noun < count < 1


def test_the_quiz_is_ordered_by_the_estimate():
    drafts = run(TEXT, GenerationOptions(multiple_choice=10)).drafts
    estimates = [d.acceptance for d in drafts]
    assert estimates == sorted(estimates, reverse=True)
    assert all(0 < e < 1 for e in estimates)


def test_questions_below_the_floor_are_left_out_and_counted():
    every = run(TEXT, GenerationOptions(multiple_choice=20), floor=0.0)
    floor = sorted(d.acceptance for d in every.drafts)[len(every.drafts) // 2]
    kept = run(TEXT, GenerationOptions(multiple_choice=20), floor=floor)
    assert all(d.acceptance >= floor for d in kept.drafts)
    assert len(kept.drafts) < len(every.drafts)
    assert any(v.rule == "select.unlikely_kept" for v in kept.vetoes)


def test_the_default_floor_keeps_most_questions():
    drafts = run(TEXT, GenerationOptions(multiple_choice=10)).drafts
    assert MIN_ACCEPTANCE < 0.5
    assert len(drafts) >= 6
