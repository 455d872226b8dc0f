"""Queue entry points of the register: the daily reminder of items past their timeline."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .services import overdue_remind


@db_periodic_task(crontab(hour="7", minute="15"))
def register_overdue_remind():
    """Daily: each office's people hear of their items past the timeline (at most weekly per
    item, services.REMIND_EVERY)."""
    return overdue_remind(today=timezone.localdate())
