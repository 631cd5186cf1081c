"""Exports a teacher can import elsewhere: Moodle GIFT, Moodle XML, a QTI 2.1 package, and a JSON
backup this site imports again (`quizzes.importing`).

Every format is a pure function of a `QuizSnapshot`, so nothing here queries the database:

    download = export_quiz(quiz_snapshot(quiz=quiz), "moodle")
    response = HttpResponse(download.data, content_type=download.content_type)
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from quizzes.exceptions import QuizError
from quizzes.exports import gift, jsonfile, moodle, qti
from quizzes.exports.common import export_filename
from quizzes.snapshots import QuizSnapshot

_MODULES: dict[str, ModuleType] = {"gift": gift, "moodle": moodle, "qti": qti, "json": jsonfile}
# In the order a teacher is offered them.
FORMATS: tuple[str, ...] = tuple(_MODULES)
FORMAT_LABELS = {
    "gift": "Moodle GIFT",
    "moodle": "Moodle XML",
    "qti": "QTI 2.1 (Canvas, Blackboard, Brightspace)",
    "json": "JSON backup",
}


class ExportFormatUnknown(QuizError):
    """Asked for a format this site does not write."""


@dataclass(frozen=True)
class ExportFile:
    """The bytes of one export and how to offer them as a download."""

    data: bytes
    content_type: str
    filename: str


def export_quiz(snapshot: QuizSnapshot, fmt: str) -> ExportFile:
    module = _MODULES.get(fmt)
    if module is None:
        raise ExportFormatUnknown(
            f"There is no export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        )
    return ExportFile(
        data=module.render(snapshot),
        content_type=module.CONTENT_TYPE,
        filename=export_filename(snapshot, extension=module.EXTENSION),
    )


__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "ExportFile",
    "ExportFormatUnknown",
    "export_quiz",
]
