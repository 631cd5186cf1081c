"""Moodle XML exports parsed back with ElementTree: structure, right answers, escaping."""

import html
import xml.etree.ElementTree as ET

import pytest

from quizzes.exports import moodle
from quizzes.snapshots import SHORT_ANSWER, QuestionSnapshot, QuizSnapshot, quiz_snapshot
from tests.test_exports_gift import (
    ACCEPTED,
    CHOICES,
    PROMPT,
    SHORT_PROMPT,
    SOURCE,
    make_special_quiz,
)


def parse(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def shown_text(html_text: str) -> str:
    """What Moodle shows for an HTML text: markup applied, entities decoded."""
    return html.unescape(html_text.replace("<br>", "\n"))


@pytest.fixture
def special_xml(db) -> ET.Element:
    return parse(moodle.render(quiz_snapshot(quiz=make_special_quiz())))


def test_moodle_xml_is_a_quiz_of_one_question_per_question_in_order(special_xml):
    questions = special_xml.findall("question")

    assert special_xml.tag == "quiz"
    assert [question.get("type") for question in questions] == ["multichoice", "shortanswer"]
    assert [question.findtext("name/text")[:3] for question in questions] == ["Q1 ", "Q2 "]
    assert [question.findtext("defaultgrade") for question in questions] == ["2", "1"]


def test_moodle_multichoice_marks_the_right_choice_100_and_the_others_0(special_xml):
    question = special_xml.findall("question")[0]

    answers = [
        (answer.get("fraction"), shown_text(answer.findtext("text")))
        for answer in question.findall("answer")
    ]

    assert answers == [("100" if right else "0", text) for text, right in CHOICES]
    assert question.findtext("single") == "true"
    assert question.findtext("shuffleanswers") == "1"
    assert question.findtext("answernumbering") == "abc"


def test_moodle_shortanswer_accepts_every_answer_at_100_whatever_the_case(special_xml):
    question = special_xml.findall("question")[1]

    answers = [
        (answer.get("fraction"), answer.get("format"), answer.findtext("text"))
        for answer in question.findall("answer")
    ]

    assert question.findtext("usecase") == "0"
    # Moodle reads "*" as a wildcard in a short answer; a real asterisk is written "\*".
    assert answers == [
        ("100", "moodle_auto_format", answer.replace("*", "\\*")) for answer in ACCEPTED
    ]


def test_moodle_texts_are_escaped_html_so_markup_in_them_shows_as_typed(special_xml):
    first, second = special_xml.findall("question")

    prompt = first.find("questiontext")

    assert prompt.get("format") == "html"
    assert "<b>" not in prompt.findtext("text")
    assert "&lt;b&gt;bold&lt;/b&gt;" in prompt.findtext("text")
    assert shown_text(prompt.findtext("text")) == PROMPT
    assert shown_text(second.findtext("questiontext/text")) == SHORT_PROMPT


def test_moodle_general_feedback_is_the_source_sentence(special_xml):
    feedback = [
        shown_text(question.findtext("generalfeedback/text"))
        for question in special_xml.findall("question")
    ]

    assert feedback == [SOURCE, SOURCE]


@pytest.mark.django_db
def test_moodle_xml_is_utf8_with_cyrillic_and_curly_quotes_written_as_they_are():
    snapshot = quiz_snapshot(quiz=make_special_quiz())

    data = moodle.render(snapshot)

    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "Москва “double” ‘single’".encode() in data


def test_moodle_xml_drops_control_characters_an_xml_file_cannot_hold():
    question = QuestionSnapshot(
        number=1,
        kind=SHORT_ANSWER,
        prompt="Page one\x0cpage two\x00?",
        points=1,
        accepted_answers=("Yes\x08",),
    )
    snapshot = QuizSnapshot(
        title="T",
        join_code="ABCDEF",
        article_title="A",
        article_source="",
        article_text="Text.",
        paragraphs=("Text.",),
        questions=(question,),
    )

    root = parse(moodle.render(snapshot))

    assert root.findtext("question/questiontext/text") == "Page onepage two?"
    assert root.findtext("question/answer/text") == "Yes"
