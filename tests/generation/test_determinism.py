"""Same text and seed, same questions: in every process, whatever order Python gives sets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = ROOT / "quizzes" / "evaluation" / "rounds"


def _passage(round_name: str, passage_id: str) -> str:
    data = json.loads((ROUNDS / f"{round_name}.json").read_text(encoding="utf-8"))
    return next(p["text"] for p in data["passages"] if p["passage_id"] == passage_id)


# A name written in capitals in a dateline and normally after it ("ESBJERG", "Esbjerg"), and
# a person whose first name and surname are as long (Rachel Carson): both were once told
# apart by a set's order, so two processes asked different questions of the same text.
TEXTS = [_passage("r4", "p02"), _passage("r15", "p07")]
SCRIPT = """
import json, sys
from quizzes.generation import GenerationOptions, generate
texts = json.loads(sys.stdin.read())
out = [
    [d.prompt, d.answer, list(d.distractors), list(d.accepted_answers)]
    for text in texts
    for d in generate(text, GenerationOptions(multiple_choice=8, short_answer=4))
]
print(json.dumps(out))
"""


def _generated(hash_seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "DJANGO_SETTINGS_MODULE": "quizsite.settings"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.slow  # new Python processes that load spaCy
def test_processes_with_different_hash_seeds_make_the_same_questions():
    first, *others = [_generated(seed) for seed in ("1", "2", "3")]

    assert first
    assert all(other == first for other in others)
