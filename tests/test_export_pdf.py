import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.builders import make_quiz
from tests.commands import run_command


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.django_db
def test_export_pdf_writes_the_student_sheets_of_every_version_and_says_where(tmp_path):
    quiz = make_quiz(questions=4, join_code="EXPT23")
    output = tmp_path / "class-set.pdf"

    code, out, err = run_command("export_pdf", "expt-23", "--output", output, "--versions", "3")

    assert code == 0, err
    texts = page_texts(output)
    assert len(texts) == 3
    assert [text.count("Question ") for text in texts] == [4, 4, 4]
    assert all(quiz.title in text for text in texts)
    assert out.strip() == f"Wrote {output} (3 pages)."
    assert os.listdir(tmp_path) == ["class-set.pdf"]


@pytest.mark.django_db
def test_export_pdf_with_answer_key_writes_the_keys_of_the_same_versions(tmp_path):
    make_quiz(questions=4, join_code="EXPT24")
    sheets, keys = tmp_path / "sheets.pdf", tmp_path / "keys.pdf"

    run_command("export_pdf", "EXPT24", "--output", sheets, "--versions", "2", "--seed", "5")
    code, _, _ = run_command(
        "export_pdf", "EXPT24", "--output", keys, "--versions", "2", "--seed", "5", "--answer-key"
    )

    assert code == 0
    sheet_b, key_b = page_texts(sheets)[1], page_texts(keys)[1]
    assert "TEACHER'S COPY" in key_b
    assert "Answer key · Version B" in key_b
    for number in range(1, 5):
        letter, answer = key_b.split(f"\n{number}.\n")[1].split("\n")[0].split(" ", 1)
        assert f"\n{letter}\n{answer}\n" in sheet_b.split(f"\n{number}. ")[1]


@pytest.mark.django_db
def test_export_pdf_duplex_gives_each_one_page_version_a_blank_back(tmp_path):
    make_quiz(join_code="EXPT30")
    output = tmp_path / "class-set.pdf"

    code, out, _ = run_command(
        "export_pdf", "EXPT30", "--output", output, "--versions", "2", "--duplex"
    )

    assert code == 0
    assert out.strip() == f"Wrote {output} (4 pages)."
    assert ["left blank" in text for text in page_texts(output)] == [False, True, False, True]


@pytest.mark.django_db
def test_export_pdf_prints_on_letter_paper_when_asked(tmp_path):
    make_quiz(join_code="EXPT25")
    output = tmp_path / "sheet.pdf"

    code, _, _ = run_command("export_pdf", "EXPT25", "--output", output, "--page-size", "letter")

    assert code == 0
    assert [round(float(side)) for side in PdfReader(output).pages[0].mediabox[2:]] == [612, 792]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["NOPE99"], "There is no quiz with join code NOPE99."),
        (["EXPT26", "--versions", "0"], "between 1 and 100, not 0"),
        (["EXPT26", "--versions", "101"], "between 1 and 100, not 101"),
        (["EMPTY2"], "has no questions yet"),
    ],
)
def test_export_pdf_refuses_bad_input_with_one_line_and_writes_nothing(
    tmp_path, arguments, message
):
    quiz = make_quiz(join_code="EXPT26")
    make_quiz(questions=0, join_code="EMPTY2", owner=quiz.owner)

    code, out, err = run_command("export_pdf", *arguments, "--output", tmp_path / "out.pdf")

    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert os.listdir(tmp_path) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/out.pdf", "does not exist"),
        ("a-file.txt/out.pdf", "is a file, not a folder"),
        (".", "is a folder"),
    ],
)
def test_export_pdf_refuses_an_output_path_it_cannot_write(tmp_path, name, message):
    make_quiz(join_code="EXPT27")
    (tmp_path / "a-file.txt").write_text("notes")

    code, _, err = run_command("export_pdf", "EXPT27", "--output", tmp_path / name)

    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert sorted(os.listdir(tmp_path)) == ["a-file.txt"]


@pytest.mark.django_db
def test_export_pdf_leaves_no_temporary_file_when_the_write_fails(tmp_path, monkeypatch):
    make_quiz(join_code="EXPT28")

    def read_only_file_system(*args):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only_file_system)

    code, _, err = run_command("export_pdf", "EXPT28", "--output", tmp_path / "out.pdf")

    assert code == 1
    assert "Cannot write" in err and "Read-only file system" in err
    assert os.listdir(tmp_path) == []
