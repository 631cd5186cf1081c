"""Moodle XML exports read back as Moodle's own reader keeps their texts: structure, right
answers, escaping."""

import html
import re
import xml.etree.ElementTree as ET

import pytest

from quizzes.exports import moodle
from quizzes.snapshots import SHORT_ANSWER, QuestionSnapshot, quiz_snapshot
from tests.builders import quiz_snapshot_of
from tests.test_exports_gift import (
    ACCEPTED,
    CHOICES,
    PROMPT,
    SHORT_PROMPT,
    SOURCE,
    make_special_quiz,
)

# The pieces an XML parser reports a text in: a CDATA section, an entity, a run of other text.
PIECE_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>|(&[^;]+;)|([^&<]+)", re.S)
TEXT_ELEMENT_RE = re.compile(r"<text(?: ?/>|>(.*?)</text>)", re.S)


def moodle_text(raw: str) -> str:
    """A `<text>` as Moodle's xmlize reads it: its parser runs with XML_OPTION_SKIP_WHITE, which
    drops every reported piece that is only white space ("a &amp; &lt; b" reads "a &< b")."""
    pieces = []
    for cdata, entity, run in PIECE_RE.findall(raw):
        piece = cdata or (html.unescape(entity) if entity else run)
        if piece.strip():
            pieces.append(piece)
    return "".join(pieces)


def parse(data: bytes) -> ET.Element:
    """The document, each `<text>` holding what Moodle would import."""
    root = ET.fromstring(data)
    raws = TEXT_ELEMENT_RE.findall(data.decode("utf-8"))
    elements = list(root.iter("text"))
    assert len(raws) == len(elements)
    for element, raw in zip(elements, raws, strict=True):
        element.text = moodle_text(raw)
    return root


def questions_of(root: ET.Element) -> list[ET.Element]:
    """The quiz's questions, without the article's description."""
    return [q for q in root.findall("question") if q.get("type") != "description"]


def shown_text(html_text: str) -> str:
    """What Moodle shows for an HTML text: markup applied, entities decoded."""
    return html.unescape(html_text.replace("<br>", "\n"))


@pytest.fixture
def special_xml(db) -> ET.Element:
    return parse(moodle.render(quiz_snapshot(quiz=make_special_quiz())))


def test_moodle_xml_is_a_quiz_of_one_question_per_question_in_order(special_xml):
    questions = questions_of(special_xml)

    assert special_xml.tag == "quiz"
    assert [question.get("type") for question in questions] == ["multichoice", "shortanswer"]
    assert [question.findtext("name/text")[:3] for question in questions] == ["Q1 ", "Q2 "]
    assert [question.findtext("defaultgrade") for question in questions] == ["2", "1"]


def test_moodle_multichoice_marks_the_right_choice_100_and_the_others_0(special_xml):
    question = questions_of(special_xml)[0]

    answers = [
        (answer.get("fraction"), shown_text(answer.findtext("text")))
        for answer in question.findall("answer")
    ]

    assert answers == [("100" if right else "0", text) for text, right in CHOICES]
    assert question.findtext("single") == "true"
    assert question.findtext("shuffleanswers") == "1"
    assert question.findtext("answernumbering") == "abc"


def test_moodle_shortanswer_accepts_every_answer_at_100_whatever_the_case(special_xml):
    question = questions_of(special_xml)[1]

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
    first, second = questions_of(special_xml)

    prompt = first.find("questiontext")

    assert prompt.get("format") == "html"
    assert "<b>" not in prompt.findtext("text")
    assert "&lt;b&gt;bold&lt;/b&gt;" in prompt.findtext("text")
    assert shown_text(prompt.findtext("text")) == PROMPT
    assert shown_text(second.findtext("questiontext/text")) == SHORT_PROMPT


def test_moodle_general_feedback_is_the_source_sentence(special_xml):
    feedback = [
        shown_text(question.findtext("generalfeedback/text"))
        for question in questions_of(special_xml)
    ]

    assert feedback == [SOURCE, SOURCE]


@pytest.mark.django_db
def test_moodle_xml_carries_the_article_as_a_description_worth_no_marks():
    snapshot = quiz_snapshot(quiz=make_special_quiz())

    first = parse(moodle.render(snapshot)).find("question")

    assert first.get("type") == "description"
    assert first.findtext("name/text") == f"Article: {snapshot.article_title}"
    assert first.findtext("defaultgrade") == "0"
    shown = shown_text(re.sub(r"</?(?:h3|p)>", "\n", first.findtext("questiontext/text")))
    assert [line for line in shown.split("\n") if line.strip()] == [
        snapshot.article_title,
        *(p.strip() for p in snapshot.paragraphs if p.strip()),
    ]
    assert "<b>Москва</b> is large." in shown


def test_moodle_keeps_the_spaces_between_two_escaped_characters():
    answers = ("<b>Сокол</b> & it’s", "a & < b", "x ]]> y")
    question = QuestionSnapshot(
        number=1,
        kind=SHORT_ANSWER,
        prompt="Type a & < b > c",
        points=1,
        accepted_answers=answers,
        source_sentence="It was a & < b.",
    )

    root = parse(moodle.render(quiz_snapshot_of(question)))

    (read,) = questions_of(root)
    assert [answer.findtext("text") for answer in read.findall("answer")] == list(answers)
    assert shown_text(read.findtext("questiontext/text")) == "Type a & < b > c"
    assert shown_text(read.findtext("generalfeedback/text")) == "It was a & < b."


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
    root = parse(moodle.render(quiz_snapshot_of(question)))

    (read,) = questions_of(root)
    assert read.findtext("questiontext/text") == "Page onepage two?"
    assert read.findtext("answer/text") == "Yes"
