"""Register endpoints of /api/v1/: the items of the register of burdensome rules, reporting and
moving them along the workflow, and the committee report, with exactly the browser's
permissions (access.py). A step the workflow does not allow answers 409 with the Danish
sentence that says which steps there are; a CPR number or a bad value answers 422 in the API's
one error shape; a change the token's owner may not make answers 403."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from portal.core.api import NON_BLANK_PATTERN, ErrorOut, InputSchema
from portal.core.forms import error_text

from . import report, selectors, services, workflow
from .models import MainTopic, Office, Origin, RegisterItem, RegulationKind, Section
from .models import Status as ItemStatus

router = Router(tags=["register"])

# A body's values are strict (InputSchema): the choices as literals, not enums.
MainTopicCode = Literal[tuple(MainTopic.values)]
StatusCode = Literal[tuple(ItemStatus.values)]
RegulationCode = Literal[tuple(RegulationKind.values)]
# An enum of whole numbers: JSON Schema's "integer" would let 5.0 through, strict input not.
SectionNumber = Literal[tuple(Section.values)]

PAGE_SIZE = 50


class ItemOut(Schema):
    id: int = Field(description="The item's id.")
    external_id: str | None = Field(description="The id an import gave it (S3-17, E-04).")
    title: str = Field(description="What is burdensome, in a line.")
    problem: str = Field(description="The problem as reported (for partners: their input).")
    main_topic: str = Field(description="The report's main topic: 1, 2+3, 4, 5, 6, 7, 8 or 8a.")
    sub_topic: str = Field(description="Sub topic, free text.")
    origin: str = Field(description="internal (the centres) or external (partners' input).")
    reporting_organisation: str | None = Field(
        description="Short name (slug) of the reporter's organisation."
    )
    source_organisation: str = Field(
        description="Sender outside the portal, as the report names it."
    )
    regulation_kind: str = Field(
        description="state_law, municipal_decision, internal_practice or empty."
    )
    regulation: str = Field(description="The rule it rests on, as written.")
    law_references: list[list[str]] = Field(description="Law citations parsed: [[law, §], ...].")
    status: str = Field(
        description=(
            "reported, triaged, in_handling, handled, not_pursued or awaiting_legislation."
        )
    )
    section: int | None = Field(description="The report's classification 1–7; null: not yet.")
    responsible_office: str | None = Field(description="The office's name, as in the report.")
    handling: str = Field(description="How the office handles it.")
    timeline: str = Field(description="The timeline as written (a date or a quarter).")
    timeline_due: date | None = Field(
        description="The day the timeline falls due, when it says one."
    )
    sub_points: list[dict] = Field(description="Separately handled sub points of a cluster.")
    endorsements: int = Field(description='How many others said "me too".')
    created_at: datetime = Field(description="When it was reported.")
    updated_at: datetime = Field(description="When it last changed.")

    @staticmethod
    def resolve_reporting_organisation(obj):
        return obj.reporting_organisation.slug if obj.reporting_organisation_id else None

    @staticmethod
    def resolve_responsible_office(obj):
        return obj.responsible_office.name if obj.responsible_office_id else None

    @staticmethod
    def resolve_endorsements(obj):
        return getattr(obj, "endorsement_count", 0)


class ItemPageOut(Schema):
    count: int = Field(description="Number of items matching the filters.")
    page: int = Field(description="This page's number, from 1.")
    pages: int = Field(description="Number of pages.")
    items: list[ItemOut] = Field(description="The items of this page (50 a page).")


class ItemFilters(Schema):
    section: int | None = Field(None, ge=1, le=7, description="Only this classification, 1–7.")
    main_topic: MainTopic | None = Field(None, description="Only this main topic (1, 2+3, … 8a).")
    status: ItemStatus | None = Field(None, description="Only items with this status.")
    office: str | None = Field(
        None, max_length=100, description='Only this office: its name ("1. kontor") or slug.'
    )
    origin: Origin | None = Field(None, description="internal or external.")
    q: str | None = Field(
        None, max_length=200, description="Only items with these words in the title or problem."
    )
    page: int = Field(1, ge=1, description="Page number, from 1 (50 items a page).")


class ItemIn(InputSchema):
    title: str = Field(max_length=200, pattern=NON_BLANK_PATTERN, description="In a line.")
    problem: str = Field(
        max_length=20000, pattern=NON_BLANK_PATTERN, description="The problem described."
    )
    main_topic: MainTopicCode = Field(description="The report's main topic: 1, 2+3, 4, … 8a.")
    sub_topic: str = Field("", max_length=200, description="Sub topic, free text.")
    regulation: str = Field("", max_length=300, description="The rule it rests on, if known.")
    regulation_kind: RegulationCode | None = Field(
        None, description="state_law, municipal_decision or internal_practice."
    )


class ItemPatchIn(InputSchema):
    status: StatusCode | None = Field(None, description="The next status (one workflow step).")
    section: SectionNumber | None = Field(None, description="Classification 1–7 (coordinators).")
    responsible_office: str | None = Field(
        None, max_length=100, description='The office\'s name ("1. kontor") or slug (coordinators).'
    )
    handling: str | None = Field(None, max_length=20000, description="How it is handled.")
    timeline: str | None = Field(None, max_length=300, description="A date or a quarter.")


class ReportFilters(Schema):
    format: Literal["pdf", "docx"] = Field("pdf", description="pdf or docx.")


def _office(value: str) -> Office | None:
    return Office.objects.filter(Q(name=value) | Q(slug=value)).first()


def _item(*, user, item_id: int) -> RegisterItem:
    return selectors.item_get(user=user, pk=item_id)


@router.get(
    "/register/items",
    response=ItemPageOut,
    operation_id="register_item_list",
    summary="Items of the register",
    description=(
        "The register's items in the report's order (classification, main topic, id; the "
        "unclassified last), 50 a page, filtered by classification, main topic, status, "
        "office (name or slug), origin and words in the title or problem. An unknown office "
        "gives no items."
    ),
)
def register_item_list(request: HttpRequest, filters: Query[ItemFilters]):
    items = selectors.items_visible(user=request.user)
    if filters.section is not None:
        items = items.filter(section=filters.section)
    if filters.main_topic:
        items = items.filter(main_topic=filters.main_topic)
    if filters.status:
        items = items.filter(status=filters.status)
    if filters.origin:
        items = items.filter(origin=filters.origin)
    if filters.office:
        items = items.filter(
            Q(responsible_office__name=filters.office) | Q(responsible_office__slug=filters.office)
        )
    for word in (filters.q or "").split():
        items = items.filter(Q(title__icontains=word) | Q(problem__icontains=word))
    paginator = Paginator(
        items.order_by(F("section").asc(nulls_last=True), "main_topic", "pk"), PAGE_SIZE
    )
    page = paginator.get_page(filters.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "items": list(page.object_list),
    }


@router.get(
    "/register/items/{item_id}",
    response={200: ItemOut, 404: ErrorOut},
    operation_id="register_item_get",
    summary="One item",
    description="One item of the register; 404 when it does not exist.",
)
def register_item_get(request: HttpRequest, item_id: int):
    return _item(user=request.user, item_id=item_id)


@router.post(
    "/register/items",
    response={201: ItemOut, 403: ErrorOut, 422: ErrorOut},
    operation_id="register_item_create",
    summary="Report an item",
    description=(
        "Report a burdensome rule or workflow as the token's owner: 201 with the item, status "
        "reported (internal from the jobcenter's people, external from partners). 422 for a "
        "blank title or problem, an unknown main topic or a CPR number in any text."
    ),
)
def register_item_create(request: HttpRequest, payload: ItemIn):
    try:
        item = services.item_report(
            by=request.user,
            title=payload.title,
            problem=payload.problem,
            main_topic=payload.main_topic,
            sub_topic=payload.sub_topic,
            regulation_kind=payload.regulation_kind or "",
            regulation=payload.regulation,
        )
    except ValidationError as error:
        raise HttpError(422, error_text(error)) from error
    except PermissionDenied as error:
        raise HttpError(403, _("You may not report to the register.")) from error
    return Status(201, _item(user=request.user, item_id=item.pk))


@router.patch(
    "/register/items/{item_id}",
    response={200: ItemOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    operation_id="register_item_update",
    summary="Change an item",
    description=(
        "Only the fields given change; null empties a field. `status` moves the item one step "
        "of the workflow; `section` and `responsible_office` (name or slug) are the "
        "coordinators' triage; `handling` and `timeline` are the office's and the "
        "coordinators'. 403 for a change the token's owner may not make, 409 for a step that "
        "does not follow (the Danish sentence says which do), 422 for an unknown office, a "
        "triage without a classification and an office, or a CPR number. Nothing changes "
        "unless everything is allowed."
    ),
)
def register_item_update(request: HttpRequest, item_id: int, payload: ItemPatchIn):
    item = _item(user=request.user, item_id=item_id)
    given = payload.model_fields_set
    changes = {}
    for name in ("status", "section", "handling", "timeline"):
        if name in given:
            value = getattr(payload, name)
            changes[name] = value
    if "status" in changes and changes["status"] is None:
        raise HttpError(422, _("Unknown status."))
    if "responsible_office" in given:
        office = None
        if payload.responsible_office:
            office = _office(payload.responsible_office)
            if office is None:
                raise HttpError(422, _("There is no office of that name."))
        changes["responsible_office"] = office
    try:
        services.item_update(item=item, by=request.user, **changes)
    except workflow.StepRefused as error:
        raise HttpError(409, error.message) from error
    except ValidationError as error:
        raise HttpError(422, error_text(error)) from error
    except PermissionDenied as error:
        raise HttpError(403, _("You may not make this change to the item.")) from error
    return _item(user=request.user, item_id=item_id)


@router.get(
    "/register/report",
    response={200: None, 403: ErrorOut},
    operation_id="register_report",
    summary="The committee report",
    description=(
        "The committee report of every item as PDF or DOCX (`format`), with what changed "
        "since the last report; each report generated is kept as the next one's comparison. "
        "The jobcenter's coordinators and the operator's admins; 403 for anyone else."
    ),
    openapi_extra={
        "responses": {
            "200": {
                "description": "The report",
                "content": {
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                    report.FORMATS["docx"][1]: {"schema": {"type": "string", "format": "binary"}},
                },
            }
        }
    },
)
def register_report(request: HttpRequest, filters: Query[ReportFilters]):
    try:
        data = services.report_generate(by=request.user, fmt=filters.format)
    except PermissionDenied as error:
        raise HttpError(403, _("You may not generate the committee report.")) from error
    name = report.file_name(filters.format, timezone.localdate())
    response = HttpResponse(data, content_type=report.FORMATS[filters.format][1])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
