from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.core.models import AuditEvent
from portal.core.services import audit_record

pytestmark = pytest.mark.django_db

URL = reverse("accounts:administration")


def _events(response):
    return list(response.context["page_obj"].object_list)


def test_an_admin_sees_only_their_organisations_events(
    fund, other_fund, fund_admin, caseworker, client_for
):
    mine = audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, actor=caseworker)
    audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, organisation=other_fund)
    response = client_for(fund_admin).get(URL)
    assert response.status_code == 200
    assert mine in _events(response)
    assert all(event.organisation_id == fund.pk for event in _events(response))
    assert not response.context["show_organisation"]


def test_the_operators_admin_sees_every_organisations_events(
    fund, other_fund, operator_admin, client_for
):
    audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, organisation=fund)
    audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, organisation=other_fund)
    response = client_for(operator_admin).get(URL)
    organisations = {event.organisation_id for event in _events(response)}
    assert {fund.pk, other_fund.pk} <= organisations
    assert response.context["show_organisation"]


def test_a_caseworker_cannot_read_the_audit_log(caseworker, client_for):
    assert client_for(caseworker).get(URL).status_code == 403


def test_the_audit_log_filters_by_action_email_and_dates(fund, fund_admin, caseworker, client_for):
    old = audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, actor=caseworker)
    old.created_at = timezone.now() - timedelta(days=10)
    old.save(update_fields=["created_at"])
    recent = audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, actor=caseworker)
    audit_record(action=AuditEvent.Action.MFA_ADDED, actor=fund_admin)
    client = client_for(fund_admin)
    by_action = _events(client.get(URL, {"action": "password_changed"}))
    assert set(by_action) == {old, recent}
    by_email = _events(client.get(URL, {"email": "SAGSBEHANDLER@"}))
    assert set(by_email) == {old, recent}
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    by_date = _events(client.get(URL, {"action": "password_changed", "date_from": since}))
    assert by_date == [recent]
    until = (timezone.localdate() - timedelta(days=5)).isoformat()
    assert _events(client.get(URL, {"date_to": until})) == [old]


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2024-13-45"},
        {"date_to": "i går"},
        {"date_from": "2025-02-01", "date_to": "2025-01-01"},
        {"action": "no_such_action"},
    ],
)
def test_a_bad_filter_gives_a_form_error_not_a_crash(fund_admin, client_for, params):
    response = client_for(fund_admin).get(URL, params)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["page_obj"] is None


def test_the_audit_log_shows_50_events_a_page(fund, fund_admin, client_for):
    AuditEvent.objects.bulk_create(
        AuditEvent(action=AuditEvent.Action.LOGIN, organisation=fund) for _ in range(60)
    )
    client = client_for(fund_admin)
    assert len(_events(client.get(URL))) == 50
    assert client.get(URL, {"page": 2}).context["page_obj"].number == 2


def test_the_audit_log_links_to_people_administration(fund_admin, client_for):
    response = client_for(fund_admin).get(URL)
    assert reverse("accounts:organisation_list") in response.content.decode()


def test_audit_log_queries_do_not_grow_with_the_number_of_events(
    fund, caseworker, fund_admin, client_for, django_assert_num_queries
):
    client = client_for(fund_admin)

    def add_events(count):
        for _ in range(count):
            audit_record(
                action=AuditEvent.Action.ROLE_GRANTED,
                actor=fund_admin,
                subject_user=caseworker,
                role="jurist",
            )

    add_events(10)
    client.get(URL)
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(URL).status_code == 200
    add_events(10)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(URL)
    granted = [e for e in _events(response) if e.action == AuditEvent.Action.ROLE_GRANTED]
    assert len(granted) == 20
