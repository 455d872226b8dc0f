"""Queue entry points of the guides: the daily check for guides past their review-by date."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import selectors, services


@db_task()
def guide_notify_stale(guide_id: int):
    return services.guide_notify_stale(guide_id=guide_id)


@db_periodic_task(crontab(hour="6", minute="41"))
def guides_stale_check():
    """Each morning: tell owners whose guides passed their review-by date (once per date)."""
    for guide_id in selectors.guide_ids_newly_stale(today=timezone.localdate()):
        guide_notify_stale(guide_id)
