"""Fit the acceptance estimate to the blind rounds: `python -m quizzes.evaluation.fit_acceptance`.

Every round's passages are generated again with the present generator (asking for many
questions, none left out for a low estimate); each generated question that a round rated,
word for word, is one example, kept or not. A logistic model with a small L2 penalty is
fitted by Newton's method and written to `quizzes/generation/data/acceptance.json`, with
how many examples it saw and, as a check, the share kept among each round's top 10 when the
model was fitted on the other rounds only, against the ranking score's own order.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from quizzes.generation import GenerationOptions
from quizzes.generation.acceptance import FEATURES, WEIGHTS_PATH, Question, features
from quizzes.generation.engine import run
from quizzes.generation.kinds import AnswerKind

ROUNDS = Path(__file__).with_name("rounds")
PENALTY = 1.0
NEWTON_STEPS = 50
ASKED = 40
TOP = 10


def examples(path: Path) -> list[list[tuple[list[float], bool | None]]]:
    """Per passage of one round: each generated question's features and its rating (None
    when the round did not rate that wording), in the ranking score's order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for passage in data["passages"]:
        rated = {(q["question"], q["correct_answer"]): q["kept"] for q in passage["questions"]}
        generation = run(
            passage["text"],
            GenerationOptions(multiple_choice=ASKED, seed=0),
            floor=0.0,
            title=passage.get("title", ""),
        )
        rows = []
        for draft in sorted(generation.drafts, key=lambda d: -d.score):
            question = Question(
                kind=AnswerKind(draft.answer_kind),
                cloze=draft.stem_form == "cloze",
                multiple_choice=bool(draft.distractors),
                prompt=draft.prompt,
                answer=draft.answer,
                score=draft.score,
            )
            rows.append((features(question), rated.get((draft.prompt, draft.answer))))
        found.append(rows)
    return found


def fit(rows: list[tuple[list[float], bool]]) -> np.ndarray:
    x = np.array([r[0] for r in rows])
    y = np.array([float(r[1]) for r in rows])
    w = np.zeros(x.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + PENALTY * w
        hessian = (x.T * (p * (1 - p))) @ x + PENALTY * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return w


def _top_kept(passages, w: np.ndarray | None) -> tuple[int, int]:
    kept = rated = 0
    for rows in passages:
        order = rows if w is None else sorted(rows, key=lambda r: -float(np.dot(w, r[0])))
        for _, label in order[:TOP]:
            if label is not None:
                rated += 1
                kept += label
    return kept, rated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quizzes.evaluation.fit_acceptance")
    parser.add_argument("--check", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    rounds = {path.stem: examples(path) for path in sorted(ROUNDS.glob("r*.json"))}
    every = [(f, label) for ps in rounds.values() for rows in ps for f, label in rows]
    labelled = [(f, label) for f, label in every if label is not None]
    held_out = {"score_order": [0, 0], "estimate_order": [0, 0]}
    for name, passages in rounds.items():
        others = [
            (f, label)
            for other, ps in rounds.items()
            if other != name
            for rows in ps
            for f, label in rows
            if label is not None
        ]
        for key, w in (("score_order", None), ("estimate_order", fit(others))):
            kept, rated = _top_kept(passages, w)
            held_out[key][0] += kept
            held_out[key][1] += rated
    w = fit(labelled)
    result = {
        "_about": "fitted by `python -m quizzes.evaluation.fit_acceptance` to the blind rounds",
        "rounds": sorted(rounds),
        "examples": len(labelled),
        "kept": sum(label for _, label in labelled),
        "held_out_top10_kept": {k: f"{v[0]} of {v[1]}" for k, v in held_out.items()},
        "features": list(FEATURES),
        "weights": [round(float(v), 4) for v in w],
    }
    text = json.dumps(result, indent=1) + "\n"
    if args.check:
        sys.stdout.write(text)
    else:
        WEIGHTS_PATH.write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {WEIGHTS_PATH}\n")
    for key, (kept, rated) in held_out.items():
        sys.stdout.write(f"held out, top {TOP} by {key}: {kept} of {rated} rated kept\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
