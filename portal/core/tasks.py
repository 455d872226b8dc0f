"""Queue entry points of the core app."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from . import outbox
from .models import AuditEvent
from .services import personal_data_access_prune

logger = logging.getLogger(__name__)


@db_task()
def deliver_email(delivery_id: int):
    """Send one message from the outbox. No retries here: the sweep retries with backoff."""
    outbox.email_deliver([delivery_id])


@db_periodic_task(crontab(minute="*"))
@lock_task("email-sweep")
def email_sweep_task():
    """Every minute: send what is due and unsent (the lock keeps a long sweep from overlapping
    the next; claims keep it from sending what a round or a queued task is sending)."""
    return outbox.email_sweep().delivery.sent


@db_periodic_task(crontab(hour="3", minute="27"))
def email_bodies_prune_task():
    """Nightly: delete message bodies past the retention period (they may hold login codes)."""
    deleted = outbox.email_bodies_prune()
    logger.info("email_bodies_prune emptied %s messages", deleted)
    return deleted


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
    deleted = personal_data_access_prune()
    logger.info("access_log_prune removed %s rows", deleted)
    return deleted
