"""Measure the generator on passages with people's questions: `python -m quizzes.evaluation`.

Prints, per passage and in total: questions produced, answer recall (share of the people's
questions whose answer some generated question also asks for), the share of generated answers
found in the text, and distractor conflicts; then, per generator rule, how many candidates it
dropped. `--min-recall`, `--min-in-text` and `--max-conflicts` make it exit non-zero when a
figure falls past its threshold (`.ci/run` uses them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quizzes.evaluation.metrics import PassageScore, score_passage
from quizzes.generation import GenerationError, GenerationOptions, run
from quizzes.generation.rules import RULES, Veto, count_vetoes

DEFAULT_DATA = Path(__file__).with_name("data") / "dev_set.json"
# The goal is stated for the top 20 questions per passage, split as a teacher might ask them.
MULTIPLE_CHOICE = 10
SHORT_ANSWER = 10
SEED = 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quizzes.evaluation")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print every generated question")
    parser.add_argument("--conflicts", action="store_true", help="print each distractor conflict")
    parser.add_argument("--min-recall", type=float, help="fail below this answer recall (0..1)")
    parser.add_argument("--min-in-text", type=float, help="fail below this share in text")
    parser.add_argument("--max-conflicts", type=int, help="fail above this many conflicts")
    args = parser.parse_args(argv)
    data = json.loads(args.path.read_text(encoding="utf-8"))
    options = GenerationOptions(
        multiple_choice=MULTIPLE_CHOICE, short_answer=SHORT_ANSWER, seed=SEED
    )
    scores: list[PassageScore] = []
    vetoes: list[Veto] = []
    out = sys.stdout
    out.write(f"{'passage':58} {'made':>4} {'recall':>13} {'in text':>8} {'conflicts':>9}\n")
    for passage in data["passages"]:
        try:
            generation = run(passage["text"], options, title=passage.get("title", ""))
            drafts = generation.drafts
            vetoes.extend(generation.vetoes)
        except GenerationError as error:
            out.write(f"{passage['id']:58} error: {error}\n")
            drafts = []
        score = score_passage(
            passage_id=passage["id"],
            text=passage["text"],
            questions=passage["questions"],
            drafts=drafts,
        )
        scores.append(score)
        _write_row(out, score)
        if args.show:
            for draft in drafts:
                choices = f" | wrong: {', '.join(draft.distractors)}" if draft.distractors else ""
                out.write(f"    - {draft.prompt}\n      answer: {draft.answer}{choices}\n")
        if args.conflicts:
            for conflict in score.conflicts:
                out.write(f"    ! {conflict}\n")
    _write_total(out, scores)
    _write_vetoes(out, vetoes, passages=len(scores))
    return _check(out, scores, args)


def _write_vetoes(out, vetoes: list[Veto], *, passages: int) -> None:
    out.write(f"\ncandidates dropped per rule ({passages} passages):\n")
    for rule_id, count in sorted(count_vetoes(vetoes).items()):
        rule = RULES[rule_id]
        out.write(f"  {rule_id:32} {count:>6}  {rule.stage:10} {rule.protects}\n")


def _check(out, scores: list[PassageScore], args: argparse.Namespace) -> int:
    """Non-zero when a figure falls past the threshold given for it."""
    produced = sum(s.produced for s in scores)
    people = sum(s.people_questions for s in scores)
    recall = sum(s.recalled for s in scores) / people if people else 0.0
    in_text = sum(s.answers_in_text for s in scores) / produced if produced else 0.0
    conflicts = sum(len(s.conflicts) for s in scores)
    failures = []
    if args.min_recall is not None and recall < args.min_recall:
        failures.append(f"answer recall {recall:.1%} is below {args.min_recall:.1%}")
    if args.min_in_text is not None and in_text < args.min_in_text:
        failures.append(f"answers in text {in_text:.1%} is below {args.min_in_text:.1%}")
    if args.max_conflicts is not None and conflicts > args.max_conflicts:
        failures.append(f"{conflicts} distractor conflicts, more than {args.max_conflicts}")
    for failure in failures:
        out.write(f"FAIL: {failure}\n")
    return 1 if failures else 0


def _write_row(out, score: PassageScore) -> None:
    recall = f"{score.recalled}/{score.people_questions}"
    share = score.recalled / score.people_questions if score.people_questions else 0.0
    in_text = score.answers_in_text / score.produced if score.produced else 1.0
    out.write(
        f"{score.passage_id[:58]:58} {score.produced:>4} {recall:>7} {share:>5.0%} "
        f"{in_text:>8.0%} {len(score.conflicts):>9}\n"
    )


def _write_total(out, scores: list[PassageScore]) -> None:
    produced = sum(s.produced for s in scores)
    people = sum(s.people_questions for s in scores)
    recalled = sum(s.recalled for s in scores)
    in_text = sum(s.answers_in_text for s in scores)
    conflicts = sum(len(s.conflicts) for s in scores)
    distractors = sum(s.distractors for s in scores)
    per_passage = [s.recalled / s.people_questions for s in scores if s.people_questions]
    out.write("-" * 96 + "\n")
    fewest = min((s.produced for s in scores), default=0)
    out.write(
        f"passages: {len(scores)}   questions produced: {produced} "
        f"({produced / len(scores):.1f} a passage, fewest {fewest})\n"
    )
    out.write(
        f"answer recall (top {MULTIPLE_CHOICE + SHORT_ANSWER}): {recalled}/{people} = "
        f"{recalled / people:.1%} of people's questions; mean per passage "
        f"{sum(per_passage) / len(per_passage):.1%}\n"
    )
    out.write(f"answers found in the text: {in_text}/{produced} = {in_text / produced:.1%}\n")
    out.write(f"distractor conflicts: {conflicts} (of {distractors} distractors)\n")


if __name__ == "__main__":
    sys.exit(main())
