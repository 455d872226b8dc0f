"""The participant list as CSV and Excel: the organisers alone, the rows of their page."""

from datetime import datetime

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.core.models import AuditEvent, PersonalDataAccess
from portal.events.tests.factories import EventFactory, RegistrationFactory
from portal.testing.exports import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def export_url(event, fmt="csv"):
    return reverse("events:participant_export", args=[event.pk, fmt])


@pytest.fixture
def organiser(fund):
    return make_user(organisation=fund, email="arrangoer@3f.example.dk")


@pytest.fixture
def event(organiser, colleague, other_fund):
    event = EventFactory(organisers=[organiser], title="Årsmøde", capacity=1)
    RegistrationFactory(
        event=event, user=colleague, dietary_note="=Glutenfri", accessibility_note="Kørestol"
    )
    waiting = make_user(organisation=other_fund, full_name="Vera Venteliste")
    RegistrationFactory(event=event, user=waiting, waiting=True)
    RegistrationFactory(event=event, user=make_user(organisation=other_fund), cancelled=True)
    return event


def test_the_organiser_gets_the_participants_with_notes_as_csv(
    client_for, organiser, event, other_fund
):
    other_event = EventFactory(organisers=[organiser])
    RegistrationFactory(event=other_event, user=make_user(organisation=other_fund))
    response = client_for(organiser).get(export_url(event))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = csv_rows(response)
    assert header[0] == "Navn"
    assert [row[0] for row in rows] == [
        event.registrations.get(status="confirmed").user.get_full_name(),
        "Vera Venteliste",
    ]
    confirmed, waiting = rows
    assert confirmed[-2:] == ["'=Glutenfri", "Kørestol"]
    assert waiting[3] == "1"


def test_the_excel_file_has_dates_as_dates(client_for, organiser, event):
    response = client_for(organiser).get(export_url(event, "xlsx"))
    assert response.status_code == 200
    header, confirmed, waiting = xlsx_rows(response)
    assert len(header) == 8
    assert isinstance(confirmed[4], datetime)
    assert waiting[3] == 1
    assert confirmed[6] == "'=Glutenfri"


def test_the_export_follows_the_pages_search(client_for, organiser, event):
    header, *rows = csv_rows(client_for(organiser).get(export_url(event), {"q": "vera"}))
    assert [row[0] for row in rows] == ["Vera Venteliste"]


def test_the_export_is_audited_and_written_in_the_access_log(client_for, organiser, event):
    client_for(organiser).get(export_url(event, "xlsx"))
    entry = AuditEvent.objects.get(action=AuditEvent.Action.TABLE_EXPORTED)
    assert entry.actor == organiser
    assert (entry.object_type, entry.object_id) == ("event", str(event.pk))
    assert entry.detail == {
        "what": "event_participants",
        "format": "xlsx",
        "rows": 2,
        "filters": {},
    }
    access = PersonalDataAccess.objects.get(kind=PersonalDataAccess.Kind.TABLE_EXPORT)
    assert access.person_count == 2
    assert access.actor == organiser


@pytest.mark.parametrize("who", ["editor", "caseworker", "other_organiser"])
def test_nobody_but_the_events_organisers_may_export(
    client_for, event, editor, caseworker, fund, who
):
    other_organiser = make_user(organisation=fund, email="andet@3f.example.dk")
    EventFactory(organisers=[other_organiser])
    user = {"editor": editor, "caseworker": caseworker, "other_organiser": other_organiser}[who]
    response = client_for(user).get(export_url(event))
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TABLE_EXPORTED).exists()


def test_an_event_the_person_may_not_see_is_a_404(client_for, organiser, caseworker):
    draft = EventFactory(organisers=[organiser], draft=True)
    assert client_for(caseworker).get(export_url(draft)).status_code == 404


def test_an_unknown_format_is_a_404(client_for, organiser, event):
    assert client_for(organiser).get(export_url(event, "pdf")).status_code == 404


def test_the_page_offers_the_buttons_to_organisers_only(client_for, organiser, editor, event):
    page_url = reverse("events:participant_list", args=[event.pk])
    assert export_url(event) in client_for(organiser).get(page_url).content.decode()
    assert export_url(event) not in client_for(editor).get(page_url).content.decode()


def test_the_export_costs_the_same_number_of_queries_for_more_participants(
    client_for, organiser, event, other_fund, django_assert_num_queries
):
    client = client_for(organiser)
    client.get(export_url(event))
    with django_assert_num_queries(12) as first:
        client.get(export_url(event))
    for _n in range(3):
        RegistrationFactory(event=event, user=make_user(organisation=other_fund), waiting=True)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(export_url(event))
