"""Whether a first name is a man's or a woman's, for people the article never calls "he" or
"she" (or calls so only in sentences that are about someone else).

The data is Jörg Michael's name dictionary (GNU FDL 1.2), from the pinned `gender-guesser`
package (a development dependency), cut down to the names it gives as male or female only,
not "mostly" one or either, and shipped as `data/first_names.json`. `python -m
quizzes.generation.firstnames` rebuilds the file, and a test checks that the shipped file
matches the package.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

FIRST_NAMES_PATH = Path(__file__).with_name("data") / "first_names.json"
SEXES = {"male": "m", "female": "f"}


def build() -> dict[str, object]:
    """The shipped data, from the gender-guesser package."""
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    found: dict[str, list[str]] = {"m": [], "f": []}
    for name in sorted(detector.names):
        sex = SEXES.get(detector.get_gender(name))
        if sex is not None and name.isalpha():
            found[sex].append(name)
    return {
        "_about": "Jörg Michael's name dictionary (GNU FDL 1.2) via gender-guesser; rebuilt by "
        "`python -m quizzes.generation.firstnames`",
        **found,
    }


@functools.cache
def _sexes() -> dict[str, str]:
    raw = json.loads(FIRST_NAMES_PATH.read_text(encoding="utf-8"))
    return {name: sex for sex in ("m", "f") for name in raw[sex]}


def sex_of(full_name: str) -> str | None:
    """ "m" for "John Ruskin", "f" for "Octavia Hill", None for a name the data does not
    give one sex ("Kim Lee"), or whose first word is no first name ("Mill Lane")."""
    words = full_name.split()
    if len(words) < 2:
        return None  # "Hill" or "Morgan" alone is a surname as often as a first name.
    return _sexes().get(words[0].casefold())


def main() -> int:
    from quizzes.generation.places import write_shipped

    return write_shipped(FIRST_NAMES_PATH, build())


if __name__ == "__main__":
    sys.exit(main())
