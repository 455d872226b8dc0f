"""The committee report: every item in the PDF and the DOCX, the counts of seed 004, navigable
headings, and what changed since the last report."""

from io import BytesIO

import docx
import pytest
from pypdf import PdfReader

from portal.core.models import AuditEvent
from portal.register import services
from portal.register.models import RegisterItem, ReportSnapshot

from .conftest import SEED_ITEMS

pytestmark = pytest.mark.django_db


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return _flat(" ".join(page.extract_text() or "" for page in reader.pages))


def _outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        if isinstance(entry, list):
            titles += _outline_titles(entry)
        else:
            titles.append(entry.title)
    return titles


def _docx(data: bytes):
    return docx.Document(BytesIO(data))


def _docx_text(document) -> str:
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return _flat(" ".join(texts))


@pytest.fixture
def seed(db):
    services.register_import(data=SEED_ITEMS.read_bytes())
    return list(RegisterItem.objects.all())


def test_every_item_is_in_the_pdf_with_its_outline(coordinator, seed):
    data = services.report_generate(by=coordinator, fmt="pdf")
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    assert "Uhensigtsmæssigheder i beskæftigelsesindsatsen – status" in text
    missing = [item.title for item in seed if _flat(item.title) not in text]
    assert missing == []
    reader = PdfReader(BytesIO(data))
    assert reader.metadata.title == "Uhensigtsmæssigheder i beskæftigelsesindsatsen – status"
    assert b"/Lang (da-DK)" in data
    outline = _outline_titles(reader.outline)
    assert outline[0] == "Resumé"
    assert "Input fra samarbejdspartnere" in outline
    assert "Ændringer siden sidste rapport" in outline
    # Every item is a bookmark, under its main topic under its section.
    assert {_flat(item.title) for item in seed} <= {_flat(title) for title in outline}
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top[1].startswith("1. ") and top[7].startswith("7. ")


def test_every_item_is_in_the_docx_under_real_headings(coordinator, seed):
    document = _docx(services.report_generate(by=coordinator, fmt="docx"))
    text = _docx_text(document)
    assert [item.title for item in seed if _flat(item.title) not in text] == []
    assert document.core_properties.title == (
        "Uhensigtsmæssigheder i beskæftigelsesindsatsen – status"
    )
    assert document.core_properties.language == "da-DK"
    headings = {}
    for paragraph in document.paragraphs:
        headings.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert headings["Heading 1"][0] == "Resumé"
    assert "Input fra samarbejdspartnere" in headings["Heading 1"]
    assert "Ændringer siden sidste rapport" in headings["Heading 1"]
    internal = [item.title for item in seed if item.origin == "internal"]
    assert set(internal) <= set(headings["Heading 3"])
    external = [item.title for item in seed if item.origin == "external"]
    assert set(external) <= set(headings["Heading 2"])
    # The partners' input names the sender and the administration's response.
    assert "Afsender: Metal Hovedstadens A-kasse" in text
    assert "Forvaltningens svar:" in text


def test_the_summary_counts_as_the_report(coordinator, seed):
    document = _docx(services.report_generate(by=coordinator, fmt="docx"))
    by_section = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in by_section.rows]
    assert rows[0][1] == "Punkter"
    assert [int(row[1]) for row in rows[1:]] == [20, 30, 51, 16, 24, 12, 9, 10, 172]
    assert rows[1][0].startswith("1. ") and rows[8][0] == "Input fra samarbejdspartnere"
    for table in document.tables[1:4]:  # main topic, status, office: each sums to all
        counts = [int(row.cells[1].text) for row in table.rows[1:]]
        assert counts[-1] == 172 and sum(counts[:-1]) == 172
    text = _pdf_text(services.report_generate(by=coordinator, fmt="pdf"))
    assert "I alt 172" in text


def test_the_changes_since_the_last_report(coordinator, jc_caseworker, seed):
    first = _docx(services.report_generate(by=coordinator, fmt="docx"))
    assert "Dette er den første rapport" in _docx_text(first)
    handled = RegisterItem.objects.filter(status="handled", origin="internal").first()
    services.item_update(item=handled, by=coordinator, status="in_handling")
    new = services.item_report(by=jc_caseworker, title="Dobbelt indtastning af CV", problem="x")
    data = services.report_generate(by=coordinator, fmt="docx")
    document = _docx(data)
    changes = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in changes.rows]
    assert rows == [
        ["Punkt", "Status", "Klassifikation"],
        [handled.title, "Håndteret → Under håndtering", str(handled.section)],
    ]
    new_rows = [[cell.text for cell in row.cells] for row in document.tables[-2].rows]
    assert new_rows[1:] == [[new.title, "Indberettet"]]
    pdf = _pdf_text(services.report_generate(by=coordinator, fmt="pdf"))
    # The third report compares with the second: nothing moved since.
    assert "Ingen punkter har skiftet status eller klassifikation." in pdf
    assert ReportSnapshot.objects.count() == 3
    latest = ReportSnapshot.objects.first()
    assert latest.items[str(handled.pk)] == {"status": "in_handling", "section": handled.section}
    assert AuditEvent.objects.filter(action="register_report_generated").count() == 3


def test_only_coordinators_generate_it(jc_caseworker, office_member):
    from django.core.exceptions import PermissionDenied

    for person in (jc_caseworker, office_member):
        with pytest.raises(PermissionDenied):
            services.report_generate(by=person, fmt="pdf")
    assert not ReportSnapshot.objects.exists()
