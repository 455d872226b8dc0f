"""End to end: a real SMTP/LMTP receiver on loopback, mail sent with smtplib."""

import smtplib
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
import time_machine
from django.utils import timezone

from portal.core.email import email_send
from portal.core.mail_addresses import reply_address
from portal.forum.models import Post
from portal.inbound_mail.models import InboundMessage
from portal.inbound_mail.receiver import InboundMailController
from portal.testing.smtp import LOOPBACK, free_port

from .mails import GMAIL_DA_QUOTE, reply_mail, wire

pytestmark = pytest.mark.django_db(transaction=True)

SENDER = "sagsbehandler@3f.example.dk"


@pytest.fixture
def receiver():
    controller = InboundMailController(host=LOOPBACK, port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def lmtp_receiver():
    controller = InboundMailController(host=LOOPBACK, port=free_port(), lmtp=True)
    controller.start()
    yield controller
    controller.stop()


def smtp_send(receiver, raw, recipients, sender=SENDER):
    with smtplib.SMTP(receiver.hostname, receiver.port, timeout=10) as client:
        return client.sendmail(sender, recipients, raw)


def replies(thread):
    return list(Post.objects.filter(thread=thread).order_by("pk"))[1:]


def test_a_reply_over_smtp_is_posted_as_the_user(
    receiver, caseworker, thread, address, smtp_server
):
    body = "Vi gør det samme i Aarhus.\n\nSendt fra min iPhone" + GMAIL_DA_QUOTE
    assert smtp_send(receiver, reply_mail(to=address, sender=SENDER, body=body), [address]) == {}
    [post] = replies(thread)
    assert (post.author, post.body) == (caseworker, "Vi gør det samme i Aarhus.")
    assert smtp_server.messages_to(SENDER) == []


def test_a_forged_token_is_refused_at_rcpt_and_nothing_happens(
    receiver, thread, address, smtp_server
):
    local, domain = address.split("@")
    forged = f"{local[:-1]}{'b' if local.endswith('a') else 'a'}@{domain}"
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        smtp_send(receiver, reply_mail(to=forged, sender=SENDER), [forged])
    assert refused.value.recipients[forged][0] == 550
    assert replies(thread) == []
    assert not InboundMessage.objects.exists()
    assert smtp_server.messages == []


def test_addresses_outside_the_portals_scheme_are_refused_at_rcpt(receiver, settings):
    for address in ("someone@example.dk", f"info@{settings.PORTAL_MAIL_DOMAIN}"):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            smtp_send(receiver, reply_mail(to=address, sender=SENDER), [address])
        assert refused.value.recipients[address][0] == 550


def test_an_expired_token_is_refused_and_the_explanation_reaches_the_user(
    receiver, caseworker, thread, address, smtp_server
):
    raw = reply_mail(to=address, sender=SENDER, body="Mit svar, som ikke må gå tabt.")
    with (
        time_machine.travel(timezone.now() + timedelta(days=90), tick=True),
        pytest.raises(smtplib.SMTPDataError) as refused,
    ):
        smtp_send(receiver, raw, [address])
    assert refused.value.smtp_code == 550
    assert b"5.7.1" in refused.value.smtp_error
    assert replies(thread) == []
    explanation = smtp_server.wait_for_message(to=SENDER)
    assert "Mit svar, som ikke må gå tabt." in explanation.text
    assert f"/debat/traad/{thread.pk}/" in explanation.text
    assert explanation.message["Auto-Submitted"] == "auto-generated"


def test_an_oversized_mail_gets_552(receiver, thread, address, settings):
    settings.PORTAL_INBOUND_MAIL_MAX_BYTES = 4000
    for size in (5000, 20000):  # told by the portal, and cut off by the protocol
        raw = reply_mail(to=address, sender=SENDER, body="Svar\n" + "xxxxxxxxx\n" * (size // 10))
        with pytest.raises(smtplib.SMTPException) as refused:
            smtp_send(receiver, raw, [address])
        assert getattr(refused.value, "smtp_code", None) == 552 or "552" in str(refused.value)
    assert replies(thread) == []


def test_wrong_from_is_refused_and_nobody_is_mailed(
    receiver, colleague, thread, address, smtp_server
):
    with pytest.raises(smtplib.SMTPDataError) as refused:
        smtp_send(
            receiver, reply_mail(to=address, sender=colleague.email), [address], colleague.email
        )
    assert refused.value.smtp_code == 550
    assert replies(thread) == [] and smtp_server.messages == []


def test_an_auto_reply_is_accepted_and_ignored(receiver, thread, address, smtp_server):
    raw = reply_mail(
        to=address,
        sender=SENDER,
        body="Jeg er på ferie til mandag.",
        headers={"Auto-Submitted": "auto-replied"},
    )
    assert smtp_send(receiver, raw, [address]) == {}
    assert replies(thread) == [] and smtp_server.messages == []
    assert InboundMessage.objects.get().outcome == "ignored"


def test_a_retried_delivery_posts_once(receiver, thread, address):
    raw = reply_mail(to=address, sender=SENDER, message_id="<retry@mail.example.dk>")
    smtp_send(receiver, raw, [address])
    smtp_send(receiver, raw, [address])
    assert len(replies(thread)) == 1


def test_lmtp_answers_once_per_recipient(
    lmtp_receiver, caseworker, colleague, thread, address, smtp_server
):
    expired = None
    with time_machine.travel(timezone.now() - timedelta(days=100)):
        expired = reply_address(user_id=caseworker.pk, thread_id=thread.pk)
    raw = reply_mail(to=address, sender=SENDER, body="Svar via LMTP.")
    with smtplib.LMTP(lmtp_receiver.hostname, lmtp_receiver.port, timeout=10) as client:
        client.ehlo("mx.example.dk")  # smtplib's LMTP sends LHLO
        client.mail(SENDER)
        assert client.rcpt(address)[0] == 250
        assert client.rcpt(expired)[0] == 250
        first = client.data(raw)
        second = client.getreply()
    assert first[0] == 250
    assert second[0] == 550 and second[1].startswith(b"5.7.1")
    assert [p.body for p in replies(thread)] == ["Svar via LMTP."]
    explanation = smtp_server.wait_for_message(to=SENDER)
    assert "Svar via LMTP." in explanation.text


def test_a_cpr_number_over_smtp_posts_nothing_and_the_explanation_masks_it(
    receiver, thread, address, smtp_server
):
    raw = reply_mail(to=address, sender=SENDER, body="Se borger 0101901234 i sagen.")
    with pytest.raises(smtplib.SMTPDataError) as refused:
        smtp_send(receiver, raw, [address])
    assert refused.value.smtp_code == 550
    assert replies(thread) == []
    explanation = smtp_server.wait_for_message(to=SENDER)
    assert "010190-XXXX" in explanation.text and "0101901234" not in explanation.text


def test_round_trip_a_portal_email_answered_from_a_mail_program_is_posted(
    receiver, caseworker, thread, smtp_server
):
    email_send(
        to=caseworker.email,
        template="inbound_mail/emails/rejected",
        context={"explanation": "Karen Kollega har svaret i tråden.", "thread": thread},
        category="notification",
        user=caseworker,
        reply_to=reply_address(user_id=caseworker.pk, thread_id=thread.pk),
    )
    received = smtp_server.wait_for_message(to=caseworker.email)
    reply_to = received.message["Reply-To"].addresses[0].addr_spec
    quoted = "\n".join("> " + line for line in received.text.splitlines())
    answer = EmailMessage()
    answer["From"] = f"Sofie <{caseworker.email}>"
    answer["To"] = str(received.message["Reply-To"])
    answer["Subject"] = "Re: " + received.subject
    answer["Message-ID"] = make_msgid(domain="mail.example.dk")
    answer["In-Reply-To"] = received.message["Message-ID"]
    answer.set_content(
        "Tak, det hjælper os.\n\nMed venlig hilsen\nSofie\n\n"
        f"Den 25. nov. 2026 kl. 10.14 skrev Samarbejdsportalen <{received.message['From']}>:\n"
        + quoted
    )
    assert smtp_send(receiver, wire(answer), [reply_to]) == {}
    [post] = replies(thread)
    assert (post.author, post.body) == (caseworker, "Tak, det hjælper os.")
