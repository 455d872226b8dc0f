"""The CPR guard reads every file's metadata as well as its text (portal.core.cpr_files).

Each file below shows nothing on its page; the number hides only in what the file says about
itself, or behind the same tricks that typed text tries.
"""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.annotations import Text
from pypdf.generic import NameObject, StreamObject

from portal.core.cpr_files import file_cpr_numbers
from portal.forum.attachments import DOCX, attachment_check

from . import documents

HIDDEN = "Borger 01\u00ad0190&#8209;1234"


def upload(data: bytes, name: str):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


# --- Office documents ------------------------------------------------------------------------

_CORE = (
    '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
    "<dc:creator>Anne Sagsbehandler</dc:creator><cp:keywords>{keywords}</cp:keywords>"
    "</cp:coreProperties>"
)
_APP = (
    '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
    '2006/extended-properties"><TotalTime>12</TotalTime><Pages>1</Pages><Words>250</Words>'
    "<Characters>1425</Characters><Company>{company}</Company><AppVersion>16.0000</AppVersion>"
    "</Properties>"
)
_CUSTOM = (
    '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
    '2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    'docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" '
    'name="Sag"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>'
)


def docx_with(**parts: str) -> bytes:
    """A Word document with a clean page and the given extra parts."""
    with_parts = io.BytesIO(documents.docx("Referat af mødet"))
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(with_parts) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def clean_core():
    return _CORE.format(title="Referat", keywords="dagpenge")


# --- PDF -------------------------------------------------------------------------------------


def pdf_with(*, metadata=None, xmp: str | None = None, note: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if metadata:
        writer.add_metadata(metadata)
    if xmp is not None:
        stream = StreamObject()
        stream.set_data(xmp.encode())
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)
    if note is not None:
        writer.add_annotation(page_number=0, annotation=Text(rect=(10, 10, 40, 40), text=note))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" {attribute}>'
    "<dc:description>{text}</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
)

# --- Images ----------------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_with(kind: bytes, body: bytes) -> bytes:
    iend = documents.PNG.rindex(b"IEND") - 4
    return documents.PNG[:iend] + _chunk(kind, body) + documents.PNG[iend:]


def exif(description: str) -> bytes:
    """A little-endian TIFF block with one ImageDescription tag."""
    text = description.encode() + b"\x00"
    ifd = struct.pack("<H", 1) + struct.pack("<HHII", 0x010E, 2, len(text), 26) + b"\0\0\0\0"
    return b"II*\x00" + struct.pack("<I", 8) + ifd + text


def jpeg_with(segment: int, body: bytes) -> bytes:
    return (
        b"\xff\xd8"
        + bytes([0xFF, segment])
        + struct.pack(">H", len(body) + 2)
        + body
        + b"\xff\xda\x00\x02\xff\xd9"
    )


REFUSED = {
    "docx core.xml title": (
        docx_with(**{"docProps/core.xml": _CORE.format(title=HIDDEN, keywords="dagpenge")}),
        "brev.docx",
    ),
    "docx core.xml keywords": (
        docx_with(
            **{"docProps/core.xml": _CORE.format(title="Referat", keywords="cpr 010190-1234")}
        ),
        "brev.docx",
    ),
    "docx app.xml company": (
        docx_with(**{"docProps/app.xml": _APP.format(company="0101901234")}),
        "brev.docx",
    ),
    "docx custom.xml property": (
        docx_with(**{"docProps/custom.xml": _CUSTOM.format(value="010190&#45;1234")}),
        "brev.docx",
    ),
    "docx image alt text": (
        docx_with(
            **{
                "word/header1.xml": (
                    '<w:hdr xmlns:w="w" xmlns:wp="wp"><wp:docPr id="1" name="Billede" '
                    'descr="Borger 010190-1234"/></w:hdr>'
                )
            }
        ),
        "brev.docx",
    ),
    "docx image with a text chunk": (
        docx_with(**{"word/media/image1.png": png_with(b"tEXt", b"Comment\x00010190-1234")}),
        "brev.docx",
    ),
    "pdf document-info title": (pdf_with(metadata={"/Title": HIDDEN}), "brev.pdf"),
    "pdf document-info author": (pdf_with(metadata={"/Author": "010190 1234"}), "brev.pdf"),
    "pdf document-info subject": (pdf_with(metadata={"/Subject": "01.01.90-1234"}), "brev.pdf"),
    "pdf document-info keywords": (pdf_with(metadata={"/Keywords": "cpr-0101901234"}), "b.pdf"),
    "pdf xmp element": (pdf_with(xmp=_XMP.format(attribute="", text=HIDDEN)), "brev.pdf"),
    "pdf xmp attribute": (
        pdf_with(xmp=_XMP.format(attribute='dc:title="010190-1234"', text="Referat")),
        "brev.pdf",
    ),
    "pdf annotation": (pdf_with(note="Husk 010190\u20131234"), "brev.pdf"),
    "png tEXt": (png_with(b"tEXt", b"Description\x00Borger 010190-1234"), "graf.png"),
    "png zTXt": (png_with(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"0101901234")), "graf.png"),
    "png iTXt": (
        png_with(b"iTXt", b"Title\x00\x00\x00da\x00\x00" + "01\u201301\u201390\u20131234".encode()),
        "graf.png",
    ),
    "png compressed iTXt": (
        png_with(b"iTXt", b"Title\x00\x01\x00da\x00\x00" + zlib.compress(b"010190 1234")),
        "graf.png",
    ),
    "png eXIf": (png_with(b"eXIf", exif("Borger 010190-1234")), "graf.png"),
    "jpeg comment": (jpeg_with(0xFE, b"Borger 010190-1234"), "foto.jpg"),
    "jpeg exif": (jpeg_with(0xE1, b"Exif\x00\x00" + exif("010190/1234")), "foto.jpg"),
    "jpeg xmp": (
        jpeg_with(
            0xE1,
            b"http://ns.adobe.com/xap/1.0/\x00" + _XMP.format(attribute="", text=HIDDEN).encode(),
        ),
        "foto.jpg",
    ),
    "txt soft hyphen": ("Borger 010190\u00ad1234".encode(), "notat.txt"),
    "txt zero-width space": ("Borger 0101\u200b90-1234".encode(), "notat.txt"),
    "txt entity": (b"Borger 010190&#45;1234", "notat.txt"),
    "txt markdown": (b"Borger 0101**90**-1234", "notat.txt"),
    "txt em dash": ("Borger 010190\u20141234".encode(), "notat.txt"),
    "txt grouped": (b"Borger 01 01 90 1234", "notat.txt"),
    "txt CRLF": (b"Borger 010190\r\n1234", "notat.txt"),
    "txt utf-8 with a mark": ("\ufeffBorger 010190\u22121234".encode(), "notat.txt"),
    "txt latin-1 no-break space": ("Bøger 010190\u00a01234".encode("latin-1"), "notat.txt"),
    "csv latin-1": ("navn;nr\nSøren;01.01.90-1234\nÅse;x\n".encode("latin-1"), "liste.csv"),
    "the file name": (b"Referat", "010190-1234.txt"),
}


@pytest.mark.parametrize(("data", "name"), REFUSED.values(), ids=REFUSED.keys())
def test_a_number_only_in_the_metadata_or_disguised_is_refused(data, name):
    with pytest.raises(ValidationError) as error:
        attachment_check(upload(data, name))
    assert error.value.code == "cpr_number"
    message = error.value.messages[0]
    assert "010190-XXXX" in message
    assert "1234" not in message.replace("010190-XXXX", "")  # the name is masked too


def test_a_utf16_text_file_is_read_whatever_its_byte_order():
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        data = "Borger 010190\u20111234".encode(encoding)
        assert file_cpr_numbers(data, "text/plain") != []


CLEAN = {
    "docx with counts that must not join into a number": (
        docx_with(
            **{
                "docProps/core.xml": clean_core(),
                "docProps/app.xml": _APP.format(company="Jobcenter København"),
            }
        ),
        "brev.docx",
    ),
    "pdf with a case number in its title": (
        pdf_with(
            metadata={"/Title": "Sag 2024-0012345", "/Author": "+45 33 12 34 56"},
            xmp=_XMP.format(attribute='dc:format="application/pdf"', text="J.nr. 2019-1234-56"),
        ),
        "brev.pdf",
    ),
    "png with a software chunk": (png_with(b"tEXt", b"Software\x00GIMP 2.10.34"), "graf.png"),
    "jpeg with a date in its exif": (
        jpeg_with(0xE1, b"Exif\x00\x00" + exif("2024:03:15 10:30:00")),
        "foto.jpg",
    ),
    "txt with phone numbers": (b"Ring 33 12 34 56 eller +45 70 10 20 30", "notat.txt"),
}


@pytest.mark.parametrize(("data", "name"), CLEAN.values(), ids=CLEAN.keys())
def test_clean_files_with_numbers_that_are_not_cpr_numbers_pass(data, name):
    checked = attachment_check(upload(data, name))
    assert checked.size == len(data)


def test_an_image_whose_text_cannot_be_read_is_refused_not_a_server_error():
    """What could not be read was not checked."""
    data = png_with(b"zTXt", b"Comment\x00\x00not zlib at all")
    with pytest.raises(ValidationError) as error:
        attachment_check(upload(data, "graf.png"))
    assert error.value.code == "unreadable"


def test_the_docx_type_still_holds_for_a_document_with_properties():
    checked = attachment_check(upload(docx_with(**{"docProps/core.xml": clean_core()}), "a.docx"))
    assert checked.content_type == DOCX
