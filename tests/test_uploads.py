import io

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from quizzes.exceptions import ArticleInvalid
from quizzes.textfiles import MAX_UPLOAD_BYTES, html_to_text, text_from_upload

ARTICLE = "Marie Curie was born in Warsaw in 1867.\nShe moved to Paris in 1891."


def make_docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number, line in enumerate(lines):
        page.drawString(72, 750 - 20 * number, line)
    if not lines:
        page.rect(72, 600, 200, 100, fill=1)  # an image-like page with no text layer
    page.save()
    return buffer.getvalue()


def test_text_file_is_read_as_utf8():
    assert text_from_upload("curie.txt", ARTICLE.encode()) == ARTICLE


def test_word_file_gives_one_line_per_paragraph():
    data = make_docx(["Marie Curie was born in Warsaw in 1867.", "", "She moved to Paris in 1891."])

    assert text_from_upload("curie.docx", data) == ARTICLE


def test_pdf_text_layer_is_read():
    data = make_pdf(["Marie Curie was born in Warsaw in 1867.", "She moved to Paris in 1891."])

    text = text_from_upload("curie.PDF", data)

    assert "born in Warsaw in 1867" in text and "Paris in 1891" in text


def test_html_keeps_the_visible_text_and_drops_scripts_and_styles():
    html = (
        "<html><head><title>Tab</title><style>p{color:red}</style></head><body>"
        "<h1>Curie</h1><p>Born in <b>Warsaw</b> &amp; raised there.</p>"
        "<script>alert('x')</script><p>Moved to Paris.</p></body></html>"
    )

    assert html_to_text(html) == "Curie\nBorn in Warsaw & raised there.\nMoved to Paris."


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", make_pdf([]), "no text layer"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 not a word file", "not a readable Word"),
        ("notes.rtf", b"{\\rtf1 hello}", "cannot be read"),
        ("empty.txt", b"   \n", "empty"),
        ("empty.docx", make_docx([]), "no text"),
        ("latin.txt", "Café".encode("latin-1"), "not UTF-8"),
        ("huge.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "limit"),
    ],
    ids=["scanned", "corrupt-pdf", "corrupt-docx", "other-type", "empty", "empty-docx",
         "not-utf8", "too-large"],
)  # fmt: skip
def test_unusable_upload_gets_a_clear_message(name, data, message):
    with pytest.raises(ArticleInvalid, match=message):
        text_from_upload(name, data)
