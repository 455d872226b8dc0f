"""The directory search as CSV and Excel: for coordinators, every person the search finds."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.core.models import AuditEvent, PersonalDataAccess
from portal.core.tests.factories import TopicFactory
from portal.testing.exports import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def export_url(fmt="csv"):
    return reverse("directory:person_export", args=[fmt])


@pytest.fixture
def coordinator(fund):
    return make_user(
        organisation=fund, roles=["coordinator"], email="koordinator@3f.example.dk", mfa=True
    )


@pytest.fixture
def people(fund, other_fund):
    fleksjob = TopicFactory(name="Fleksjob")
    expert = make_user(organisation=fund, full_name="Eva Ekspert", title="+Jobkonsulent")
    expert.expertise.add(fleksjob)
    make_user(organisation=other_fund, full_name="Frode FOA", title="Sagsbehandler")
    return expert


def test_a_coordinator_gets_the_search_with_its_filters(client_for, coordinator, people, fund):
    response = client_for(coordinator).get(export_url(), {"organisation": fund.pk, "q": "eva"})
    assert response.status_code == 200
    header, *rows = csv_rows(response)
    assert header[0] == "Navn"
    assert rows == [["Eva Ekspert", "'+Jobkonsulent", fund.name, "", "Fleksjob"]]


def test_the_whole_search_not_only_the_first_page(client_for, coordinator, people, other_fund):
    for n in range(30):
        make_user(organisation=other_fund, full_name=f"Person {n:02}")
    _header, *rows = xlsx_rows(client_for(coordinator).get(export_url("xlsx")))
    # Everyone listed: the 32 above, the coordinator and the fixtures' own people.
    assert len(rows) >= 33
    assert "Frode FOA" in {row[0] for row in rows}


def test_another_organisations_people_stay_out_when_the_search_names_one(
    client_for, coordinator, people, fund
):
    _header, *rows = xlsx_rows(
        client_for(coordinator).get(export_url("xlsx"), {"organisation": fund.pk})
    )
    assert "Frode FOA" not in {row[0] for row in rows}
    assert "Eva Ekspert" in {row[0] for row in rows}


def test_the_export_is_audited(client_for, coordinator, people):
    client_for(coordinator).get(export_url(), {"q": "eva"})
    entry = AuditEvent.objects.get(action=AuditEvent.Action.TABLE_EXPORTED)
    assert entry.actor == coordinator
    assert entry.detail == {
        "what": "directory_people",
        "format": "csv",
        "rows": 1,
        "filters": {"q": "eva"},
    }
    access = PersonalDataAccess.objects.get(kind=PersonalDataAccess.Kind.TABLE_EXPORT)
    assert access.person_ids == [people.pk]


@pytest.mark.parametrize("who", ["caseworker", "jurist", "editor"])
def test_only_coordinators_may_export(client_for, caseworker, jurist, editor, who):
    user = {"caseworker": caseworker, "jurist": jurist, "editor": editor}[who]
    assert client_for(user).get(export_url()).status_code == 403
    page = client_for(user).get(reverse("directory:person_list")).content.decode()
    assert export_url() not in page
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TABLE_EXPORTED).exists()


def test_the_page_offers_the_buttons_with_the_filters_but_not_the_page(
    client_for, coordinator, people
):
    page = client_for(coordinator).get(reverse("directory:person_list"), {"q": "eva", "page": "1"})
    assert f"{export_url('xlsx')}?q=eva" in page.content.decode()
    assert "page=1" not in page.content.decode().split(export_url("xlsx"))[1][:20]


def test_the_export_costs_the_same_number_of_queries_for_more_people(
    client_for, coordinator, fund, django_assert_num_queries
):
    topic = TopicFactory(name="Sygedagpenge")
    client = client_for(coordinator)
    client.get(export_url())
    with django_assert_num_queries(11) as first:
        client.get(export_url())
    for n in range(3):
        make_user(organisation=fund, full_name=f"Ny {n}").expertise.add(topic)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(export_url())
