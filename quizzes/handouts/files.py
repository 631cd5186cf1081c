"""Writing a handout to disk and naming it for a download."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from django.utils.text import slugify

from quizzes.snapshots import QuizSnapshot

# Readable by the owner's group and others, as the umask allows, like any file the teacher saves.
NEW_FILE_MODE = 0o666
TEMP_SUFFIX_BYTES = 6


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: a reader sees the old file or the new one.

    A full disk or an interrupted write leaves the temporary file, which is removed here, and
    never a half-written PDF under the real name.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(TEMP_SUFFIX_BYTES)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def handout_filename(snapshot: QuizSnapshot, *, answer_key: bool, versions: int) -> str:
    """E.g. "marie-curie-class-set-3-versions.pdf"; the join code stands in for a title in
    a script slugify cannot spell in ASCII."""
    stem = slugify(snapshot.title) or snapshot.join_code.lower()
    if versions == 1:
        kind = "answer-key" if answer_key else "student-sheet"
    else:
        kind = (
            f"answer-keys-{versions}-versions" if answer_key else f"class-set-{versions}-versions"
        )
    return f"{stem}-{kind}.pdf"
