"""The page furniture of a handout: fonts, styles, answer bubbles, ruled lines and footers."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from quizzes.handouts.versions import HandoutError

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
DEFAULT_PAGE_SIZE = "A4"

MARGIN = 18 * mm
# The frame stops above the footer line so body text never runs into it.
FOOTER_Y = 11 * mm
BOTTOM_MARGIN = 20 * mm
FOOTER_FONT_SIZE = 8.5

BODY_SIZE = 10.5
BODY_LEADING = 14
PASSAGE_LEADING = 14.5
SMALL_SIZE = 8.5
TITLE_SIZE = 16
HEADING_SIZE = 12
# Question and paragraph numbers hang in this gutter so the text lines up in one column.
NUMBER_GUTTER = 8 * mm
# About the size of an answer-sheet bubble: easy to fill with a pencil, letter still legible.
BUBBLE_RADIUS = 2.4 * mm
BUBBLE_LETTER_SIZE = 7
BUBBLE_GAP = 2.5 * mm
CHOICE_TEXT_OFFSET = 2 * BUBBLE_RADIUS + BUBBLE_GAP
CHOICE_PADDING = 1.2 * mm
# A handwritten line is about 8 mm high; two lines hold a short answer of a few words.
ANSWER_LINE_SPACING = 8 * mm
ANSWER_LINES = 2
NAME_LINE_HEIGHT = 10 * mm
# How far above the baseline, as a fraction of the font size, a line of capitals looks centred.
CAP_MIDDLE = 0.36

INK = colors.black
MUTED_HEX = "#595959"
GREY = colors.HexColor(MUTED_HEX)
RULE_GREY = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.9, 0.9, 0.9)

BLANK_BACK_TEXT = "This page is left blank for double-sided printing."

# C0 controls other than tab and newline are not text and make some PDF readers stumble.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@functools.cache
def register_fonts() -> None:
    """Register DejaVu Sans once per process; it covers Latin, Greek and Cyrillic."""
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def page_size(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        known = ", ".join(PAGE_SIZES)
        raise HandoutError(f"Unknown page size {name!r}; use one of {known}.") from None


def markup(text: str) -> str:
    """Text as reportlab paragraph markup that prints every character literally.

    Articles quote HTML and use ampersands; unescaped, `<b>` would turn bold and a stray `<`
    would stop the build.
    """
    return escape(_CONTROL_RE.sub("", text))


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=BODY_SIZE, leading=BODY_LEADING)
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.25
        ),
        "version": ParagraphStyle(
            "version",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=HEADING_SIZE,
            leading=HEADING_SIZE * 1.3,
            alignment=TA_RIGHT,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=HEADING_SIZE,
            leading=HEADING_SIZE * 1.3,
            spaceBefore=3 * mm,
            spaceAfter=2 * mm,
            keepWithNext=True,
        ),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.3, textColor=GREY
        ),
        "paragraph": ParagraphStyle(
            "paragraph",
            parent=body,
            leading=PASSAGE_LEADING,
            leftIndent=NUMBER_GUTTER,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            bulletFontSize=SMALL_SIZE,
            spaceAfter=1.6 * mm,
        ),
        "prompt": ParagraphStyle(
            "prompt",
            parent=body,
            leftIndent=NUMBER_GUTTER,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            spaceBefore=3.5 * mm,
            spaceAfter=1.2 * mm,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=FONT_BOLD, fontSize=9.5),
        "banner": ParagraphStyle(
            "banner", parent=body, fontName=FONT_BOLD, alignment=TA_CENTER, fontSize=HEADING_SIZE
        ),
    }


class ChoiceRow(Flowable):
    """A lettered bubble to fill, then the choice's text, wrapped beside it and never under it."""

    def __init__(self, letter: str, text: Paragraph, *, indent: float) -> None:
        super().__init__()
        self.letter = letter
        self.text = text
        self.indent = indent
        self.text_x = indent + CHOICE_TEXT_OFFSET

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, text_height = self.text.wrap(available_width - self.text_x, available_height)
        self.width = available_width
        self.height = max(text_height, 2 * BUBBLE_RADIUS) + 2 * CHOICE_PADDING
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        style = self.text.style
        text_height = self.height - 2 * CHOICE_PADDING
        top = self.height - CHOICE_PADDING
        centre_y = top - style.fontSize + CAP_MIDDLE * style.fontSize
        if text_height < 2 * BUBBLE_RADIUS:
            # A one-line choice is shorter than the bubble: centre both in the row.
            centre_y = self.height / 2
            top = centre_y + style.fontSize - CAP_MIDDLE * style.fontSize
        centre_x = self.indent + BUBBLE_RADIUS
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.circle(centre_x, centre_y, BUBBLE_RADIUS, stroke=1, fill=0)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, BUBBLE_LETTER_SIZE)
        canvas.drawCentredString(centre_x, centre_y - CAP_MIDDLE * BUBBLE_LETTER_SIZE, self.letter)
        canvas.restoreState()
        self.text.drawOn(canvas, self.text_x, top - self.text.height)


class AnswerLines(Flowable):
    """Ruled lines to write a short answer on."""

    def __init__(self, *, count: int = ANSWER_LINES, indent: float) -> None:
        super().__init__()
        self.count = count
        self.indent = indent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.count * ANSWER_LINE_SPACING
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.5)
        for line in range(self.count):
            y = line * ANSWER_LINE_SPACING
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


class NameLines(Flowable):
    """'Name ____  Class ____  Date ____' across the page, sized for handwriting."""

    # Shares of the line width: names are long, class and date short.
    FIELDS = (("Name", 0.5), ("Class", 0.22), ("Date", 0.28))
    LABEL_GAP = 2 * mm
    FIELD_GAP = 5 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = NAME_LINE_HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(FONT, BODY_SIZE)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        usable = self.width - self.FIELD_GAP * (len(self.FIELDS) - 1)
        x = 0.0
        baseline = 2 * mm
        for label, share in self.FIELDS:
            field_width = usable * share
            canvas.drawString(x, baseline, label)
            line_start = x + pdfmetrics.stringWidth(label, FONT, BODY_SIZE) + self.LABEL_GAP
            canvas.line(line_start, baseline - 1, x + field_width, baseline - 1)
            x += field_width + self.FIELD_GAP
        canvas.restoreState()


class PartStart(Flowable):
    """Invisible mark where a version begins, so its pages get their own label and numbers."""

    _ZEROSIZE = True

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.part_label = self.label


class HandoutCanvas(Canvas):
    """Holds every page back until the end, to print "page / pages" counted within each version.

    Each page's footer shows the label of the version the page belongs to (set by `PartStart`),
    the document's `footer_text` and the page number, e.g. "Version B", "Quiz title", "2 / 3".
    With `duplex`, a version with an odd number of pages gets a blank back page, so on a
    double-sided printer every version starts on a fresh sheet and can be handed out alone.
    """

    def __init__(self, *args, footer_text: str = "", duplex: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.footer_text = footer_text
        self.duplex = duplex
        self.part_label = ""
        self.page_count = 0
        self._pages: list[tuple[dict, str]] = []

    def showPage(self) -> None:
        self._pages.append((dict(self.__dict__), self.part_label))
        self._startPage()

    def save(self) -> None:
        totals = Counter(label for _, label in self._pages)
        seen: Counter[str] = Counter()
        # Counted outside the page states, which the loop restores one after another.
        emitted = 0
        for state, label in self._pages:
            seen[label] += 1
            self.__dict__.update(state)
            self._draw_footer(label=label, page=seen[label], pages=totals[label])
            super().showPage()
            emitted += 1
            if self.duplex and seen[label] == totals[label] and totals[label] % 2:
                self._draw_blank_back(label=label)
                super().showPage()
                emitted += 1
        self.page_count = emitted
        super().save()

    def _draw_blank_back(self, *, label: str) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(GREY)
        self.setFont(FONT, FOOTER_FONT_SIZE)
        self.drawCentredString(width / 2, height / 2, BLANK_BACK_TEXT)
        self.drawString(MARGIN, FOOTER_Y, label)
        self.restoreState()

    def _draw_footer(self, *, label: str, page: int, pages: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setStrokeColor(RULE_GREY)
        self.setLineWidth(0.4)
        self.line(MARGIN, FOOTER_Y + 3.5 * mm, width - MARGIN, FOOTER_Y + 3.5 * mm)
        self.setFillColor(INK)
        self.setFont(FONT_BOLD, FOOTER_FONT_SIZE)
        self.drawString(MARGIN, FOOTER_Y, label)
        self.setFont(FONT, FOOTER_FONT_SIZE)
        self.drawCentredString(width / 2, FOOTER_Y, _fit(self.footer_text, width / 2))
        self.drawRightString(width - MARGIN, FOOTER_Y, f"{page} / {pages}")
        self.restoreState()


def _fit(text: str, width: float) -> str:
    """Shorten the text with an ellipsis until it fits the width in the footer font."""
    if pdfmetrics.stringWidth(text, FONT, FOOTER_FONT_SIZE) <= width:
        return text
    while text and pdfmetrics.stringWidth(f"{text}…", FONT, FOOTER_FONT_SIZE) > width:
        text = text[:-1]
    return f"{text.rstrip()}…"
