"""/api/v1/register/: the items, reporting and the workflow's steps (403, 409, 422 as the
browser refuses them), and the committee report."""

from io import BytesIO

import docx
import pytest
from openapi_spec_validator import validate

from portal.api.services import api_token_create
from portal.register import services
from portal.register.models import ItemChange, Office, RegisterItem, ReportSnapshot

from .conftest import SEED_ITEMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_for(client):
    """api_for(user) → a function (method, path, payload or params) calling /api/v1 with a
    fresh token of that user."""

    def _api_for(user):
        _token, key = api_token_create(user=user, name="Test")
        headers = {"Authorization": f"Bearer {key}"}

        def call(method, path, data=None):
            url = f"/api/v1/register{path}"
            if method == "get":
                return client.get(url, data or {}, headers=headers)
            return getattr(client, method)(
                url, data, content_type="application/json", headers=headers
            )

        return call

    return _api_for


@pytest.fixture
def seed(db):
    services.register_import(data=SEED_ITEMS.read_bytes())


def test_the_schema_describes_the_register_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    validate(schema)
    operations = {
        operation["operationId"]: operation
        for path in schema["paths"].values()
        for operation in path.values()
    }
    for operation_id in (
        "register_item_list",
        "register_item_get",
        "register_item_create",
        "register_item_update",
        "register_report",
    ):
        assert operations[operation_id]["description"]
    assert set(operations["register_item_update"]["responses"]) >= {"200", "403", "409", "422"}


def test_the_list_filters_and_pages(jc_caseworker, seed, api_for, django_assert_num_queries):
    call = api_for(jc_caseworker)
    body = call("get", "/items").json()
    assert (body["count"], body["page"], body["pages"], len(body["items"])) == (172, 1, 4, 50)
    assert call("get", "/items", {"page": 4}).json()["items"][-1]["origin"] == "external"
    assert call("get", "/items", {"section": 3}).json()["count"] == 51
    assert call("get", "/items", {"origin": "external"}).json()["count"] == 10
    assert call("get", "/items", {"section": 1, "origin": "internal"}).json()["count"] == 20
    office = Office.objects.get(name="SLK")
    by_name = call("get", "/items", {"office": "SLK"}).json()["count"]
    assert by_name == RegisterItem.objects.filter(responsible_office=office).count() > 0
    assert call("get", "/items", {"office": office.slug}).json()["count"] == by_name
    assert call("get", "/items", {"office": "intet"}).json()["count"] == 0
    handled = RegisterItem.objects.filter(status="handled").count()
    assert call("get", "/items", {"status": "handled"}).json()["count"] == handled
    topic = RegisterItem.objects.filter(main_topic="8a").count()
    assert call("get", "/items", {"main_topic": "8a"}).json()["count"] == topic
    found = call("get", "/items", {"q": "kursist systemintegration"}).json()
    assert "Tilbudsstyring ved forvaltningens beskæftigelsescentre" in [
        item["title"] for item in found["items"]
    ]
    assert call("get", "/items", {"section": 9}).status_code == 422
    assert call("get", "/items", {"status": "done"}).status_code == 422
    # The token with its person, the count, the page: no query per item (and no session: an
    # API call is no visit).
    with django_assert_num_queries(3):
        call("get", "/items", {"page": 2})
    with django_assert_num_queries(3):
        call("get", "/items", {"origin": "external"})


def test_one_item(jc_caseworker, seed, api_for):
    metal = RegisterItem.objects.get(external_id="E-03")
    call = api_for(jc_caseworker)
    body = call("get", f"/items/{metal.pk}").json()
    assert body["source_organisation"] == "Metal Hovedstadens A-kasse"
    assert (body["origin"], body["status"], body["section"]) == ("external", "in_handling", None)
    assert call("get", "/items/999999").status_code == 404


def test_reporting_answers_201_reported(jc_caseworker, api_for):
    call = api_for(jc_caseworker)
    response = call(
        "post",
        "/items",
        {
            "title": "Samme oplysninger tastes tre gange",
            "problem": "Ledighedserklæringen tastes i tre systemer.",
            "main_topic": "6",
            "regulation": "LAB § 16",
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["origin"], body["main_topic"]) == ("reported", "internal", "6")
    assert body["law_references"] == [["LAB", "16"]]
    assert RegisterItem.objects.get(pk=body["id"]).reported_by == jc_caseworker


@pytest.mark.parametrize(
    "payload",
    [
        {"title": "", "problem": "x", "main_topic": "6"},
        {"title": "T", "problem": "x", "main_topic": "9"},
        {"title": "T", "problem": "x"},
        {"title": "T", "problem": "x", "main_topic": "6", "colour": "red"},
        {"title": "T", "problem": "Borger 010190-1234", "main_topic": "6"},
    ],
)
def test_bad_input_or_a_cpr_number_answers_422(jc_caseworker, api_for, payload):
    response = api_for(jc_caseworker)("post", "/items", payload)
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not RegisterItem.objects.exists()


def test_the_cpr_message_is_danish(jc_caseworker, api_for):
    response = api_for(jc_caseworker)(
        "post", "/items", {"title": "T", "problem": "Borger 010190-1234", "main_topic": "6"}
    )
    assert "010190-XXXX" in response.json()["detail"]
    assert "CPR-nummer" in response.json()["detail"]


@pytest.fixture
def reported(jc_caseworker):
    return services.item_report(by=jc_caseworker, title="Dobbelt indtastning", problem="P")


def test_triage_and_handling_step_by_step(coordinator, office_member, office, reported, api_for):
    coordinate = api_for(coordinator)
    response = coordinate(
        "patch",
        f"/items/{reported.pk}",
        {
            "section": 3,
            "responsible_office": "1. kontor",
            "timeline": "2018K2",
            "status": "triaged",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["section"], body["responsible_office"]) == (
        "triaged",
        3,
        "1. kontor",
    )
    assert body["timeline_due"] == "2018-06-30"
    handle = api_for(office_member)
    assert handle("patch", f"/items/{reported.pk}", {"status": "in_handling"}).status_code == 200
    response = handle(
        "patch", f"/items/{reported.pk}", {"status": "handled", "handling": "Ny blanket."}
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["handling"]) == ("handled", "Ny blanket.")
    # The office by its slug, and null empties the timeline.
    response = coordinate(
        "patch", f"/items/{reported.pk}", {"responsible_office": office.slug, "timeline": None}
    )
    assert response.status_code == 200 and response.json()["timeline"] == ""
    assert ItemChange.objects.filter(item=reported).count() == 5


def test_a_skipped_step_answers_409_in_danish(coordinator, reported, api_for):
    response = api_for(coordinator)("patch", f"/items/{reported.pk}", {"status": "handled"})
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert "kan ikke blive “Håndteret”" in detail and "Visiteret" in detail
    assert RegisterItem.objects.get(pk=reported.pk).status == "reported"


def test_403_for_someone_who_may_not(jc_caseworker, office_member, reported, api_for):
    caseworker = api_for(jc_caseworker)
    for payload in (
        {"status": "triaged"},
        {"section": 2},
        {"responsible_office": "1. kontor"},
        {"handling": "Løst."},
    ):
        response = caseworker("patch", f"/items/{reported.pk}", payload)
        assert response.status_code == 403, payload
        assert response.json()["detail"]
    assert (
        api_for(office_member)("patch", f"/items/{reported.pk}", {"section": 2}).status_code == 403
    )
    item = RegisterItem.objects.get(pk=reported.pk)
    assert (item.status, item.section, item.handling) == ("reported", None, "")


@pytest.mark.parametrize(
    "payload",
    [
        {"responsible_office": "9. kontor"},
        {"section": 8},
        {"section": "3"},
        {"status": "done"},
        {"status": "triaged"},  # triage needs a classification and an office
        {"handling": "Borger 0101901234"},
    ],
)
def test_patch_bad_input_answers_422(coordinator, office, reported, api_for, payload):
    response = api_for(coordinator)("patch", f"/items/{reported.pk}", payload)
    assert response.status_code == 422, response.json()
    assert response.json()["detail"]
    item = RegisterItem.objects.get(pk=reported.pk)
    assert (item.status, item.section, item.handling) == ("reported", None, "")


def test_patch_an_unknown_item_answers_404(coordinator, api_for):
    assert api_for(coordinator)("patch", "/items/999999", {"handling": "x"}).status_code == 404


def test_the_report_as_pdf_and_docx(coordinator, jc_caseworker, seed, api_for):
    call = api_for(coordinator)
    response = call("get", "/report", {"format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="udvalgsrapport-' in response["Content-Disposition"]
    response = call("get", "/report", {"format": "docx"})
    assert response.status_code == 200
    document = docx.Document(BytesIO(response.content))
    assert document.core_properties.language == "da-DK"
    assert ReportSnapshot.objects.count() == 2
    assert call("get", "/report", {"format": "odt"}).status_code == 422
    refused = api_for(jc_caseworker)("get", "/report", {"format": "pdf"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Du må ikke danne udvalgsrapporten."
    assert ReportSnapshot.objects.count() == 2


def test_no_token_answers_401(client):
    assert client.get("/api/v1/register/items").status_code == 401
