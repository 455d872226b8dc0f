"""Event endpoints of /api/v1/: the overview, one event, creating events (the editorial desk),
signing oneself up and cancelling, with exactly the browser's permissions.

An event the token's owner may not see answers 404, as if it did not exist. Signing up goes
through the same service as the event page: seats, organisation quotas, the waiting list and
the confirmation email with its calendar invitation.
"""

import json
from datetime import datetime
from typing import Literal

import pydantic
import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from portal.core.api import NON_BLANK_PATTERN, ApiDatetime, ErrorOut, InputSchema, PersonOut
from portal.core.forms import error_text
from portal.core.markdown import render_markdown
from portal.core.models import OrganisationKind, Topic
from portal.forum.models import Network

from . import selectors, services
from .models import Event, Registration
from .selectors import seats
from .services import EVENT_YEARS, NOTE_MAX_LENGTH

router = Router(tags=["events"])

PAGE_SIZE = 25

EventKind = Literal["conference", "theme_meeting", "network_meeting", "webinar"]
EventAudience = Literal["everyone", "organisation_kind", "network"]
RegistrationStatus = Literal["confirmed", "waiting"]
YEARS = f"{EVENT_YEARS[0]}-{EVENT_YEARS[-1]}"


class SessionOut(Schema):
    title: str = Field(description="Title of the programme item.")
    description: str = Field(description="Description (plain text).")
    starts_at: datetime = Field(description="When it starts.")
    ends_at: datetime | None = Field(description="When it ends, if given.")
    room: str = Field(description="Room, if other than the event's.")
    speakers: list[PersonOut] = Field(description="Speakers with a profile in the directory.")
    guest_speakers: str = Field(description="Other speakers (names only).")

    @staticmethod
    def resolve_speakers(obj) -> list:
        return list(obj.speakers.all())


class MyRegistrationOut(Schema):
    status: RegistrationStatus = Field(description="confirmed (a seat) or waiting.")
    waiting_position: int | None = Field(description="Place on the waiting list (1 is next).")


class EventOut(Schema):
    id: int = Field(description="The event's id.")
    kind: EventKind = Field(description="conference, theme_meeting, network_meeting or webinar.")
    status: Literal["draft", "published", "cancelled"] = Field(
        description="published or cancelled (drafts only for the editorial desk and organisers)."
    )
    title: str = Field(description="Title of the event.")
    topic: str | None = Field(description="Slug of the event's topic, if any.")
    venue: str = Field(description="Name of the place.")
    address: str = Field(description="Street address of the place.")
    room: str = Field(description="Room.")
    online_url: str = Field(description="Link to join online (webinars, hybrid meetings).")
    starts_at: datetime = Field(description="When the event starts.")
    ends_at: datetime = Field(description="When the event ends.")
    registration_opens_at: datetime | None = Field(
        description="When sign-up opens (null: when the event is published)."
    )
    registration_closes_at: datetime | None = Field(
        description="When sign-up closes (null: when the event starts)."
    )
    capacity: int | None = Field(description="Number of seats (null: no limit).")
    seats_left: int | None = Field(description="Free seats now (null: no limit).")
    audience: EventAudience = Field(
        description="Who may see and join it: everyone, organisation_kind or network."
    )
    audience_organisation_kind: OrganisationKind | None = Field(
        description="The kind of organisation, when audience is organisation_kind."
    )
    audience_network: str | None = Field(
        description="Slug of the network, when audience is network."
    )
    url: str = Field(description="Path of the event's page in the portal.")
    my_registration: MyRegistrationOut | None = Field(
        description="The token owner's own registration (null: not signed up)."
    )

    @staticmethod
    def resolve_topic(obj) -> str | None:
        return obj.topic.slug if obj.topic_id else None

    @staticmethod
    def resolve_audience_organisation_kind(obj) -> str | None:
        return obj.audience_organisation_kind or None

    @staticmethod
    def resolve_audience_network(obj) -> str | None:
        return obj.audience_network.slug if obj.audience_network_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_my_registration(obj) -> dict | None:
        if obj.my_status not in (Registration.Status.CONFIRMED, Registration.Status.WAITING):
            return None
        return {"status": obj.my_status, "waiting_position": obj.my_waiting_position}


class EventDetailOut(EventOut):
    description: str = Field(description="The description as written (Markdown).")
    description_html: str = Field(description="The description rendered to sanitised HTML.")
    organisers: list[PersonOut] = Field(description="Who organises the event.")
    programme: list[SessionOut] = Field(description="The programme, in order.")

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_organisers(obj) -> list:
        return obj.organisers_for_api

    @staticmethod
    def resolve_programme(obj) -> list:
        return obj.sessions_for_api


class EventPageOut(Schema):
    count: int = Field(description="Number of events matching the filters.")
    page: int = Field(description="This page's number, from 1.")
    pages: int = Field(description="Number of pages.")
    items: list[EventOut] = Field(description="The events of this page.")


class EventFilters(Schema):
    past: bool = Field(
        False, description="Past events (newest first) instead of upcoming ones (soonest first)."
    )
    topic: str | None = Field(None, description="Only events of the topic with this slug.")
    kind: EventKind | None = Field(None, description="Only events of this kind.")
    page: int = Field(1, ge=1, description="Page number, from 1 (25 events a page).")


class EventIn(InputSchema):
    kind: EventKind = Field(description="conference, theme_meeting, network_meeting or webinar.")
    title: str = Field(
        max_length=200, pattern=NON_BLANK_PATTERN, description="Title of the event (not blank)."
    )
    description: str = Field("", description="Description, in Markdown.")
    topic: str | None = Field(None, description="Slug of the topic.")
    venue: str = Field("", max_length=200, description="Name of the place.")
    address: str = Field("", max_length=300, description="Street address.")
    room: str = Field("", max_length=120, description="Room.")
    online_url: str = Field("", max_length=200, description="Link to join online.")
    # AwareDatetime: a time without a time zone is ambiguous (which day is 02:30 in October?).
    starts_at: ApiDatetime = Field(
        description=f"Start, with a time zone (ISO 8601), in the years {YEARS}."
    )
    ends_at: ApiDatetime = Field(
        description=f"End, with a time zone (ISO 8601), after the start, in the years {YEARS}."
    )
    registration_opens_at: ApiDatetime | None = Field(
        None, description="When sign-up opens, with a time zone; before the start."
    )
    registration_closes_at: ApiDatetime | None = Field(
        None, description="When sign-up closes, with a time zone; after it opens, by the start."
    )
    capacity: int | None = Field(None, ge=1, description="Number of seats (null: no limit).")
    audience: EventAudience = Field("everyone", description="Who may see and join it.")
    audience_organisation_kind: OrganisationKind | None = Field(
        None, description="Required when audience is organisation_kind."
    )
    audience_network: str | None = Field(
        None, description="Slug of the network; required when audience is network."
    )
    publish: bool = Field(False, description="Publish at once (otherwise a draft is created).")


class RegistrationIn(InputSchema):
    dietary_note: str = Field(
        "",
        max_length=NOTE_MAX_LENGTH,
        description="Dietary needs, if any (at most 300 characters).",
    )
    accessibility_note: str = Field(
        "",
        max_length=NOTE_MAX_LENGTH,
        description="Accessibility needs, if any (at most 300 characters).",
    )


class RegistrationOut(Schema):
    status: RegistrationStatus = Field(description="confirmed (a seat) or waiting.")
    waiting_position: int | None = Field(
        description="Place on the waiting list (1 is next); null when confirmed."
    )


def _event_for_api(*, user, event_id: int) -> Event:
    """The event (404 unless visible) with what EventDetailOut shows."""
    event = selectors.access_event(user=user, event_id=event_id)
    registration = selectors.registration_of(user=user, event=event)
    event.my_status = registration.status if registration else None
    event.my_waiting_position = seats.waiting_position(registration) if registration else None
    event.seats_left = seats.seats_left(event)
    event.organisers_for_api = list(
        event.organisers.select_related("organisation").order_by("full_name")
    )
    event.sessions_for_api = list(
        event.sessions.prefetch_related("speakers__organisation").order_by("starts_at", "pk")
    )
    return event


@router.get(
    "/events",
    response=EventPageOut,
    operation_id="event_list",
    summary="Events",
    description=(
        "Events the token's owner may see: upcoming ones (not yet ended, soonest first) or, with "
        "past=true, past ones (newest first). Events for one kind of organisation or for the "
        "members of a network appear only for them."
    ),
)
def event_list(request: HttpRequest, filters: Query[EventFilters]):
    if filters.topic and not Topic.objects.filter(slug=filters.topic).exists():
        return {"count": 0, "page": 1, "pages": 1, "items": []}
    events = selectors.event_list(
        user=request.user,
        when="past" if filters.past else "upcoming",
        topic=filters.topic,
        kind=filters.kind,
    )
    paginator = Paginator(events, PAGE_SIZE)
    page = paginator.get_page(filters.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "items": selectors.with_reader_details(page.object_list),
    }


@router.get(
    "/events/{event_id}",
    response={200: EventDetailOut, 404: ErrorOut},
    operation_id="event_get",
    summary="An event with its programme",
    description="One event with its programme and organisers; 404 when it is not visible.",
)
def event_get(request: HttpRequest, event_id: int):
    return _event_for_api(user=request.user, event_id=event_id)


def _unprocessable(error: ValidationError) -> HttpError:
    return HttpError(422, error_text(error))


@router.post(
    "/events",
    response={201: EventDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="event_create",
    summary="Create an event",
    description=(
        "Create an event as the token's owner (the editorial desk only: 403 for anyone else). "
        "A draft unless publish is true. 404 for an unknown topic or network. Invalid data is "
        "refused with 422 and a Danish message: besides what the schema says, the end must be "
        "after the start, sign-up must open before the start and close after it opens and no "
        "later than the start, an audience needs its kind of organisation or network, and no "
        "text may hold a CPR number."
    ),
)
def event_create(request: HttpRequest, payload: EventIn):
    user = request.user
    if not rules.has_perm("events.manage", user):
        raise HttpError(403, _("Only the editorial desk may create events."))
    fields = payload.dict(exclude={"topic", "audience_network", "publish"})
    fields["audience_organisation_kind"] = payload.audience_organisation_kind or ""
    fields["topic"] = None
    if payload.topic:
        fields["topic"] = Topic.objects.filter(slug=payload.topic).first()
        if fields["topic"] is None:
            raise HttpError(404, _("The topic does not exist."))
    fields["audience_network"] = None
    if payload.audience_network:
        fields["audience_network"] = Network.objects.filter(slug=payload.audience_network).first()
        if fields["audience_network"] is None:
            raise HttpError(404, _("The network does not exist."))
    try:
        event = services.event_create(by=user, **fields)
        if payload.publish:
            event = services.event_publish(event=event, by=user)
    except ValidationError as error:
        raise _unprocessable(error) from error
    except PermissionDenied as error:
        raise HttpError(403, _("Only the editorial desk may create events.")) from error
    return Status(201, _event_for_api(user=user, event_id=event.pk))


@router.post(
    "/events/{event_id}/registrations",
    response={
        200: RegistrationOut,
        201: RegistrationOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    operation_id="event_registration_create",
    # The body may be left out altogether (no JSON at all), so it is read by hand below.
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": RegistrationIn.model_json_schema()}},
        }
    },
    summary="Sign up for an event",
    description=(
        "Sign the token's owner up; the body (dietary and accessibility needs) may be left out. "
        "201 with the outcome: confirmed (a seat) or waiting (with the place on the waiting "
        "list). 200 with the same answer when already signed up; 404 when the event is not "
        "visible; 409 when sign-up is not open (not yet, closed, started or cancelled); 422 for "
        "invalid notes (for example a CPR number)."
    ),
)
def event_registration_create(request: HttpRequest, event_id: int):
    user = request.user
    payload = _registration_payload(request)
    event = selectors.access_event(user=user, event_id=event_id)
    existing = selectors.registration_of(user=user, event=event)
    if existing is not None and existing.status in selectors.ACTIVE_STATUSES:
        return Status(200, _outcome(existing))
    try:
        registration = services.registration_create(
            event=event,
            user=user,
            dietary_note=payload.dietary_note,
            accessibility_note=payload.accessibility_note,
        )
    except PermissionDenied as error:
        raise HttpError(404, "Not Found") from error
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise _unprocessable(error) from error
        raise HttpError(409, error_text(error)) from error
    return Status(201, _outcome(registration))


def _registration_payload(request: HttpRequest) -> RegistrationIn:
    """The optional body: a JSON object, or form fields, or nothing at all (no notes).

    Anything else (`[false]`, `null`, a string) is refused: ninja's schemas read attributes of
    any object, so a list would otherwise pass as "no notes".
    """
    if request.content_type == "application/json":
        if not request.body.strip():
            return RegistrationIn()
        try:
            data = json.loads(request.body)
        except ValueError as error:
            raise HttpError(400, _("The body is not valid JSON.")) from error
    else:
        fields = ("dietary_note", "accessibility_note")
        data = {k: request.POST[k] for k in fields if k in request.POST}
    if not isinstance(data, dict):
        raise NinjaValidationError(
            [{"loc": ["body"], "msg": "Input should be an object", "type": "model_type"}]
        )
    try:
        return RegistrationIn.model_validate(data)
    except pydantic.ValidationError as error:
        raise NinjaValidationError(
            [{**e, "loc": ["body", *e["loc"]]} for e in error.errors(include_url=False)]
        ) from error


def _outcome(registration: Registration) -> dict:
    return {"status": registration.status, "waiting_position": seats.waiting_position(registration)}


@router.delete(
    "/events/{event_id}/registrations/me",
    response={204: None, 404: ErrorOut, 409: ErrorOut},
    operation_id="event_registration_cancel",
    summary="Cancel one's own registration",
    description=(
        "Cancel the token owner's seat or place on the waiting list; the seat goes to the next "
        "person waiting. 204 when done; 404 when the event is not visible or there is nothing to "
        "cancel."
    ),
)
def event_registration_cancel(request: HttpRequest, event_id: int):
    user = request.user
    event = selectors.access_event(user=user, event_id=event_id)
    registration = selectors.registration_of(user=user, event=event)
    if registration is None or registration.status not in selectors.ACTIVE_STATUSES:
        raise HttpError(404, _("You are not signed up for this event."))
    try:
        services.registration_cancel(registration=registration, by=user)
    except ValidationError as error:
        raise HttpError(409, error_text(error)) from error
    except PermissionDenied as error:
        raise HttpError(404, "Not Found") from error
    return Status(204, None)
