"""Printable handouts: student sheets, answer keys and shuffled class sets as PDF.

Everything here works from a `quizzes.snapshots.QuizSnapshot` and never queries the database:

    snapshot = quiz_snapshot(quiz=quiz)
    sheets = student_sheets_pdf(snapshot, versions=3, seed=0, page_size="A4")
    keys = answer_keys_pdf(snapshot, versions=3, seed=0, page_size="A4")
    write_atomically(path, sheets.data)

The same snapshot, versions and seed always give the same versions, so keys match sheets.
"""

from quizzes.handouts.documents import HandoutPdf, answer_keys_pdf, student_sheets_pdf
from quizzes.handouts.files import handout_filename, write_atomically
from quizzes.handouts.layout import DEFAULT_PAGE_SIZE, PAGE_SIZES
from quizzes.handouts.versions import (
    MAX_VERSIONS,
    HandoutError,
    HandoutVersion,
    check_version_count,
    class_set,
    version_letter,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_VERSIONS",
    "PAGE_SIZES",
    "HandoutError",
    "HandoutPdf",
    "HandoutVersion",
    "answer_keys_pdf",
    "check_version_count",
    "class_set",
    "handout_filename",
    "student_sheets_pdf",
    "version_letter",
    "write_atomically",
]
