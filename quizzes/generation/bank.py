"""The curated distractor bank shipped with the engine, and lookups of a name's kind in it."""

from __future__ import annotations

import functools
import json
from pathlib import Path

BANK_PATH = Path(__file__).with_name("data") / "bank.json"


@functools.cache
def load_bank() -> dict[str, tuple[str, ...]]:
    raw = json.loads(BANK_PATH.read_text(encoding="utf-8"))
    return {key: tuple(values) for key, values in raw.items() if not key.startswith("_")}


@functools.cache
def _index() -> dict[str, str]:
    """Lower-cased name to its bank list; the first list that names it wins."""
    index: dict[str, str] = {}
    for kind, names in load_bank().items():
        for name in names:
            index.setdefault(_key(name), kind)
    return index


def _key(name: str) -> str:
    lowered = name.casefold()
    return lowered.removeprefix("the ")


def bank_kind(name: str) -> str | None:
    """Which bank list names this, so that a country gets countries and a city gets cities."""
    return _index().get(_key(name))


def bank_names(kind: str) -> tuple[str, ...]:
    return load_bank().get(kind, ())
