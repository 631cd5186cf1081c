"""Run every benchmark: `python -m quizzes.benchmarks` (or `make bench`)."""

from __future__ import annotations

import datetime
import os
import platform
import sys

from quizzes.benchmarks import generator, handouts, pages

# Each module's run(out) prints its numbers.
BENCHMARKS = (generator, handouts, pages)


def main() -> int:
    today = datetime.datetime.now(tz=datetime.UTC).date().isoformat()
    sys.stdout.write(
        f"{today}, {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}\n"
    )
    for module in BENCHMARKS:
        module.run(sys.stdout)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
