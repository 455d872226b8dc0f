"""Mail other than account mail: list headers, bounce addresses, suppression, batches."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.core.email import OutgoingEmail, email_record_batch, email_send
from portal.core.mail_addresses import bounce_address_parse
from portal.core.models import EmailCategory, EmailDelivery, EmailSuppression
from portal.core.outbox import email_deliver, email_sweep
from portal.core.tests.test_email import welcome_template  # noqa: F401 (fixture)
from portal.testing.smtp import free_port

pytestmark = pytest.mark.django_db


def _suppress(address):
    EmailSuppression.objects.create(address=address, hard_bounces=1, suppressed_at=timezone.now())


def test_a_digest_carries_one_click_unsubscribe_and_a_bounce_address(
    smtp_server,
    welcome_template,  # noqa: F811
    django_capture_on_commit_callbacks,
    settings,
):
    with django_capture_on_commit_callbacks(execute=True):
        delivery = email_send(
            to="anna@3f.example.dk",
            template=welcome_template,
            context={"name": "Anna"},
            category=EmailCategory.DIGEST,
            reference="digest:weekly:2026-11-23",
            reply_to="svar+1.2.3.abc@" + settings.PORTAL_MAIL_DOMAIN,
            unsubscribe_url="https://portal.example.dk/e/afmeld/tok/",
        )

    received = smtp_server.wait_for_message(to="anna@3f.example.dk")
    headers = received.message
    assert headers["List-Unsubscribe"] == "<https://portal.example.dk/e/afmeld/tok/>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Precedence"] == "bulk"
    assert headers["Reply-To"].startswith("svar+1.2.3.abc@")
    assert headers["From"] == settings.DEFAULT_FROM_EMAIL
    # The envelope sender is the delivery's own bounce address (VERP).
    assert bounce_address_parse(received.mail_from) == delivery.pk
    delivery.refresh_from_db()
    assert (delivery.category, delivery.reference) == ("digest", "digest:weekly:2026-11-23")


def test_account_mail_has_no_list_headers_but_is_marked_automatic(
    smtp_server,
    welcome_template,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email_send(to="anna@3f.example.dk", template=welcome_template)

    received = smtp_server.wait_for_message(to="anna@3f.example.dk")
    assert received.message["List-Unsubscribe"] is None
    assert received.message["Precedence"] is None
    assert received.message["Auto-Submitted"] == "auto-generated"


def test_a_bounced_address_gets_no_digest_but_still_gets_account_mail(
    welcome_template,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    _suppress("dead@3f.example.dk")

    with django_capture_on_commit_callbacks(execute=True):
        digest = email_send(
            to="dead@3f.example.dk", template=welcome_template, category=EmailCategory.DIGEST
        )
        login_code = email_send(to="dead@3f.example.dk", template=welcome_template)

    assert digest is None
    assert login_code is not None
    assert list(EmailDelivery.objects.values_list("category", flat=True)) == ["transactional"]


def _batch(addresses, category=EmailCategory.NEWSLETTER):
    return [
        OutgoingEmail(
            to=address,
            template="probe/batch",
            category=category,
            reference="newsletter:1",
            render=lambda delivery, address=address: (
                f"Hej {address}",
                f"Tekst til {address} (levering {delivery.pk})\n",
                f"<p>{address}</p>",
            ),
            unsubscribe_url="https://portal.example.dk/e/afmeld/x/",
        )
        for address in addresses
    ]


def email_send_batch(messages):
    """Write a round's messages to the outbox, then send them, as the rounds do."""
    deliveries = email_record_batch(messages)
    email_deliver([d.pk for d in deliveries if d])
    return deliveries


def test_a_batch_goes_over_one_connection_and_skips_bounced_addresses(smtp_server):
    _suppress("Dead@3F.example.dk")
    addresses = ["a@3f.example.dk", "dead@3f.example.dk", "b@3f.example.dk"]

    deliveries = email_send_batch(_batch(addresses))

    assert deliveries[1] is None
    assert [d.recipient for d in deliveries if d] == ["a@3f.example.dk", "b@3f.example.dk"]
    first = smtp_server.wait_for_message(to="a@3f.example.dk")
    smtp_server.wait_for_message(to="b@3f.example.dk")
    assert f"(levering {deliveries[0].pk})" in first.text
    assert first.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sorted(EmailDelivery.objects.values_list("status", "reference", "subject")) == [
        ("sent", "newsletter:1", "Hej a@3f.example.dk"),
        ("sent", "newsletter:1", "Hej b@3f.example.dk"),
    ]
    assert all(d.sent_at and d.attempts == 1 for d in EmailDelivery.objects.all())
    assert len(smtp_server.messages) == 2


def test_a_subject_known_before_rendering_is_recorded_with_the_delivery(smtp_server):
    messages = _batch(["a@3f.example.dk"])
    messages[0].subject = "Hej a@3f.example.dk"

    (delivery,) = email_send_batch(messages)

    assert EmailDelivery.objects.get(pk=delivery.pk).subject == "Hej a@3f.example.dk"
    assert smtp_server.wait_for_message(to="a@3f.example.dk").subject == "Hej a@3f.example.dk"


def test_a_batch_the_server_refuses_stays_in_the_outbox_for_the_sweep(smtp_server, settings):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens: the connection is refused

    deliveries = email_send_batch(_batch(["a@3f.example.dk", "b@3f.example.dk"]))

    first, second = (EmailDelivery.objects.get(pk=d.pk) for d in deliveries)
    # The first try failed and waits a minute; the second was not tried on a dead connection.
    assert (first.status, first.attempts, bool(first.error)) == ("pending", 1, True)
    assert (second.status, second.attempts) == ("pending", 0)
    settings.EMAIL_PORT = port

    result = email_sweep(now=timezone.now() + timedelta(minutes=2))

    assert result.delivery.sent == 2
    assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == [
        "a@3f.example.dk",
        "b@3f.example.dk",
    ]
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"sent"}


def test_the_throttle_spaces_messages(monkeypatch, settings):
    from portal.core import email

    settings.PORTAL_EMAIL_MAX_PER_SECOND = 50
    slept = []
    monkeypatch.setattr(email.time, "sleep", slept.append)
    throttle = email._Throttle()

    for _ in range(5):
        throttle.wait()

    # The first goes at once, each later one waits its 20 ms turn.
    assert len(slept) == 4
    assert all(0 < pause <= 0.08 for pause in slept)
