"""inbound_mail_receive: every way a reply by email or a bounce can arrive."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from portal.core.email import email_send
from portal.core.mail_addresses import bounce_address, reply_address
from portal.core.models import EmailCategory, EmailDelivery, EmailSuppression, OutboxMessage
from portal.forum import services as forum
from portal.forum.models import Post
from portal.forum.tests.factories import NetworkFactory, add_member, make_thread
from portal.inbound_mail.models import InboundMessage
from portal.inbound_mail.services import inbound_mail_receive

from .mails import GMAIL_DA_QUOTE, dsn, html_mail, reply_mail

pytestmark = pytest.mark.django_db

SENDER = "sagsbehandler@3f.example.dk"  # the caseworker fixture's address


def receive(raw, address, envelope_from=SENDER):
    [result] = inbound_mail_receive(raw=raw, envelope_from=envelope_from, recipients=[address])
    return result


def replies(thread):
    return list(Post.objects.filter(thread=thread).exclude(pk=thread.posts.order_by("pk")[0].pk))


def explanations(user):
    return EmailDelivery.objects.filter(
        recipient=user.email, template="inbound_mail/emails/rejected"
    )


def outbox_text(user):
    return "\n".join(
        m.text_body for m in OutboxMessage.objects.filter(recipients__contains=user.email)
    )


def test_a_reply_is_posted_in_the_thread_as_the_user_without_quote_and_signature(
    caseworker, thread, address
):
    raw = reply_mail(
        to=address, sender=SENDER.upper(), body="Vi gør det samme.\n\nMvh Sofie" + GMAIL_DA_QUOTE
    )
    result = receive(raw, address)
    assert (result.smtp_code, result.enhanced_code, result.outcome) == (250, "2.0.0", "posted")
    [post] = replies(thread)
    assert post.author == caseworker
    assert post.body == "Vi gør det samme."
    assert result.inbound.post == post and result.inbound.user == caseworker
    assert not explanations(caseworker).exists()


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-8"])
def test_danish_letters_arrive_intact_in_any_charset(caseworker, thread, address, charset):
    body = "Rådighed for ældre ledige: øvelse gør mester. ÆØÅ"
    raw = reply_mail(to=address, sender=SENDER, body=body, charset=charset, cte="quoted-printable")
    assert receive(raw, address).outcome == "posted"
    assert replies(thread)[0].body == body


def test_a_html_only_reply_is_posted_as_text_without_the_quote(caseworker, thread, address):
    html = (
        "<div dir='ltr'><p>Vi gør <b>det samme</b>.</p><p>Hilsen Sofie</p></div>"
        "<div class='gmail_quote'><div>Den 24. nov. 2026 kl. 10.14 skrev Karen &lt;k@x.dk&gt;:"
        "</div><blockquote>Hvordan gør I?</blockquote></div>"
    )
    assert receive(html_mail(to=address, sender=SENDER, html=html), address).outcome == "posted"
    assert replies(thread)[0].body == "Vi gør det samme."


def test_followers_are_notified_of_a_reply_by_email(colleague, thread, address):
    receive(reply_mail(to=address, sender=SENDER), address)
    assert colleague.notifications.filter(thread=thread).exists()


def test_the_body_is_never_stored_in_the_log(thread, address):
    # A marker with Danish letters: it cannot turn up by chance in an id, a timestamp, the
    # random Message-ID or the signed address (a digit marker once did, on PostgreSQL).
    receive(reply_mail(to=address, sender=SENDER, body="Hemmelig æblegrød"), address)
    row = InboundMessage.objects.values().get()
    assert not any("æblegrød" in str(value) for value in row.values())


def test_a_forged_token_posts_nothing_and_sends_nothing(caseworker, thread, address):
    forged = address.replace("svar+", "svar+9")
    result = receive(reply_mail(to=forged, sender=SENDER), forged)
    assert (result.smtp_code, result.enhanced_code, result.outcome) == (550, "5.1.1", "rejected")
    assert replies(thread) == []
    assert not EmailDelivery.objects.exists()


def test_an_address_of_another_thread_with_the_same_signature_is_forged(
    caseworker, thread, address
):
    other = make_thread(author=caseworker, title="Andet")
    tampered = address.replace(f".{thread.pk}.", f".{other.pk}.", 1)
    assert receive(reply_mail(to=tampered, sender=SENDER), tampered).smtp_code == 550
    assert (
        not Post.objects.filter(thread=other)
        .exclude(author=caseworker, body="Hvordan gør I?")
        .count()
        > 1
    )


def test_mail_from_another_address_is_rejected_without_an_explanation(colleague, thread, address):
    result = receive(reply_mail(to=address, sender=colleague.email), address)
    assert (result.smtp_code, result.enhanced_code, result.inbound.reason) == (
        550,
        "5.7.1",
        "sender",
    )
    assert replies(thread) == []
    assert not EmailDelivery.objects.exists()


def test_an_inactive_user_cannot_post_by_email(caseworker, thread, address):
    caseworker.is_active = False
    caseworker.save()
    assert receive(reply_mail(to=address, sender=SENDER), address).smtp_code == 550
    assert replies(thread) == [] and not EmailDelivery.objects.exists()


def test_an_expired_address_is_refused_and_the_user_gets_their_text_back(
    caseworker, thread, address, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel(timezone.now() + timedelta(days=61)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = receive(reply_mail(to=address, sender=SENDER, body="Mit svar om deltid."), address)
    assert (result.smtp_code, result.enhanced_code, result.inbound.reason) == (
        550,
        "5.7.1",
        "expired",
    )
    assert f"/debat/traad/{thread.pk}/" in result.message
    assert replies(thread) == []
    delivery = explanations(caseworker).get()
    assert delivery.category == EmailCategory.TRANSACTIONAL
    text = outbox_text(caseworker)
    assert "Mit svar om deltid." in text and f"/debat/traad/{thread.pk}/" in text


def test_an_oversized_mail_is_refused_with_552(caseworker, thread, address, settings):
    settings.PORTAL_INBOUND_MAIL_MAX_BYTES = 2000
    raw = reply_mail(to=address, sender=SENDER, body="Svar\n" + "x" * 3000)
    result = receive(raw, address)
    assert (result.smtp_code, result.enhanced_code) == (552, "5.3.4")
    assert replies(thread) == []
    assert explanations(caseworker).count() == 1


def test_an_auto_reply_is_ignored_and_never_answered(caseworker, thread, address):
    raw = reply_mail(
        to=address,
        sender=SENDER,
        body="Jeg er på ferie.",
        headers={"Auto-Submitted": "auto-replied"},
    )
    result = receive(raw, address)
    assert (result.smtp_code, result.outcome) == (250, "ignored")
    assert replies(thread) == [] and not EmailDelivery.objects.exists()


def test_a_cpr_number_is_refused_and_the_explanation_masks_it(
    caseworker, thread, address, django_capture_on_commit_callbacks
):
    body = "Borgeren med 010190-1234 har fået afslag."
    with django_capture_on_commit_callbacks(execute=True):
        result = receive(reply_mail(to=address, sender=SENDER, body=body), address)
    assert (result.smtp_code, result.enhanced_code, result.inbound.reason) == (550, "5.7.1", "cpr")
    assert "010190-1234" not in result.message
    assert replies(thread) == []
    text = outbox_text(caseworker)
    assert "Borgeren med 010190-XXXX har fået afslag." in text
    assert "1234" not in text


def test_a_reply_to_a_closed_thread_is_refused(caseworker, editor, thread, address):
    forum.thread_close(thread=thread, by=editor)
    result = receive(reply_mail(to=address, sender=SENDER), address)
    assert (result.smtp_code, result.inbound.reason) == (550, "closed")
    assert replies(thread) == [] and explanations(caseworker).count() == 1


def test_a_thread_the_user_may_no_longer_see_is_refused_without_its_title(
    caseworker, colleague, editor, topic_for_network
):
    network = NetworkFactory(is_open=False)
    add_member(network, colleague)
    membership = add_member(network, caseworker)
    private = make_thread(
        author=colleague, topic=topic_for_network, network=network, title="Hemmelig"
    )
    address = reply_address(user_id=caseworker.pk, thread_id=private.pk)
    membership.delete()
    result = receive(reply_mail(to=address, sender=SENDER), address)
    assert (result.smtp_code, result.inbound.reason) == (550, "forbidden")
    assert Post.objects.filter(thread=private).count() == 1
    assert "Hemmelig" not in explanations(caseworker).get().subject


@pytest.fixture
def topic_for_network(db):
    from portal.core.tests.factories import TopicFactory

    return TopicFactory()


def test_an_empty_reply_is_refused(thread, address):
    result = receive(reply_mail(to=address, sender=SENDER, body=GMAIL_DA_QUOTE), address)
    assert (result.smtp_code, result.inbound.reason) == (550, "empty")
    assert replies(thread) == []


def test_the_same_message_id_is_posted_once(thread, address):
    raw = reply_mail(to=address, sender=SENDER, message_id="<abc@mail.example.dk>")
    first, second = receive(raw, address), receive(raw, address)
    assert (first.outcome, second.outcome) == ("posted", "ignored")
    assert second.smtp_code == 250 and second.inbound.reason == "duplicate"
    assert len(replies(thread)) == 1


def test_attachments_are_not_posted_and_the_user_is_told(caseworker, thread, address):
    raw = reply_mail(to=address, sender=SENDER, body="Se vedhæftede.", attachment=b"%PDF-1.4")
    result = receive(raw, address)
    assert result.outcome == "posted"
    assert not replies(thread)[0].attachments.exists()
    assert explanations(caseworker).count() == 1


def test_a_reply_to_a_merged_thread_lands_in_the_surviving_thread(
    caseworker, editor, thread, address, colleague
):
    target = make_thread(author=colleague, title="Samlet tråd")
    forum.thread_merge(source=thread, target=target, by=editor)
    assert receive(reply_mail(to=address, sender=SENDER), address).outcome == "posted"
    assert Post.objects.filter(thread=target, author=caseworker).exists()


def test_mail_to_an_unknown_address_of_the_domain_is_refused(settings):
    address = f"info@{settings.PORTAL_MAIL_DOMAIN}"
    assert receive(reply_mail(to=address, sender=SENDER), address).smtp_code == 550


# --- Bounces ---------------------------------------------------------------------------------


def _delivery(user, category=EmailCategory.DIGEST):
    return EmailDelivery.objects.create(
        template="digests/emails/digest", recipient=user.email, category=category, user=user
    )


def test_a_hard_bounce_suppresses_the_address_at_once(caseworker):
    delivery = _delivery(caseworker)
    bounce = bounce_address(delivery_id=delivery.pk)
    result = receive(dsn(to=bounce, failed=caseworker.email), bounce, envelope_from="")
    assert (result.smtp_code, result.outcome) == (250, "bounce")
    suppression = EmailSuppression.objects.get(address=caseworker.email)
    assert suppression.suppressed_at is not None and suppression.hard_bounces == 1
    assert "5.1.1" in suppression.diagnostic
    delivery.refresh_from_db()
    assert delivery.bounced_at is not None
    assert (
        email_send(
            to=caseworker.email,
            template="inbound_mail/emails/rejected",
            context={"explanation": "x"},
            category=EmailCategory.DIGEST,
        )
        is None
    )


def test_soft_bounces_suppress_only_at_the_limit_within_30_days(caseworker, settings):
    settings.PORTAL_SOFT_BOUNCE_LIMIT = 3

    def soft_bounce():
        bounce = bounce_address(delivery_id=_delivery(caseworker).pk)
        raw = dsn(to=bounce, failed=caseworker.email, action="delayed", status="4.2.2")
        assert receive(raw, bounce, envelope_from="").outcome == "bounce"
        return EmailSuppression.objects.get(address=caseworker.email)

    with time_machine.travel(timezone.now() - timedelta(days=40)):
        assert soft_bounce().suppressed_at is None  # too old to count later
    assert soft_bounce().suppressed_at is None
    suppression = soft_bounce()
    assert suppression.suppressed_at is None and suppression.soft_bounces == 3
    suppression = soft_bounce()
    assert suppression.suppressed_at is not None


def test_a_forged_bounce_address_is_refused(caseworker):
    bounce = bounce_address(delivery_id=_delivery(caseworker).pk).replace("retur+", "retur+1")
    assert (
        receive(dsn(to=bounce, failed=caseworker.email), bounce, envelope_from="").smtp_code == 550
    )
    assert not EmailSuppression.objects.exists()


@pytest.mark.parametrize("envelope_from", ["", SENDER])
def test_an_out_of_office_reply_to_a_bounce_address_is_ignored(caseworker, envelope_from):
    bounce = bounce_address(delivery_id=_delivery(caseworker).pk)
    raw = reply_mail(
        to=bounce,
        sender=caseworker.email,
        subject="Autosvar: Ugens nyt",
        body="Jeg er på ferie. Ved akut fejl 550 ring 5.1.1",
        headers={"Auto-Submitted": "auto-replied"},
    )
    result = receive(raw, bounce, envelope_from=envelope_from)
    assert (result.smtp_code, result.outcome) == (250, "ignored")
    assert not EmailSuppression.objects.exists()


def test_a_non_standard_bounce_from_a_mailer_daemon_is_understood(caseworker):
    bounce = bounce_address(delivery_id=_delivery(caseworker).pk)
    raw = (
        f"From: MAILER-DAEMON@mx.example.dk\r\nTo: {bounce}\r\nSubject: failure notice\r\n\r\n"
        "Hi. This is the qmail-send program at mx.example.dk.\r\n"
        f"<{caseworker.email}>:\r\nRemote host said: 550 5.1.1 mailbox unavailable\r\n"
    ).encode()
    assert receive(raw, bounce, envelope_from="").outcome == "bounce"
    assert EmailSuppression.objects.get(address=caseworker.email).suppressed_at is not None
