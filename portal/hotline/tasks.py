"""Queue entry points of the hotline: the deadline check and its per-case steps."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import selectors, services


@db_task()
def hotline_case_warn_deadline(case_id: int):
    return services.hotline_case_warn_deadline(case_id=case_id)


@db_task()
def hotline_case_escalate(case_id: int):
    return services.hotline_case_escalate(case_id=case_id)


@db_periodic_task(crontab(minute="*/15"))
def hotline_deadlines_check():
    """Every quarter of an hour: warn the day before a deadline, escalate when overdue."""
    now = timezone.now()
    for case_id in selectors.hotline_case_ids_to_warn(now=now):
        hotline_case_warn_deadline(case_id)
    for case_id in selectors.hotline_case_ids_to_escalate(now=now):
        hotline_case_escalate(case_id)
