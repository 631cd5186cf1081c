"""Run every benchmark: `python -m quizzes.benchmarks` (or `make bench`)."""

from __future__ import annotations

import sys

from quizzes.benchmarks import generator

# Each module's run(out) prints its numbers; add new modules (pages, PDFs) to this list.
BENCHMARKS = (generator,)


def main() -> int:
    for module in BENCHMARKS:
        module.run(sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
