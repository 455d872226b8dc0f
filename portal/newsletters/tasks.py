"""Queue entry points of the newsletter: the minute check for due newsletters and the sending."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import selectors, services


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
