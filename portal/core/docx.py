"""What the portal's Word reports share (the register's committee report, the annual
evaluation report): the document's language and a table whose header row repeats."""

LANGUAGE = "da-DK"


def docx_language(document, language: str = LANGUAGE) -> None:
    """The language of the text (spelling, a screen reader's voice)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def docx_table(document, rows: list[list]) -> None:
    """A grid table; the first row is bold and marked as the header."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = str(value)
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # The first row repeats on every page and tells a screen reader it is the header.
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
