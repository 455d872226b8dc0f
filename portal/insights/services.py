"""Writes of insights: counters that many requests bump at once.

A counter row per day is created by whoever comes first; everyone else increments it in the
database (F() + 1), so no increment is lost however many requests race. The first insert of a
day can collide with another request's insert: the loser catches the IntegrityError inside a
savepoint and increments the row the winner made.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone

from .models import DailyThreadReads, DailyVisits, VisitChannel


def _increment(model: type[Model], **key) -> None:
    if model.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(count=1, **key)
    except IntegrityError:
        model.objects.filter(**key).update(count=F("count") + 1)


def visit_record(*, channel: str) -> None:
    """Count one signed-in visit on today's date (Copenhagen) for `channel`."""
    if channel not in VisitChannel.values:
        raise ValueError(channel)
    _increment(DailyVisits, day=timezone.localdate(), channel=channel)


def thread_read_record(*, thread_id: int) -> None:
    """Count one opening of a thread's page today (Copenhagen): "most read" for the newsletter."""
    _increment(DailyThreadReads, thread_id=thread_id, day=timezone.localdate())
