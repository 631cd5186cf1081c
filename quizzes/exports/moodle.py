"""Moodle XML: a `<quiz>` of the article (a `description`), then `multichoice` and
`shortanswer` questions.

Texts are HTML (`format="html"`), escaped, so an article's "<b>" shows as typed instead of
becoming markup. Short answers are plain text in Moodle's format, compared with what students
type, so they are not HTML-escaped. A text holding "&", "<" or ">" is written as CDATA, as
Moodle's own exporter does: Moodle's reader drops character data that is only white space,
and in "a &amp; &lt; b" the space between the two entities is such a piece, so the text would
import as "a &< b".
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from quizzes.exports.common import (
    article_name,
    article_paragraphs,
    escape_shortanswer_wildcard,
    lines,
    question_name,
    xml_text,
)
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

CONTENT_TYPE = "application/xml"
EXTENSION = "moodle.xml"

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
HTML, PLAIN = "html", "moodle_auto_format"
RIGHT_FRACTION, WRONG_FRACTION = "100", "0"
# Moodle's own default: a third of the mark off for each retry in interactive mode.
PENALTY = "0.3333333"
ANSWER_NUMBERING = "abc"
# Characters the XML would write as entities.
_ENTITY_RE = re.compile("[&<>]")


def render(snapshot: QuizSnapshot) -> bytes:
    quiz = ET.Element("quiz")
    if article_paragraphs(snapshot):
        quiz.append(_article(snapshot))
    for question in snapshot.questions:
        quiz.append(_question(question))
    ET.indent(quiz)
    return XML_DECLARATION + _with_cdata(quiz).encode("utf-8") + b"\n"


def _with_cdata(root: ET.Element) -> str:
    """The document, each `<text>` that holds an entity written as one CDATA section instead."""
    sections: dict[str, str] = {}
    for element in root.iter("text"):
        if element.text and _ENTITY_RE.search(element.text):
            # A NUL never survives `xml_text`, so no text can contain the marker.
            marker = f"\x00{len(sections)}\x00"
            sections[marker] = element.text
            element.text = marker
    document = ET.tostring(root, encoding="unicode")
    for marker, text in sections.items():
        # "]]>" would end the section early: split it across two, as Moodle does.
        document = document.replace(marker, f"<![CDATA[{text.replace(']]>', ']]]]><![CDATA[>')}]]>")
    return document


def _article(snapshot: QuizSnapshot) -> ET.Element:
    """The article as a `description`: shown before the questions, worth no marks."""
    element = ET.Element("question", type="description")
    ET.SubElement(ET.SubElement(element, "name"), "text").text = xml_text(article_name(snapshot))
    parts = [f"<h3>{as_html(snapshot.article_title)}</h3>"] if snapshot.article_title else []
    parts += [f"<p>{as_html(p)}</p>" for p in article_paragraphs(snapshot)]
    element.append(_text("questiontext", "\n".join(parts)))
    element.append(_text("generalfeedback", ""))
    _value(element, "defaultgrade", "0")
    _value(element, "penalty", "0")
    _value(element, "hidden", "0")
    return element


def as_html(text: str) -> str:
    """Plain text as HTML that shows it unchanged, line breaks included."""
    return "<br>".join(html.escape(line, quote=False) for line in lines(text.strip()))


def _question(question: QuestionSnapshot) -> ET.Element:
    kind = "multichoice" if question.is_multiple_choice else "shortanswer"
    element = ET.Element("question", type=kind)
    ET.SubElement(ET.SubElement(element, "name"), "text").text = xml_text(question_name(question))
    element.append(_text("questiontext", as_html(question.prompt)))
    element.append(_text("generalfeedback", as_html(question.source_sentence)))
    _value(element, "defaultgrade", str(question.points))
    _value(element, "penalty", PENALTY)
    _value(element, "hidden", "0")
    if question.is_multiple_choice:
        _value(element, "single", "true")
        _value(element, "shuffleanswers", "1")
        _value(element, "answernumbering", ANSWER_NUMBERING)
        for choice in question.choices:
            fraction = RIGHT_FRACTION if choice.is_correct else WRONG_FRACTION
            element.append(_answer(as_html(choice.text), fraction=fraction, text_format=HTML))
    else:
        # 0: "case does not matter", as on this site.
        _value(element, "usecase", "0")
        for answer in question.accepted_answers:
            text = escape_shortanswer_wildcard(answer.strip())
            element.append(_answer(text, fraction=RIGHT_FRACTION, text_format=PLAIN))
    return element


def _text(tag: str, text: str, *, text_format: str = HTML) -> ET.Element:
    element = ET.Element(tag, format=text_format)
    ET.SubElement(element, "text").text = xml_text(text)
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _answer(text: str, *, fraction: str, text_format: str) -> ET.Element:
    answer = _text("answer", text, text_format=text_format)
    answer.set("fraction", fraction)
    answer.append(_text("feedback", ""))
    return answer
