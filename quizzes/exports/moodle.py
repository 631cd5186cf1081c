"""Moodle XML: a `<quiz>` of `multichoice` and `shortanswer` questions.

Texts are HTML (`format="html"`), escaped, so an article's "<b>" shows as typed instead of
becoming markup; ElementTree then escapes that HTML once more for the XML itself. Short answers are
plain text in Moodle's format, compared with what students type, so they are not HTML-escaped.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from quizzes.exports.common import escape_shortanswer_wildcard, lines, question_name, xml_text
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

CONTENT_TYPE = "application/xml"
EXTENSION = "moodle.xml"

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
HTML, PLAIN = "html", "moodle_auto_format"
RIGHT_FRACTION, WRONG_FRACTION = "100", "0"
# Moodle's own default: a third of the mark off for each retry in interactive mode.
PENALTY = "0.3333333"
ANSWER_NUMBERING = "abc"


def render(snapshot: QuizSnapshot) -> bytes:
    quiz = ET.Element("quiz")
    for question in snapshot.questions:
        quiz.append(_question(question))
    ET.indent(quiz)
    return XML_DECLARATION + ET.tostring(quiz, encoding="unicode").encode("utf-8") + b"\n"


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
