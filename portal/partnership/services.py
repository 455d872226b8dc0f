"""Writes of the partnership: importing files of courses, interviews, job clubs and outcomes;
the funds' agreements and the interview rule sets.

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

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from portal.core.email import email_send
from portal.core.models import AuditEvent, Organisation, User
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
from .kpis import DEFAULT_TOLERANCE_DAYS
from .models import (
    ContactCourse,
    ImportKind,
    ImportStatus,
    InterviewRuleSet,
    InterviewSlot,
    PartnershipAgreement,
    PartnershipImport,
)
from .rule_sets import RuleSet, overlapping


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


# --- Agreements and rule sets: what the figures are measured against and by ------------------


@dataclass(frozen=True)
class AgreementValues:
    """What a coordinator sets in a fund's agreement for a year (ratios 0..1; None: no goal)."""

    timeliness_target: Decimal
    job_club_share_target: Decimal | None
    budget_frame_dkk: Decimal
    effect_target: Decimal | None
    rule_set: InterviewRuleSet | None
    tolerance_days: int


AGREEMENT_FIELDS = tuple(field.name for field in fields(AgreementValues))


def _shown(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, InterviewRuleSet):
        return value.code
    return str(value)


def agreement_save(
    *,
    fund: Organisation,
    year: int,
    by: User,
    values: AgreementValues,
    jobcenter_contacts: list[User],
    fund_contacts: list[User],
) -> PartnershipAgreement:
    """Create or change the fund's agreement for the year, record what changed in the audit
    log, and, when the tolerance or the rule set changed, recompute the fund's figures in the
    queue (the goals themselves are read as they are, they need no recompute)."""
    if not access.may_edit_agreement(user=by) or not access.fund_readable(user=by, fund=fund):
        raise PermissionDenied
    jobcenter_side, fund_side = access.agreement_contacts_possible(fund=fund)
    for people, possible in ((jobcenter_contacts, jobcenter_side), (fund_contacts, fund_side)):
        ids = {person.pk for person in people}
        if ids and User.objects.filter(possible, pk__in=ids).count() != len(ids):
            raise ValidationError(
                _("Only active people of the jobcenter and of the fund can be contacts."),
                code="contact",
            )
    with transaction.atomic():
        agreement = (
            PartnershipAgreement.objects.select_for_update().filter(fund=fund, year=year).first()
        )
        created = agreement is None
        if created:
            agreement = PartnershipAgreement(fund=fund, year=year)
            before = {name: None for name in AGREEMENT_FIELDS}
            measured_before = (DEFAULT_TOLERANCE_DAYS, None)
            contacts_before: dict[str, list[str]] = {"jobcenter": [], "fund": []}
        else:
            before = {name: _shown(getattr(agreement, name)) for name in AGREEMENT_FIELDS}
            measured_before = (agreement.tolerance_days, agreement.rule_set_id)
            contacts_before = {
                "jobcenter": sorted(agreement.jobcenter_contacts.values_list("email", flat=True)),
                "fund": sorted(agreement.fund_contacts.values_list("email", flat=True)),
            }
        for name in AGREEMENT_FIELDS:
            setattr(agreement, name, getattr(values, name))
        agreement.full_clean(validate_unique=False)
        agreement.save()
        agreement.jobcenter_contacts.set(jobcenter_contacts)
        agreement.fund_contacts.set(fund_contacts)
        agreement.refresh_from_db()  # as stored (500000 → 500000.00), so equal values compare equal
        after = {name: _shown(getattr(agreement, name)) for name in AGREEMENT_FIELDS}
        contacts_after = {
            "jobcenter": sorted(person.email for person in jobcenter_contacts),
            "fund": sorted(person.email for person in fund_contacts),
        }
        changes = {
            name: [before[name], after[name]]
            for name in AGREEMENT_FIELDS
            if before[name] != after[name]
        }
        for side in ("jobcenter", "fund"):
            if contacts_before[side] != contacts_after[side]:
                changes[f"{side}_contacts"] = [contacts_before[side], contacts_after[side]]
        audit_record(
            action=AuditEvent.Action.PARTNERSHIP_AGREEMENT_SAVED,
            actor=by,
            organisation=fund,
            target=agreement,
            created=created,
            changes=changes,
        )
        if (agreement.tolerance_days, agreement.rule_set_id) != measured_before:
            _figures_recompute(fund_ids=[fund.pk])
    return agreement


@dataclass(frozen=True)
class RuleSetValues:
    """A rule set as the administrator sets it; `slots` are (months, days, held_by) in the
    order the interviews fall due."""

    code: str
    name: str
    valid_from: date
    valid_to: date | None
    to_be_confirmed: bool
    slots: tuple[tuple[int, int, str], ...]


def _rule_set_described(rule_set: InterviewRuleSet) -> dict:
    return {
        "name": rule_set.name,
        "valid_from": rule_set.valid_from.isoformat(),
        "valid_to": rule_set.valid_to.isoformat() if rule_set.valid_to else None,
        "to_be_confirmed": rule_set.to_be_confirmed,
        "slots": [[slot.months, slot.days, slot.held_by] for slot in rule_set.slots.all()],
    }


def rule_set_save(
    *, rule_set: InterviewRuleSet | None, by: User, values: RuleSetValues
) -> InterviewRuleSet:
    """Create a rule set (`rule_set` None) or change one: its name, validity period, slots and
    whether its offsets still wait for confirmation. Refused with a Danish ValidationError when
    the period overlaps another rule set's (a course must follow exactly one), when it has no
    slot, or when a new one's code is taken. Every fund's figures are then recomputed in the
    queue, and the change is in the audit log with the rule set before and after."""
    if not access.may_edit_rule_sets(user=by):
        raise PermissionDenied
    if not values.slots:
        raise ValidationError(_("A rule set needs at least one interview."), code="no_slots")
    if values.valid_to is not None and values.valid_to < values.valid_from:
        raise ValidationError(
            _("The rule set cannot stop being valid before it starts."), code="period"
        )
    with transaction.atomic():
        # One administrator at a time: the overlap check below reads every other rule set.
        list(InterviewRuleSet.objects.select_for_update().order_by("pk").values_list("pk"))
        if rule_set is None:
            if InterviewRuleSet.objects.filter(code=values.code).exists():
                raise ValidationError(
                    _("There is already a rule set with the code “%(code)s”."),
                    code="code_taken",
                    params={"code": values.code},
                )
            rule_set = InterviewRuleSet(code=values.code)
            before = None
        else:
            rule_set = InterviewRuleSet.objects.prefetch_related("slots").get(pk=rule_set.pk)
            before = _rule_set_described(rule_set)
        candidate = RuleSet(
            code=rule_set.code,
            name=values.name,
            valid_from=values.valid_from,
            valid_to=values.valid_to,
            slots=(),
        )
        others = [
            RuleSet(code=code, name=name, valid_from=valid_from, valid_to=valid_to, slots=())
            for code, name, valid_from, valid_to in InterviewRuleSet.objects.exclude(
                code=rule_set.code
            ).values_list("code", "name", "valid_from", "valid_to")
        ]
        for first, second in overlapping([candidate, *others]):
            if candidate in (first, second):
                other = second if first is candidate else first
                raise ValidationError(
                    _(
                        "The validity period overlaps that of the rule set “%(name)s” "
                        "(%(code)s): a course must follow exactly one rule set."
                    ),
                    code="overlap",
                    params={"name": other.name, "code": other.code},
                )
        rule_set.name = values.name
        rule_set.valid_from = values.valid_from
        rule_set.valid_to = values.valid_to
        rule_set.to_be_confirmed = values.to_be_confirmed
        rule_set.full_clean(validate_unique=False)
        rule_set.save()
        rule_set.slots.all().delete()
        InterviewSlot.objects.bulk_create(
            InterviewSlot(rule_set=rule_set, order=order, months=months, days=days, held_by=held_by)
            for order, (months, days, held_by) in enumerate(values.slots, start=1)
        )
        after = _rule_set_described(
            InterviewRuleSet.objects.prefetch_related("slots").get(pk=rule_set.pk)
        )
        audit_record(
            action=AuditEvent.Action.INTERVIEW_RULE_SET_SAVED,
            actor=by,
            target=rule_set,
            created=before is None,
            before=before,
            after=after,
        )
        if before != after:
            _figures_recompute(fund_ids=None)
    return rule_set


def _figures_recompute(*, fund_ids: list[int] | None) -> None:
    """After commit, in the queue (or here when the queue is down: a few seconds per fund)."""
    from .tasks import partnership_kpis_refresh

    transaction.on_commit(
        lambda: enqueue(partnership_kpis_refresh, fund_ids, fallback=Fallback.INLINE)
    )
