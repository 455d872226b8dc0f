from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.api.models import ApiToken
from portal.api.services import api_token_create, api_token_revoke
from portal.conftest import make_user

pytestmark = pytest.mark.django_db


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


def test_a_valid_token_acts_as_its_owner(client, caseworker, token_for):
    response = client.get("/api/v1/me", headers=bearer(token_for(caseworker)))
    assert response.status_code == 200
    assert response.json()["email"] == caseworker.email


def test_a_missing_token_gives_401_json_with_a_bearer_challenge(client, caseworker):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Unauthorized"}
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Token {key}",
        "Basic {key}",
        "{key}",
        "Bearer {key} extra",
        "Bearer {key}x",
        "Bearer {key_without_prefix}",
    ],
)
def test_a_malformed_authorization_header_gives_401(client, caseworker, token_for, header):
    key = token_for(caseworker)
    value = header.format(key=key, key_without_prefix=key.removeprefix("sp_"))
    response = client.get("/api/v1/me", headers={"Authorization": value})
    assert response.status_code == 401


def test_an_unknown_token_gives_401(client, caseworker, token_for):
    token_for(caseworker)
    response = client.get("/api/v1/me", headers=bearer("sp_" + "A" * 43))
    assert response.status_code == 401


def test_a_revoked_token_gives_401(client, caseworker):
    token, key = api_token_create(user=caseworker, name="Old")
    api_token_revoke(user=caseworker, token_id=token.pk)
    assert client.get("/api/v1/me", headers=bearer(key)).status_code == 401


def test_a_token_of_an_unapproved_person_gives_401(client, fund, token_for):
    person = make_user(organisation=fund, approved_at=None)
    assert client.get("/api/v1/me", headers=bearer(token_for(person))).status_code == 401


def test_a_token_of_a_deactivated_person_gives_401(client, caseworker, token_for):
    key = token_for(caseworker)
    caseworker.is_active = False
    caseworker.save(update_fields=["is_active"])
    assert client.get("/api/v1/me", headers=bearer(key)).status_code == 401


def test_a_browser_session_alone_does_not_authenticate_the_api(caseworker, client_for):
    assert client_for(caseworker).get("/api/v1/me").status_code == 401


def test_the_first_use_records_last_used(client, caseworker, token_for):
    key = token_for(caseworker)
    assert ApiToken.objects.get().last_used_at is None
    client.get("/api/v1/me", headers=bearer(key))
    assert ApiToken.objects.get().last_used_at is not None


def test_last_used_is_written_at_most_once_a_minute(client, caseworker, token_for):
    key = token_for(caseworker)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/api/v1/me", headers=bearer(key))
    with time_machine.travel(start + timedelta(seconds=50), tick=False):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/me", headers=bearer(key)).status_code == 200
        assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert ApiToken.objects.get().last_used_at == start
    later = start + timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        client.get("/api/v1/me", headers=bearer(key))
    assert ApiToken.objects.get().last_used_at == later


def test_the_openapi_schema_needs_no_token(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def test_the_swagger_docs_page_is_not_served(client):
    assert client.get("/api/v1/docs").status_code == 404
