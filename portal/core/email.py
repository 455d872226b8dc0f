"""The one way the portal sends email.

Every message is rendered in the recipient's language from three templates (subject, text,
HTML) and gets an EmailDelivery record. Single messages go to the queue after the transaction
commits; rounds (digests, newsletters) send a batch over one SMTP connection from their task.

Every message carries a bounce address (VERP) as envelope sender so that a bounce names the
delivery, and `Auto-Submitted` so that well-behaved mail systems do not answer it. Mail other
than account and security mail is not sent to an address that bounced, and carries one-click
unsubscribe headers (RFC 8058) when the caller gives an unsubscribe URL.
"""

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from .mail_addresses import bounce_address
from .models import EmailCategory, EmailDelivery, EmailSuppression

logger = logging.getLogger(__name__)

Rendered = tuple[str, str, str]  # subject, text, html
# An attachment: file name, content (text), MIME type, e.g. ("invitation.ics", ics,
# "text/calendar; method=REQUEST"). Text only: it travels through the queue with the message.
Attachment = tuple[str, str, str]


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


def email_message(
    delivery: EmailDelivery,
    subject: str,
    text: str,
    html: str,
    headers: dict,
    attachments: Sequence[Attachment] = (),
) -> EmailMultiAlternatives:
    """The message for one delivery: envelope sender is the delivery's bounce address."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=bounce_address(delivery_id=delivery.pk),
        to=[delivery.recipient],
        headers={
            "From": settings.DEFAULT_FROM_EMAIL,
            "Message-ID": make_msgid(idstring=str(delivery.pk), domain=settings.PORTAL_MAIL_DOMAIN),
            **headers,
        },
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
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
    """Render `template` (e.g. "accounts/emails/invitation") and queue it for `to`.

    The template context gets `delivery` (for tracked links). Returns None, sending nothing,
    when the mail is not account mail and the address bounced.
    """
    if category != EmailCategory.TRANSACTIONAL and email_is_suppressed(to):
        return None
    delivery = EmailDelivery.objects.create(
        template=template, recipient=to, category=category, user=user, reference=reference
    )
    subject, text, html = email_render(
        template, {**(context or {}), "delivery": delivery}, language or settings.LANGUAGE_CODE
    )
    delivery.subject = subject[:300]
    delivery.save(update_fields=["subject"])
    all_headers = email_headers(
        category=category, reply_to=reply_to, unsubscribe_url=unsubscribe_url, extra=headers
    )
    _queue(delivery, subject, text, html, all_headers, attachments)
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
    """Queue account mail whose text was rendered elsewhere (allauth renders its own)."""
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
    delivery = EmailDelivery.objects.create(template=template, recipient=to, subject=subject[:300])
    _queue(delivery, subject, text, html, email_headers(category="transactional", extra=headers))
    return delivery


def _queue(
    delivery: EmailDelivery,
    subject: str,
    text: str,
    html: str,
    headers: dict,
    attachments: Sequence[Attachment] = (),
) -> None:
    from .tasks import deliver_email

    attachments = [tuple(a) for a in attachments]
    transaction.on_commit(
        lambda: deliver_email(delivery.pk, subject, text, html, headers, attachments)
    )


@dataclass
class OutgoingEmail:
    """One message of a batch. `render` gets the saved delivery (for tracked links)."""

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


def email_send_batch(
    messages: Sequence[OutgoingEmail], *, connection=None
) -> list[EmailDelivery | None]:
    """Record and send `messages` now, over one SMTP connection, in the caller's process.

    For rounds of many messages (digests, newsletters), called from a queue task. Returns one
    entry per message: its delivery, or None when the address bounced before. A message the
    SMTP server refuses is handed to the queue to be retried like a single message.
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
    deliveries = EmailDelivery.objects.bulk_create(
        [
            EmailDelivery(
                template=m.template,
                recipient=m.to,
                category=m.category,
                user_id=m.user_id,
                reference=m.reference,
                subject=m.subject[:300],
            )
            for m in sendable
        ]
    )
    connection = connection or get_connection()
    try:
        connection.open()
        connection_error = None
    except Exception as exc:  # every message goes to the queue, which retries
        connection_error = exc
    sent_at = timezone.now()
    retry = []
    try:
        for message, delivery in zip(sendable, deliveries, strict=True):
            subject, text, html = message.render(delivery)
            headers = email_headers(
                category=message.category,
                reply_to=message.reply_to,
                unsubscribe_url=message.unsubscribe_url,
                extra=message.headers,
            )
            delivery.subject = subject[:300]
            delivery.attempts = 1
            try:
                if connection_error is not None:
                    raise connection_error
                throttle.wait()
                connection.send_messages([email_message(delivery, subject, text, html, headers)])
            except Exception as exc:
                logger.warning("email %s to %s failed: %s", delivery.pk, delivery.recipient, exc)
                delivery.status = EmailDelivery.Status.FAILED
                delivery.error = str(exc)[:2000]
                retry.append((delivery, subject, text, html, headers))
                continue
            delivery.status = EmailDelivery.Status.SENT
            delivery.sent_at = sent_at
    finally:
        connection.close()
    # One UPDATE for everything sent; per-row updates only for what they cannot share.
    sent_ids = [d.pk for d in deliveries if d.status == EmailDelivery.Status.SENT]
    EmailDelivery.objects.filter(pk__in=sent_ids).update(
        status=EmailDelivery.Status.SENT, sent_at=sent_at, attempts=1
    )
    EmailDelivery.objects.bulk_update(
        [d for d in deliveries if d.status == EmailDelivery.Status.FAILED],
        ["subject", "attempts", "status", "error"],
        batch_size=500,
    )
    EmailDelivery.objects.bulk_update(
        [
            d
            for m, d in zip(sendable, deliveries, strict=True)
            if d.status == EmailDelivery.Status.SENT and d.subject != m.subject[:300]
        ],
        ["subject"],
        batch_size=500,
    )
    for delivery, subject, text, html, headers in retry:
        _queue(delivery, subject, text, html, headers)
    sent = iter(deliveries)
    return [None if m.to.lower() in suppressed else next(sent) for m in messages]
