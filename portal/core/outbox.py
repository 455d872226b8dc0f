"""The durable outbox: claim a message, send it, mark it; retry with backoff; sweep what is due.

A message is an EmailDelivery row written with its cause (`email.py`). Whoever sends it — the
queue task that got its id, a round sending its batch, the minute sweep — first claims it with
one conditional UPDATE (pending and due, or a claim whose lease ran out → sending), then talks
to the SMTP server, then marks it sent. A sender that dies between the SMTP server's "250" and
the mark leaves the one message in flight claimed; when the lease runs out the sweep sends it
again: at most one duplicate per crash, and nothing lost (docs/decisions/0014-durable-outbox.md).
"""

import logging
import smtplib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from .email import email_enqueue, email_message, throttle
from .models import AuditEvent, EmailDelivery, User
from .services import audit_record

logger = logging.getLogger(__name__)

# Sent after a run of `email_deliver` with `counts`: {(category, Copenhagen date): messages
# sent}; the insights count emails per day without this module knowing of them (apps depend one
# way), in one write per day and category rather than one per message.
emails_sent = Signal()

Status = EmailDelivery.Status

# The pause after the n-th failed attempt: 1, 2, 4 … minutes, never more than this.
BACKOFF_CAP = timedelta(hours=4)
# How many rows a sender loads at a time.
SLICE = 200


def backoff(attempts: int) -> timedelta:
    """The pause before the next attempt after `attempts` failed ones."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), BACKOFF_CAP)


def _lease() -> timedelta:
    return timedelta(seconds=settings.PORTAL_EMAIL_LEASE_SECONDS)


def _claimable(now: datetime) -> Q:
    """Pending and due, or claimed by a sender that did not finish within the lease."""
    return (Q(status=Status.PENDING) & (Q(next_attempt_at__lte=now) | Q(attempts=0))) | Q(
        status=Status.SENDING, claimed_at__lt=now - _lease()
    )


def email_claim(*, delivery_id: int, now: datetime) -> bool:
    """Take the message for this sender: one conditional UPDATE, so two senders never both win.

    A message that already used all its attempts is left to the sweep, which marks it failed.
    """
    return bool(
        EmailDelivery.objects.filter(
            _claimable(now), pk=delivery_id, attempts__lt=settings.PORTAL_EMAIL_MAX_ATTEMPTS
        ).update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )


def _is_permanent(exc: Exception) -> bool:
    """The SMTP server refused this message for good (5xx): trying again will not help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code >= 500 for code, _msg in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPDataError) and 500 <= exc.smtp_code < 600


def _is_connection_error(exc: Exception) -> bool:
    """The connection is gone or never came up: the rest of a batch waits for the sweep."""
    if isinstance(
        exc,
        smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError | smtplib.SMTPAuthenticationError,
    ):
        return True
    # Every SMTP error is an OSError; the others concern the one message.
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def _record_failure(*, delivery_id: int, exc: Exception, now: datetime) -> str:
    """Back to pending with a pause, or failed for good; the new status."""
    delivery = EmailDelivery.objects.only("attempts", "created_at").get(pk=delivery_id)
    too_old = delivery.created_at < now - timedelta(hours=settings.PORTAL_EMAIL_MAX_AGE_HOURS)
    if _is_permanent(exc) or delivery.attempts >= settings.PORTAL_EMAIL_MAX_ATTEMPTS or too_old:
        status, next_attempt_at = Status.FAILED, None
    else:
        status, next_attempt_at = Status.PENDING, now + backoff(delivery.attempts)
    EmailDelivery.objects.filter(pk=delivery_id, status=Status.SENDING).update(
        status=status,
        next_attempt_at=next_attempt_at,
        claimed_at=None,
        error=(str(exc) or type(exc).__name__)[:2000],
    )
    return status


@dataclass
class DeliveryResult:
    sent: int = 0
    retry: int = 0
    failed: int = 0
    # Someone else holds or already sent it.
    skipped: int = 0


def email_deliver(
    delivery_ids: Sequence[int], *, connection=None, now: datetime | None = None
) -> DeliveryResult:
    """Send these messages now, over one SMTP connection, in this process.

    Must run outside a transaction: each claim and each mark commits at once, which is what
    bounds a crash to one duplicate. Two queries per message plus one per slice of 200. When
    the connection fails, the rest waits for the sweep.
    """
    result = DeliveryResult()
    sent_counts: Counter[tuple[str, date]] = Counter()
    opened = False
    try:
        for offset in range(0, len(delivery_ids), SLICE):
            ids = list(delivery_ids[offset : offset + SLICE])
            rows = {d.pk: d for d in EmailDelivery.objects.filter(pk__in=ids)}
            for delivery_id in ids:
                delivery = rows.get(delivery_id)
                current = now or timezone.now()
                if delivery is None or not email_claim(delivery_id=delivery_id, now=current):
                    result.skipped += 1
                    continue
                try:
                    if connection is None:
                        connection = get_connection()
                    if not opened:
                        connection.open()
                        opened = True
                    throttle.wait()
                    connection.send_messages([email_message(delivery)])
                except Exception as exc:
                    logger.warning(
                        "email %s to %s failed: %s", delivery_id, delivery.recipient, exc
                    )
                    status = _record_failure(delivery_id=delivery_id, exc=exc, now=current)
                    if status == Status.FAILED:
                        result.failed += 1
                    else:
                        result.retry += 1
                    if _is_connection_error(exc):
                        return result
                    continue
                sent_at = timezone.now()
                EmailDelivery.objects.filter(pk=delivery_id).update(
                    status=Status.SENT, sent_at=sent_at, claimed_at=None, error=""
                )
                sent_counts[(delivery.category, timezone.localdate(sent_at))] += 1
                result.sent += 1
    finally:
        if opened:
            try:
                connection.close()
            except Exception:  # a dead connection cannot be closed politely
                logger.debug("closing the SMTP connection failed", exc_info=True)
        if sent_counts:
            # The mail is sent and marked: a counter that fails must not fail the sending.
            for receiver, error in emails_sent.send_robust(
                sender=EmailDelivery, counts=dict(sent_counts)
            ):
                if isinstance(error, Exception):
                    logger.error("counting sent email in %s failed: %r", receiver, error)
    return result


@dataclass
class SweepResult:
    expired: int
    delivery: DeliveryResult


def email_sweep(*, now: datetime | None = None) -> SweepResult:
    """Send whatever is due and unsent: a lost task, a queue that was down, an SMTP server
    that was down, a sender that died mid-send. Messages past their last attempt or their
    maximum age are marked failed for the operator first."""
    now = now or timezone.now()
    too_old = now - timedelta(hours=settings.PORTAL_EMAIL_MAX_AGE_HOURS)
    expired = EmailDelivery.objects.filter(
        Q(status=Status.PENDING, created_at__lt=too_old)
        | Q(
            status=Status.SENDING,
            claimed_at__lt=now - _lease(),
            attempts__gte=settings.PORTAL_EMAIL_MAX_ATTEMPTS,
        )
    ).update(
        status=Status.FAILED,
        next_attempt_at=None,
        claimed_at=None,
        error=_("Not sent: no attempt succeeded in time."),
    )
    due = list(
        EmailDelivery.objects.filter(
            Q(status=Status.PENDING, next_attempt_at__lte=now)
            | Q(status=Status.SENDING, claimed_at__lt=now - _lease())
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )
    result = email_deliver(due, now=now)
    if expired or due:
        logger.info("email sweep: %s due, %s expired: %s", len(due), expired, result)
    return SweepResult(expired=expired, delivery=result)


def email_resend(*, delivery_id: int, by: User) -> EmailDelivery:
    """The operator sends a failed message again: back to pending with fresh attempts."""
    if not by.has_perm("core.manage_mail"):
        raise PermissionDenied
    with transaction.atomic():
        delivery = EmailDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None:
            raise EmailDelivery.DoesNotExist
        if delivery.status != Status.FAILED:
            raise ValidationError(_("Only mail that failed can be sent again."), code="not_failed")
        if delivery.body_deleted_at is not None:
            raise ValidationError(
                _("The message was deleted after the retention period and cannot be sent again."),
                code="body_deleted",
            )
        delivery.status = Status.PENDING
        delivery.attempts = 0
        delivery.error = ""
        delivery.claimed_at = None
        delivery.next_attempt_at = timezone.now()
        delivery.save(
            update_fields=["status", "attempts", "error", "claimed_at", "next_attempt_at"]
        )
        audit_record(
            action=AuditEvent.Action.EMAIL_RESENT,
            actor=by,
            delivery=delivery.pk,
            template=delivery.template,
        )
        transaction.on_commit(lambda: email_enqueue(delivery.pk))
    return delivery


def email_bodies_prune(*, now: datetime | None = None) -> int:
    """Delete the bodies (and headers, which hold signed links) of sent and failed messages
    older than the retention period; the delivery record and its figures stay."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PORTAL_EMAIL_BODY_RETENTION_DAYS)
    return EmailDelivery.objects.filter(
        status__in=[Status.SENT, Status.FAILED],
        created_at__lt=cutoff,
        body_deleted_at__isnull=True,
    ).update(text_body="", html_body="", headers={}, attachments=[], body_deleted_at=now)


def email_deliveries_forget(*, user: User, address: str) -> int:
    """A deleted account's mail: what was not sent never will be, every body goes, and the
    records keep their counts (newsletter figures) without the address."""
    records = EmailDelivery.objects.filter(Q(user=user) | Q(recipient__iexact=address))
    records.exclude(status=Status.SENT).update(
        status=Status.FAILED,
        next_attempt_at=None,
        claimed_at=None,
        error="The recipient's account was deleted.",
    )
    return records.update(
        recipient="",
        user=None,
        text_body="",
        html_body="",
        headers={},
        attachments=[],
        body_deleted_at=timezone.now(),
    )
