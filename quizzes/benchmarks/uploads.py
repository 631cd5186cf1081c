"""Article files for the upload tests and benchmarks: the largest file the site accepts, and
hostile or damaged ones it must refuse with a message, each built here from nothing.

The .docx files are written byte by byte, so a part can be as damaged or as packed as an
attacker would make it; deflate data is made with full flushes so that gigabytes of identical
input cost one compressed block repeated, not a minute of compressing.
"""

from __future__ import annotations

import io
import random
import struct
import time
import zlib
from dataclasses import dataclass

from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from quizzes.exceptions import ArticleInvalid
from quizzes.generation.types import MAX_WORDS
from quizzes.textfiles import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_XML_BYTES,
    MAX_PDF_PAGES,
    MAX_READ_SECONDS,
    text_from_upload,
)

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
DOCUMENT_START = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD_NS}"><w:body>'
DOCUMENT_END = "</w:body></w:document>"
WORDS = ("the", "river", "city", "rebuilt", "after", "earthquake", "of", "seventeen", "fifty")
MIB = 1024 * 1024
SPACES_BYTES = 2 * 1024 * MIB
BOMB_BYTES = 40 * MIB
PROBE_PARAGRAPHS = 1_800_000


@dataclass(frozen=True)
class Member:
    name: str
    deflated: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member("", packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def repeated_deflate(prefix: bytes, unit: bytes, times: int, suffix: bytes) -> Member:
    """prefix + unit * times + suffix, deflated, without compressing the repeats one by one."""

    def flushed(data: bytes) -> bytes:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)

    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(suffix, crc)
    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = flushed(prefix) + flushed(unit) * times + last.compress(suffix) + last.flush()
    return Member("", body, crc, len(prefix) + len(unit) * times + len(suffix))


def zip_bytes(members: list[tuple[str, Member]]) -> bytes:
    """A zip archive of already deflated members (no zip64: every size stays under 4 GB)."""
    out = io.BytesIO()
    directory = []
    for name, member in members:
        encoded = name.encode()
        offset = out.tell()
        fields = (20, 0, 8, 0, 0, member.crc, len(member.deflated), member.size, len(encoded), 0)
        out.write(b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + encoded)
        out.write(member.deflated)
        directory.append(
            b"PK\x01\x02"
            + struct.pack("<HHHHHHIIIHHHHHII", 20, 20, 0, 8, 0, 0, member.crc,
                          len(member.deflated), member.size, len(encoded), 0, 0, 0, 0, 0, offset)
            + encoded
        )  # fmt: skip
    start = out.tell()
    listing = b"".join(directory)
    out.write(listing)
    out.write(
        b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(members), len(members),
                                    len(listing), start, 0)
    )  # fmt: skip
    return out.getvalue()


def docx_bytes(document: Member | bytes, *, extra: list[tuple[str, Member]] = ()) -> bytes:
    body = document if isinstance(document, Member) else deflate(document)
    return zip_bytes(
        [
            ("[Content_Types].xml", deflate(CONTENT_TYPES.encode())),
            ("_rels/.rels", deflate(RELATIONSHIPS.encode())),
            ("word/document.xml", body),
            *extra,
        ]
    )


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(paragraphs: list[str]) -> bytes:
    return (DOCUMENT_START + "".join(paragraphs) + DOCUMENT_END).encode()


def article_sentences(words: int, *, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    sentences, total = [], 0
    while total < words:
        length = rng.randint(8, 20)
        words_of = [rng.choice(WORDS) for _ in range(length)]
        sentences.append(" ".join(words_of).capitalize() + ".")
        total += length
    return sentences


RUN_FORMAT = (
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:b/><w:i/>'
    '<w:color w:val="1F3864"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/>'
)
# A formatting element Word understands and this reader skips: padding that costs a parser event.
PADDING_ELEMENT = '<w:b w:val="1"/>'
# Sizes of the costliest file's text part tried, as shares of its limit, largest first; the one
# used must read in this share of the CPU budget, so that the server accepts it too.
XML_BUDGET_SHARES = (0.98, 0.75, 0.5, 0.25)
READ_BUDGET_SHARE = 0.8


def _formatted_article(padding: int) -> bytes:
    """A whole article at the word limit, one paragraph per sentence and one run per word, each
    run formatted as Word writes it plus `padding` more formatting elements, then blank
    paragraphs up to the paragraph limit."""
    rng = random.Random(1)
    extra = PADDING_ELEMENT * padding
    parts = []
    for sentence in article_sentences(MAX_WORDS - 50):
        runs = "".join(
            f'<w:r w:rsidR="{rng.getrandbits(32):08X}"><w:rPr>{RUN_FORMAT}{extra}</w:rPr>'
            f'<w:t xml:space="preserve">{word} </w:t></w:r>'
            for word in sentence.split()
        )
        parts.append(f'<w:p w:rsidR="{rng.getrandbits(32):08X}"><w:pPr/>{runs}</w:p>')
    spacing = [f'<w:p w:rsidR="{rng.getrandbits(32):08X}"/>' for _ in range(MAX_DOCX_PARAGRAPHS)]
    parts.extend(spacing[: MAX_DOCX_PARAGRAPHS - len(parts) - 1])
    return document_xml(parts)


def largest_accepted_docx() -> bytes:
    """A whole article at the word limit, heavily formatted, up to the paragraph limit: the most
    text and paragraphs an accepted file can hold."""
    return docx_bytes(_formatted_article(0))


@dataclass(frozen=True)
class Costliest:
    """The file, the size of its text part, and the CPU seconds it took to read here."""

    data: bytes
    xml_bytes: int
    read_seconds: float


def costliest_accepted_docx() -> Costliest:
    """largest_accepted_docx with every run's formatting padded until the text part is near its
    size limit: within every size budget, about 600 KB to upload, and seconds of CPU to read.

    How many seconds depends on the machine, and the CPU budget comes first on a slow one; so
    each size is read here first, from the largest down, and the first that this machine reads
    well within the budget is the one returned, so the server accepts it even under load.
    """
    base = _formatted_article(0)
    runs = base.count(b"<w:r ")
    for share in XML_BUDGET_SHARES:
        padding = (int(MAX_DOCX_XML_BYTES * share) - len(base)) // (runs * len(PADDING_ELEMENT))
        xml = _formatted_article(max(padding, 0))
        data = docx_bytes(xml)
        began = time.thread_time()
        try:
            text_from_upload("costliest.docx", data)
        except ArticleInvalid:
            continue
        seconds = time.thread_time() - began
        if seconds <= MAX_READ_SECONDS * READ_BUDGET_SHARE:
            return Costliest(data=data, xml_bytes=len(xml), read_seconds=seconds)
    raise ArticleInvalid("This machine reads no padded article within the budget.")


def probe_paragraphs_docx() -> bytes:
    """The file that once held the database lock for half a minute: 1.8 million tiny paragraphs."""
    thousand = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 1000
    return docx_bytes(
        repeated_deflate(
            DOCUMENT_START.encode(), thousand, PROBE_PARAGRAPHS // 1000, DOCUMENT_END.encode()
        )
    )


def many_paragraphs_docx() -> bytes:
    """Past the paragraph limit, with paragraph ids Word writes, so it packs like a real file."""
    rng = random.Random(2)
    parts = [f'<w:p w:rsidR="{rng.getrandbits(32):08X}"/>' for _ in range(2 * MAX_DOCX_PARAGRAPHS)]
    return docx_bytes(document_xml([paragraph("Lisbon was rebuilt."), *parts]))


def spaces_docx() -> bytes:
    """About 2 MB that unpacks to 2 GB of spaces inside one run of text."""
    return docx_bytes(
        repeated_deflate(
            (DOCUMENT_START + '<w:p><w:r><w:t xml:space="preserve">').encode(),
            b" " * MIB,
            SPACES_BYTES // MIB,
            ("</w:t></w:r></w:p>" + DOCUMENT_END).encode(),
        )
    )


def ratio_bomb_docx() -> bytes:
    """Within the unpacked-size limit, but packed a thousand to one: a zip bomb's signature."""
    zeros = repeated_deflate(b"", b"\0" * MIB, BOMB_BYTES // MIB, b"")
    return docx_bytes(document_xml([paragraph("Lisbon.")]), extra=[("word/media/fill.bin", zeros)])


def many_members_docx() -> bytes:
    tiny = deflate(b"<x/>")
    members = [(f"customXml/item{n}.xml", tiny) for n in range(MAX_DOCX_MEMBERS + 1)]
    return docx_bytes(document_xml([paragraph("Lisbon.")]), extra=members)


def truncated_docx() -> bytes:
    whole = document_xml([paragraph(s) for s in article_sentences(300)])
    return docx_bytes(whole[: len(whole) // 2])


def billion_laughs_docx() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    xml = DOCUMENT_START.replace("<w:document", f"<!DOCTYPE w:document [{entities}]><w:document")
    return docx_bytes((xml + paragraph("&lol9;") + DOCUMENT_END).encode())


def external_entity_docx() -> bytes:
    doctype = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    xml = DOCUMENT_START.replace("<w:document", f"{doctype}<w:document")
    return docx_bytes((xml + paragraph("&secret;") + DOCUMENT_END).encode())


def corrupt_deflate_docx() -> bytes:
    member = deflate(document_xml([paragraph(s) for s in article_sentences(2000)]))
    damaged = bytearray(member.deflated)
    middle = len(damaged) // 2
    damaged[middle : middle + 64] = bytes(64)
    return docx_bytes(Member("", bytes(damaged), member.crc, member.size))


def deep_nesting_docx() -> bytes:
    """Elements nested 100,000 deep, with names that keep the file from packing too well."""
    rng = random.Random(3)
    names = [f"w:x{rng.getrandbits(16):04x}" for _ in range(100_000)]
    xml = DOCUMENT_START + "".join(f"<{n}>" for n in names) + "".join(
        f"</{n}>" for n in reversed(names)
    ) + DOCUMENT_END  # fmt: skip
    return docx_bytes(xml.encode())


def missing_part_docx() -> bytes:
    return zip_bytes([("_rels/.rels", deflate(RELATIONSHIPS.encode()))])


def pdf_bytes(lines: list[str], *, pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        for number, line in enumerate(lines):
            sheet.drawString(72, 750 - 20 * number, line)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from its numbered objects' bodies (object 1 is the catalog), with a true xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start))  # fmt: skip
    return out.getvalue()


def one_page_pdf(content: bytes, *, flate: bool = True) -> bytes:
    data = zlib.compress(content, 1) if flate else content
    filters = b"/Filter /FlateDecode " if flate else b""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d %s>>\nstream\n" % (len(data), filters) + data + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def stream_bomb_pdf() -> bytes:
    """A page whose text stream unpacks to 100 MB: past pypdf's limit on decompressed streams."""
    return one_page_pdf(b"BT /F1 12 Tf 72 700 Td (Lisbon) Tj ET\n" + b" " * (100 * MIB))


def operator_flood_pdf() -> bytes:
    """A small page with four million drawing operators to parse."""
    return one_page_pdf(b"BT /F1 12 Tf (a) Tj ET\n" + b"0 0 m\n" * 4_000_000)


def cyclic_pages_pdf() -> bytes:
    """A page tree whose node lists itself as its own child."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def too_many_pages_pdf() -> bytes:
    return pdf_bytes(["Lisbon was rebuilt."], pages=MAX_PDF_PAGES + 1)


def truncated_pdf() -> bytes:
    whole = pdf_bytes([" ".join(article_sentences(40))[:90]] * 30, pages=3)
    return whole[: len(whole) // 2]


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(["Lisbon was rebuilt."])))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# Every refused file: its name, how to build it, and words its one-line message must contain.
HOSTILE_FILES = {
    "truncated-xml.docx": (truncated_docx, "damaged"),
    "billion-laughs.docx": (billion_laughs_docx, "entities"),
    "external-entity.docx": (external_entity_docx, "entities"),
    "corrupt-deflate.docx": (corrupt_deflate_docx, "not a readable Word"),
    "ratio-bomb.docx": (ratio_bomb_docx, "zip bomb"),
    "many-members.docx": (many_members_docx, "parts"),
    "two-gb-of-spaces.docx": (spaces_docx, "unpacks to"),
    "probe-paragraphs.docx": (probe_paragraphs_docx, "zip bomb"),
    "many-paragraphs.docx": (many_paragraphs_docx, "paragraphs"),
    "deep-nesting.docx": (deep_nesting_docx, "nested"),
    "missing-part.docx": (missing_part_docx, "not a readable Word"),
    "not-a-zip.docx": (lambda: b"PK\x03\x04 not a word file", "not a readable Word"),
    "stream-bomb.pdf": (stream_bomb_pdf, "not a readable PDF"),
    "operator-flood.pdf": (operator_flood_pdf, "not a readable PDF"),
    "cyclic-pages.pdf": (cyclic_pages_pdf, "not a readable PDF"),
    "too-many-pages.pdf": (too_many_pages_pdf, "pages"),
    "truncated.pdf": (truncated_pdf, "not a readable PDF"),
    "garbage.pdf": (lambda: b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    "encrypted.pdf": (encrypted_pdf, "password-protected"),
}
