"""Reading an article from a file, with a clear message for every file that is not usable text."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from quizzes.exceptions import ArticleInvalid
from quizzes.generation.types import MAX_WORDS

# A 20,000-word text is about 130 KB; anything far larger is not an article and is not read whole.
MAX_FILE_BYTES = 2 * 1024 * 1024


def decode_text(data: bytes, *, name: str) -> str:
    if b"\x00" in data:
        raise ArticleInvalid(f"{name} is a binary file, not text. Save the article as plain text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleInvalid(
            f"{name} is not UTF-8 text (byte {error.start} cannot be read). "
            "Save it as UTF-8 and try again."
        ) from None
    if not text.strip():
        raise ArticleInvalid(f"{name} is empty: there is no text to make a quiz from.")
    return text


def read_text_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ArticleInvalid(f"{path} is a folder, not a text file.")
        if size > MAX_FILE_BYTES:
            raise ArticleInvalid(
                f"{path} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes "
                f"(about {MAX_WORDS:,} words)."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleInvalid(f"{path} does not exist.") from None
    except PermissionError:
        raise ArticleInvalid(f"{path} cannot be read (permission denied).") from None
    return decode_text(data, name=str(path))


# Word and PDF files carry fonts and images: the same article is several times its text's size.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_TYPES = (".txt", ".html", ".htm", ".docx", ".pdf")
# Elements whose text is not part of the article.
SKIPPED_HTML = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
BLOCK_HTML = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "section", "article", "header", "footer", "pre", "table", "ul", "ol", "dd", "dt"}
)  # fmt: skip


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED_HTML:
            self._skipping += 1
        elif tag in BLOCK_HTML:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_HTML and self._skipping:
            self._skipping -= 1
        elif tag in BLOCK_HTML:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text, one paragraph per line; scripts, styles and the head are dropped."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _docx_text(data: bytes, *, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ArticleInvalid(f"{name} is not a readable Word (.docx) file.") from None
    return "\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())


def _pdf_text(data: bytes, *, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ArticleInvalid(f"{name} is password-protected: save an unprotected copy.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise ArticleInvalid(f"{name} is not a readable PDF file.") from None
    text = "\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise ArticleInvalid(
            f"{name} has no text layer (a scanned PDF?). Copy the text from it, or run it "
            "through text recognition first."
        )
    return text


def text_from_upload(name: str, data: bytes) -> str:
    """The article's text from an uploaded .txt, .html, .docx or .pdf file."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise ArticleInvalid(
            f"{name}: this type of file cannot be read. Upload {', '.join(UPLOAD_TYPES)}, "
            "or paste the text."
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise ArticleInvalid(
            f"{name} is {len(data):,} bytes; the limit is {MAX_UPLOAD_BYTES:,} bytes."
        )
    if not data.strip():
        raise ArticleInvalid(f"{name} is empty: there is no text to make a quiz from.")
    if suffix == ".docx":
        text = _docx_text(data, name=name)
    elif suffix == ".pdf":
        text = _pdf_text(data, name=name)
    elif suffix in (".html", ".htm"):
        text = html_to_text(decode_text(data, name=name))
    else:
        text = decode_text(data, name=name)
    if not text.strip():
        raise ArticleInvalid(f"{name} has no text in it.")
    return text
