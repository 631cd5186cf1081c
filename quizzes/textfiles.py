"""Reading an article from a file, with a clear message for every file that is not usable text."""

from __future__ import annotations

from pathlib import Path

from quizzes.exceptions import ArticleInvalid
from quizzes.generation.types import MAX_WORDS

# A 20,000-word text is about 130 KB; anything far larger is not an article and is not read whole.
MAX_FILE_BYTES = 2 * 1024 * 1024


def decode_text(data: bytes, *, name: str) -> str:
    if b"\x00" in data:
        raise ArticleInvalid(f"{name} is a binary file, not text. Save the article as plain text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleInvalid(
            f"{name} is not UTF-8 text (byte {error.start} cannot be read). "
            "Save it as UTF-8 and try again."
        ) from None
    if not text.strip():
        raise ArticleInvalid(f"{name} is empty: there is no text to make a quiz from.")
    return text


def read_text_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ArticleInvalid(f"{path} is a folder, not a text file.")
        if size > MAX_FILE_BYTES:
            raise ArticleInvalid(
                f"{path} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes "
                f"(about {MAX_WORDS:,} words)."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleInvalid(f"{path} does not exist.") from None
    except PermissionError:
        raise ArticleInvalid(f"{path} cannot be read (permission denied).") from None
    return decode_text(data, name=str(path))
