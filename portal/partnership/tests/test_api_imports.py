"""POST and GET /api/v1/partnership/imports: a file in, all or nothing, and how it went."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.api.services import api_token_create
from portal.partnership.display import import_too_large
from portal.partnership.models import ContactCourse, ImportStatus, PartnershipImport
from portal.partnership.tests.test_importing import GOOD_COURSE, courses_csv

pytestmark = pytest.mark.django_db

URL = "/api/v1/partnership/imports"


def _headers(user):
    _token, key = api_token_create(user=user, name="Test")
    return {"Authorization": f"Bearer {key}"}


def _post(client, user, data, kind="courses", name="kurser.csv"):
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(URL, {"kind": kind, "file": upload}, headers=_headers(user))


def test_a_good_file_is_stored_and_answers_201(client, jobcenter_coordinator, fund):
    response = _post(client, jobcenter_coordinator, courses_csv(GOOD_COURSE))
    assert response.status_code == 201
    body = response.json()
    assert body == {"id": body["id"], "status": "done", "rows": 1, "errors": []}
    assert ContactCourse.objects.get().course_id == "K-1"

    detail = client.get(f"{URL}/{body['id']}", headers=_headers(jobcenter_coordinator))
    assert detail.status_code == 200
    assert detail.json() == {
        "id": body["id"],
        "status": "done",
        "rows": 1,
        "progress": 100,
        "errors": [],
    }


def test_a_bad_row_answers_422_by_row_and_column_and_stores_nothing(
    client, jobcenter_coordinator, fund
):
    bad = GOOD_COURSE.replace("2016-01-15", "15/15/2016")
    response = _post(client, jobcenter_coordinator, courses_csv(bad))
    assert response.status_code == 422
    body = response.json()
    assert body["detail"]
    assert [(error["row"], error["column"]) for error in body["errors"]] == [
        (2, "unemployment_start")
    ]
    assert body["errors"][0]["message"]
    assert not ContactCourse.objects.exists()
    assert PartnershipImport.objects.get().status == ImportStatus.FAILED


def test_an_unknown_kind_is_422_in_the_field_shape(client, jobcenter_coordinator, fund):
    response = _post(client, jobcenter_coordinator, courses_csv(GOOD_COURSE), kind="people")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["form", "kind"]
    assert not PartnershipImport.objects.exists()


def test_a_large_file_is_queued_with_202_and_its_progress_can_be_followed(
    client, jobcenter_coordinator, fund, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 2
    rows = [f"K-{n};3f;borger-{n};2016-01-15;30plus;0;;;" for n in range(5)]
    with django_capture_on_commit_callbacks(execute=False):
        response = _post(client, jobcenter_coordinator, courses_csv(*rows))
    assert response.status_code == 202
    body = response.json()
    assert body == {"id": body["id"], "status": "queued"}
    detail = client.get(f"{URL}/{body['id']}", headers=_headers(jobcenter_coordinator)).json()
    assert (detail["status"], detail["rows"], detail["progress"]) == ("queued", 5, 0)


def test_a_file_over_the_size_limit_is_413_and_nothing_is_recorded(
    client, jobcenter_coordinator, fund, settings
):
    settings.PORTAL_PARTNERSHIP_IMPORT_MAX_BYTES = 10
    response = _post(client, jobcenter_coordinator, courses_csv(GOOD_COURSE))
    assert response.status_code == 413
    assert response.json()["detail"] == import_too_large(10)
    assert not PartnershipImport.objects.exists()


def test_people_who_may_not_import_are_403(client, caseworker, union, fund):
    from portal.conftest import make_user

    for person in (caseworker, make_user(organisation=union, roles=["coordinator"])):
        response = _post(client, person, courses_csv(GOOD_COURSE))
        assert response.status_code == 403
        assert response.json()["detail"]
    assert not PartnershipImport.objects.exists()


def test_a_fund_s_import_is_seen_by_its_importer_and_the_jobcenter_only(
    client, fund_coordinator, jobcenter_coordinator, fund, other_fund
):
    from portal.conftest import make_user

    response = _post(client, fund_coordinator, courses_csv(GOOD_COURSE))
    assert response.status_code == 201
    url = f"{URL}/{response.json()['id']}"
    assert client.get(url, headers=_headers(fund_coordinator)).status_code == 200
    assert client.get(url, headers=_headers(jobcenter_coordinator)).status_code == 200
    colleague = make_user(organisation=fund, roles=["coordinator"], email="b@3f.example.dk")
    other = make_user(organisation=other_fund, roles=["coordinator"], email="c@foa.example.dk")
    for person in (colleague, other):
        assert client.get(url, headers=_headers(person)).status_code == 404
    assert client.get(f"{URL}/999999", headers=_headers(jobcenter_coordinator)).status_code == 404
