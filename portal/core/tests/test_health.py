import pytest
from django.conf import settings
from django.db import OperationalError, connections
from django.urls import reverse

from portal.core import views

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_database_and_queue_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert response.json()["queue"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_queue_storage_fails(client, monkeypatch):
    def broken():
        raise ConnectionError("queue down")

    monkeypatch.setattr(views.HUEY, "pending_count", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == "ok"
    assert body["queue"].startswith("error")


class _BrokenConnection:
    def cursor(self):
        raise OSError("database down")


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    monkeypatch.setattr(views, "connection", _BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"].startswith("error")
    assert "database down" not in str(body)


def test_healthz_is_503_with_a_session_cookie_while_the_database_is_down(
    client_for, caseworker, monkeypatch
):
    """The session and sign-in middleware read the database for a signed-in browser; the
    health check must still answer 503, not fail with 500 before it is reached."""
    client = client_for(caseworker)
    assert settings.SESSION_COOKIE_NAME in client.cookies

    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", database_down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: OperationalError"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_still_routed_by_name(client):
    assert reverse("healthz") == "/healthz"
