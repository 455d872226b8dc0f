"""Queue entry points of the events app: the reminder and feedback-request rounds."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .follow_up import event_feedback_requests_send, event_reminders_send

logger = logging.getLogger(__name__)


# Every 15 minutes. A round that finds nothing due costs one query; running twice at once is
# safe (follow_up claims each registration once).
@db_periodic_task(crontab(minute="*/15"))
def event_reminders_task():
    logger.info("event reminders: %s sent", event_reminders_send())


@db_periodic_task(crontab(minute="*/15"))
def event_feedback_requests_task():
    logger.info("event feedback requests: %s sent", event_feedback_requests_send())
