"""Students' names: kept as typed (after NFKC), compared so that look-alikes are one student.

A name is the only thing that tells the teacher whose answers these are, and the only thing that
counts attempts, so a name must not hide characters nobody sees (zero-width spaces, text-direction
overrides) nor mix alphabets inside a word (a Cyrillic "А" in "Ada"), and "Åsa" and "åsa" are one
student.
"""

from __future__ import annotations

import unicodedataplus

from quizzes.exceptions import QuizError

# Control, format (zero-width and bidi controls), private-use, surrogate and unassigned code
# points, and line or paragraph separators: none of them is a visible part of a name.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
# Letters and symbols that draw nothing at all, so they could make two names look the same.
BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Script codes that go with any script: digits, punctuation, combining marks.
ANY_SCRIPT = frozenset({"Zyyy", "Zinh"})
# Unicode TS #39 section 5.1: Japanese writes Han with kana, Korean Han with Hangul, and Chinese
# Han with Bopomofo, so those mixes are one writing system, not a disguise.
WRITING_SYSTEMS = {
    "Hani": {"Hani", "Hanb", "Jpan", "Kore"},
    "Hira": {"Hira", "Jpan"},
    "Kana": {"Kana", "Jpan"},
    "Hang": {"Hang", "Kore"},
    "Bopo": {"Bopo", "Hanb"},
}


class NameRefused(QuizError):
    """The name would be misleading as typed; the message says what to change."""


def student_name_clean(raw: str) -> str:
    """The name to store and show: NFKC, single spaces, nothing invisible, one script a word."""
    name = " ".join(unicodedataplus.normalize("NFKC", raw).split())
    for char in name:
        if unicodedataplus.category(char) in INVISIBLE_CATEGORIES or char in BLANK_CHARACTERS:
            label = unicodedataplus.name(char, "").lower() or f"U+{ord(char):04X}"
            raise NameRefused(
                f"Your name contains an invisible or text-direction character ({label}). "
                "Type your name again yourself instead of pasting it."
            )
    for word in name.split():
        scripts = _scripts_in(word)
        if len(scripts) > 1:
            raise NameRefused(
                f"“{word}” mixes letters from different alphabets ({' and '.join(scripts)}). "
                "Type it again using one keyboard layout."
            )
    return name


def student_name_key(name: str) -> str:
    """What two names are compared by: "Åsa", "åsa" and "ÅSA" are one student."""
    folded = unicodedataplus.normalize("NFKC", unicodedataplus.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def _scripts_in(word: str) -> list[str]:
    """The scripts a word mixes, by name; one or none when it is written in one system.

    Each letter may belong to several scripts (its Script_Extensions), and a word is in one
    writing system when some script is shared by all its letters.
    """
    shared: set[str] | None = None
    names: dict[str, None] = {}
    for char in word:
        extensions = set(unicodedataplus.script_extensions(char))
        if extensions & ANY_SCRIPT:
            continue
        systems = set().union(*(WRITING_SYSTEMS.get(code, {code}) for code in extensions))
        shared = systems if shared is None else shared & systems
        names.setdefault(unicodedataplus.script(char), None)
    if shared is None or shared:
        return []
    return list(names)
