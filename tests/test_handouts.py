"""Handouts are checked by reading the PDFs back with pypdf, as a printer would see them."""

import io
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizzes.handouts import (
    HandoutError,
    answer_keys_pdf,
    class_set,
    handout_filename,
    student_sheets_pdf,
    version_letter,
    write_atomically,
)
from quizzes.snapshots import (
    MULTIPLE_CHOICE,
    SHORT_ANSWER,
    ChoiceSnapshot,
    QuestionSnapshot,
    QuizSnapshot,
    split_paragraphs,
)

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)
PASSAGE = (
    "Marie Curie was born in Warsaw in 1867.\n"
    "She moved to Paris in 1891 to study physics.\n"
    "In 1903 she shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel."
)
LONG_PARAGRAPH = " ".join(["The laboratory was a converted shed with a leaking glass roof."] * 8)


def question(number: int, *, choices: int = 4, prompt: str | None = None) -> QuestionSnapshot:
    return QuestionSnapshot(
        number=number,
        kind=MULTIPLE_CHOICE,
        prompt=prompt or f"Question {number}: what happened?",
        points=1,
        choices=(
            ChoiceSnapshot(text=f"Right {number}", is_correct=True),
            *(
                ChoiceSnapshot(text=f"Wrong {number}{letter}", is_correct=False)
                for letter in "bcdefg"[: choices - 1]
            ),
        ),
        accepted_answers=(f"Right {number}",),
        paragraph=1 + (number - 1) % 3,
    )


def short_answer(number: int, *answers: str, paragraph: int | None = 2) -> QuestionSnapshot:
    return QuestionSnapshot(
        number=number,
        kind=SHORT_ANSWER,
        prompt=f"Question {number}: where did she study?",
        points=2,
        accepted_answers=answers,
        paragraph=paragraph,
    )


def quiz(
    *questions: QuestionSnapshot,
    text: str = PASSAGE,
    title: str = "Quiz on Marie Curie",
    count: int = 3,
) -> QuizSnapshot:
    return QuizSnapshot(
        title=title,
        join_code="CURIE7",
        article_title="Marie Curie",
        article_source="",
        article_text=text,
        paragraphs=split_paragraphs(text),
        questions=questions or tuple(question(number) for number in range(1, count + 1)),
    )


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flowing(data: bytes) -> str:
    """All the text with line breaks as spaces, to find sentences that wrap across lines."""
    return " ".join(" ".join(pages(data)).split())


def text_by_version(data: bytes) -> dict[str, str]:
    """Each version's pages joined, found by the label in every page's footer."""
    versions: dict[str, str] = {}
    for text in pages(data):
        letter = re.search(r"^(?:Answer key · )?Version ([A-Z]+)$", text, re.MULTILINE).group(1)
        versions[letter] = versions.get(letter, "") + text
    return versions


def sheet_choices(text: str) -> dict[tuple[int, str], str]:
    """(question number, letter) -> choice text, read from a sheet's lines."""
    found, number, lines = {}, None, text.splitlines()
    for index, line in enumerate(lines):
        if heading := re.match(r"^(\d+)\. ", line):
            number = int(heading.group(1))
        elif number and re.fullmatch(r"[A-Z]", line) and index + 1 < len(lines):
            found[number, line] = lines[index + 1]
    return found


def sheet_prompts(text: str) -> dict[int, str]:
    return {int(number): prompt for number, prompt in re.findall(r"^(\d+)\. (.+)$", text, re.M)}


def key_rows(text: str) -> list[tuple[int, str, str]]:
    return [
        (int(number), letter, answer)
        for number, letter, answer in re.findall(r"^(\d+)\.\n([A-Z]) (.+)$", text, re.M)
    ]


def test_a_student_sheet_shows_the_title_the_passage_every_prompt_and_every_choice():
    snapshot = quiz(question(1), question(2), short_answer(3, "Paris"))

    sheet = pages(student_sheets_pdf(snapshot).data)

    text = "\n".join(sheet)
    assert len(sheet) == 1
    assert "Quiz on Marie Curie" in text
    for line in ("Name", "Class", "Date"):
        assert line in text.splitlines()
    for number, paragraph in enumerate(split_paragraphs(PASSAGE), start=1):
        assert f"{number} {paragraph}" in text
    for item in snapshot.questions:
        assert f"{item.number}. {item.prompt}" in text
        for choice in item.choices:
            assert choice.text in text.splitlines()


def test_every_page_carries_its_version_label_and_its_number_within_the_version():
    snapshot = quiz(text="\n".join([LONG_PARAGRAPH] * 10), count=12)

    sheet = pages(student_sheets_pdf(snapshot, versions=3, seed=1).data)

    footers = [re.findall(r"^Version ([A-Z])$|^(\d+) / (\d+)$", text, re.M) for text in sheet]
    labels = [(found[0][0], int(found[1][1]), int(found[1][2])) for found in footers]
    per_version = len(sheet) // 3
    assert per_version >= 2
    assert labels == [
        (letter, page, per_version) for letter in "ABC" for page in range(1, per_version + 1)
    ]


def test_each_version_starts_on_a_new_page_with_its_own_header():
    snapshot = quiz()

    sheet = pages(student_sheets_pdf(snapshot, versions=3).data)

    assert len(sheet) == 3
    for letter, text in zip("ABC", sheet, strict=True):
        assert text.startswith("Quiz on Marie Curie\n")
        assert f"Version {letter}" in text
        assert "Name\nClass\nDate" in text


def test_the_key_of_each_version_points_to_the_right_choice_on_that_versions_sheet():
    snapshot = quiz(count=6)
    right = {item.prompt: item.answer for item in snapshot.questions}

    sheets = text_by_version(student_sheets_pdf(snapshot, versions=3, seed=4).data)
    keys = text_by_version(answer_keys_pdf(snapshot, versions=3, seed=4).data)

    assert sorted(sheets) == sorted(keys) == ["A", "B", "C"]
    for letter in "ABC":
        prompts, choices, rows = (
            sheet_prompts(sheets[letter]),
            sheet_choices(sheets[letter]),
            key_rows(keys[letter]),
        )
        assert [number for number, _, _ in rows] == list(range(1, 7))
        for number, key_letter, key_text in rows:
            assert choices[number, key_letter] == right[prompts[number]] == key_text


def test_the_versions_of_a_class_set_put_the_right_answers_under_different_letters():
    snapshot = quiz(count=6)

    keys = text_by_version(answer_keys_pdf(snapshot, versions=3, seed=4).data)

    letters = {version: [row[1] for row in key_rows(text)] for version, text in keys.items()}
    assert letters["A"] != letters["B"] != letters["C"] != letters["A"]


def test_an_answer_key_is_marked_as_the_teachers_copy_on_its_own_pages():
    snapshot = quiz()

    key = pages(answer_keys_pdf(snapshot, versions=2).data)

    assert len(key) == 2
    for letter, text in zip("AB", key, strict=True):
        assert "TEACHER'S COPY" in text
        assert f"Answer key · Version {letter}" in text


def test_the_key_gives_a_short_answers_accepted_wordings_and_the_paragraph_to_look_in():
    snapshot = quiz(short_answer(1, "Paris", "paris", "the city of Paris", paragraph=2))

    key = pages(answer_keys_pdf(snapshot).data)[0]

    assert "1.\nWritten: Paris\nalso accepted: the city of Paris\n¶ 2\n2" in key


def test_double_sided_printing_gives_a_one_page_version_a_blank_back():
    snapshot = quiz()

    handout = student_sheets_pdf(snapshot, versions=3, duplex=True)

    sheet = pages(handout.data)
    assert handout.page_count == len(sheet) == 6
    assert [text.startswith("Quiz on Marie Curie") for text in sheet] == [True, False] * 3
    assert [text.splitlines() for text in sheet[1::2]] == [
        ["This page is left blank for double-sided printing.", f"Version {letter}"]
        for letter in "ABC"
    ]


def test_double_sided_printing_adds_nothing_to_a_version_with_an_even_page_count():
    snapshot = quiz(text="\n".join([LONG_PARAGRAPH] * 6), count=6)
    single = student_sheets_pdf(snapshot, versions=2)

    double = student_sheets_pdf(snapshot, versions=2, duplex=True)

    assert single.page_count == 4
    assert double.page_count == 4
    assert "left blank" not in flowing(double.data)


def test_the_key_lists_every_choice_a_teacher_marked_right():
    two_right = replace(
        question(1),
        choices=(
            ChoiceSnapshot(text="Warsaw", is_correct=True),
            ChoiceSnapshot(text="Paris", is_correct=False),
            ChoiceSnapshot(text="Varsovie", is_correct=True),
        ),
    )

    key = pages(answer_keys_pdf(quiz(two_right)).data)[0]

    assert key_rows(key) == [(1, "A", "Warsaw")]
    assert "\nA Warsaw\nC Varsovie\n" in key


def test_version_a_keeps_the_quiz_order_and_later_versions_shuffle():
    snapshot = quiz(count=8)

    versions = class_set(snapshot, versions=2, seed=0)

    assert versions[0].questions == snapshot.questions
    assert [item.prompt for item in versions[1].questions] != [
        item.prompt for item in snapshot.questions
    ]
    assert [item.number for item in versions[1].questions] == list(range(1, 9))


def test_the_same_seed_prints_the_same_class_set_byte_for_byte():
    snapshot = quiz(count=5)

    first = student_sheets_pdf(snapshot, versions=3, seed=11).data
    second = student_sheets_pdf(snapshot, versions=3, seed=11).data

    assert first == second


def test_another_seed_shuffles_the_later_versions_differently():
    snapshot = quiz(count=8)

    one = class_set(snapshot, versions=3, seed=1)
    other = class_set(snapshot, versions=3, seed=2)

    assert one[0] == other[0]
    assert one[1:] != other[1:]


def test_versions_differ_from_each_other_even_when_the_quiz_allows_few_orders():
    # Two questions with two choices each: 2 question orders times 2 ways to put one right
    # answer at A and the other at B make 4 evenly spread layouts, besides the quiz's own.
    snapshot = quiz(question(1, choices=2), question(2, choices=2))

    versions = class_set(snapshot, versions=5, seed=0)

    layouts = {
        tuple((item.prompt, tuple(c.text for c in item.choices)) for item in version.questions)
        for version in versions
    }
    assert len(layouts) == 5


def test_version_letters_go_on_past_z_like_spreadsheet_columns():
    letters = [version_letter(index) for index in (0, 1, 25, 26, 27, 51, 52, 99)]

    assert letters == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "CV"]


def test_cyrillic_greek_accents_curly_quotes_and_dashes_survive_a_round_trip():
    words = "Москва — «Ёжик»; Αθήνα – Ελλάδα; Crème brûlée, naïve façade; “quoted” ‘single’ Straße"
    snapshot = quiz(
        replace(question(1), prompt=f"Which is right? {words}"),
        text=f"{words}\nПервый абзац.",
        title="Тест: Москва",
    )

    text = flowing(student_sheets_pdf(snapshot).data)

    assert f"1 {words}" in text
    assert f"1. Which is right? {words}" in text
    assert "2 Первый абзац." in text
    assert "Тест: Москва" in text


def test_markup_in_the_article_prompts_and_choices_prints_literally():
    markup = "Tags <b>bold</b> & <font size=40>big</font> <para>x</para> ]]> &amp; <br/>"
    snapshot = quiz(
        replace(
            question(1),
            prompt=f"Prompt {markup}",
            choices=(ChoiceSnapshot(text=f"<i>{markup[:20]}", is_correct=True),),
        ),
        text=f"{markup}\nSecond & last <p>",
    )

    sheet = flowing(student_sheets_pdf(snapshot).data)
    key = flowing(answer_keys_pdf(snapshot).data)

    assert f"1 {markup}" in sheet
    assert "2 Second & last <p>" in sheet
    assert f"1. Prompt {markup}" in sheet
    assert f"<i>{markup[:20]}" in sheet
    assert f"A <i>{markup[:20]}" in key


def test_a_question_is_never_split_from_its_choices_across_a_page_break():
    long_prompt = " ".join(["A long question about the passage that wraps over several lines."] * 4)
    snapshot = quiz(
        *(
            replace(
                question(number),
                prompt=f"Start{number} {long_prompt}",
                choices=tuple(
                    ChoiceSnapshot(
                        text=f"{long_prompt[:70]} choice{number}{letter}", is_correct=False
                    )
                    for letter in "abcd"
                ),
            )
            for number in range(1, 16)
        ),
        text=LONG_PARAGRAPH,
    )

    sheet = pages(student_sheets_pdf(snapshot).data)

    def page_of(needle: str) -> int:
        return next(index for index, text in enumerate(sheet) if needle in text)

    assert len(sheet) >= 3
    for number in range(1, 16):
        assert page_of(f"{number}. Start{number} ") == page_of(f"choice{number}d")


def test_letter_paper_is_an_option_and_a4_the_default():
    snapshot = quiz()

    default = PdfReader(io.BytesIO(student_sheets_pdf(snapshot).data)).pages[0]
    letter = PdfReader(io.BytesIO(student_sheets_pdf(snapshot, page_size="letter").data)).pages[0]

    assert tuple(round(float(side)) for side in default.mediabox[2:]) == A4_POINTS
    assert tuple(round(float(side)) for side in letter.mediabox[2:]) == LETTER_POINTS


def test_a_quiz_without_questions_cannot_be_printed():
    snapshot = replace(quiz(), questions=())

    with pytest.raises(HandoutError, match="no questions"):
        student_sheets_pdf(snapshot)


@pytest.mark.parametrize("versions", [0, -1, 101])
def test_a_class_set_needs_between_one_and_a_hundred_versions(versions):
    snapshot = quiz()

    with pytest.raises(HandoutError, match="between 1 and 100"):
        answer_keys_pdf(snapshot, versions=versions)


def test_an_unknown_page_size_is_refused_with_the_known_ones():
    snapshot = quiz()

    with pytest.raises(HandoutError, match="A4, LETTER"):
        student_sheets_pdf(snapshot, page_size="legal")


def test_writing_a_handout_replaces_the_file_and_leaves_nothing_else(tmp_path: Path):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")

    write_atomically(target, b"%PDF-new")

    assert target.read_bytes() == b"%PDF-new"
    assert os.listdir(tmp_path) == ["sheet.pdf"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)

    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"%PDF-new")

    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["sheet.pdf"]


@pytest.mark.parametrize(
    ("title", "answer_key", "versions", "expected"),
    [
        ("Quiz on Marie Curie", False, 1, "quiz-on-marie-curie-student-sheet.pdf"),
        ("Quiz on Marie Curie", True, 1, "quiz-on-marie-curie-answer-key.pdf"),
        ("Quiz on Marie Curie", False, 3, "quiz-on-marie-curie-class-set-3-versions.pdf"),
        ("Quiz on Marie Curie", True, 3, "quiz-on-marie-curie-answer-keys-3-versions.pdf"),
        ("Тест: Москва", False, 1, "curie7-student-sheet.pdf"),
    ],
)
def test_download_names_say_what_the_file_holds(title, answer_key, versions, expected):
    snapshot = quiz(title=title)

    name = handout_filename(snapshot, answer_key=answer_key, versions=versions)

    assert name == expected
