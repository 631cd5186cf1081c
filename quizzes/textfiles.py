"""Reading an article from a file, with a clear message for every file that is not usable text."""

from __future__ import annotations

import io
import logging
import struct
import time
import zipfile
import zlib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as etree
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as defused_etree
from defusedxml.expatreader import create_parser
from pypdf import PdfReader, apply_configuration
from pypdf.errors import PyPdfError

from quizzes.exceptions import ArticleInvalid
from quizzes.generation.types import MAX_WORDS

logger = logging.getLogger(__name__)

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

# Budgets for reading an uploaded file. Each is far above what a real article of MAX_WORDS words
# needs and far below what would hold a worker for long or take hundreds of megabytes.
# A word averages six characters with its space; five times that leaves room for tables, lists
# and captions, and anything past it is refused before the word count is even taken.
MAX_TEXT_CHARACTERS = MAX_WORDS * 6 * 5
# CPU seconds one file may take to read: what it costs, whatever else the machine is doing.
MAX_READ_SECONDS = 10
# Seconds in all, on a machine so busy that the reading gets little of the CPU; kept under
# gunicorn's 30-second worker timeout, so the teacher gets a message and not a dropped request.
MAX_READ_WAIT_SECONDS = 25
READ_CHUNK_BYTES = 64 * 1024
CHECK_EVERY_EVENTS = 10_000
# .docx: a zip package of XML parts. Word writes a few dozen parts; heavy formatting makes the
# text part of a 20,000-word article about 5 MB, and XML packs about 10 to 1 (images not at all).
MAX_DOCX_MEMBERS = 1_000
MAX_DOCX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_DOCX_XML_BYTES = 25 * 1024 * 1024
MAX_RELATIONSHIPS_BYTES = 1024 * 1024
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_BYTES = 1024 * 1024
# Blank paragraphs for spacing come on top of one per line of text.
MAX_DOCX_PARAGRAPHS = 50_000
# Word nests tables in tables a few levels; a tree thousands deep is built to exhaust memory.
MAX_XML_DEPTH = 200
PACKAGE_RELATIONSHIPS = "_rels/.rels"
DEFAULT_MAIN_PART = "word/document.xml"
OFFICE_DOCUMENT_RELATIONSHIP = "/officeDocument"
WORD_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO "strict" Word files
    }
)
# Elements that stand for a character in a paragraph's text, as Word shows it.
DOCX_TEXT_TAGS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# .pdf: an article is tens of pages; pypdf's own limits, tightened to what such a file needs.
MAX_PDF_PAGES = 300
MAX_PDF_STREAM_BYTES = 16 * 1024 * 1024
PDF_LIMITS = {
    "maximum_declared_stream_length": MAX_PDF_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "zlib_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "image_maximum_buffer_size": MAX_PDF_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_PDF_STREAM_BYTES,
    "stream_parsing_work_maximum_count": 500_000,
    "page_tree_maximum_entries": 10 * MAX_PDF_PAGES,
    "page_tree_maximum_page_entries": 100 * MAX_PDF_PAGES,
    "xform_maximum_invocations_per_extraction": 500,
}
# pypdf reports damage in many ways; these are the ones damaged and hostile files reach.
PDF_DAMAGE = (
    PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
    ArithmeticError, struct.error, zlib.error,
)  # fmt: skip
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


class ReadBudget:
    """The time one upload may take to read; past it the file is refused, not read on.

    What counts is the CPU the reading thread spends, so a file is accepted or refused alike on
    an idle machine and while a class submits; time spent waiting for the CPU counts only
    against the ceiling.
    """

    def __init__(
        self,
        *,
        name: str,
        cpu_clock: Callable[[], float] = time.thread_time,
        wall_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.cpu_clock = cpu_clock
        self.wall_clock = wall_clock
        self.cpu_deadline = cpu_clock() + MAX_READ_SECONDS
        self.wall_deadline = wall_clock() + MAX_READ_WAIT_SECONDS

    def check(self) -> None:
        if self.cpu_clock() > self.cpu_deadline:
            raise ArticleInvalid(
                f"{self.name} takes too long to read (over {MAX_READ_SECONDS} seconds): "
                "save it again as a simpler file, or paste the text."
            )
        if self.wall_clock() > self.wall_deadline:
            raise ArticleInvalid(
                f"{self.name} could not be read within {MAX_READ_WAIT_SECONDS} seconds: the "
                "site is busy. Try again in a few minutes, or paste the text."
            )


class _LimitedReader:
    """A zip member read a chunk at a time, refused as soon as it outgrows its byte budget, so
    a small file that unpacks to gigabytes never reaches memory."""

    def __init__(self, member: IO[bytes], *, limit: int, budget: ReadBudget) -> None:
        self.member = member
        self.limit = limit
        self.budget = budget
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        self.budget.check()
        chunk = self.member.read(READ_CHUNK_BYTES if size < 0 else min(size, READ_CHUNK_BYTES))
        self.total += len(chunk)
        if self.total > self.limit:
            raise ArticleInvalid(
                f"{self.budget.name} unpacks to more than {self.limit:,} bytes of text markup; "
                f"the limit is about {MAX_WORDS:,} words. Split it, or paste the text."
            )
        return chunk


def _unreadable_docx(name: str) -> ArticleInvalid:
    return ArticleInvalid(f"{name} is not a readable Word (.docx) file.")


def _open_docx(data: bytes, *, name: str) -> zipfile.ZipFile:
    """The .docx package, after its directory says it is small enough to unpack."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _unreadable_docx(name) from None
    if len(members) > MAX_DOCX_MEMBERS:
        raise ArticleInvalid(
            f"{name} holds {len(members):,} parts; a Word file has at most {MAX_DOCX_MEMBERS:,}."
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise ArticleInvalid(
            f"{name} unpacks to {unpacked:,} bytes; the limit is {MAX_DOCX_UNPACKED_BYTES:,}."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECKED_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise ArticleInvalid(
                f"{name} is packed {ratio:,.0f} to 1, far more than any Word file: "
                "it looks like a zip bomb and is not read."
            )
    return package


def _main_part(package: zipfile.ZipFile, *, budget: ReadBudget) -> str:
    """The document part named by the package's relationships (word/document.xml in practice)."""
    try:
        with package.open(PACKAGE_RELATIONSHIPS) as member:
            reader = _LimitedReader(member, limit=MAX_RELATIONSHIPS_BYTES, budget=budget)
            root = defused_etree.parse(
                reader, forbid_dtd=True, forbid_entities=True, forbid_external=True
            ).getroot()
    except KeyError:
        return DEFAULT_MAIN_PART
    for relationship in root:
        if relationship.get("Type", "").endswith(OFFICE_DOCUMENT_RELATIONSHIP):
            return relationship.get("Target", DEFAULT_MAIN_PART).lstrip("/")
    return DEFAULT_MAIN_PART


class _WordText(ContentHandler):
    """Every paragraph's text, gathered from a stream of parser events: no tree is built, so
    memory holds the text so far and nothing else, whatever the file's shape."""

    def __init__(self, *, budget: ReadBudget) -> None:
        super().__init__()
        self.budget = budget
        self.paragraphs: list[str] = []
        self.open_paragraphs: list[list[str]] = []
        self.depth = self.events = self.characters_read = 0
        self.in_text = False

    def startElementNS(self, name: tuple[str | None, str], qname, attrs) -> None:
        self._count()
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise ArticleInvalid(
                f"{self.budget.name} has elements nested more than {MAX_XML_DEPTH} deep: "
                "Word never writes that. Save it again, or paste the text."
            )
        namespace, tag = name
        if namespace not in WORD_NAMESPACES:
            return
        if tag == "p":
            if len(self.paragraphs) + len(self.open_paragraphs) >= MAX_DOCX_PARAGRAPHS:
                raise ArticleInvalid(
                    f"{self.budget.name} has more than {MAX_DOCX_PARAGRAPHS:,} paragraphs: "
                    "not an article. Split it, or paste the text."
                )
            self.open_paragraphs.append([])
        elif tag == "t":
            self.in_text = True
        elif tag in DOCX_TEXT_TAGS:
            self._add(DOCX_TEXT_TAGS[tag])

    def endElementNS(self, name: tuple[str | None, str], qname) -> None:
        self.depth -= 1
        namespace, tag = name
        if namespace not in WORD_NAMESPACES:
            return
        if tag == "p" and self.open_paragraphs:
            self.paragraphs.append("".join(self.open_paragraphs.pop()))
        elif tag == "t":
            self.in_text = False

    def characters(self, content: str) -> None:
        if self.in_text:
            self._add(content)

    def _add(self, piece: str) -> None:
        if not self.open_paragraphs:
            return
        self.characters_read += len(piece)
        if self.characters_read > MAX_TEXT_CHARACTERS:
            raise _too_much_text(self.budget.name)
        self.open_paragraphs[-1].append(piece)

    def _count(self) -> None:
        self.events += 1
        if self.events % CHECK_EVERY_EVENTS == 0:
            self.budget.check()


def _paragraphs(source: _LimitedReader, *, budget: ReadBudget) -> list[str]:
    handler = _WordText(budget=budget)
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    while chunk := source.read():
        parser.feed(chunk)
    parser.close()
    return handler.paragraphs


def _too_much_text(name: str) -> ArticleInvalid:
    return ArticleInvalid(
        f"{name} holds more than {MAX_TEXT_CHARACTERS:,} characters of text; the limit is "
        f"about {MAX_WORDS:,} words. Split it into shorter parts."
    )


def _docx_text(data: bytes, *, name: str) -> str:
    budget = ReadBudget(name=name)
    package = _open_docx(data, name=name)
    try:
        main = _main_part(package, budget=budget)
        member = package.getinfo(main)
        if member.file_size > MAX_DOCX_XML_BYTES:
            raise ArticleInvalid(
                f"{name}'s text part unpacks to {member.file_size:,} bytes; the limit is "
                f"{MAX_DOCX_XML_BYTES:,} (about {MAX_WORDS:,} words)."
            )
        with package.open(member) as stream:
            reader = _LimitedReader(stream, limit=MAX_DOCX_XML_BYTES, budget=budget)
            paragraphs = _paragraphs(reader, budget=budget)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError):
        raise _unreadable_docx(name) from None
    except (etree.ParseError, SAXParseException) as error:
        raise ArticleInvalid(
            f"{name} is not a readable Word (.docx) file: its text is damaged ({error})."
        ) from None
    except DefusedXmlException:
        raise ArticleInvalid(
            f"{name} declares its own XML entities, which Word never writes: it is not read."
        ) from None
    return "\n".join(p.strip() for p in paragraphs if p.strip())


def _pdf_text(data: bytes, *, name: str) -> str:
    budget = ReadBudget(name=name)
    pages: list[str] = []
    characters = 0
    try:
        with apply_configuration(**PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise ArticleInvalid(f"{name} is password-protected: save an unprotected copy.")
            count = len(reader.pages)
            if count > MAX_PDF_PAGES:
                raise ArticleInvalid(
                    f"{name} has {count:,} pages; the limit is {MAX_PDF_PAGES:,}. "
                    "Upload the article's pages only."
                )
            for page in reader.pages:
                budget.check()
                text = page.extract_text() or ""
                characters += len(text)
                if characters > MAX_TEXT_CHARACTERS:
                    raise _too_much_text(name)
                pages.append(text)
    except PDF_DAMAGE as error:
        logger.info("unreadable PDF %s: %s", name, error)
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
