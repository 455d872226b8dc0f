"""Attachments: the type is told by the content (never the name), the size is capped, and the
text inside is read so that the CPR guard sees what a file says as well as what a post says.
"""

import csv
import io
import secrets
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.core.cpr import CPR_ERROR_MESSAGE, mask, redact_cpr_numbers
from portal.core.cpr_files import DOCX, XLSX, file_cpr_numbers


@dataclass
class CheckedFile:
    upload: UploadedFile
    content_type: str
    size: int
    token: str


def _looks_like_text(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return None


def _is_csv(text: str) -> bool:
    sample = text[:4096]
    lines = [line for line in sample.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return False
    counts = {line.count(dialect.delimiter) for line in lines[:10]}
    return len(counts) == 1 and counts.pop() > 0


def detect_content_type(data: bytes) -> str | None:
    """The MIME type the bytes really are; Office files are told apart by their zip members."""
    kind = filetype.guess(data)
    if kind is not None:
        mime = kind.mime
        if mime == "application/zip" or mime in (DOCX, XLSX):
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    names = set(archive.namelist())
            except zipfile.BadZipFile:
                return None
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            return "application/zip"
        return mime
    text = _looks_like_text(data)
    if text is None:
        return None
    return "text/csv" if _is_csv(text) else "text/plain"


def attachment_check(upload: UploadedFile) -> CheckedFile:
    """Check one uploaded file; raise a Danish ValidationError naming the file when refused."""
    name = upload.name or ""
    allowed = settings.PORTAL_ATTACHMENT_TYPES
    if upload.size > settings.PORTAL_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is too big (%(size)s). Files may be at most %(max)s."),
            code="too_big",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(settings.PORTAL_ATTACHMENT_MAX_BYTES),
            },
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    content_type = detect_content_type(data)
    if content_type not in allowed:
        raise ValidationError(
            _("%(name)s is not a file type the portal accepts. Allowed types: %(types)s."),
            code="wrong_type",
            params={"name": name, "types": ", ".join(sorted(set(allowed.values())))},
        )
    # The name, the text and the metadata (portal.core.cpr_files); the name is shown masked.
    numbers = file_cpr_numbers(data, content_type, name=name)
    if numbers:
        raise ValidationError(
            _("%(name)s: %(problem)s")
            % {
                "name": redact_cpr_numbers(name),
                "problem": CPR_ERROR_MESSAGE % {"masked": mask(numbers[0])},
            },
            code="cpr_number",
        )
    return CheckedFile(
        upload=upload, content_type=content_type, size=len(data), token=secrets.token_urlsafe(32)
    )
