"""Queue entry points of the core app."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .models import AuditEvent, EmailDelivery

logger = logging.getLogger(__name__)


@db_task(retries=3, retry_delay=60)
def deliver_email(
    delivery_id: int, subject: str, text: str, html: str, headers: dict, attachments=()
):
    from .email import email_message, throttle

    delivery = EmailDelivery.objects.get(pk=delivery_id)
    message = email_message(delivery, subject, text, html, headers, attachments)
    delivery.attempts += 1
    throttle.wait()
    try:
        message.send()
    except Exception as exc:
        delivery.status = EmailDelivery.Status.FAILED
        delivery.error = str(exc)[:2000]
        delivery.save(update_fields=["attempts", "status", "error"])
        logger.warning("email %s to %s failed: %s", delivery_id, delivery.recipient, exc)
        raise
    delivery.status = EmailDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.error = ""
    delivery.save(update_fields=["attempts", "status", "sent_at", "error"])


@db_periodic_task(crontab(hour="3", minute="17"))
def audit_prune():
    """Drop audit events older than the retention period (data minimisation)."""
    cutoff = timezone.now() - timedelta(days=settings.PORTAL_AUDIT_RETENTION_DAYS)
    deleted, _ = AuditEvent.objects.filter(created_at__lt=cutoff).delete()
    logger.info("audit_prune removed %s events older than %s", deleted, cutoff.date())
    return deleted


@db_periodic_task(crontab(hour="3", minute="23"))
def access_log_prune():
    """Drop access-log rows older than their retention period (data minimisation)."""
    from .services import personal_data_access_prune

    deleted = personal_data_access_prune()
    logger.info("access_log_prune removed %s rows", deleted)
    return deleted
