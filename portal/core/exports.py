"""The one way a page hands out its table as CSV or Excel (docs/decisions/0037-exports.md).

The page's own selector gives the rows and its access policy decides who may ask; this module
only turns a header and rows into a download. CSV as Danish Excel opens it (a BOM, semicolons);
XLSX with a header row and real types: numbers stay numbers and dates are dates (local time,
Europe/Copenhagen, since a spreadsheet has no time zones). A text cell that begins with = + - @
(or a tab or carriage return) gets a leading apostrophe, so a spreadsheet never runs a
participant's note as a formula.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.http import Http404, HttpResponse
from django.utils import timezone

from .slugs import slugify_da

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
_DATE_FORMAT = "dd-mm-yyyy"


def export_format(fmt: str) -> str:
    """The format named in the URL; anything else is a 404, before any data is read."""
    if fmt not in FORMATS:
        raise Http404
    return fmt


def safe_text(value: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character is escaped."""
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def _typed(value):
    """A cell's value for XLSX: text guarded, datetimes local and naive, numbers as they are."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(timezone.localtime(value))
        return value.replace(microsecond=0)
    if isinstance(value, date | int | float):
        return value
    return safe_text(str(value))


def _text(value) -> str:
    """A cell's value for CSV: dates in Danish order, local time; text guarded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int | float):
        return str(value)
    return safe_text(str(value))


def csv_bytes(*, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_text(str(title)) for title in header])
    for row in rows:
        writer.writerow([_text(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(*, header: Sequence[str], rows: Iterable[Sequence], title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    # A sheet title may not hold []:*?/\ and is at most 31 characters.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Eksport"
    sheet.append([_typed(str(name)) for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_typed(value) for value in row])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, datetime):
                cell.number_format = _DATETIME_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = _DATE_FORMAT
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_filename(name: str, fmt: str) -> str:
    """A file name of ASCII letters ("deltagere-aarskonference-2026.csv")."""
    stem = slugify_da(name, max_length=80, fallback="eksport")
    return f"{stem}.{fmt}"


def export_response(
    *, fmt: str, name: str, header: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """The download: `rows` are lists of values in the order of `header`."""
    fmt = export_format(fmt)
    if fmt == CSV:
        response = HttpResponse(
            csv_bytes(header=header, rows=rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            xlsx_bytes(header=header, rows=rows, title=name), content_type=XLSX_CONTENT_TYPE
        )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(name, fmt)}"'
    response["Cache-Control"] = "private, no-store"
    return response
