"""Partnership endpoints of /api/v1/: a fund's figures for a month, exactly as
docs/partnership.md defines them. A fund the token's owner may not see answers 404, as if it did
not exist (the partnership policy, access.py). Files are imported through the same service as
in the browser; a refused file answers 422 in the API's one error shape, its `errors` by row and
column instead of by field."""

from datetime import date

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile

from portal.core.api import ErrorOut, RowErrorOut

from . import access, display, selectors, services
from .models import ImportKind, ImportStatus

router = Router(tags=["partnership"])

PERIOD_PATTERN = r"^(19\d\d|2[01]\d\d|2200)-(0[1-9]|1[0-2])$"


class KpiFilters(Schema):
    fund: str = Field(min_length=1, max_length=60, description="Short name (slug) of the fund.")
    period: str = Field(pattern=PERIOD_PATTERN, description="The month, YYYY-MM (years 1900–2200).")


class KpisOut(Schema):
    fund: str = Field(description="Short name (slug) of the fund.")
    period: str = Field(description="The month, YYYY-MM.")
    slots_due: int = Field(description="Interview slots that fall in the month (due + tolerance).")
    slots_on_time: int = Field(description="Of those, slots met on time.")
    timeliness: float | None = Field(
        description="slots_on_time ÷ slots_due, 4 decimals; null when nothing was due."
    )
    job_club_by_3m: float | None = Field(
        description="Share of courses reaching 3 months in the month with a job club by then."
    )
    budget_used_dkk: int = Field(description="Job-club spend of activities starting in the month.")
    budget_frame_dkk: int = Field(description="The year's frame for job clubs (the agreement's).")
    self_supporting_26w: float | None = Field(
        description="Share of 26-week outcomes in the month that are self-supporting."
    )
    benchmark_self_supporting_26w: float | None = Field(
        description="The same share in comparable municipalities, when entered."
    )


@router.get(
    "/partnership/kpis",
    response={200: KpisOut, 404: ErrorOut},
    operation_id="partnership_kpis",
    summary="A fund's partnership figures for a month",
    description=(
        "Timeliness, job club by 3 months, budget and effect of one fund for one month, as "
        "defined in docs/partnership.md. A month without data answers zeros and nulls; a fund "
        "the token's owner may not see answers 404."
    ),
)
def partnership_kpis(request: HttpRequest, filters: Query[KpiFilters]):
    fund = selectors.access_fund(user=request.user, slug=filters.fund)
    year, month = (int(part) for part in filters.period.split("-"))
    return selectors.fund_month_figures(fund=fund, period=date(year, month, 1)).as_api()


# --- Imports ---------------------------------------------------------------------------------


class ImportDoneOut(Schema):
    id: int = Field(description="The import's id (GET /partnership/imports/{id}).")
    status: str = Field(description="done: every row is stored.")
    rows: int = Field(description="Rows in the file (the header not counted).")
    errors: list[RowErrorOut] = Field(description="Empty: a file with errors is refused (422).")


class ImportQueuedOut(Schema):
    id: int = Field(description="The import's id; follow it with GET /partnership/imports/{id}.")
    status: str = Field(description="queued: a large file runs in the queue.")


class ImportOut(Schema):
    id: int = Field(description="The import's id.")
    status: ImportStatus = Field(description="queued, running, done or failed.")
    rows: int = Field(description="Rows in the file (read so far, while it runs).")
    progress: int = Field(description="Per cent done, 0–100.")
    errors: list[RowErrorOut] = Field(
        description="With failed: each row and column that is wrong (nothing was stored)."
    )


@router.post(
    "/partnership/imports",
    response={
        201: ImportDoneOut,
        202: ImportQueuedOut,
        403: ErrorOut,
        413: ErrorOut,
        422: ErrorOut,
    },
    operation_id="partnership_import_create",
    summary="Import a file of partnership data",
    description=(
        "Multipart: `kind` (courses, interviews, job_clubs, outcomes or benchmarks) and `file` "
        "(CSV with ; or , in UTF-8, or XLSX), columns as in docs/partnership.md. All or nothing: "
        "201 when every row is stored; 422 with `errors` by row and column when any row is "
        "wrong (nothing is stored); 202 when a large file runs in the queue. 403 for someone "
        "who may not import, 413 for a file over the size limit."
    ),
)
def partnership_import_create(
    request: HttpRequest, kind: Form[ImportKind], file: File[UploadedFile]
):
    if not access.may_import(user=request.user):
        return Status(403, {"detail": _("You may not import partnership data.")})
    limit = settings.PORTAL_PARTNERSHIP_IMPORT_MAX_BYTES
    if file.size > limit:
        return Status(413, {"detail": display.import_too_large(limit)})
    record = services.import_start(
        kind=kind, file_name=file.name or "", data=file.read(), by=request.user
    )
    if record.status == ImportStatus.QUEUED:
        return Status(202, {"id": record.pk, "status": record.status})
    if record.status == ImportStatus.FAILED:
        return Status(
            422, {"detail": _("The file was refused; nothing is stored."), "errors": record.errors}
        )
    return Status(
        201, {"id": record.pk, "status": record.status, "rows": record.rows, "errors": []}
    )


@router.get(
    "/partnership/imports/{import_id}",
    response={200: ImportOut, 404: ErrorOut},
    operation_id="partnership_import_detail",
    summary="How an import goes",
    description=(
        "The status, rows, progress and errors of an import. Only the person who sent it, or "
        "one who may import for every fund, sees it; for anyone else it is 404."
    ),
)
def partnership_import_detail(request: HttpRequest, import_id: int):
    return selectors.import_readable(user=request.user, import_id=import_id)
