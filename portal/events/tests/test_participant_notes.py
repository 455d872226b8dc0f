"""Dietary and accessibility notes are for the event's organisers alone (decision 0012): the
editorial desk runs every event and sees its participants, but not their notes."""

import pytest
import time_machine
from django.urls import reverse

from portal.conftest import make_user
from portal.events.models import Registration
from portal.events.selectors import participant_overview
from portal.events.tests.factories import EventFactory, RegistrationFactory, days_ahead

pytestmark = pytest.mark.django_db

DIET, ACCESS = "Glutenfri uden mælk", "Kørestol: adgang uden trin"


@pytest.fixture
def organiser(fund):
    return make_user(organisation=fund, email="arrangoer@3f.example.dk")


@pytest.fixture
def registration(organiser, colleague):
    event = EventFactory(organisers=[organiser], starts_at=days_ahead(2))
    return RegistrationFactory(
        event=event, user=colleague, dietary_note=DIET, accessibility_note=ACCESS
    )


def test_the_overview_without_notes_carries_none_and_changes_nothing(registration):
    overview = participant_overview(event=registration.event)
    assert overview["show_notes"] is False
    assert [(r.dietary_note, r.accessibility_note) for r in overview["confirmed"]] == [("", "")]
    assert "dietary_notes" not in overview["summary"]
    registration.refresh_from_db()
    assert (registration.dietary_note, registration.accessibility_note) == (DIET, ACCESS)
    with_notes = participant_overview(event=registration.event, with_notes=True)
    assert with_notes["summary"]["dietary_notes"] == [(DIET, 1)]


@pytest.mark.parametrize(("who", "sees_notes"), [("organiser", True), ("editor", False)])
def test_participant_page_and_check_in_row_show_notes_to_organisers_only(
    registration, organiser, editor, client_for, who, sees_notes
):
    client = client_for({"organiser": organiser, "editor": editor}[who])
    event = registration.event
    page = client.get(reverse("events:participant_list", args=[event.pk])).content.decode()
    assert registration.user.get_full_name() in page
    assert (DIET in page, ACCESS in page) == (sees_notes, sees_notes)
    with time_machine.travel(event.starts_at):
        row = client.post(
            reverse("events:check_in", args=[event.pk, registration.pk]),
            headers={"HX-Request": "true"},
        )
    assert row.status_code == 200
    assert (DIET in row.content.decode()) == sees_notes
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.dietary_note == DIET
    assert registration.status == Registration.Status.CONFIRMED
