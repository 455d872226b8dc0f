"""Queue entry points of notifications: the email round."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from .emails import notification_email_round


@db_periodic_task(crontab(minute="*"))
@lock_task("notification-email-round")
def notification_emails_send():
    """Every minute: mail the notifications that have waited their delay (see emails.py).

    The lock keeps a slow round from overlapping the next; the round itself is also safe to
    run from two workers at once.
    """
    return notification_email_round()
