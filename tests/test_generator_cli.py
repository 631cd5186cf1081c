"""`generate_questions --explain` and `make eval`'s thresholds, run as a teacher or CI would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizzes.evaluation import __main__ as evaluation
from quizzes.generation.rules import RULES
from tests.commands import run_command

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "quizzes" / "fixtures" / "sample_article.txt"
PASSAGE = (
    "Marta Klein founded the Hollow Oak bakery in Graz in 1987. By 1990 it sold 400 loaves a "
    "day to shops in Vienna. One of her first bakers was Paul Varga, who later opened a café in "
    "Linz in 1995. The bakery moved to a larger building on the Mur river in 2001."
)


def test_explain_lists_each_dropped_candidate_with_its_registered_rule():
    code, out, _ = run_command("generate_questions", str(SAMPLE), "--count", "5", "--explain")
    assert code == 0
    listing = out.split("Dropped candidates (", 1)[1]
    lines = [line for line in listing.splitlines()[1:] if line.strip()]
    assert lines
    rules = {line.split()[2] for line in lines}
    assert rules <= set(RULES)
    assert "select.outranked" in rules  # asked for 5, the sample has more than 5 facts
    assert "answer.office_holder" in rules  # "Who was the Russian President?" is not asked
    assert "Who was the Russian President?" not in out.split("Dropped candidates", 1)[0]


def test_title_keeps_out_the_answers_it_names(tmp_path: Path):
    article = tmp_path / "bakery.txt"
    article.write_text(PASSAGE, encoding="utf-8")
    code, plain, _ = run_command("generate_questions", str(article), "--json")
    assert code == 0
    assert "Graz" in {q["answer"] for q in json.loads(plain)}
    code, titled, _ = run_command(
        "generate_questions", str(article), "--json", "--title", "A Bakery in Graz"
    )
    assert code == 0
    assert "Graz" not in {q["answer"] for q in json.loads(titled)}
    assert "Linz" in {q["answer"] for q in json.loads(titled)}


def _evaluation_set(tmp_path: Path) -> Path:
    data = {
        "passages": [
            {
                "id": "bakery",
                "text": PASSAGE,
                "questions": [
                    {"question": "When was the bakery founded?", "answers": ["1987"]},
                    {"question": "What colour was the door?", "answers": ["green"]},
                ],
            }
        ]
    }
    path = tmp_path / "set.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_eval_prints_vetoes_per_rule_and_passes_within_its_thresholds(tmp_path, capsys):
    thresholds = ["--min-recall", "0.5", "--min-in-text", "1", "--max-conflicts", "0"]
    status = evaluation.main([str(_evaluation_set(tmp_path)), *thresholds])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "answer recall (top 20): 1/2" in out
    counts = out.split("candidates dropped per rule", 1)[1]
    for rule_id in RULES:
        assert rule_id in counts


@pytest.mark.slow  # the evaluation passages, generated in a new process
def test_eval_as_a_program_fails_when_recall_falls_below_its_threshold(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizzes.evaluation",
            str(_evaluation_set(tmp_path)),
            "--min-recall",
            "0.75",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "FAIL: answer recall 50.0% is below 75.0%" in result.stdout
