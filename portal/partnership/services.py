"""Writes of the partnership: importing files of courses, interviews, job clubs and outcomes.

`import_start` is what the browser, the API and `manage.py partnership_import` call: it records
the import (a PartnershipImport) and runs it at once, or hands a large file to the queue
(settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS) and returns it queued. `import_run` does the
work either way: read and check the whole file (importing.py), then write the new and changed
rows in one transaction with a few bulk upserts (a large file on PostgreSQL: COPY and one
upsert), or write nothing and keep the error list.
When it is done the figures of the touched funds are brought up to date (tasks.py,
`refresh_after_import`, after commit) and, for a queued import, the importer is told (by the
bell and by email).
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from portal.core.email import email_send
from portal.core.models import AuditEvent, User
from portal.core.notify import NotificationKind, notify
from portal.core.queue import Fallback, enqueue
from portal.core.services import audit_record

from . import access
from .importing import (
    BATCH,
    COMPARE_BATCH,
    TARGETS,
    Checked,
    FileUnreadable,
    Problem,
    Target,
    key_in,
    rows_check,
    rows_count,
    table_read,
)
from .models import ContactCourse, ImportKind, ImportStatus, PartnershipImport


def import_start(
    *, kind: str, file_name: str, data: bytes, by: User, queue: bool = True
) -> PartnershipImport:
    """Import a file for `by`: done (or failed, with its errors) when this returns, or queued
    when the file is large (never with `queue=False`: a command that waits anyway).

    Raises PermissionDenied for someone who may not import at all and ValidationError for an
    unknown kind; everything wrong inside the file is in the import's `errors`."""
    if not access.may_import(user=by):
        raise PermissionDenied
    if kind not in ImportKind.values:
        raise ValidationError(
            _("Unknown kind of import “%(kind)s”. Choose from: %(choices)s."),
            code="unknown_kind",
            params={"kind": kind, "choices": ", ".join(ImportKind.values)},
        )
    record = PartnershipImport.objects.create(
        kind=kind,
        file_name=file_name[-255:],
        uploaded_by=by,
        fund=access.import_scope(user=by),
        status=ImportStatus.QUEUED,
    )
    expected_rows = rows_count(file_name=file_name, data=data)
    if queue and expected_rows > settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS:
        record.rows = expected_rows
        suffix = ".xlsx" if file_name.lower().endswith(".xlsx") else ".csv"
        record.file.save(f"{get_random_string(32)}{suffix}", ContentFile(data), save=False)
        record.save(update_fields=["rows", "file"])
        from .tasks import partnership_import_run

        transaction.on_commit(
            lambda: enqueue(partnership_import_run, record.pk, fallback=Fallback.SWEEP)
        )
        return record
    return import_run(import_id=record.pk, data=data, by=by)


def import_run(
    *, import_id: int, data: bytes | None = None, by: User | None = None
) -> PartnershipImport:
    """Check and write one recorded import (`data`, or its stored file when it was queued).

    `by` is the importer when the caller has them at hand (their roles loaded once). Not
    atomic itself: the progress is written as the check goes, where the progress bar can
    see it; the rows are then written in one transaction (`_rows_write`), or not at all.
    """
    record = PartnershipImport.objects.select_related("uploaded_by__organisation", "fund").get(
        pk=import_id
    )
    if by is not None and by.pk == record.uploaded_by_id:
        record.uploaded_by = by
    if record.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return record  # run already (the queue delivers at least once)
    queued = bool(record.file)
    PartnershipImport.objects.filter(pk=record.pk).update(status=ImportStatus.RUNNING)
    if data is None:
        with record.file.open("rb") as stored:
            data = stored.read()
    by = record.uploaded_by
    if by is None or not access.may_import(user=by):
        checked = Checked()
        checked.add(None, "", _("The person who uploaded the file may no longer import."))
    else:
        try:
            header, rows = table_read(file_name=record.file_name, data=data)
        except FileUnreadable as error:
            checked = Checked()
            checked.errors.append(Problem(None, "", str(error)))
        else:
            checked = rows_check(
                kind=record.kind, header=header, rows=rows, by=by, progress=_progress(record)
            )
    if checked.errors:
        _failed(record, checked)
    else:
        _rows_write(record, checked)
    if queued:
        record.file.delete(save=False)
        PartnershipImport.objects.filter(pk=record.pk).update(file="")
        _importer_tell(record)
    return record


def _progress(record: PartnershipImport):
    """Reading is the first half of the bar, comparing with what is stored up to 90 %; the
    write itself is one transaction, seen as done when it commits."""
    expected = max(record.rows, 1)

    def report(stage: str, done: int) -> None:
        if stage == "read":
            PartnershipImport.objects.filter(pk=record.pk).update(rows=done)
            record.rows = done
            share = 0
        else:
            share = min(done / max(record.rows, expected), 1)
        percent = int(45 * share) + (45 if stage == "compared" else 0)
        PartnershipImport.objects.filter(pk=record.pk).update(progress=min(percent, 90))

    return report


@transaction.atomic
def _failed(record: PartnershipImport, checked: Checked) -> None:
    record.status = ImportStatus.FAILED
    record.rows = checked.rows
    record.errors = checked.error_list()
    record.progress = 100
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "rows", "errors", "progress", "finished_at"])
    audit_record(
        action=AuditEvent.Action.PARTNERSHIP_IMPORTED,
        actor=record.uploaded_by,
        organisation=record.fund or (record.uploaded_by and record.uploaded_by.organisation),
        target=record,
        kind=record.kind,
        status=record.status,
        rows=record.rows,
        errors=len(record.errors),
    )


def _fund_ids_of(kind: str, rows: list[dict]) -> list[int]:
    if kind == ImportKind.BENCHMARKS:
        return []
    if kind == ImportKind.COURSES:
        return sorted({row["fund_id"] for row in rows})
    course_pks = sorted({row["course_id"] for row in rows})
    funds: set[int] = set()
    for start in range(0, len(course_pks), COMPARE_BATCH):
        funds.update(
            ContactCourse.objects.filter(key_in("pk", course_pks[start : start + COMPARE_BATCH]))
            .order_by()  # else the model's ordering joins the DISTINCT
            .values_list("fund_id", flat=True)
            .distinct()
        )
    return sorted(funds)


def _touched(kind: str, rows: list[dict]) -> dict:
    """The funds, and the dates, whose figures the import may have changed."""
    if not rows:
        return {}
    date_field = TARGETS[kind].date_field
    dates: list[date] = [row[date_field] for row in rows] if date_field else []
    return {
        "funds": _fund_ids_of(kind, rows),
        "from": min(dates).isoformat() if dates else None,
        "to": max(dates).isoformat() if dates else None,
    }


# From this many rows on, PostgreSQL gets the rows by COPY (below that, the temporary table
# costs more than it saves).
COPY_FROM_ROWS = 5000


def _upsert_bulk(target: Target, rows: list[dict]) -> None:
    """Upserts by `bulk_create(update_conflicts=True)`, BATCH rows a statement (any database)."""
    meta = target.model._meta
    unique = [meta.get_field(name).name for name in target.key]
    fields = [meta.get_field(name).name for name in target.fields]
    for start in range(0, len(rows), BATCH):
        target.model.objects.bulk_create(
            [target.model(**row) for row in rows[start : start + BATCH]],
            update_conflicts=True,
            unique_fields=unique,
            update_fields=fields,
        )


def _upsert_copy(target: Target, rows: list[dict]) -> None:
    """The same upsert on PostgreSQL for many rows: COPY into a temporary table, then one
    `INSERT … SELECT … ON CONFLICT (key) DO UPDATE`.

    No model instances, no per-value preparation, no statements of thousands of parameters:
    600,000 interviews are written in about 8 s instead of 22 s, most of it now PostgreSQL's
    own inserting (indexes, foreign key). The values are already the columns' Python types
    (importing.READERS made them), so psycopg adapts them as they are. Must run inside the
    write transaction; the temporary table is dropped at the end (and with the transaction if
    anything fails). Decision 0027.
    """
    meta = target.model._meta
    qn = connection.ops.quote_name
    table = qn(meta.db_table)
    names = (*target.key, *target.fields)

    def column(name: str) -> str:
        return qn(meta.get_field(name).column)

    column_list = ", ".join(column(name) for name in names)
    key_list = ", ".join(column(name) for name in target.key)
    updates = ", ".join(f"{column(name)} = EXCLUDED.{column(name)}" for name in target.fields)
    staging = qn("partnership_import_rows")
    # Table and column names come from the model, never from the file.
    create = (
        f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS SELECT {column_list}"  # noqa: S608
        f" FROM {table} WITH NO DATA"
    )
    upsert = (
        f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM {staging}"  # noqa: S608
        f" ON CONFLICT ({key_list}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(create)
        with cursor.copy(f"COPY {staging} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[name] for name in names])
        cursor.execute(upsert)
        cursor.execute(f"DROP TABLE {staging}")
        # The planner's statistics, for the next import's comparison and the KPI refresh.
        cursor.execute(f"ANALYZE {table}")


@transaction.atomic
def _rows_write(record: PartnershipImport, checked: Checked) -> None:
    """The new and changed rows in bulk upserts keyed by their ids (a row changed since the
    check is overwritten: the file is the newer truth)."""
    target = TARGETS[record.kind]
    rows = checked.new + checked.changed
    if connection.vendor == "postgresql" and len(rows) >= COPY_FROM_ROWS:
        _upsert_copy(target, rows)
    else:
        _upsert_bulk(target, rows)
    record.status = ImportStatus.DONE
    record.rows = checked.rows
    record.created = len(checked.new)
    record.updated = len(checked.changed)
    record.errors = []
    record.touched = _touched(record.kind, rows)
    record.progress = 100
    record.finished_at = timezone.now()
    record.save(
        update_fields=[
            "status",
            "rows",
            "created",
            "updated",
            "errors",
            "touched",
            "progress",
            "finished_at",
        ]
    )
    audit_record(
        action=AuditEvent.Action.PARTNERSHIP_IMPORTED,
        actor=record.uploaded_by,
        organisation=record.fund or record.uploaded_by.organisation,
        target=record,
        kind=record.kind,
        status=record.status,
        rows=record.rows,
        created=record.created,
        updated=record.updated,
    )
    if rows:
        from .tasks import refresh_after_import

        import_id = record.pk
        transaction.on_commit(lambda: refresh_after_import(import_id))


def _importer_tell(record: PartnershipImport) -> None:
    """A queued import has finished: the importer hears how it went by the bell and by email
    (they may have closed the page with the progress bar long ago)."""
    person = record.uploaded_by
    if person is None or not person.is_active:
        return
    record.refresh_from_db()
    notify(
        recipients=[person],
        kind=NotificationKind.PARTNERSHIP_IMPORT_DONE,
        partnership_import=record,
    )  # a kind mailed by the email below, not by the bell's email round
    email_send(
        to=person.email,
        template="partnership/emails/import_finished",
        context={"user": person, "record": record, "site_url": settings.SITE_URL},
        user=person,
        reference=f"partnership_import:{record.pk}",
    )
