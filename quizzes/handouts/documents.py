"""Student sheets and answer keys as PDF bytes, built from a `QuizSnapshot` and nothing else."""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from quizzes.handouts.files import handout_filename
from quizzes.handouts.layout import (
    BODY_SIZE,
    BOTTOM_MARGIN,
    CHOICE_TEXT_OFFSET,
    DEFAULT_PAGE_SIZE,
    FONT,
    INK,
    MARGIN,
    MUTED_HEX,
    NUMBER_GUTTER,
    RULE_GREY,
    SHADE,
    SMALL_SIZE,
    AnswerLines,
    ChoiceRow,
    HandoutCanvas,
    NameLines,
    PartStart,
    markup,
    page_size,
    styles,
)
from quizzes.handouts.versions import HandoutVersion, class_set, version_letter
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

logger = logging.getLogger(__name__)

VERSION_BOX_WIDTH = 34 * mm
# Short choices (years, names) sit side by side, up to four on a line, to save paper.
MAX_CHOICE_COLUMNS = 4
CHOICE_COLUMN_GAP = 4 * mm
KEY_NUMBER_WIDTH = 10 * mm
KEY_PARAGRAPH_WIDTH = 24 * mm
KEY_POINTS_WIDTH = 18 * mm
CELL_PADDING = 1.5 * mm
PDF_CREATOR = "Quiz generator"
# Shown in the key when a question has no source span to point to.
NO_PARAGRAPH = "\N{EN DASH}"


@dataclass(frozen=True)
class HandoutPdf:
    """The PDF's bytes, its page count, and a file name that says what it holds."""

    data: bytes
    page_count: int
    filename: str


def student_sheets_pdf(
    snapshot: QuizSnapshot,
    *,
    versions: int = 1,
    seed: int = 0,
    page_size: str = DEFAULT_PAGE_SIZE,
    duplex: bool = False,
) -> HandoutPdf:
    """The class set's student sheets, one version after another, each from a new page.

    With `duplex`, each version fills whole sheets of paper when printed on both sides.
    """
    return _build(
        snapshot, answer_key=False, versions=versions, seed=seed, size_name=page_size, duplex=duplex
    )


def answer_keys_pdf(
    snapshot: QuizSnapshot,
    *,
    versions: int = 1,
    seed: int = 0,
    page_size: str = DEFAULT_PAGE_SIZE,
    duplex: bool = False,
) -> HandoutPdf:
    """The keys of the same class set (same versions and seed), one version per page or more."""
    return _build(
        snapshot, answer_key=True, versions=versions, seed=seed, size_name=page_size, duplex=duplex
    )


def _build(
    snapshot: QuizSnapshot,
    *,
    answer_key: bool,
    versions: int,
    seed: int,
    size_name: str,
    duplex: bool,
) -> HandoutPdf:
    size = page_size(size_name)
    class_versions = class_set(snapshot, versions=versions, seed=seed)
    style = styles()
    width = size[0] - 2 * MARGIN
    part = _key_story if answer_key else _sheet_story
    label = "Answer key · Version" if answer_key else "Version"
    story: list[Flowable] = []
    for version in class_versions:
        if story:
            story.append(PageBreak())
        story.append(PartStart(f"{label} {version.letter}"))
        story.extend(part(snapshot, version, style=style, width=width))
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"Answer keys: {snapshot.title}" if answer_key else snapshot.title,
        creator=PDF_CREATOR,
        # No timestamps or random ids: the same class set gives the same bytes.
        invariant=True,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = f"{snapshot.title} · {snapshot.join_code}"
    document.build(
        story, canvasmaker=functools.partial(HandoutCanvas, footer_text=footer, duplex=duplex)
    )
    pages = document.canv.page_count
    logger.info(
        "handout for quiz %s: %s, %d versions, %d pages",
        snapshot.join_code,
        "answer keys" if answer_key else "student sheets",
        versions,
        pages,
    )
    return HandoutPdf(
        data=buffer.getvalue(),
        page_count=pages,
        filename=handout_filename(snapshot, answer_key=answer_key, versions=versions),
    )


def _header(title: str, letter: str, *, style: dict, width: float) -> Table:
    table = Table(
        [
            [
                Paragraph(markup(title), style["title"]),
                Paragraph(f"Version {letter}", style["version"]),
            ]
        ],
        colWidths=[width - VERSION_BOX_WIDTH, VERSION_BOX_WIDTH],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("BOX", (1, 0), (1, 0), 1.2, INK),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
            ]
        )
    )
    return table


def _sheet_story(
    snapshot: QuizSnapshot, version: HandoutVersion, *, style: dict, width: float
) -> Iterable[Flowable]:
    yield _header(snapshot.title, version.letter, style=style, width=width)
    yield Spacer(0, 3 * mm)
    yield NameLines()
    yield Spacer(0, 2 * mm)
    yield Paragraph(_instructions(version), style["small"])
    yield Paragraph(markup(snapshot.article_title), style["heading"])
    if snapshot.article_source:
        yield Paragraph(f"Source: {markup(snapshot.article_source)}", style["small"])
        yield Spacer(0, 1.5 * mm)
    for number, text in enumerate(snapshot.paragraphs, start=1):
        yield Paragraph(markup(text), style["paragraph"], bulletText=str(number))
    show_points = any(question.points != 1 for question in version.questions)
    for index, question in enumerate(version.questions):
        # The heading goes in the first question's block, so it never ends a page alone.
        heading = Paragraph("Questions", style["heading"]) if index == 0 else None
        yield _question_block(
            question, style=style, width=width, show_points=show_points, heading=heading
        )


def _instructions(version: HandoutVersion) -> str:
    parts = ["Read the passage; the numbers on the left name its paragraphs."]
    if any(question.is_multiple_choice for question in version.questions):
        parts.append("For each multiple-choice question, fill in one bubble.")
    if not all(question.is_multiple_choice for question in version.questions):
        parts.append("Write short answers on the lines.")
    return " ".join(parts)


def _question_block(
    question: QuestionSnapshot,
    *,
    style: dict,
    width: float,
    show_points: bool,
    heading: Paragraph | None = None,
) -> KeepTogether:
    """The prompt with its choices or answer lines, kept on one page."""
    prompt = markup(question.prompt)
    if show_points:
        noun = "point" if question.points == 1 else "points"
        prompt += (
            f' <font color="{MUTED_HEX}" size="{SMALL_SIZE}">({question.points} {noun})</font>'
        )
    flowables: list[Flowable] = [] if heading is None else [heading]
    flowables.append(Paragraph(prompt, style["prompt"], bulletText=f"{question.number}."))
    if question.is_multiple_choice:
        flowables.extend(_choices(question, style=style, width=width))
    else:
        flowables.append(Spacer(0, 2 * mm))
        flowables.append(AnswerLines(indent=NUMBER_GUTTER))
    return KeepTogether(flowables)


def _choices(question: QuestionSnapshot, *, style: dict, width: float) -> list[Flowable]:
    """One choice per line, or side by side when every choice fits on one line of a column."""
    columns = _choice_columns(question, width=width - NUMBER_GUTTER)
    if columns == 1:
        return [
            ChoiceRow(
                version_letter(index),
                Paragraph(markup(choice.text), style["body"]),
                indent=NUMBER_GUTTER,
            )
            for index, choice in enumerate(question.choices)
        ]
    cells = [
        ChoiceRow(version_letter(index), Paragraph(markup(choice.text), style["body"]), indent=0)
        for index, choice in enumerate(question.choices)
    ]
    cells += [""] * (-len(cells) % columns)
    rows = [["", *cells[start : start + columns]] for start in range(0, len(cells), columns)]
    column_width = (width - NUMBER_GUTTER) / columns
    grid = Table(rows, colWidths=[NUMBER_GUTTER] + [column_width] * columns, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), CHOICE_COLUMN_GAP),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [grid]


def _choice_columns(question: QuestionSnapshot, *, width: float) -> int:
    count = len(question.choices)
    widest = max(
        (stringWidth(choice.text, FONT, BODY_SIZE) for choice in question.choices), default=0
    )
    # All on one line if they fit, else two columns, else one choice per line.
    for columns in (min(count, MAX_CHOICE_COLUMNS), 2):
        room = width / columns - CHOICE_COLUMN_GAP - CHOICE_TEXT_OFFSET
        if 2 <= columns <= count and widest <= room:
            return columns
    return 1


def _key_story(
    snapshot: QuizSnapshot, version: HandoutVersion, *, style: dict, width: float
) -> Iterable[Flowable]:
    yield _header(f"Answer key: {snapshot.title}", version.letter, style=style, width=width)
    yield Spacer(0, 3 * mm)
    yield _teacher_banner(style=style, width=width)
    yield Spacer(0, 4 * mm)
    yield _key_table(version, style=style, width=width)
    total = sum(question.points for question in version.questions)
    yield Spacer(0, 3 * mm)
    yield Paragraph(
        f"{len(version.questions)} questions, {total} points in all. "
        "Paragraph numbers refer to the numbered passage on the student sheet.",
        style["small"],
    )


def _teacher_banner(*, style: dict, width: float) -> Table:
    banner = Table(
        [[Paragraph("TEACHER'S COPY: do not hand out", style["banner"])]],
        colWidths=[width],
    )
    banner.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("BOX", (0, 0), (-1, -1), 1.2, INK),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return banner


def _key_table(version: HandoutVersion, *, style: dict, width: float) -> Table:
    answer_width = width - KEY_NUMBER_WIDTH - KEY_PARAGRAPH_WIDTH - KEY_POINTS_WIDTH
    rows: list[list] = [
        [
            Paragraph("#", style["cell_bold"]),
            Paragraph("Answer", style["cell_bold"]),
            Paragraph("Paragraph", style["cell_bold"]),
            Paragraph("Points", style["cell_bold"]),
        ]
    ]
    for question in version.questions:
        rows.append(
            [
                Paragraph(f"{question.number}.", style["cell_bold"]),
                Paragraph(_key_answer(question), style["cell"]),
                Paragraph(
                    f"¶ {question.paragraph}" if question.paragraph else NO_PARAGRAPH, style["cell"]
                ),
                Paragraph(str(question.points), style["cell"]),
            ]
        )
    table = Table(
        rows,
        colWidths=[KEY_NUMBER_WIDTH, answer_width, KEY_PARAGRAPH_WIDTH, KEY_POINTS_WIDTH],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE_GREY),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def _key_answer(question: QuestionSnapshot) -> str:
    if question.is_multiple_choice:
        # A teacher may mark two choices right in the admin; the key then lists both.
        right = [
            f"<b>{version_letter(index)}</b>   {markup(choice.text)}"
            for index, choice in enumerate(question.choices)
            if choice.is_correct
        ]
        if not right:
            return f'<font color="{MUTED_HEX}">no choice is marked right</font>'
        return "<br/>".join(right)
    # Marking ignores case, so "Paris" and "paris" are one answer to the teacher.
    answers = [markup(text) for text in _distinct_ignoring_case(question.accepted_answers)]
    if not answers:
        return f'<font color="{MUTED_HEX}">no accepted answer stored</font>'
    text = f"Written: <b>{answers[0]}</b>"
    if len(answers) > 1:
        text += f'<br/><font color="{MUTED_HEX}">also accepted: {"; ".join(answers[1:])}</font>'
    return text


def _distinct_ignoring_case(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    distinct = []
    for text in texts:
        if text.casefold() not in seen:
            seen.add(text.casefold())
            distinct.append(text)
    return distinct
