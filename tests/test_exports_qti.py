"""QTI 2.1 packages unzipped and parsed: manifest, items, right answers, test weights."""

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizzes.exports import qti
from quizzes.snapshots import (
    MULTIPLE_CHOICE,
    ChoiceSnapshot,
    QuestionSnapshot,
    quiz_snapshot,
)
from tests.builders import make_quiz, quiz_snapshot_of
from tests.test_exports_gift import ACCEPTED, CHOICES, PROMPT, make_special_quiz

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def unzip(data: bytes) -> dict[str, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: ET.fromstring(archive.read(name)) for name in archive.namelist()}


def text_of(element: ET.Element) -> str:
    """An element's text with each <br/> read back as a line break."""
    parts = [element.text or ""]
    for child in element:
        assert child.tag == f"{QTI}br"
        parts.append("\n" + (child.tail or ""))
    return "".join(parts)


@pytest.fixture
def special_files(db) -> dict[str, ET.Element]:
    return unzip(qti.render(quiz_snapshot(quiz=make_special_quiz())))


@pytest.mark.django_db
def test_qti_manifest_lists_every_item_file_and_each_is_in_the_zip():
    files = unzip(qti.render(quiz_snapshot(quiz=make_quiz(questions=5))))

    resources = files["imsmanifest.xml"].findall(f"{CP}resources/{CP}resource")

    items = [resource for resource in resources if resource.get("type") == "imsqti_item_xmlv2p1"]
    listed = [item.find(f"{CP}file").get("href") for item in items]
    assert listed == ["items/item-article.xml"] + [f"items/item-{n}.xml" for n in range(1, 6)]
    assert [item.get("href") for item in items] == listed
    assert set(listed) | {"imsmanifest.xml", "assessment.xml"} == set(files)
    assert all(files[path].tag == f"{QTI}assessmentItem" for path in listed)


def test_qti_multiple_choice_correct_response_names_the_right_choice(special_files):
    item = special_files["items/item-1.xml"]

    correct = item.findall(f"{QTI}responseDeclaration/{QTI}correctResponse/{QTI}value")
    interaction = item.find(f"{QTI}itemBody/{QTI}choiceInteraction")
    choices = {
        choice.get("identifier"): text_of(choice)
        for choice in interaction.findall(f"{QTI}simpleChoice")
    }

    assert [value.text for value in correct] == ["A"]
    assert choices[correct[0].text] == next(text for text, right in CHOICES if right)
    assert list(choices.values()) == [text for text, _ in CHOICES]
    assert text_of(interaction.find(f"{QTI}prompt")) == PROMPT
    assert interaction.get("shuffle") == "true"
    assert interaction.get("maxChoices") == "1"
    assert item.find(f"{QTI}responseProcessing").get("template").endswith("/match_correct")


def test_qti_short_answer_maps_every_accepted_answer_case_insensitively(special_files):
    item = special_files["items/item-2.xml"]

    declaration = item.find(f"{QTI}responseDeclaration")
    entries = declaration.findall(f"{QTI}mapping/{QTI}mapEntry")

    assert declaration.get("baseType") == "string"
    assert declaration.get("cardinality") == "single"
    assert [entry.get("mapKey") for entry in entries] == ACCEPTED
    assert {entry.get("caseSensitive") for entry in entries} == {"false"}
    assert {entry.get("mappedValue") for entry in entries} == {"1"}
    assert item.find(f"{QTI}itemBody/{QTI}p/{QTI}textEntryInteraction") is not None
    assert item.find(f"{QTI}responseProcessing").get("template").endswith("/map_response")


def test_qti_short_answer_maps_answers_that_differ_only_in_case_once():
    question = QuestionSnapshot(
        number=1,
        kind="short_answer",
        prompt="Capital?",
        points=1,
        accepted_answers=("Paris", "paris", "PARIS", "Paris, France"),
    )

    files = unzip(qti.render(quiz_snapshot_of(question)))

    entries = files["items/item-1.xml"].iter(f"{QTI}mapEntry")
    assert [entry.get("mapKey") for entry in entries] == ["Paris", "Paris, France"]


def test_qti_test_orders_the_items_and_weighs_each_by_its_points():
    questions = tuple(
        QuestionSnapshot(
            number=number,
            kind=MULTIPLE_CHOICE,
            prompt=f"Question {number}?",
            points=number,
            choices=(ChoiceSnapshot("Yes", True), ChoiceSnapshot("No", False)),
        )
        for number in (1, 2, 3)
    )

    files = unzip(qti.render(quiz_snapshot_of(*questions)))

    article, *references = files["assessment.xml"].iter(f"{QTI}assessmentItemRef")
    assert article.get("href") == "items/item-article.xml"
    assert article.find(f"{QTI}weight") is None
    assert [
        (reference.get("href"), reference.find(f"{QTI}weight").get("value"))
        for reference in references
    ] == [("items/item-1.xml", "1"), ("items/item-2.xml", "2"), ("items/item-3.xml", "3")]


@pytest.mark.django_db
def test_qti_article_comes_first_as_an_item_with_nothing_to_answer():
    snapshot = quiz_snapshot(quiz=make_special_quiz())

    item = unzip(qti.render(snapshot))["items/item-article.xml"]

    assert item.find(f"{QTI}responseDeclaration") is None
    body = item.find(f"{QTI}itemBody")
    assert body.find(f"{QTI}h2").text == snapshot.article_title
    assert [text_of(p) for p in body.findall(f"{QTI}p")] == [
        p.strip() for p in snapshot.paragraphs if p.strip()
    ]


def test_qti_texts_with_an_empty_line_hold_no_indentation():
    question = QuestionSnapshot(
        number=1,
        kind=MULTIPLE_CHOICE,
        prompt="First line.\n\nThird line?",
        points=1,
        choices=(ChoiceSnapshot("Yes\n\nreally", True), ChoiceSnapshot("No", False)),
    )
    short = QuestionSnapshot(
        number=2, kind="short_answer", prompt="One.\n\nTwo?", points=1, accepted_answers=("x",)
    )

    files = unzip(qti.render(quiz_snapshot_of(question, short)))

    interaction = files["items/item-1.xml"].find(f"{QTI}itemBody/{QTI}choiceInteraction")
    assert text_of(interaction.find(f"{QTI}prompt")) == "First line.\n\nThird line?"
    assert text_of(interaction.find(f"{QTI}simpleChoice")) == "Yes\n\nreally"
    paragraph = files["items/item-2.xml"].find(f"{QTI}itemBody/{QTI}p")
    assert text_of(paragraph) == "One.\n\nTwo?"


def test_qti_package_of_the_same_quiz_is_the_same_bytes():
    question = QuestionSnapshot(
        number=1, kind="short_answer", prompt="Why?", points=1, accepted_answers=("So",)
    )

    first, second = qti.render(quiz_snapshot_of(question)), qti.render(quiz_snapshot_of(question))

    assert first == second
