"""Authentication events are audited and set the person's language."""

import pytest

from portal.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_signing_in_and_failing_are_audited(client, caseworker, password):
    client.post("/konto/login/", {"login": caseworker.email, "password": "forkert-kodeord"})
    client.post("/konto/login/", {"login": caseworker.email, "password": password})
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == [AuditEvent.Action.LOGIN_FAILED, AuditEvent.Action.LOGIN]


def test_signing_in_switches_to_the_preferred_language(client, caseworker, password, settings):
    caseworker.preferred_language = "en"
    caseworker.save(update_fields=["preferred_language"])
    response = client.post("/konto/login/", {"login": caseworker.email, "password": password})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_active_session_is_tracked_without_a_write_on_every_request(
    client, caseworker, password, django_assert_num_queries
):
    from allauth.usersessions.models import UserSession

    client.post("/konto/login/", {"login": caseworker.email, "password": password})
    client.get("/")
    session = UserSession.objects.get(user=caseworker)
    seen = session.last_seen_at
    client.get("/")
    session.refresh_from_db()
    assert session.last_seen_at == seen
