import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_front_page_is_danish_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert "Log ind" in response.content.decode()


def test_unknown_page_gets_the_danish_404(client):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in response.content.decode()


def test_module_placeholders_say_coming_soon(client, caseworker, client_for):
    response = client_for(caseworker).get(reverse("core:module_events"))
    assert response.status_code == 200
    assert "kommer snart" in response.content.decode()


def test_healthz_reports_database_and_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["queue"] == "ok"
