"""Reads of insights: visits by channel, emails' figures, actions from email and the most read
threads and guides over a period (Copenhagen dates, both included)."""

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate

from .models import (
    DailyEmailActions,
    DailyEmailFigures,
    DailyGuideReads,
    DailyThreadReads,
    DailyVisits,
    EmailAction,
    VisitChannel,
)


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


def most_read_guides(*, start: date, end: date, limit: int = 10) -> list[tuple[int, int]]:
    """(guide id, reads) of the most read guides from `start` to `end`, most read first; ids
    and counts only, as for threads."""
    return list(
        DailyGuideReads.objects.filter(day__gte=start, day__lte=end)
        .values("guide_id")
        .annotate(reads=Sum("count"))
        .order_by("-reads", "guide_id")
        .values_list("guide_id", "reads")[:limit]
    )


def email_figures(*, start: date, end: date) -> dict[str, dict[str, int]]:
    """{category: {sent, opened, clicked}} of the emails sent from `start` to `end`; only the
    categories that sent anything. One query over the daily counters."""
    rows = (
        DailyEmailFigures.objects.filter(day__gte=start, day__lte=end)
        .values("category")
        .annotate(sent=Sum("sent"), opened=Sum("opened"), clicked=Sum("clicked"))
        .order_by()
    )
    return {
        row["category"]: {figure: row[figure] for figure in ("sent", "opened", "clicked")}
        for row in rows
    }


def email_actions(*, start: date, end: date) -> dict[str, int]:
    """Actions taken from emails from `start` to `end`, per action; every action listed."""
    totals = dict(
        DailyEmailActions.objects.filter(day__gte=start, day__lte=end)
        .values("action")
        .annotate(total=Sum("count"))
        .order_by()
        .values_list("action", "total")
    )
    return {action: totals.get(action, 0) for action in EmailAction.values}


def email_figures_from_deliveries(deliveries: QuerySet) -> dict[tuple[date, str], dict[str, int]]:
    """{(day sent, category): {sent, opened, clicked}} counted from delivery rows: how the daily
    counters are rebuilt (the migration that added them passes its historical model's rows)."""
    rows = (
        deliveries.filter(status="sent", sent_at__isnull=False)
        .annotate(day=TruncDate("sent_at", tzinfo=ZoneInfo(settings.TIME_ZONE)))
        .values("day", "category")
        .annotate(
            sent=Count("id"),
            opened=Count("id", filter=Q(opened_at__isnull=False)),
            clicked=Count("id", filter=Q(clicked_at__isnull=False)),
        )
        .order_by()
    )
    return {
        (row["day"], row["category"]): {
            "sent": row["sent"],
            "opened": row["opened"],
            "clicked": row["clicked"],
        }
        for row in rows
    }
