"""The portal's one email sender, end to end through a real SMTP server on loopback."""

import copy

import pytest

from portal.core.email import email_send
from portal.core.models import EmailDelivery
from portal.testing.smtp import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def welcome_template(tmp_path, settings):
    """A subject/text/HTML template trio of the kind every module ships."""
    folder = tmp_path / "probe"
    folder.mkdir()
    (folder / "welcome.subject.txt").write_text("Welcome,\n{{ name }}\n")
    (folder / "welcome.txt").write_text("Hello {{ name }}, see {{ site_url }}/profil/\n")
    (folder / "welcome.html").write_text("<p>Hello <strong>{{ name }}</strong></p>\n")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return "probe/welcome"


def test_email_send_delivers_a_multipart_message_over_smtp(
    smtp_server, welcome_template, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        delivery = email_send(
            to="anna@3f.example.dk",
            template=welcome_template,
            context={"name": "Anna"},
            language="en",
            headers={"List-Unsubscribe": "<https://portal.example.dk/afmeld/abc/>"},
        )

    received = smtp_server.wait_for_message(to="anna@3f.example.dk")
    assert received.subject == "Welcome, Anna"
    assert received.message["From"] == settings.DEFAULT_FROM_EMAIL
    assert received.message["List-Unsubscribe"] == "<https://portal.example.dk/afmeld/abc/>"
    assert received.message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in received.message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert received.text == f"Hello Anna, see {settings.SITE_URL}/profil/\n"
    assert "<strong>Anna</strong>" in received.html
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 1
    assert delivery.sent_at is not None
    assert delivery.error == ""


def test_email_send_keeps_the_message_pending_when_the_smtp_server_refuses(
    smtp_server, welcome_template, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_PORT = free_port()  # nothing listens there: the connection is refused

    with django_capture_on_commit_callbacks(execute=True):
        delivery = email_send(to="anna@3f.example.dk", template=welcome_template)

    delivery.refresh_from_db()
    # Not failed: tried once, and due again after the first pause of the backoff.
    assert delivery.status == EmailDelivery.Status.PENDING
    assert delivery.attempts == 1
    assert delivery.sent_at is None
    assert delivery.error
    assert delivery.next_attempt_at > delivery.created_at
    assert smtp_server.messages == []
