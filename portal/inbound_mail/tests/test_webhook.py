"""POST /indgaaende-mail/: the HTTP door for mail services that do not speak SMTP."""

import pytest
from django.urls import reverse

from portal.forum.models import Post

from .mails import reply_mail

pytestmark = pytest.mark.django_db

SENDER = "sagsbehandler@3f.example.dk"
SECRET = "hemmelig-webhook-noegle-123"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.PORTAL_INBOUND_MAIL_SECRET = SECRET


def post(client, raw, *, token=SECRET, to=None, envelope_from=SENDER):
    headers = {"Authorization": f"Bearer {token}", "X-Envelope-From": envelope_from}
    if to:
        headers["X-Envelope-To"] = to
    return client.post(
        reverse("inbound_mail:webhook"), raw, content_type="message/rfc822", headers=headers
    )


def test_the_webhook_is_off_without_a_secret(client, settings, address):
    settings.PORTAL_INBOUND_MAIL_SECRET = ""
    assert post(client, reply_mail(to=address, sender=SENDER), to=address).status_code == 404


def test_a_wrong_secret_is_forbidden_and_posts_nothing(client, thread, address):
    response = post(client, reply_mail(to=address, sender=SENDER), token="gaet", to=address)
    assert response.status_code == 403
    assert Post.objects.filter(thread=thread).count() == 1


def test_a_reply_is_posted_and_answered_with_json(client, caseworker, thread, address):
    response = post(client, reply_mail(to=address, sender=SENDER, body="Via webhook."), to=address)
    assert response.status_code == 200
    [result] = response.json()["results"]
    assert (result["outcome"], result["code"], result["enhanced_code"]) == ("posted", 250, "2.0.0")
    assert Post.objects.filter(thread=thread, author=caseworker, body="Via webhook.").exists()


def test_without_x_envelope_to_the_recipient_comes_from_the_to_header(client, thread, address):
    response = post(client, reply_mail(to=f"Samarbejdsportalen <{address}>", sender=SENDER))
    assert response.status_code == 200
    assert Post.objects.filter(thread=thread).count() == 2


def test_a_forged_address_is_422_with_the_explanation(client, thread, address):
    forged = address.replace("svar+", "svar+7")
    response = post(client, reply_mail(to=forged, sender=SENDER), to=forged)
    assert response.status_code == 422
    [result] = response.json()["results"]
    assert (result["outcome"], result["code"], result["enhanced_code"]) == (
        "rejected",
        550,
        "5.1.1",
    )
    assert result["message"]
    assert Post.objects.filter(thread=thread).count() == 1


def test_an_oversized_message_is_413(client, settings, thread, address):
    settings.PORTAL_INBOUND_MAIL_MAX_BYTES = 3000
    for lines in (400, 2000):  # judged by the service (552), and refused unread
        raw = reply_mail(to=address, sender=SENDER, body="Svar\n" + "xxxxxxxxx\n" * lines)
        assert post(client, raw, to=address).status_code == 413
    assert Post.objects.filter(thread=thread).count() == 1


def test_the_webhook_needs_no_csrf_token(thread, address):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert post(client, reply_mail(to=address, sender=SENDER), to=address).status_code == 200


def test_get_is_not_allowed(client):
    assert client.get(reverse("inbound_mail:webhook")).status_code == 405
