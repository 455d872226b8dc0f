"""Name badges and the attendance list, read back with pypdf."""

from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader

from portal.core.tests.factories import OrganisationFactory, UserFactory
from portal.events import pdf
from portal.events.models import Registration
from portal.events.tests.factories import EventFactory, RegistrationFactory, local


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def event(db):
    return EventFactory(
        title="Temamøde: Rådighed og deltid",
        starts_at=local(2027, 3, 10, 10),
        ends_at=local(2027, 3, 10, 13),
    )


def registrations(event, count: int) -> list[Registration]:
    organisation = OrganisationFactory(name="Fagforeningen Ærø")
    return [
        RegistrationFactory(
            event=event,
            user=UserFactory(full_name=f"Søren Æbelø Åsmund {n:02d}", organisation=organisation),
        )
        for n in range(count)
    ]


def read(content: bytes) -> PdfReader:
    assert content.startswith(b"%PDF")
    return PdfReader(BytesIO(content))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_badges_carry_name_organisation_event_and_date_with_danish_letters(event):
    rows = registrations(event, 3)
    reader = read(pdf.badges_pdf(event=event, registrations=rows))
    text = text_of(reader)
    assert len(reader.pages) == 1
    for n in range(3):
        assert f"Søren Æbelø Åsmund {n:02d}" in text
    assert "Fagforeningen Ærø" in text
    assert "Temamøde: Rådighed og deltid" in text
    assert "2027" in text and "10.00" in text
    assert reader.metadata.title.endswith("Temamøde: Rådighed og deltid")
    assert reader.metadata.author == "Samarbejdsportalen"


def test_eight_badges_fit_on_a_page(event):
    rows = registrations(event, 17)
    reader = read(pdf.badges_pdf(event=event, registrations=rows))
    assert len(reader.pages) == 3
    assert "Åsmund 16" in reader.pages[2].extract_text()
    assert "Åsmund 08" in reader.pages[1].extract_text()


def test_a_very_long_name_is_still_on_the_badge(event):
    user = UserFactory(full_name="Anne-Kathrine Østergaard-Vindeløv Bødtcher-Hansen Mikkelsen")
    reader = read(
        pdf.badges_pdf(event=event, registrations=[RegistrationFactory(event=event, user=user)])
    )
    text = " ".join(text_of(reader).split())
    assert "Anne-Kathrine Østergaard-Vindeløv" in text


def test_attendance_list_has_a_row_per_participant_and_repeats_its_header(event):
    rows = registrations(event, 60)
    rows[0].checked_in_at = event.starts_at
    reader = read(pdf.attendance_pdf(event=event, registrations=rows))
    assert len(reader.pages) >= 3
    text = text_of(reader)
    for n in range(60):
        assert f"Søren Æbelø Åsmund {n:02d}" in text
    for number, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text()
        assert "Signature" in page_text
        assert f"Page {number} of {len(reader.pages)}" in page_text
    assert "Svanevej 22" in reader.pages[0].extract_text()
    assert reader.metadata.title.endswith("Temamøde: Rådighed og deltid")
    assert reader.metadata.author == "Samarbejdsportalen"


def test_attendance_list_escapes_markup_in_names(event):
    user = UserFactory(full_name="Bo <b>&</b> Ørn")
    reader = read(
        pdf.attendance_pdf(event=event, registrations=[RegistrationFactory(event=event, user=user)])
    )
    assert "Bo <b>&</b> Ørn" in text_of(reader)


def test_empty_lists_are_valid_pdfs(event):
    assert len(read(pdf.badges_pdf(event=event, registrations=[])).pages) == 1
    assert len(read(pdf.attendance_pdf(event=event, registrations=[])).pages) == 1
