"""Writes of insights: counters that many requests bump at once.

A counter row per day is created by whoever comes first and incremented in the database by
everyone else, in one statement (INSERT … ON CONFLICT DO UPDATE, on PostgreSQL and SQLite alike):
no increment is lost however many requests race, and a count costs one query whether or not
the day's row exists yet (pages and services pin their query counts).
"""

from datetime import date

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from .models import (
    DailyEmailActions,
    DailyEmailFigures,
    DailyGuideReads,
    DailyThreadReads,
    DailyVisits,
    EmailAction,
    VisitChannel,
)


def _increment(model: type[Model], field: str = "count", by: int = 1, **key) -> None:
    """Add `by` to `field` of the row with `key` (the model's unique fields), creating it."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name).column for name in key]
    values = [
        meta.get_field(name).get_db_prep_save(value, connection) for name, value in key.items()
    ]
    column = quote(meta.get_field(field).column)
    # Any other counter columns of the row start at 0 (their model default).
    others = [
        f.column
        for f in meta.concrete_fields
        if not f.primary_key and not {f.name, f.attname} & {*key, field}
    ]
    table = quote(meta.db_table)
    names = ", ".join(quote(c) for c in [*columns, meta.get_field(field).column, *others])
    placeholders = ", ".join(["%s"] * (len(columns) + 1 + len(others)))
    conflict = ", ".join(quote(c) for c in columns)
    sql = (
        f"INSERT INTO {table} ({names}) VALUES ({placeholders}) "  # noqa: S608 (names are the model's)
        f"ON CONFLICT ({conflict}) DO UPDATE SET {column} = {table}.{column} + %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, by, *[0] * len(others), by])


def visit_record(*, channel: str) -> None:
    """Count one signed-in visit on today's date (Copenhagen) for `channel`."""
    if channel not in VisitChannel.values:
        raise ValueError(channel)
    _increment(DailyVisits, day=timezone.localdate(), channel=channel)


def thread_read_record(*, thread_id: int) -> None:
    """Count one opening of a thread's page today (Copenhagen): "most read" for the newsletter."""
    _increment(DailyThreadReads, thread_id=thread_id, day=timezone.localdate())


def guide_read_record(*, guide_id: int) -> None:
    """Count one opening of a guide's page today (Copenhagen): the evaluation's top guides."""
    _increment(DailyGuideReads, guide_id=guide_id, day=timezone.localdate())


def email_action_record(*, action: str) -> None:
    """Count one action taken from a link in an email today (a sign-up, an unsubscribe)."""
    if action not in EmailAction.values:
        raise ValueError(action)
    _increment(DailyEmailActions, day=timezone.localdate(), action=action)


_EMAIL_FIGURES = ("sent", "opened", "clicked")


def email_figure_record(*, category: str, day: date, figure: str, count: int = 1) -> None:
    """Count emails sent, first opened or first clicked on the Copenhagen `day` they were sent
    (a cohort: the rates of a period are of the emails sent in it). Callers count each delivery
    once per figure (its first open, its first click)."""
    if figure not in _EMAIL_FIGURES:
        raise ValueError(figure)
    if count:
        _increment(DailyEmailFigures, field=figure, by=count, day=day, category=category)


def email_figures_rebuild() -> int:
    """Count the figures afresh from the deliveries still on record (the data migration that
    introduced the counters, and the demo). Returns the rows written."""
    from portal.core.models import EmailDelivery

    from .selectors import email_figures_from_deliveries

    rows = [
        DailyEmailFigures(day=day, category=category, **figures)
        for (day, category), figures in email_figures_from_deliveries(
            EmailDelivery.objects.all()
        ).items()
    ]
    with transaction.atomic():
        DailyEmailFigures.objects.all().delete()
        DailyEmailFigures.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
