"""Queue entry points of the events app: mail about a changed or cancelled event, and the
reminder and feedback-request rounds."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .services import (
    event_feedback_requests_send,
    event_participants_mail,
    event_reminders_send,
)

logger = logging.getLogger(__name__)


# Every 15 minutes. A round that finds nothing due costs one query; running twice at once is
# safe (services.follow_up claims each registration once).
@db_periodic_task(crontab(minute="*/15"))
def event_reminders_task():
    logger.info("event reminders: %s sent", event_reminders_send())


@db_periodic_task(crontab(minute="*/15"))
def event_feedback_requests_task():
    logger.info("event feedback requests: %s sent", event_feedback_requests_send())


# No retries: a round that failed half-way would mail its first half twice.
@db_task()
def event_participants_mail_task(event_id: int, template: str, reason: str = ""):
    sent = event_participants_mail(event_id=event_id, template=template, reason=reason)
    logger.info("event %s: %s mail to %s participants", event_id, template, sent)
