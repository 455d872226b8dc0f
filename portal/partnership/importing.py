"""Reading and checking an import file: from bytes to rows ready to write, or a list of errors.

Nothing here writes. `table_read` turns a CSV (";" or ",", UTF-8 with or without BOM, as Excel
saves it) or an XLSX workbook into a header and rows of text; `rows_check` checks every cell,
resolves funds and courses, asks the access policy whether the importer may write for each
fund, and compares with what is stored, so that services.py writes only new and changed rows.
A file is all or nothing: one bad row and the caller gets the whole error list, by row (as
numbered in the spreadsheet, the header is row 1) and column, in Danish.

Any cell that shows a CPR number refuses the file (core/cpr.py, the portal's one guard):
`citizen_key` must be a pseudonym.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from operator import itemgetter

from django.db import connection, models
from django.db.models import F, Lookup, Q
from django.utils.translation import gettext as _

from portal.core.cpr import contains_cpr_number, mask
from portal.core.models import Organisation, OrganisationKind, User

from . import access
from .models import (
    AgeBand,
    ContactCourse,
    EffectBenchmark,
    HeldBy,
    ImportKind,
    Interview,
    InterviewChannel,
    InterviewKind,
    InterviewStatus,
    JobClubActivity,
    Outcome,
)

# At most this many errors are listed; a file that bad is wrong as a whole.
MAX_ERRORS = 200
# Rows looked up and written per query.
BATCH = 2000
# Rows compared with the stored ones per query: fewer round trips for a large file.
COMPARE_BATCH = 10000

COLUMNS: dict[str, tuple[str, ...]] = {
    ImportKind.COURSES: (
        "course_id",
        "fund",
        "citizen_key",
        "unemployment_start",
        "age_band",
        "special_effort",
        "chose_jobcenter_on",
        "end_date",
        "end_reason",
    ),
    ImportKind.INTERVIEWS: (
        "interview_id",
        "course_id",
        "kind",
        "held_on",
        "held_by",
        "channel",
        "status",
    ),
    ImportKind.JOB_CLUBS: ("activity_id", "course_id", "start_date", "cost_dkk"),
    ImportKind.OUTCOMES: ("course_id", "weeks_after_start", "self_supporting"),
    ImportKind.BENCHMARKS: ("period", "value"),
}


class FileUnreadable(Exception):
    """The file is not a CSV or XLSX the import can read at all."""


@dataclass
class Problem:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


class _CellError(ValueError):
    pass


# --- Reading the file ------------------------------------------------------------------------

_XLSX_MAGIC = b"PK\x03\x04"


def is_xlsx(*, file_name: str, data: bytes) -> bool:
    return file_name.lower().endswith(".xlsx") or data[:4] == _XLSX_MAGIC


def _cell_text(value) -> str:
    """A workbook cell as the text a CSV of it would hold (dates as ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_read(*, file_name: str, data: bytes) -> tuple[list[str], Iterator[list[str]]]:
    """The header (column names, trimmed and in lower case) and the rows as lists of text."""
    if is_xlsx(file_name=file_name, data=data):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            message = _("The file is not an Excel workbook (XLSX) we can read.")
            raise FileUnreadable(message) from exc
        rows = (
            [_cell_text(value) for value in row]
            for row in workbook.worksheets[0].iter_rows(values_only=True)
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileUnreadable(
                _("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”.")
            ) from exc
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
        rows = iter(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = next(rows, None)
    if header is None:
        raise FileUnreadable(_("The file is empty."))
    # Excel leaves empty columns at the right of a sheet.
    header = [name.strip().lower() for name in header]
    while header and not header[-1]:
        header.pop()
    return header, rows


def rows_count(*, file_name: str, data: bytes) -> int:
    """About how many data rows the file has, cheaply: decides between now and the queue."""
    if is_xlsx(file_name=file_name, data=data):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        except Exception:
            return 0
        return max((sheet.max_row or 1) - 1, 0)
    return max(data.count(b"\n") - 1, 0)


# --- Reading one cell ------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DANISH_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")


def _text(max_length: int, *, required: bool = True) -> Callable[[str], str]:
    def read(value: str) -> str:
        if not value and required:
            raise _CellError(_("A value is required."))
        if len(value) > max_length:
            raise _CellError(_("At most %(count)d characters.") % {"count": max_length})
        return value

    return read


def _date(value: str) -> date:
    """2024-03-01 (ISO) or 01-03-2024 / 01.03.2024 (as Danish Excel writes it)."""
    match = _ISO_DATE.match(value)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = _DANISH_DATE.match(value)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        pass
    if not value:
        raise _CellError(_("A date is required."))
    raise _CellError(_("“%(value)s” is not a date (write 2024-03-31).") % {"value": value})


def _optional_date(value: str) -> date | None:
    return _date(value) if value else None


def _choice(choices: Iterable[str]) -> Callable[[str], str]:
    allowed = list(choices)

    def read(value: str) -> str:
        if value not in allowed:
            raise _CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(allowed)}
            )
        return value

    return read


def _flag(value: str) -> bool:
    if value not in ("0", "1"):
        raise _CellError(_("“%(value)s” must be 0 or 1.") % {"value": value})
    return value == "1"


def _decimal(value: str) -> Decimal:
    """1234.50, 1234,50 or 1.234,50 (Danish): never negative."""
    number = value.replace(" ", "").replace("\u00a0", "")
    if "," in number:
        number = number.replace(".", "").replace(",", ".")
    try:
        result = Decimal(number)
    except InvalidOperation:
        result = None
    if result is None or not result.is_finite() or result < 0 or result >= Decimal("1e10"):
        raise _CellError(_("“%(value)s” is not an amount (write 1234,50).") % {"value": value})
    return result.quantize(Decimal("0.01"))


def _ratio(value: str) -> Decimal:
    number = _decimal(value) if value else None
    if number is None or number > 1:
        raise _CellError(_("“%(value)s” is not a share between 0 and 1.") % {"value": value})
    return Decimal(value.replace(",", ".")).quantize(Decimal("0.0001"))


def _weeks(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) <= 520:
        raise _CellError(_("“%(value)s” is not a number of weeks.") % {"value": value})
    return int(value)


def _period(value: str) -> date:
    """2024-03 or any date in the month: the month's first day."""
    match = re.match(r"^(\d{4})-(\d{1,2})$", value)
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1)
    return _date(value).replace(day=1)


_ID = _text(64)

READERS: dict[str, dict[str, Callable[[str], object]]] = {
    ImportKind.COURSES: {
        "course_id": _ID,
        "fund": _text(60),
        "citizen_key": _text(64),
        "unemployment_start": _date,
        "age_band": _choice(AgeBand.values),
        "special_effort": _flag,
        "chose_jobcenter_on": _optional_date,
        "end_date": _optional_date,
        "end_reason": _text(200, required=False),
    },
    ImportKind.INTERVIEWS: {
        "interview_id": _ID,
        "course_id": _ID,
        "kind": _choice(InterviewKind.values),
        "held_on": _date,
        "held_by": _choice([HeldBy.FUND, HeldBy.JOBCENTER]),
        "channel": _choice(InterviewChannel.values),
        "status": _choice(InterviewStatus.values),
    },
    ImportKind.JOB_CLUBS: {
        "activity_id": _ID,
        "course_id": _ID,
        "start_date": _date,
        "cost_dkk": _decimal,
    },
    ImportKind.OUTCOMES: {
        "course_id": _ID,
        "weeks_after_start": _weeks,
        "self_supporting": _flag,
    },
    ImportKind.BENCHMARKS: {"period": _period, "value": _ratio},
}


# --- What to write ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a kind of row is stored: the model, the fields that identify a row (attnames), the
    fields an import sets, and the path from the row to its fund (None: no fund)."""

    model: type[models.Model]
    key: tuple[str, ...]
    fields: tuple[str, ...]
    fund_path: str | None
    date_field: str | None


TARGETS: dict[str, Target] = {
    ImportKind.COURSES: Target(
        ContactCourse,
        ("course_id",),
        (
            "fund_id",
            "citizen_key",
            "unemployment_start",
            "age_band",
            "special_effort",
            "chose_jobcenter_on",
            "end_date",
            "end_reason",
        ),
        "fund_id",
        "unemployment_start",
    ),
    ImportKind.INTERVIEWS: Target(
        Interview,
        ("interview_id",),
        ("course_id", "kind", "held_on", "held_by", "channel", "status"),
        "course__fund_id",
        "held_on",
    ),
    ImportKind.JOB_CLUBS: Target(
        JobClubActivity,
        ("activity_id",),
        ("course_id", "start_date", "cost_dkk"),
        "course__fund_id",
        "start_date",
    ),
    ImportKind.OUTCOMES: Target(
        Outcome, ("course_id", "weeks_after_start"), ("self_supporting",), "course__fund_id", None
    ),
    ImportKind.BENCHMARKS: Target(EffectBenchmark, ("period",), ("value",), None, "period"),
}


@dataclass
class Checked:
    """The outcome of checking a file: the errors, or the rows to create and update."""

    rows: int = 0
    errors: list[Problem] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)
    more_errors: int = 0

    def add(self, row: int | None, column: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(Problem(row, column, message))
        else:
            self.more_errors += 1

    def error_list(self) -> list[dict]:
        errors = [problem.as_dict() for problem in self.errors]
        if self.more_errors:
            errors.append(
                Problem(
                    None,
                    "",
                    _("%(count)d more errors are not shown.") % {"count": self.more_errors},
                ).as_dict()
            )
        return errors


def _header_check(kind: str, header: list[str], checked: Checked) -> bool:
    expected = COLUMNS[kind]
    for name in header:
        if name not in expected:
            checked.add(
                1,
                name,
                _("Unknown column. The columns are: %(columns)s.")
                % {"columns": ", ".join(expected)},
            )
    for name in expected:
        if name not in header:
            checked.add(1, name, _("The column is missing."))
    if len(set(header)) != len(header):
        checked.add(1, "", _("A column appears twice."))
    return not checked.errors


_UNREAD = object()


def _cells_read(
    kind: str, header: list[str], rows: Iterator[list[str]], checked: Checked, progress
) -> list[tuple[int, dict]]:
    """Every row's cells read (text → dates, codes, amounts), CPR numbers refused.

    Reading a cell is a pure function of its text, so each column remembers the texts it has
    read well and reads a repeated one (a code, a date, a course's id) from memory: a file of
    600,000 interviews has few distinct values besides its ids. A cell with an error is not
    remembered, so every row that has it is listed.
    """
    readers = [READERS[kind][name] for name in header]
    known: list[dict[str, object]] = [{} for _name in header]
    parsed: list[tuple[int, dict]] = []
    width = len(header)
    columns = list(zip(header, readers, known, strict=True))
    for number, raw in enumerate(rows, start=2):
        cells = [cell.strip() for cell in raw]
        if not any(cells):
            continue  # Excel's empty rows
        checked.rows += 1
        if len(cells) > width and any(cells[width:]):
            checked.add(number, "", _("The row has more cells than the header has columns."))
        elif len(cells) < width:
            cells += [""] * (width - len(cells))
        values = {}
        for (name, reader, seen), cell in zip(columns, cells, strict=False):
            value = seen.get(cell, _UNREAD)
            if value is _UNREAD:
                if contains_cpr_number(cell):
                    checked.add(
                        number,
                        name,
                        _(
                            "The value seems to contain a CPR number (%(masked)s). The portal "
                            "never stores CPR numbers: use the pseudonymous key."
                        )
                        % {"masked": mask(cell)},
                    )
                    continue
                try:
                    value = reader(cell)
                except _CellError as error:
                    checked.add(number, name, str(error))
                    continue
                seen[cell] = value
            values[name] = value
        parsed.append((number, values))
        if progress and checked.rows % BATCH == 0:
            progress(checked.rows)
    return parsed


def _duplicates_check(kind: str, parsed: list[tuple[int, dict]], checked: Checked) -> None:
    names = list(TARGETS[kind].key)
    seen: dict[tuple, int] = {}
    for number, values in parsed:
        if not all(name in values for name in names):
            continue
        identity = tuple(values[name] for name in names)
        if identity in seen:
            checked.add(
                number,
                names[0],
                _("The same row id appears in row %(row)d too.") % {"row": seen[identity]},
            )
        else:
            seen[identity] = number


def _batches(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _AnyOf(Lookup):
    """`column = ANY(%s)` with the keys as one array parameter (PostgreSQL).

    The same rows as `__in`, but a statement of ten thousand placeholders costs more to build
    (Django prepares, psycopg splits and quotes each one) than the database needs to run it.
    """

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, list(self.rhs)]


def key_in(field_name: str, keys: Iterable) -> Q | Lookup:
    """The filter for rows whose `field_name` is one of `keys`."""
    if connection.vendor == "postgresql":
        return _AnyOf(F(field_name), list(keys))
    return Q(**{f"{field_name}__in": keys})


def _courses_find(course_ids: list[str]) -> dict[str, tuple[int, int]]:
    """course_id → (pk, fund_id) for the stored courses among these ids, a query per batch."""
    found: dict[str, tuple[int, int]] = {}
    for batch in _batches(course_ids, COMPARE_BATCH):
        for course_id, pk, fund_id in (
            ContactCourse.objects.filter(key_in("course_id", batch))
            .order_by()
            .values_list("course_id", "pk", "fund_id")
        ):
            found[course_id] = (pk, fund_id)
    return found


def _references_resolve(
    kind: str, parsed: list[tuple[int, dict]], checked: Checked, *, by: User, allowed_funds: set
) -> list[tuple[int, dict]]:
    """Rows as the model's fields (attnames), with funds and courses resolved and the
    importer's right to write for each fund checked."""
    not_allowed = _("You may not import data for this unemployment fund.")
    resolved: list[tuple[int, dict]] = []
    if kind == ImportKind.BENCHMARKS:
        if not access.may_import_for_all(user=by):
            checked.add(None, "", _("Only the jobcenter's coordinators may import benchmarks."))
        return parsed
    if kind == ImportKind.COURSES:
        slugs = {values["fund"] for _number, values in parsed if "fund" in values}

        # Any organisation by that short name; one that is not a fund is refused below, as is a
        # fund the importer may not write for (access.funds_importable says which).
        funds = {
            slug: pk
            for slug, pk, org_kind in Organisation.objects.filter(slug__in=slugs)
            .order_by()
            .values_list("slug", "pk", "kind")
            if org_kind == OrganisationKind.UFUND
        }
        for number, values in parsed:
            if "fund" not in values:
                continue
            fund_id = funds.get(values["fund"])
            if fund_id is None:
                checked.add(
                    number,
                    "fund",
                    _("There is no unemployment fund with the short name “%(slug)s”.")
                    % {"slug": values["fund"]},
                )
                continue
            if fund_id not in allowed_funds:
                checked.add(number, "fund", not_allowed)
                continue
            row = {name: value for name, value in values.items() if name != "fund"}
            row["fund_id"] = fund_id
            resolved.append((number, row))
        return resolved
    courses = _courses_find(
        sorted({values["course_id"] for _number, values in parsed if "course_id" in values})
    )
    for number, values in parsed:
        if "course_id" not in values:
            continue
        course = courses.get(values["course_id"])
        if course is None:
            checked.add(
                number,
                "course_id",
                _("There is no contact course “%(id)s”. Import the courses first.")
                % {"id": values["course_id"]},
            )
            continue
        if course[1] not in allowed_funds:
            checked.add(number, "course_id", not_allowed)
            continue
        values["course_id"] = course[0]  # the course's key in the database, in place
        resolved.append((number, values))
    return resolved


def _compare(
    kind: str, resolved: list[tuple[int, dict]], checked: Checked, *, allowed_funds: set, progress
) -> None:
    """Sort the rows into new and changed (unchanged ones are left out), and refuse a row that
    would overwrite the row of a fund the importer may not write for."""
    target = TARGETS[kind]
    first = target.key[0]
    # Where the stored row's fund is among the values read (None: the row has no fund).
    extra: tuple[str, ...] = ()
    fund_at = None
    if target.fund_path in target.fields:
        fund_at = target.fields.index(target.fund_path)
    elif target.fund_path:
        extra, fund_at = (target.fund_path,), len(target.fields)
    key_of = _getter(target.key)
    fields_of = _getter(target.fields)
    size = len(target.key)
    done = 0
    for batch in _batches(resolved, COMPARE_BATCH):
        stored = {
            row[:size]: row[size:]
            for row in target.model.objects.filter(
                key_in(first, {values[first] for _number, values in batch})
            )
            .order_by()  # the models' orderings join the course: not needed to compare
            .values_list(*target.key, *target.fields, *extra)
        }
        # A resolved row holds exactly the key and the fields (the header was checked against
        # COLUMNS), so it is what services.py writes, as it is.
        for number, values in batch:
            current = stored.get(key_of(values))
            if current is None:
                checked.new.append(values)
                continue
            if fund_at is not None and current[fund_at] not in allowed_funds:
                checked.add(number, first, _("The row belongs to another fund."))
                continue
            if current[: len(target.fields)] != fields_of(values):
                checked.changed.append(values)
        done += len(batch)
        if progress:
            progress(done)


def _getter(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """A function from a row to the tuple of these fields (also for a single field)."""
    if len(names) == 1:
        (name,) = names
        return lambda values: (values[name],)
    return itemgetter(*names)


def rows_check(
    *,
    kind: str,
    header: list[str],
    rows: Iterator[list[str]],
    by: User,
    progress: Callable[[str, int], None] | None = None,
) -> Checked:
    """Everything about a file short of writing it. `progress(stage, rows_done)` is called
    now and then ("read", "compared") for the progress bar."""
    checked = Checked()
    if not _header_check(kind, header, checked):
        return checked
    parsed = _cells_read(
        kind, header, rows, checked, (lambda n: progress("read", n)) if progress else None
    )
    if not checked.rows:
        checked.add(None, "", _("The file has no rows."))
    _duplicates_check(kind, parsed, checked)
    if checked.errors:
        return checked
    allowed_funds = set(
        Organisation.objects.filter(access.funds_importable(user=by))
        .order_by()
        .values_list("pk", flat=True)
    )
    resolved = _references_resolve(kind, parsed, checked, by=by, allowed_funds=allowed_funds)
    if checked.errors:
        return checked
    _compare(
        kind,
        resolved,
        checked,
        allowed_funds=allowed_funds,
        progress=(lambda n: progress("compared", n)) if progress else None,
    )
    return checked
