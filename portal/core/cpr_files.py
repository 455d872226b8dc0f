"""The CPR guard for files: what a file shows *and* what it says about itself.

A number hides as well in a document's properties as in its text: a DOCX's docProps/core.xml
(title, author, keywords), app.xml and custom.xml, an image's alt text, a PDF's document
information and XMP metadata, annotations and form fields, a PNG's text chunks, a JPEG's EXIF
and comment segments. Every piece is read separately (so two unrelated values never join into
one number) and given to the same guard as typed text (portal.core.cpr), which resolves
entities, invisible characters and separators the same way.

The file's type has been told from its content before (portal.forum.attachments).
"""

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from itertools import chain

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .cpr import find_cpr_numbers

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Enough to read every page of a long report, not enough to be a decompression bomb.
MAX_EXTRACTED_BYTES = 50 * 1024 * 1024

_XML_TAG = re.compile(rb"<[^>]*>")
_XML_ATTRIBUTE = re.compile(rb"""=\s*(?:"([^"]*)"|'([^']*)')""")
# Word splits a paragraph into runs anywhere ("<w:t>0101</w:t><w:t>90-1234</w:t>"): in the
# document's own text, runs are joined; paragraphs, shared strings and cells end a line.
_LINE_END = re.compile(rb"</(?:w:p|a:p|si|c|v|row)>")
# Parts holding the text a reader sees (runs to be joined); every other part is metadata.
_DOCUMENT_PARTS = re.compile(r"^(?:word|xl|ppt)/(?!.*(?:settings|styles|theme|fontTable))")
_IMAGE_NAMES = re.compile(r"\.(?:png|jpe?g)$", re.IGNORECASE)
_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e\xa0-\xff]{6,}")
_PDF_TEXT_KEYS = ("/Contents", "/T", "/TU", "/V", "/RC", "/Subj", "/Name", "/Desc", "/F", "/UF")


class _Budget:
    """How many more bytes may be unpacked from one file."""

    def __init__(self):
        self.left = MAX_EXTRACTED_BYTES

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise ValidationError(_("The file could not be read."), code="unreadable")


def decode_text(data: bytes) -> str:
    """Text in whatever encoding it came: a byte-order mark first, then UTF-8, then Latin-1."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    if len(data) >= 4 and data.count(b"\x00") * 3 > len(data):  # UTF-16 without a mark
        even_nuls = data[0::2].count(b"\x00")
        return data.decode("utf-16-be" if even_nuls > len(data) // 4 else "utf-16-le", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _xml_texts(xml: bytes, *, document: bool) -> Iterator[str]:
    """The text of an XML part, and each attribute value on its own (alt texts, sheet names)."""
    for match in _XML_ATTRIBUTE.finditer(xml):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        if value.strip():
            yield decode_text(value)
    if document:
        yield decode_text(_XML_TAG.sub(b"", _LINE_END.sub(b"\n", xml)))
    else:
        # Metadata: every element's value on its own, so <Pages>12</Pages><Words>1250</Words>
        # never reads as one number.
        for value in _XML_TAG.split(xml):
            if value.strip():
                yield decode_text(value)


def _zip_texts(data: bytes, budget: _Budget) -> Iterator[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename
            yield name
            if name.endswith((".xml", ".rels")):
                budget.spend(info.file_size)
                yield from _xml_texts(
                    archive.read(info), document=bool(_DOCUMENT_PARTS.match(name))
                )
            elif _IMAGE_NAMES.search(name):
                budget.spend(info.file_size)
                yield from image_texts(archive.read(info), budget)


def _pdf_string(value) -> str:
    if hasattr(value, "get_object"):
        value = value.get_object()
    if isinstance(value, bytes):
        return decode_text(value)
    return str(value) if isinstance(value, str) else ""


def _pdf_texts(data: bytes, budget: _Budget) -> Iterator[str]:
    # Imported on first use: pypdf takes about 0.1 s to import, and only a PDF upload needs it,
    # not every process that loads the forms.
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    for key, value in (reader.metadata or {}).items():
        yield str(key)
        yield _pdf_string(value)
    metadata = reader.root_object.get("/Metadata")
    if metadata is not None:
        xmp = metadata.get_object().get_data()
        budget.spend(len(xmp))
        yield from _xml_texts(xmp, document=False)
    for page in reader.pages:
        text = page.extract_text() or ""
        budget.spend(len(text))
        yield text
        for annotation in page.get("/Annots") or ():
            annotation = annotation.get_object()
            for key in _PDF_TEXT_KEYS:
                if key in annotation:
                    yield _pdf_string(annotation[key])
    for field in (reader.get_fields() or {}).values():
        for key in ("/T", "/TU", "/V"):
            if key in field:
                yield _pdf_string(field[key])
    yield from _pdf_outline_titles(reader.outline)
    for name, contents in reader.attachments.items():
        yield name
        for content in contents:
            budget.spend(len(content))
            yield decode_text(content)


def _pdf_outline_titles(outline) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _pdf_outline_titles(item)
        else:
            yield str(getattr(item, "title", "") or "")


# --- Images ----------------------------------------------------------------------------------

_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_EXIF_POINTERS = (0x8769, 0xA005)  # the Exif and interoperability sub-directories
_XP_TAGS = range(0x9C9B, 0x9CA0)  # Windows' title, comment, author, keywords, subject (UTF-16)
_USER_COMMENT = 0x9286


def tiff_texts(data: bytes) -> Iterator[str]:
    """Every text value of an EXIF block (a TIFF structure): ASCII tags, the user comment and
    Windows' UTF-16 properties."""
    if data[:2] == b"II":
        order = "<"
    elif data[:2] == b"MM":
        order = ">"
    else:
        return
    (first,) = struct.unpack_from(order + "I", data, 4)
    pending, seen = [first], set()
    while pending:
        offset = pending.pop()
        if offset in seen or offset + 2 > len(data) or len(seen) > 32:
            continue
        seen.add(offset)
        (count,) = struct.unpack_from(order + "H", data, offset)
        for index in range(min(count, 1024)):
            entry = offset + 2 + index * 12
            if entry + 12 > len(data):
                break
            tag, kind, number = struct.unpack_from(order + "HHI", data, entry)
            size = _TIFF_TYPE_SIZES.get(kind, 1) * number
            if size <= 4:
                start = entry + 8
            else:
                (start,) = struct.unpack_from(order + "I", data, entry + 8)
            value = data[start : start + size]
            if tag in _EXIF_POINTERS and kind in (4, 13) and len(value) >= 4:
                pending.append(struct.unpack_from(order + "I", value)[0])
            elif kind == 2:
                yield decode_text(value.rstrip(b"\x00"))
            elif tag in _XP_TAGS:
                yield value.decode("utf-16-le", "replace").rstrip("\x00")
            elif tag == _USER_COMMENT:
                charset, text = value[:8], value[8:]
                if charset.startswith(b"UNICODE"):
                    encoding = "utf-16-le" if order == "<" else "utf-16-be"
                    yield text.decode(encoding, "replace")
                else:
                    yield decode_text(text.rstrip(b"\x00"))
        next_at = offset + 2 + count * 12
        if next_at + 4 <= len(data):
            (following,) = struct.unpack_from(order + "I", data, next_at)
            if following:
                pending.append(following)


def _inflate(data: bytes, budget: _Budget) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, max(budget.left, 0) + 1)
    budget.spend(len(out))
    return out


def png_texts(data: bytes, budget: _Budget) -> Iterator[str]:
    """tEXt, zTXt and iTXt chunks (keyword and text) and an eXIf chunk."""
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, position)
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"tEXt":
            keyword, _sep, text = body.partition(b"\x00")
            yield keyword.decode("latin-1")
            yield text.decode("latin-1")
        elif kind == b"zTXt":
            keyword, _sep, rest = body.partition(b"\x00")
            yield keyword.decode("latin-1")
            yield _inflate(rest[1:], budget).decode("latin-1")
        elif kind == b"iTXt":
            keyword, _sep, rest = body.partition(b"\x00")
            compressed, rest = rest[:1] == b"\x01", rest[2:]
            language, _sep, rest = rest.partition(b"\x00")
            translated, _sep, text = rest.partition(b"\x00")
            if compressed:
                text = _inflate(text, budget)
            yield keyword.decode("latin-1")
            yield translated.decode("utf-8", "replace")
            if keyword == b"XML:com.adobe.xmp":
                yield from _xml_texts(text, document=False)
            else:
                yield text.decode("utf-8", "replace")
        elif kind == b"eXIf":
            yield from tiff_texts(body)
        elif kind == b"IEND":
            break


def jpeg_texts(data: bytes) -> Iterator[str]:
    """The comment segments, EXIF, XMP and other application segments before the image data."""
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        if marker in (0xDA, 0xD9):  # the image data starts (or the file ends)
            break
        (length,) = struct.unpack_from(">H", data, position + 2)
        body = data[position + 4 : position + 2 + length]
        position += 2 + length
        if marker == 0xFE:
            yield decode_text(body)
        elif marker == 0xE1 and body.startswith(b"Exif\x00"):
            yield from tiff_texts(body[6:])
        elif marker == 0xE1 and body.startswith(b"http://ns.adobe.com/"):
            yield from _xml_texts(body.partition(b"\x00")[2], document=False)
        elif 0xE2 <= marker <= 0xEF:  # IPTC and other application data: its readable runs
            for run in _PRINTABLE_RUN.findall(body):
                yield run.decode("latin-1")


def image_texts(data: bytes, budget: _Budget) -> Iterator[str]:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        yield from png_texts(data, budget)
    elif data.startswith(b"\xff\xd8"):
        yield from jpeg_texts(data)


# --- Entry point -----------------------------------------------------------------------------


def file_texts(data: bytes, content_type: str) -> Iterator[str]:
    """Every piece of text the file shows or carries, each on its own.

    A file that cannot be read to the end is refused: what could not be read was not checked.
    """
    budget = _Budget()
    try:
        if content_type in ("text/plain", "text/csv"):
            yield decode_text(data)
        elif content_type in (DOCX, XLSX, "application/zip"):
            yield from _zip_texts(data, budget)
        elif content_type == "application/pdf":
            yield from _pdf_texts(data, budget)
        elif content_type in ("image/png", "image/jpeg"):
            yield from image_texts(data, budget)
    except ValidationError:
        raise
    except Exception as error:
        if content_type == "application/pdf":
            message = _("The PDF file could not be read. Check that it is not damaged.")
        else:
            message = _("The file could not be read.")
        raise ValidationError(message, code="unreadable") from error


def file_cpr_numbers(data: bytes, content_type: str, *, name: str = "") -> list[str]:
    """The CPR numbers in a file's name, text or metadata (the first piece that has any)."""
    for text in chain((name,), file_texts(data, content_type)):
        found = find_cpr_numbers(text) if text else []
        if found:
            return found
    return []
