"""How fast the question generator is, warm and cold, and how much memory it needs."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TextIO

from quizzes.generation import GenerationOptions, generate
from quizzes.generation.nlp import get_nlp
from quizzes.generation.reading import read
from quizzes.generation.text import count_words

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "quizzes" / "fixtures" / "sample_article.txt"
EVAL_DATA = ROOT / "quizzes" / "evaluation" / "data" / "dev_set.json"
MANAGE = ROOT / "manage.py"
RUNS = 5
COLD_RUNS = 3
THROUGHPUT_WORDS = 10_000
GOAL_WARM_SECONDS = 0.3
GOAL_WORDS_PER_SECOND = 3_000
GOAL_COLD_SECONDS = 3.0
GOAL_PEAK_MB = 300
KIB_PER_MB = 1024


def run(out: TextIO) -> None:
    out.write("question generator\n")
    # The cold start runs first, while this process is still small: a child's peak memory
    # counts the parent's pages it was forked with, before it execs Python afresh.
    cold = _timed(_cold_start, runs=COLD_RUNS)
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / KIB_PER_MB
    label = f"cold start: {' '.join(_cold_command()[1:3])} (s)"
    _report(out, label, cold, goal=f"<= {GOAL_COLD_SECONDS}")
    out.write(f"  {'peak memory, CLI process (MB)':48} {child:10.0f}   goal <= {GOAL_PEAK_MB}\n")

    sample = SAMPLE.read_text(encoding="utf-8")
    get_nlp()
    generate(sample)
    # An article the process has not read yet: its parse is not kept from the last run.
    warm = _timed(lambda: _unread(generate)(sample), runs=RUNS)
    _report(out, "sample article, warm (s)", warm, goal=f"<= {GOAL_WARM_SECONDS}")
    again = _timed(lambda: generate(sample), runs=RUNS)
    _report(out, "the same article again: Replace (s)", again, goal=f"<= {GOAL_WARM_SECONDS}")

    long_text = build_long_text(THROUGHPUT_WORDS)
    words = count_words(long_text)
    options = GenerationOptions(multiple_choice=20, short_answer=10)
    seconds = _timed(lambda: _unread(generate)(long_text, options), runs=RUNS)
    rates = [words / value for value in seconds]
    label = f"throughput on {words:,} words (words/s)"
    _report(out, label, rates, goal=f">= {GOAL_WORDS_PER_SECOND}")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KIB_PER_MB
    out.write(f"  {'peak memory, this process (MB)':48} {peak:10.0f}   goal <= {GOAL_PEAK_MB}\n")


def _unread(action):
    """`action`, with the articles read before forgotten."""

    def afresh(*args):
        read.cache_clear()
        return action(*args)

    return afresh


def build_long_text(words: int) -> str:
    """The evaluation passages, concatenated (and repeated if needed) up to `words` words."""
    passages = [p["text"] for p in json.loads(EVAL_DATA.read_text(encoding="utf-8"))["passages"]]
    chosen: list[str] = []
    total = 0
    index = 0
    while total < words:
        passage = passages[index % len(passages)]
        chosen.append(passage)
        total += count_words(passage)
        index += 1
    return "\n\n".join(chosen)


def _cold_command() -> list[str]:
    if MANAGE.exists() and SAMPLE.exists():
        return [sys.executable, str(MANAGE), "generate_questions", str(SAMPLE)]
    code = (
        "import pathlib, sys; from quizzes.generation import generate; "
        "generate(pathlib.Path(sys.argv[1]).read_text())"
    )
    return [sys.executable, "-c", code, str(SAMPLE)]


def _cold_start() -> None:
    subprocess.run(
        _cold_command(),
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _timed(action, *, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def _report(out: TextIO, label: str, values: list[float], *, goal: str) -> None:
    median = statistics.median(values)
    spread = f"min {min(values):.3g}, max {max(values):.3g}"
    out.write(f"  {label:48} {median:10.3f}   goal {goal}   ({len(values)} runs, {spread})\n")
