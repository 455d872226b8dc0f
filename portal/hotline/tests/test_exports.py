"""The jurists' work list as CSV and Excel: the open cases they see, with the page's scope."""

from datetime import datetime

import pytest
from django.urls import reverse

from portal.core.models import AuditEvent, PersonalDataAccess
from portal.hotline.services import hotline_case_assign, hotline_case_open
from portal.testing.exports import csv_rows, xlsx_rows

from .factories import make_private_network, make_question

pytestmark = pytest.mark.django_db


def export_url(fmt="csv"):
    return reverse("hotline:work_list_export", args=[fmt])


def open_case(asker, title):
    return hotline_case_open(thread=make_question(author=asker, title=title), by=asker)


def test_a_jurist_gets_the_open_cases_they_see(client_for, caseworker, colleague, jurist):
    open_case(caseworker, "=Rådighed ved deltid")
    network = make_private_network(members=[colleague])
    hotline_case_open(
        thread=make_question(author=colleague, title="Lukket netværks sag", network=network),
        by=colleague,
    )
    response = client_for(jurist).get(export_url())
    assert response.status_code == 200
    header, *rows = csv_rows(response)
    assert header[0] == "Spørgsmål"
    assert [row[0] for row in rows] == ["'=Rådighed ved deltid"]
    assert rows[0][5:7] == [caseworker.get_full_name(), caseworker.organisation.name]


def test_the_export_follows_the_scope(client_for, caseworker, jurist, other_jurist):
    mine = open_case(caseworker, "Min sag")
    hotline_case_assign(case=mine, jurist=jurist)
    theirs = open_case(caseworker, "Kollegas sag")
    hotline_case_assign(case=theirs, jurist=other_jurist)
    open_case(caseworker, "Ikke taget")
    client = client_for(jurist)
    _header, *rows = xlsx_rows(client.get(export_url("xlsx"), {"scope": "mine"}))
    assert [row[0] for row in rows] == ["Min sag"]
    _header, *rows = xlsx_rows(client.get(export_url("xlsx"), {"scope": "unassigned"}))
    assert [row[0] for row in rows] == ["Ikke taget"]
    _header, *rows = xlsx_rows(client.get(export_url("xlsx")))
    assert len(rows) == 3
    assert isinstance(rows[0][3], datetime)
    assert {row[7] for row in rows} == {jurist.get_full_name(), other_jurist.get_full_name(), None}


def test_the_export_is_audited(client_for, caseworker, jurist):
    open_case(caseworker, "Spørgsmål")
    client_for(jurist).get(export_url(), {"scope": "unassigned"})
    entry = AuditEvent.objects.get(action=AuditEvent.Action.TABLE_EXPORTED)
    assert entry.actor == jurist
    assert entry.detail == {
        "what": "hotline_cases",
        "format": "csv",
        "rows": 1,
        "filters": {"scope": "unassigned"},
    }
    access = PersonalDataAccess.objects.get(kind=PersonalDataAccess.Kind.TABLE_EXPORT)
    assert access.person_ids == [caseworker.pk]


@pytest.mark.parametrize("who", ["caseworker", "editor", "fund_admin"])
def test_only_jurists_may_export(client_for, caseworker, editor, fund_admin, who):
    open_case(caseworker, "Spørgsmål")
    user = {"caseworker": caseworker, "editor": editor, "fund_admin": fund_admin}[who]
    assert client_for(user).get(export_url()).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TABLE_EXPORTED).exists()


def test_the_work_list_shows_the_buttons(client_for, caseworker, jurist):
    open_case(caseworker, "Spørgsmål")
    page = client_for(jurist).get(reverse("hotline:work_list"), {"scope": "unassigned"})
    assert f"{export_url('xlsx')}?scope=unassigned" in page.content.decode()


def test_the_export_costs_the_same_number_of_queries_for_more_cases(
    client_for, caseworker, jurist, other_jurist, django_assert_num_queries
):
    client = client_for(jurist)
    hotline_case_assign(case=open_case(caseworker, "Første"), jurist=other_jurist)
    client.get(export_url())
    with django_assert_num_queries(9) as first:
        client.get(export_url())
    for n in range(3):
        hotline_case_assign(case=open_case(caseworker, f"Flere {n}"), jurist=other_jurist)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(export_url())
