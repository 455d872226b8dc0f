"""Writes of insights: counters that many requests bump at once.

A counter row per day is created by whoever comes first and incremented in the database by
everyone else, in one statement (INSERT … ON CONFLICT DO UPDATE, on PostgreSQL and SQLite alike):
no increment is lost however many requests race, and a count costs one query whether or not
the day's row exists yet (pages and services pin their query counts).
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from redis.exceptions import ResponseError as RedisResponseError

from portal.core.cache import UNAVAILABLE, redis_client, redis_down
from portal.forum.models import Thread

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


# Openings of threads' pages counted in Redis first: a hash per day, a field per thread. The
# thread page is the portal's most read; a write per opening (and on one row per popular thread
# and day) is what the database would otherwise take on every view. thread_reads_fold adds them
# to DailyThreadReads every minute (insights/tasks.py); "most read" is then a minute behind.
THREAD_READS_KEY = "insights:thread-reads:"


def thread_read_record(*, thread_id: int) -> None:
    """Count one opening of a thread's page today (Copenhagen): "most read" for the newsletter.
    In Redis when the request cache is on and Redis is there; else in the database at once."""
    day = timezone.localdate()
    client = redis_client() if settings.PORTAL_REQUEST_CACHE else None
    if client is not None:
        try:
            client.hincrby(cache.make_key(f"{THREAD_READS_KEY}{day.isoformat()}"), thread_id, 1)
            return
        except UNAVAILABLE as error:
            redis_down("default", "hincrby", error)
    _increment(DailyThreadReads, thread_id=thread_id, day=day)


def thread_reads_fold() -> int:
    """Add the openings counted in Redis to DailyThreadReads; returns how many were added.

    Each day's hash is renamed before it is read, so openings counted meanwhile go to a new
    hash, and two folds never add the same hash twice. A hash renamed but not added (the
    database failed) keeps its name with ":folding:" and is added by the next fold. Threads
    deleted meanwhile are left out. Should Redis fail between the commit and the delete, that
    hash would be added twice: counts for "most read", where that is the lesser evil than
    losing a minute of them."""
    client = redis_client()
    if client is None:
        return 0
    prefix = cache.make_key(THREAD_READS_KEY)
    added = 0
    for raw in client.scan_iter(match=f"{prefix}*", count=100):
        key = raw.decode()
        day = date.fromisoformat(key[len(prefix) :][:10])
        folding = f"{prefix}{day.isoformat()}:folding:{uuid.uuid4().hex}"
        try:
            client.rename(key, folding)
        except RedisResponseError:  # folded by another worker meanwhile
            continue
        counts = {int(k): int(v) for k, v in client.hgetall(folding).items()}
        existing = set(Thread.objects.filter(pk__in=list(counts)).values_list("pk", flat=True))
        with transaction.atomic():
            for thread_id, count in sorted(counts.items()):
                if thread_id in existing:
                    _increment(DailyThreadReads, by=count, thread_id=thread_id, day=day)
                    added += count
        client.delete(folding)
    return added


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
