"""QTI 2.1 content package: a zip of one `assessmentItem` per question, a test that orders them,
and the `imsmanifest.xml` that lists every file, as Canvas, Blackboard and Brightspace import.
The article comes first as an item of its own with no interaction (Canvas shows it as a text
with no question), since QTI 2.1 has no shared stimulus.

The response-processing template URIs are identifiers the standard defines, not downloads.
"""

from __future__ import annotations

import io
import string
import xml.etree.ElementTree as ET
import zipfile

from quizzes.exports.common import article_paragraphs, lines, question_name, xml_text
from quizzes.snapshots import QuestionSnapshot, QuizSnapshot

CONTENT_TYPE = "application/zip"
EXTENSION = "qti.zip"

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_SCHEMA = f"{QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_SCHEMA = f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
MAP_RESPONSE = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"

MANIFEST_PATH = "imsmanifest.xml"
TEST_PATH = "assessment.xml"
TEST_IDENTIFIER = "assessment"
RESPONSE, SCORE = "RESPONSE", "SCORE"
# The test weighs each item's 0-or-1 score by the question's points under this name.
POINTS_WEIGHT = "POINTS"
# Wide enough for most answers; platforms size the text box from it.
MIN_EXPECTED_LENGTH = 15
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# A fixed date, so the same quiz always gives the same zip bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


ARTICLE_IDENTIFIER = "item-article"
ARTICLE_PATH = f"items/{ARTICLE_IDENTIFIER}.xml"
# Elements whose text is the content, where indentation would become part of it.
_MIXED = frozenset({"prompt", "simpleChoice", "p", "h2"})


def render(snapshot: QuizSnapshot) -> bytes:
    files = {item_path(question): _item(question) for question in snapshot.questions}
    if article_paragraphs(snapshot):
        files[ARTICLE_PATH] = _article_item(snapshot)
    files[TEST_PATH] = _test(snapshot)
    files[MANIFEST_PATH] = _manifest(snapshot)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # The manifest first, as some importers expect.
        for path in sorted(files, key=lambda path: path != MANIFEST_PATH):
            info = zipfile.ZipInfo(path, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, _xml_bytes(files[path]))
    return buffer.getvalue()


def item_identifier(question: QuestionSnapshot) -> str:
    return f"item-{question.number}"


def item_path(question: QuestionSnapshot) -> str:
    return f"items/{item_identifier(question)}.xml"


def choice_identifier(index: int) -> str:
    """A, B, C … as students see them; past Z, CHOICE-27 and on (identifiers must be unique)."""
    letters = string.ascii_uppercase
    return letters[index] if index < len(letters) else f"CHOICE-{index + 1}"


def _xml_bytes(root: ET.Element) -> bytes:
    _indent(root)
    return XML_DECLARATION + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def _indent(element: ET.Element, level: int = 0) -> None:
    """ElementTree's indentation, except inside elements that hold text with line breaks:
    there it would put white space into an empty line of the text."""
    if element.tag in _MIXED or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = inner
    for child in element:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = inner
    child.tail = "\n" + "  " * level


def _article_item(snapshot: QuizSnapshot) -> ET.Element:
    """The article as an item to read: its title and paragraphs, nothing to answer."""
    item = _item_root(ARTICLE_IDENTIFIER, title=snapshot.article_title or "Article")
    body = ET.SubElement(item, "itemBody")
    if snapshot.article_title.strip():
        _append_lines(ET.SubElement(body, "h2"), snapshot.article_title)
    for paragraph in article_paragraphs(snapshot):
        _append_lines(ET.SubElement(body, "p"), paragraph)
    return item


def _item_root(identifier: str, *, title: str) -> ET.Element:
    return _root(
        "assessmentItem",
        namespace=QTI_NS,
        schema=QTI_SCHEMA,
        identifier=identifier,
        title=xml_text(title),
        adaptive="false",
        timeDependent="false",
    )


def _root(tag: str, *, namespace: str, schema: str, **attributes: str) -> ET.Element:
    # Written as plain attributes so ElementTree's global prefix registry stays untouched.
    return ET.Element(
        tag,
        {"xmlns": namespace, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": schema, **attributes},
    )


def _item(question: QuestionSnapshot) -> ET.Element:
    item = _item_root(item_identifier(question), title=question_name(question))
    if question.is_multiple_choice:
        _choice_item(item, question)
    else:
        _text_entry_item(item, question)
    return item


def _choice_item(item: ET.Element, question: QuestionSnapshot) -> None:
    declaration = ET.SubElement(
        item,
        "responseDeclaration",
        identifier=RESPONSE,
        cardinality="single",
        baseType="identifier",
    )
    correct = ET.SubElement(declaration, "correctResponse")
    for index, choice in enumerate(question.choices):
        if choice.is_correct:
            ET.SubElement(correct, "value").text = choice_identifier(index)
    _score_declaration(item)
    body = ET.SubElement(item, "itemBody")
    interaction = ET.SubElement(
        body, "choiceInteraction", responseIdentifier=RESPONSE, shuffle="true", maxChoices="1"
    )
    _append_lines(ET.SubElement(interaction, "prompt"), question.prompt)
    for index, choice in enumerate(question.choices):
        option = ET.SubElement(interaction, "simpleChoice", identifier=choice_identifier(index))
        _append_lines(option, choice.text)
    ET.SubElement(item, "responseProcessing", template=MATCH_CORRECT)


def _text_entry_item(item: ET.Element, question: QuestionSnapshot) -> None:
    answers = _distinct_answers(question.accepted_answers)
    declaration = ET.SubElement(
        item, "responseDeclaration", identifier=RESPONSE, cardinality="single", baseType="string"
    )
    if answers:
        ET.SubElement(ET.SubElement(declaration, "correctResponse"), "value").text = answers[0]
    mapping = ET.SubElement(declaration, "mapping", defaultValue="0")
    for answer in answers:
        ET.SubElement(mapping, "mapEntry", mapKey=answer, mappedValue="1", caseSensitive="false")
    _score_declaration(item)
    body = ET.SubElement(item, "itemBody")
    _append_lines(ET.SubElement(body, "p"), question.prompt)
    expected = max([MIN_EXPECTED_LENGTH, *(len(answer) for answer in answers)])
    ET.SubElement(
        ET.SubElement(body, "p"),
        "textEntryInteraction",
        responseIdentifier=RESPONSE,
        expectedLength=str(expected),
    )
    ET.SubElement(item, "responseProcessing", template=MAP_RESPONSE)


def _distinct_answers(answers: tuple[str, ...]) -> list[str]:
    """One map entry per answer regardless of case: the mapping is case-insensitive, and a key
    given twice makes the item invalid."""
    seen: dict[str, str] = {}
    for answer in answers:
        text = xml_text(answer.strip())
        if text:
            seen.setdefault(text.casefold(), text)
    return list(seen.values())


def _score_declaration(item: ET.Element) -> None:
    score = ET.SubElement(
        item, "outcomeDeclaration", identifier=SCORE, cardinality="single", baseType="float"
    )
    ET.SubElement(ET.SubElement(score, "defaultValue"), "value").text = "0"


def _append_lines(element: ET.Element, text: str) -> None:
    """The text inside `element`, each line break a `<br/>`, every character escaped."""
    first, *rest = lines(xml_text(text.strip()))
    element.text = first
    for line in rest:
        ET.SubElement(element, "br").tail = line


def _test(snapshot: QuizSnapshot) -> ET.Element:
    test = _root(
        "assessmentTest",
        namespace=QTI_NS,
        schema=QTI_SCHEMA,
        identifier=TEST_IDENTIFIER,
        title=xml_text(snapshot.title),
    )
    total = ET.SubElement(
        test, "outcomeDeclaration", identifier=SCORE, cardinality="single", baseType="float"
    )
    ET.SubElement(ET.SubElement(total, "defaultValue"), "value").text = "0"
    part = ET.SubElement(
        test,
        "testPart",
        identifier="part-1",
        navigationMode="nonlinear",
        submissionMode="simultaneous",
    )
    section = ET.SubElement(
        part,
        "assessmentSection",
        identifier="section-1",
        title=xml_text(snapshot.title),
        visible="true",
    )
    if article_paragraphs(snapshot):
        ET.SubElement(
            section, "assessmentItemRef", identifier=ARTICLE_IDENTIFIER, href=ARTICLE_PATH
        )
    for question in snapshot.questions:
        reference = ET.SubElement(
            section,
            "assessmentItemRef",
            identifier=item_identifier(question),
            href=item_path(question),
        )
        ET.SubElement(reference, "weight", identifier=POINTS_WEIGHT, value=str(question.points))
    processing = ET.SubElement(test, "outcomeProcessing")
    setter = ET.SubElement(processing, "setOutcomeValue", identifier=SCORE)
    ET.SubElement(
        ET.SubElement(setter, "sum"),
        "testVariables",
        variableIdentifier=SCORE,
        weightIdentifier=POINTS_WEIGHT,
    )
    return test


def _manifest(snapshot: QuizSnapshot) -> ET.Element:
    manifest = _root(
        "manifest",
        namespace=CP_NS,
        schema=CP_SCHEMA,
        identifier=f"manifest-{snapshot.join_code or 'quiz'}",
    )
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    test = ET.SubElement(
        resources, "resource", identifier=TEST_IDENTIFIER, type=TEST_TYPE, href=TEST_PATH
    )
    ET.SubElement(test, "file", href=TEST_PATH)
    items = [(item_identifier(question), item_path(question)) for question in snapshot.questions]
    if article_paragraphs(snapshot):
        items.insert(0, (ARTICLE_IDENTIFIER, ARTICLE_PATH))
    for identifier, _ in items:
        ET.SubElement(test, "dependency", identifierref=identifier)
    for identifier, path in items:
        resource = ET.SubElement(
            resources, "resource", identifier=identifier, type=ITEM_TYPE, href=path
        )
        ET.SubElement(resource, "file", href=path)
    return manifest
