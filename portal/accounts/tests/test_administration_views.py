from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import AuditEvent
from portal.core.services import audit_record
from portal.forum import services as forum_services
from portal.forum.tests.factories import make_thread

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

    editor = make_user(organisation=fund, roles=["caseworker", "editor"])
    thread = make_thread(author=caseworker, title="Rådighed")

    def add_events(count):
        for _ in range(count):
            audit_record(
                action=AuditEvent.Action.ROLE_GRANTED,
                actor=fund_admin,
                subject_user=caseworker,
                role="jurist",
            )
            # An entry naming an object costs no query of its own.
            toggle = forum_services.thread_unpin if thread.is_pinned else forum_services.thread_pin
            toggle(thread=thread, by=editor)

    add_events(10)
    client.get(URL)
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(URL).status_code == 200
    add_events(10)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(URL)
    granted = [e for e in _events(response) if e.action == AuditEvent.Action.ROLE_GRANTED]
    assert len(granted) == 20
    assert sum(e.object_type == "thread" for e in _events(response)) == 20
    assert "Tråd fastgjort øverst" in response.content.decode()


# --- Domain actions: filter by person, object and action ----------------------------------


@pytest.fixture
def moderated(fund, other_fund, caseworker):
    """Two threads moderated by an editor of each organisation, through the services."""
    editor = make_user(organisation=fund, roles=["caseworker", "editor"], email="red@3f.example.dk")
    other_editor = make_user(
        organisation=other_fund, roles=["caseworker", "editor"], email="red@foa.example.dk"
    )
    holiday = make_thread(author=caseworker, title="Dagpenge og ferie")
    sickness = make_thread(author=caseworker, title="Sygedagpenge")
    forum_services.thread_hide(thread=holiday, by=editor)
    forum_services.thread_pin(thread=holiday, by=editor)
    forum_services.thread_pin(thread=sickness, by=other_editor)
    post = sickness.posts.get()
    forum_services.post_hide(post=post, by=other_editor)
    return {"holiday": holiday, "sickness": sickness, "post": post}


def _actions(response):
    return sorted((e.action, e.object_type, e.object_id) for e in _events(response))


def test_the_operators_admin_filters_by_object_and_action(operator_admin, client_for, moderated):
    client = client_for(operator_admin)
    holiday, sickness = moderated["holiday"], moderated["sickness"]
    by_id = client.get(URL, {"object_type": "thread", "object_text": str(holiday.pk)})
    assert _actions(by_id) == [
        ("thread_hidden", "thread", str(holiday.pk)),
        ("thread_pinned", "thread", str(holiday.pk)),
    ]
    by_label = client.get(URL, {"object_text": "  sygedagpenge "})
    assert _actions(by_label) == [
        ("post_hidden", "post", str(moderated["post"].pk)),  # labelled by its thread
        ("thread_pinned", "thread", str(sickness.pk)),
    ]
    by_action = client.get(URL, {"action": "thread_pinned", "object_type": "thread"})
    assert {e.object_id for e in _events(by_action)} == {str(holiday.pk), str(sickness.pk)}
    by_person = client.get(URL, {"email": "red@foa", "object_type": "post"})
    assert _actions(by_person) == [("post_hidden", "post", str(moderated["post"].pk))]
    page = by_id.content.decode()
    assert "Dagpenge og ferie" in page and "Tråd skjult" in page
    assert "moderatorers og redaktørers handlinger i alle portalens" in page


def test_an_organisation_admin_filtering_by_object_sees_only_their_organisation(
    fund, fund_admin, client_for, moderated
):
    response = client_for(fund_admin).get(URL, {"object_type": "thread"})
    assert {e.actor_email for e in _events(response)} == {"red@3f.example.dk"}
    sickness = client_for(fund_admin).get(URL, {"object_text": "Sygedagpenge"})
    assert _events(sickness) == []


def test_an_unknown_object_type_is_a_form_error(operator_admin, client_for):
    response = client_for(operator_admin).get(URL, {"object_type": "citizen"})
    assert response.context["form"].errors
    assert response.context["page_obj"] is None
