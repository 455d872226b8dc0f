"""A NUL character anywhere in a request's text is refused before anything reads it.

PostgreSQL refuses NUL in text ("A string literal cannot contain NUL"), so such a request used
to end as a 500; these run on SQLite and PostgreSQL alike.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.api.services import api_token_create
from portal.core.middleware import request_holds_nul

pytestmark = pytest.mark.django_db

MESSAGE = "Forespørgslen indeholder et NUL-tegn (\\u0000), som ikke er tilladt."


def test_nul_in_a_page_query_string_is_400_with_a_danish_page(client_for, caseworker):
    response = client_for(caseworker).get("/soeg/?q=r%C3%A5d%00ighed")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ugyldig forespørgsel" in page
    assert MESSAGE in page


def test_nul_in_the_path_is_400(client):
    assert client.get("/kolleger/%00/").status_code == 400


def test_nul_in_a_form_post_is_400_and_nobody_is_signed_in(client, caseworker, password):
    response = client.post(
        "/konto/login/", {"login": caseworker.email + "\x00", "password": password}
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_nul_in_a_form_field_name_is_400(client):
    assert client.post("/konto/login/", {"lo\x00gin": "x"}).status_code == 400


def test_a_file_may_hold_nul_bytes_but_a_field_beside_it_not(rf):
    upload = SimpleUploadedFile("bilag.pdf", b"%PDF-1.4\x00\x00binary", "application/pdf")
    assert not request_holds_nul(rf.post("/debat/", {"body": "Tekst", "file": upload}))
    upload.seek(0)
    assert request_holds_nul(rf.post("/debat/", {"body": "Te\x00kst", "file": upload}))


def test_the_english_page_is_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/soeg/?q=%00")
    assert response.status_code == 400
    assert "The request contains a NUL character" in response.content.decode()


def test_requests_without_nul_pass(client_for, caseworker):
    assert client_for(caseworker).get("/soeg/?q=r%C3%A5dighed").status_code == 200


def test_a_broken_multipart_body_is_400_not_500(client_for, caseworker):
    _token, key = api_token_create(user=caseworker, name="Test")
    headers = {"Authorization": f"Bearer {key}"}
    broken = '{"title": "no boundary"}'
    api = client_for(caseworker).post(
        "/api/v1/threads", broken, content_type="multipart/form-data", headers=headers
    )
    assert api.status_code == 400
    assert api.json() == {"detail": "Formularens data kunne ikke læses."}
    page = client_for(caseworker).post("/debat/", broken, content_type="multipart/form-data")
    assert page.status_code == 400
