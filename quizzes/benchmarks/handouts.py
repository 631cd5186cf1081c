"""How long a printed class set takes: 30 versions of a 20-question quiz with its passage."""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import TextIO

from quizzes.handouts import answer_keys_pdf, student_sheets_pdf
from quizzes.snapshots import (
    MULTIPLE_CHOICE,
    SHORT_ANSWER,
    ChoiceSnapshot,
    QuestionSnapshot,
    QuizSnapshot,
    paragraph_number,
    paragraph_spans,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "quizzes" / "fixtures" / "sample_article.txt"
QUESTIONS = 20
VERSIONS = 30
RUNS = 5
GOAL_SECONDS = 2.0
# Every fifth question is a short answer, as in a typical mixed quiz.
SHORT_ANSWER_EVERY = 5
DISTRACTORS = 3
MIN_ANSWER_LENGTH = 5
BYTES_PER_KB = 1024
SEED = 7

_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]+[”’\"]?")
_WORD_RE = re.compile(r"[A-Za-z][a-z]+")


def run(out: TextIO = sys.stdout) -> None:
    out.write("printable handouts\n")
    snapshot = sample_snapshot(questions=QUESTIONS)
    sheets, keys = _class_set(snapshot)
    seconds = _timed(lambda: _class_set(snapshot), runs=RUNS)
    median, best = statistics.median(seconds), min(seconds)
    out.write(
        f"  class set, {VERSIONS} versions x {QUESTIONS} questions + keys (s): "
        f"median {median:.2f}, best {best:.2f}  (goal <= {GOAL_SECONDS})\n"
    )
    out.write(
        f"  student sheets: {sheets.page_count} pages, {len(sheets.data) / BYTES_PER_KB:.0f} KB;"
        f"  answer keys: {keys.page_count} pages, {len(keys.data) / BYTES_PER_KB:.0f} KB\n"
    )


def sample_snapshot(*, questions: int) -> QuizSnapshot:
    """A quiz on the sample article built in memory: fill-in-the-word questions on its sentences.

    The questions are as long as generated ones and point to real paragraphs, so the layout work
    is the same as for a stored quiz, without needing a database or the generator.
    """
    text = SAMPLE.read_text(encoding="utf-8")
    spans = paragraph_spans(text)
    rng = random.Random(SEED)
    words = sorted({word for word in _WORD_RE.findall(text) if len(word) >= MIN_ANSWER_LENGTH})
    sentences = [match for match in _SENTENCE_RE.finditer(text) if _WORD_RE.search(match.group())]
    items = []
    for number in range(1, questions + 1):
        match = sentences[(number - 1) % len(sentences)]
        sentence = match.group().strip()
        candidates = [word for word in _WORD_RE.findall(sentence) if len(word) >= MIN_ANSWER_LENGTH]
        answer = rng.choice(candidates or [sentence.split()[0]])
        paragraph = paragraph_number(spans, match.start())
        prompt = (
            f"Which word completes this sentence from paragraph {paragraph}: "
            f"“{sentence.replace(answer, '_____', 1)}”"
        )
        short = number % SHORT_ANSWER_EVERY == 0
        wrong = rng.sample([word for word in words if word != answer], DISTRACTORS)
        choices = () if short else _shuffled_choices(answer, wrong, rng)
        items.append(
            QuestionSnapshot(
                number=number,
                kind=SHORT_ANSWER if short else MULTIPLE_CHOICE,
                prompt=prompt,
                points=1,
                choices=choices,
                accepted_answers=(answer, answer.lower()),
                source_sentence=sentence,
                source_start=match.start(),
                source_end=match.end(),
                paragraph=paragraph,
            )
        )
    return QuizSnapshot(
        title="Trade talk: a reading check",
        join_code="BENCH7",
        article_title="Trump and Putin talk trade, not a ceasefire",
        article_source="sample_article.txt",
        article_text=text,
        paragraphs=tuple(text[span.start : span.end] for span in spans),
        questions=tuple(items),
    )


def _shuffled_choices(
    answer: str, wrong: list[str], rng: random.Random
) -> tuple[ChoiceSnapshot, ...]:
    choices = [ChoiceSnapshot(text=answer, is_correct=True)]
    choices += [ChoiceSnapshot(text=word, is_correct=False) for word in wrong]
    rng.shuffle(choices)
    return tuple(choices)


def _class_set(snapshot: QuizSnapshot):
    sheets = student_sheets_pdf(snapshot, versions=VERSIONS, seed=SEED)
    keys = answer_keys_pdf(snapshot, versions=VERSIONS, seed=SEED)
    return sheets, keys


def _timed(work, *, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return seconds
