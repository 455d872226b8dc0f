"""Exports in a real browser: on a phone-wide screen the organiser narrows the participant list
and takes it away as Excel; the file holds what the page showed, notes included. Axe-clean."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from portal.conftest import make_user
from portal.events.models import Event, Registration
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


def test_the_organiser_downloads_the_narrowed_participant_list_as_excel(page, fund, password):
    organiser = make_user(organisation=fund, email="arr@3f.example.dk", full_name="Rie")
    now = timezone.now()
    event = Event.objects.create(
        kind=Event.Kind.THEME_MEETING,
        status=Event.Status.PUBLISHED,
        published_at=now,
        title="Temamøde om rådighed",
        venue="LO Hovedstaden",
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=2),
    )
    event.organisers.add(organiser)
    for name, note in [("Anna Ærø", "=Glutenfri"), ("Bo Bertelsen", "")]:
        Registration.objects.create(
            event=event,
            user=make_user(organisation=fund, full_name=name),
            status=Registration.Status.CONFIRMED,
            confirmed_at=now,
            dietary_note=note,
        )

    page.set_viewport_size({"width": 320, "height": 800})
    sign_in_with_password(page, email=organiser.email, password=password)
    assert_accessible(page)
    page.goto(f"/arrangementer/{event.pk}/deltagere/?q=ærø")
    assert_accessible(page)
    # The buttons fit a phone's width (the tables below scroll in their own region, item 1).
    for fmt in ("csv", "xlsx"):
        box = page.locator(f'a[href*="deltagere.{fmt}?q="]').bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    with page.expect_download() as download_info:
        page.locator('a[href*="deltagere.xlsx?q="]').click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(download.path().read_bytes())).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[0] == "Navn"
    assert [(row[0], row[6]) for row in rows] == [("Anna Ærø", "'=Glutenfri")]
