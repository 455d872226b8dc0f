"""Reads of insights: visits by channel and the most read threads over a period."""

from datetime import date

from django.db.models import Sum

from .models import DailyThreadReads, DailyVisits, VisitChannel


def visits_by_channel(*, start: date, end: date) -> dict[str, int]:
    """Signed-in visits per channel from `start` to `end` (both included); every channel listed."""
    totals = dict(
        DailyVisits.objects.filter(day__gte=start, day__lte=end)
        .values("channel")
        .annotate(total=Sum("count"))
        .order_by()
        .values_list("channel", "total")
    )
    return {channel: totals.get(channel, 0) for channel in VisitChannel.values}


def most_read_threads(*, start: date, end: date, limit: int = 10) -> list[tuple[int, int]]:
    """(thread id, reads) of the most read threads from `start` to `end`, most read first.

    Only ids and counts: the caller decides what a reader may see (visibility is per person).
    """
    return list(
        DailyThreadReads.objects.filter(day__gte=start, day__lte=end)
        .values("thread_id")
        .annotate(reads=Sum("count"))
        .order_by("-reads", "thread_id")
        .values_list("thread_id", "reads")[:limit]
    )
