"""The one export helper: CSV as Danish Excel opens it, XLSX with types, no formulas."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.http import Http404
from openpyxl import load_workbook

from portal.core.exports import csv_bytes, export_filename, export_response, safe_text, xlsx_bytes

HEADER = ["Navn", "Tid", "Dag", "Antal", "Note"]
ROW = [
    "Søren Ærø",
    datetime(2026, 12, 6, 9, 30, tzinfo=UTC),
    date(2026, 12, 24),
    3,
    '=HYPERLINK("http://ondt.example")',
]


def read_xlsx(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("text", ["=1+1", "+45 1234", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_escaped(text):
    assert safe_text(text) == "'" + text


def test_ordinary_text_is_left_alone():
    assert safe_text("Ærø 2-3") == "Ærø 2-3"


def test_csv_has_a_bom_semicolons_danish_dates_and_no_formulas():
    text = csv_bytes(header=HEADER, rows=[ROW]).decode("utf-8")
    assert text.startswith("\ufeffNavn;Tid;Dag;Antal;Note\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    # 09.30 UTC is 10.30 in Copenhagen in December.
    assert rows[1] == [
        "Søren Ærø",
        "06-12-2026 10:30",
        "24-12-2026",
        "3",
        '\'=HYPERLINK("http://ondt.example")',
    ]


def test_xlsx_has_a_header_row_real_dates_and_numbers_and_no_formulas():
    header, row = read_xlsx(xlsx_bytes(header=HEADER, rows=[ROW], title="Deltagere"))
    assert header == tuple(HEADER)
    assert row[0] == "Søren Ærø"
    assert row[1] == datetime(2026, 12, 6, 10, 30)
    assert row[2] == datetime(2026, 12, 24, 0, 0)
    assert row[3] == 3
    assert row[4] == '\'=HYPERLINK("http://ondt.example")'
    cell = load_workbook(io.BytesIO(xlsx_bytes(header=HEADER, rows=[ROW]))).active["E2"]
    assert cell.data_type == "s"


def test_the_response_is_a_private_download_with_an_ascii_name():
    response = export_response(fmt="xlsx", name="Deltagere: Årsmøde", header=HEADER, rows=[ROW])
    assert response["Content-Disposition"] == 'attachment; filename="deltagere-aarsmoede.xlsx"'
    assert response["Cache-Control"] == "private, no-store"
    assert export_filename("", "csv") == "eksport.csv"


def test_an_unknown_format_is_a_404():
    with pytest.raises(Http404):
        export_response(fmt="pdf", name="x", header=HEADER, rows=[])
