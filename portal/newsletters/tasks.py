"""Queue entry points of the newsletter: the minute check for due newsletters and the sending."""

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import selectors, services

# A round with recipients not handled for this long lost a chunk task (a killed worker).
RESUME_AFTER = timedelta(minutes=10)


@db_task()
def newsletter_send(newsletter_id: int):
    """Send a due newsletter once: recipients fan out in chunks, each its own task."""
    recipient_ids = services.newsletter_sending_start(newsletter_id=newsletter_id)
    if recipient_ids is None:
        return
    for chunk in services.recipient_chunks(recipient_ids):
        newsletter_send_chunk(newsletter_id, chunk)
    services.newsletter_sending_finish(newsletter_id=newsletter_id)


@db_task(retries=2, retry_delay=60)
def newsletter_send_chunk(newsletter_id: int, user_ids: list[int]):
    return services.newsletter_send_chunk(newsletter_id=newsletter_id, user_ids=user_ids)


# Every minute (huey's crontab is in UTC; the scheduled time itself is an aware datetime, so
# the Copenhagen time the editor chose is respected whatever the offset).
@db_periodic_task(crontab(minute="*"))
def newsletters_send_due():
    for newsletter_id in selectors.newsletter_ids_due():
        newsletter_send(newsletter_id)
    newsletters_resume(now=timezone.now())


def newsletters_resume(*, now):
    """Rounds still "sending": resume the people a lost chunk left, or call it sent once the
    outbox has dealt with every copy."""
    for newsletter_id, stalled in selectors.newsletter_ids_sending(
        stalled_before=now - RESUME_AFTER
    ):
        if services.newsletter_sending_finish(newsletter_id=newsletter_id, now=now) or not stalled:
            continue
        waiting = services.newsletter_resume(newsletter_id=newsletter_id, now=now)
        for chunk in services.recipient_chunks(waiting):
            newsletter_send_chunk(newsletter_id, chunk)
