import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.api.models import ApiToken, hash_token
from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_token_page_requires_sign_in(client):
    response = client.get(reverse("api:token_list"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_token_page_lists_only_my_own_tokens(caseworker, fund_admin, client_for):
    api_token_create(user=caseworker, name="My calendar")
    api_token_create(user=fund_admin, name="Admin integration")
    response = client_for(caseworker).get(reverse("api:token_list"))
    assert response.status_code == 200
    assert "My calendar" in response.content.decode()
    assert "Admin integration" not in response.content.decode()


def test_the_token_page_shows_revoked_tokens_without_a_revoke_button(caseworker, client_for):
    token, _key = api_token_create(user=caseworker, name="Old")
    client = client_for(caseworker)
    client.post(reverse("api:token_revoke", args=[token.pk]))
    page = client.get(reverse("api:token_list")).content.decode()
    assert "Old" in page
    assert reverse("api:token_revoke", args=[token.pk]) not in page


def test_creating_a_token_shows_it_once_and_stores_only_its_hash(caseworker, client_for):
    client = client_for(caseworker)
    response = client.post(reverse("api:token_create"), {"name": "Fagsystem"})
    assert response.status_code == 200
    key = response.context["new_token"]
    assert key.startswith("sp_")
    assert key in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=caseworker)
    assert token.name == "Fagsystem"
    assert token.key_hash == hash_token(key)
    assert key not in str(dict(client.session))
    assert key not in client.get(reverse("api:token_list")).content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TOKEN_CREATED, actor=caseworker
    ).exists()


def test_a_token_created_on_the_page_works_with_the_api(caseworker, client_for):
    response = client_for(caseworker).post(reverse("api:token_create"), {"name": "Fagsystem"})
    key = response.context["new_token"]
    client_for(caseworker).logout()
    me = client_for(caseworker).get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.json()["id"] == caseworker.pk


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_creating_a_token_with_a_bad_name_creates_nothing(caseworker, client_for, name):
    response = client_for(caseworker).post(reverse("api:token_create"), {"name": name})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not response.context["new_token"]
    assert not ApiToken.objects.exists()


def test_creating_a_token_only_accepts_post(caseworker, client_for):
    assert client_for(caseworker).get(reverse("api:token_create")).status_code == 405
    assert not ApiToken.objects.exists()


def test_revoking_my_token_stops_it_working(caseworker, client_for):
    token, key = api_token_create(user=caseworker, name="Fagsystem")
    response = client_for(caseworker).post(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("api:token_list")
    token.refresh_from_db()
    assert token.revoked_at is not None
    api = client_for(caseworker).get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert api.status_code == 401


def test_revoking_someone_elses_token_is_404_and_changes_nothing(fund, caseworker, client_for):
    token, _key = api_token_create(user=caseworker, name="Fagsystem")
    colleague = make_user(organisation=fund, email="kollega@3f.example.dk")
    response = client_for(colleague).post(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TOKEN_REVOKED).exists()


def test_revoking_a_missing_token_is_404(caseworker, client_for):
    response = client_for(caseworker).post(reverse("api:token_revoke", args=[999]))
    assert response.status_code == 404


def test_revoking_only_accepts_post(caseworker, client_for):
    token, _key = api_token_create(user=caseworker, name="Fagsystem")
    response = client_for(caseworker).get(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_page_query_count_does_not_grow_with_tokens(
    caseworker, client_for, django_assert_num_queries
):
    client = client_for(caseworker)
    url = reverse("api:token_list")

    def create(n):
        for i in range(n):
            api_token_create(user=caseworker, name=f"Token {i}")

    create(3)
    client.get(url)  # Warm the session and per-process caches.
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    create(3)
    with django_assert_num_queries(len(first)):
        assert client.get(url).status_code == 200
