"""The one way the portal sends email.

Every message is rendered in the recipient's language from three templates (subject, text,
HTML) and written to the outbox, an EmailDelivery row, in the transaction of its cause. Single
messages' ids go to the queue after commit; rounds (digests, newsletters) write a batch and send
it over one SMTP connection from their task. Sending, retrying and the sweep: `outbox.py`.

Every message carries a bounce address (VERP) as envelope sender so that a bounce names the
delivery, and `Auto-Submitted` so that well-behaved mail systems do not answer it. Mail other
than account and security mail is not sent to an address that bounced, and carries one-click
unsubscribe headers (RFC 8058) when the caller gives an unsubscribe URL.
"""

import base64
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from .mail_addresses import bounce_address
from .models import EmailCategory, EmailDelivery, EmailSuppression

logger = logging.getLogger(__name__)

# How long the sweep leaves a new message to the queue before it takes it itself.
SWEEP_GRACE = timedelta(minutes=1)

Rendered = tuple[str, str, str]  # subject, text, html
# An attachment: file name, content, MIME type, e.g. ("invitation.ics", ics,
# "text/calendar; method=REQUEST"). It is kept in the outbox row (JSON) with the message: text
# as it is, bytes (a PDF, a workbook) as base64 with a fourth element "base64".
Attachment = tuple[str, str | bytes, str]


def _attachment_stored(attachment: Attachment) -> list:
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return [filename, base64.b64encode(content).decode("ascii"), mimetype, "base64"]
    return [filename, content, mimetype]


def _attachment_loaded(stored: list) -> tuple[str, str | bytes, str]:
    filename, content, mimetype, *encoding = stored
    if encoding == ["base64"]:
        return filename, base64.b64decode(content), mimetype
    return filename, content, mimetype


def email_render(template: str, context: dict, language: str) -> Rendered:
    """Render `template`.subject.txt/.txt/.html in `language`."""
    base_context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", base_context)
        text = render_to_string(f"{template}.txt", base_context)
        html = render_to_string(f"{template}.html", base_context)
    return " ".join(subject.split()), text.strip() + "\n", html


def email_is_suppressed(address: str) -> bool:
    return EmailSuppression.objects.filter(
        address__iexact=address, suppressed_at__isnull=False
    ).exists()


def email_headers(
    *,
    category: str,
    reply_to: str | None = None,
    unsubscribe_url: str | None = None,
    extra: dict | None = None,
) -> dict:
    """The headers every portal email carries, plus list headers for mail one can opt out of."""
    headers = {
        # RFC 3834: sent by a machine; Exchange's variant asks for no out-of-office replies.
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
    }
    if category != EmailCategory.TRANSACTIONAL:
        headers["List-Id"] = f"<{category}.{settings.PORTAL_MAIL_DOMAIN}>"
    if category in (EmailCategory.DIGEST, EmailCategory.NEWSLETTER):
        headers["Precedence"] = "bulk"
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if reply_to:
        headers["Reply-To"] = reply_to
    headers.update(extra or {})
    return headers


def email_message(delivery: EmailDelivery) -> EmailMultiAlternatives:
    """The message a delivery row holds: envelope sender is the delivery's bounce address."""
    message = EmailMultiAlternatives(
        subject=delivery.subject,
        body=delivery.text_body,
        from_email=bounce_address(delivery_id=delivery.pk),
        to=[delivery.recipient],
        headers={
            "From": settings.DEFAULT_FROM_EMAIL,
            "Message-ID": make_msgid(idstring=str(delivery.pk), domain=settings.PORTAL_MAIL_DOMAIN),
            **delivery.headers,
        },
    )
    # Not a header: the demo's local outbox (email_backends.OutboxBackend) links its copy to it.
    message.delivery_id = delivery.pk
    if delivery.html_body:
        message.attach_alternative(delivery.html_body, "text/html")
    for stored in delivery.attachments:
        message.attach(*_attachment_loaded(stored))
    return message


class _Throttle:
    """At most PORTAL_EMAIL_MAX_PER_SECOND messages per second from this process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        rate = settings.PORTAL_EMAIL_MAX_PER_SECOND
        if rate <= 0:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + 1.0 / rate
        if start > now:
            time.sleep(start - now)


throttle = _Throttle()


def email_send(
    *,
    to: str,
    template: str,
    context: dict | None = None,
    language: str | None = None,
    headers: dict | None = None,
    category: str = EmailCategory.TRANSACTIONAL,
    user=None,
    reference: str = "",
    reply_to: str | None = None,
    unsubscribe_url: str | None = None,
    attachments: Sequence[Attachment] = (),
) -> EmailDelivery | None:
    """Render `template` (e.g. "accounts/emails/invitation") for `to` and put it in the outbox.

    The message is a row in the caller's transaction; its id goes to the queue after commit.
    The template context gets `delivery` (for tracked links). Returns None, sending nothing,
    when the mail is not account mail and the address bounced.
    """
    if category != EmailCategory.TRANSACTIONAL and email_is_suppressed(to):
        return None
    delivery = EmailDelivery.objects.create(
        template=template,
        recipient=to,
        category=category,
        user=user,
        reference=reference,
        next_attempt_at=_first_sweep_at(),
        headers=email_headers(
            category=category, reply_to=reply_to, unsubscribe_url=unsubscribe_url, extra=headers
        ),
        attachments=[_attachment_stored(a) for a in attachments],
    )
    subject, text, html = email_render(
        template, {**(context or {}), "delivery": delivery}, language or settings.LANGUAGE_CODE
    )
    delivery.subject, delivery.text_body, delivery.html_body = subject[:300], text, html
    delivery.save(update_fields=["subject", "text_body", "html_body"])
    _enqueue_on_commit(delivery.pk)
    return delivery


def email_send_rendered(
    *,
    to: str,
    template: str,
    subject: str,
    text: str,
    html: str | None = None,
    headers: dict | None = None,
    language: str | None = None,
) -> EmailDelivery:
    """Put account mail rendered elsewhere (allauth renders its own) in the outbox."""
    if html is None:
        with translation.override(language or translation.get_language() or "da"):
            html = render_to_string(
                "core/emails/wrapper.html",
                {
                    "subject": subject,
                    # urlize escapes the text; linebreaks must not escape it twice.
                    "body_html": mark_safe(linebreaks(urlize(text, autoescape=True))),  # noqa: S308
                    "site_url": settings.SITE_URL,
                },
            )
    delivery = EmailDelivery.objects.create(
        template=template,
        recipient=to,
        subject=subject[:300],
        text_body=text,
        html_body=html,
        headers=email_headers(category=EmailCategory.TRANSACTIONAL, extra=headers),
        next_attempt_at=_first_sweep_at(),
    )
    _enqueue_on_commit(delivery.pk)
    return delivery


def _first_sweep_at():
    """A new message is the queue's first; the sweep takes it only if the queue did not."""
    return timezone.now() + SWEEP_GRACE


def _enqueue_on_commit(delivery_id: int) -> None:
    transaction.on_commit(lambda: email_enqueue(delivery_id))


def email_enqueue(delivery_id: int) -> None:
    """Hand the id to the queue. If the queue cannot be reached the message is still in the
    outbox, and the sweep sends it: the cause that wrote it must not fail for that."""
    # Imported here: the tasks module imports the outbox, which imports this module.
    from .tasks import deliver_email

    try:
        deliver_email(delivery_id)
    except Exception:
        logger.exception("email %s: the queue is unreachable; the sweep will send it", delivery_id)


@dataclass
class OutgoingEmail:
    """One message of a round. `render` gets the saved delivery (for tracked links)."""

    to: str
    template: str
    category: str
    render: Callable[[EmailDelivery], Rendered]
    user_id: int | None = None
    reference: str = ""
    reply_to: str | None = None
    unsubscribe_url: str | None = None
    headers: dict = field(default_factory=dict)
    # Known before rendering? Then it is recorded with the delivery and spares an update.
    subject: str = ""


def email_record_batch(messages: Sequence[OutgoingEmail]) -> list[EmailDelivery | None]:
    """Write the messages of a round to the outbox in the caller's transaction.

    For rounds of many messages (digests, newsletters, notification emails): the caller writes
    them with its own per-recipient records and, after commit, sends them over one SMTP
    connection with `email_deliver` (whatever it does not send, the sweep does). A fixed number
    of queries. Returns one entry per message: its delivery, or None when the address bounced.
    """
    if not messages:
        return []
    # Addresses compare case-insensitively, as email_is_suppressed does.
    suppressed = set(
        EmailSuppression.objects.annotate(folded=Lower("address"))
        .filter(folded__in=[m.to.lower() for m in messages], suppressed_at__isnull=False)
        .values_list("folded", flat=True)
    )
    sendable = [m for m in messages if m.to.lower() not in suppressed]
    due = _first_sweep_at()
    deliveries = EmailDelivery.objects.bulk_create(
        [
            EmailDelivery(
                template=m.template,
                recipient=m.to,
                category=m.category,
                user_id=m.user_id,
                reference=m.reference,
                subject=m.subject[:300],
                next_attempt_at=due,
                headers=email_headers(
                    category=m.category,
                    reply_to=m.reply_to,
                    unsubscribe_url=m.unsubscribe_url,
                    extra=m.headers,
                ),
            )
            for m in sendable
        ]
    )
    for message, delivery in zip(sendable, deliveries, strict=True):
        subject, delivery.text_body, delivery.html_body = message.render(delivery)
        delivery.subject = subject[:300]
    # The bodies need the ids (tracked links): one upsert writes them all back, where
    # bulk_update's CASE per row costs seconds per 500 rows.
    EmailDelivery.objects.bulk_create(
        deliveries,
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["subject", "text_body", "html_body"],
    )
    sent = iter(deliveries)
    return [None if m.to.lower() in suppressed else next(sent) for m in messages]
