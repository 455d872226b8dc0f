"""Reading an export back in tests: the rows of a CSV or XLSX download."""

import csv
import io

from openpyxl import load_workbook


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a BOM, so that Danish Excel reads UTF-8"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))
