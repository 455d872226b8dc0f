import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openapi_spec_validator import validate

from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client(client):
    """api_client(user) → a function GETting API paths with a fresh token of that user."""

    def _api_client(user):
        _token, key = api_token_create(user=user, name="Test")

        def get(path):
            return client.get(f"/api/v1{path}", headers={"Authorization": f"Bearer {key}"})

        return get

    return _api_client


def test_me_describes_the_tokens_owner(fund, api_client):
    person = make_user(
        organisation=fund,
        roles=["jurist", "caseworker"],
        email="jurist@3f.example.dk",
        full_name="Jura Jensen",
        title="Jurist",
        preferred_language="en",
    )
    response = api_client(person)("/me")
    assert response.status_code == 200
    assert response.json() == {
        "id": person.pk,
        "email": "jurist@3f.example.dk",
        "full_name": "Jura Jensen",
        "title": "Jurist",
        "organisation": {"slug": "3f", "name": "3F A-kasse", "kind": "ufund"},
        "roles": ["caseworker", "jurist"],
        "language": "en",
    }


def test_me_shows_only_the_tokens_owner(caseworker, fund_admin, operator_admin, api_client):
    api_client(fund_admin)
    api_client(operator_admin)
    body = api_client(caseworker)("/me").json()
    assert body["id"] == caseworker.pk
    assert body["roles"] == ["caseworker"]
    assert fund_admin.email not in json.dumps(body)


def test_a_token_never_gains_its_owners_lost_roles(fund_admin, api_client):
    get = api_client(fund_admin)
    fund_admin.role_grants.filter(role="admin").delete()
    assert get("/me").json()["roles"] == []


def test_me_allows_a_person_without_an_organisation(db, api_client):
    person = make_user(organisation=None, email="uden@example.dk")
    assert api_client(person)("/me").json()["organisation"] is None


def test_organisations_lists_every_organisation_by_name(
    operator, fund, other_fund, caseworker, api_client
):
    OrganisationFactory(slug="kk", name="Jobcenter København", kind=OrganisationKind.JOBCENTER)
    response = api_client(caseworker)("/organisations")
    assert response.status_code == 200
    assert response.json() == [
        {"slug": "3f", "name": "3F A-kasse", "kind": "ufund"},
        {"slug": "foa", "name": "FOA A-kasse", "kind": "ufund"},
        {"slug": "kk", "name": "Jobcenter København", "kind": "jobcenter"},
        {"slug": "lo-hovedstaden", "name": "LO Hovedstaden", "kind": "operator"},
    ]


def test_organisations_needs_a_token(client, fund):
    assert client.get("/api/v1/organisations").status_code == 401


def test_organisations_query_count_does_not_grow(caseworker, api_client, django_assert_num_queries):
    get = api_client(caseworker)
    OrganisationFactory.create_batch(5)
    get("/organisations")  # The first use writes last_used_at; count the steady state.
    with CaptureQueriesContext(connection) as first:
        assert len(get("/organisations").json()) == 6
    OrganisationFactory.create_batch(5)
    with django_assert_num_queries(len(first)):
        assert len(get("/organisations").json()) == 11


def test_the_openapi_schema_is_valid_openapi_3(client):
    schema = client.get(reverse("api-v1:openapi-json")).json()
    validate(schema)
    assert {"/api/v1/me", "/api/v1/organisations"} <= set(schema["paths"])


def test_the_openapi_schema_declares_bearer_auth_on_every_operation(client):
    schema = client.get(reverse("api-v1:openapi-json")).json()
    schemes = schema["components"]["securitySchemes"]
    assert [s["scheme"] for s in schemes.values()] == ["bearer"]
    for path in schema["paths"].values():
        for operation in path.values():
            assert operation["security"] == [{name: []} for name in schemes]


def test_the_openapi_schema_describes_every_field(client):
    schema = client.get(reverse("api-v1:openapi-json")).json()
    for component in ("MeOut", "OrganisationOut"):
        for field in schema["components"]["schemas"][component]["properties"].values():
            assert field["description"]


def test_the_footer_links_to_the_openapi_schema(client):
    page = client.get("/").content.decode()
    assert f'href="{reverse("api-v1:openapi-json")}"' in page
