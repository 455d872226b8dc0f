"""Writes of events and registrations.

Seats are handed out under a row lock on the event (`select_for_update()` inside the
transaction): on PostgreSQL concurrent sign-ups for one event queue up on that lock, and every
count read after it sees what the sign-ups before committed; on SQLite the transaction itself
is the lock (the portal opens SQLite transactions IMMEDIATE). So nobody is ever overbooked.

A registration is one row per person and event for its whole life. The waiting list is in
`queued_at, pk` order; signing up again after cancelling reuses the row at the back of the
queue. When a seat frees up (cancellation, more seats, a changed quota) the first waiting
person whose organisation's quota allows it is promoted and told by email with the calendar
invitation. Booking mail is transactional: it is about the person's own seat and always sent,
after the transaction commits (`email_send` queues on commit).
"""

from collections.abc import Iterable
from datetime import datetime

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.cpr_guard import guard_instances
from portal.core.email import email_send
from portal.core.models import AuditEvent, EmailCategory, Organisation, User
from portal.core.queue import Fallback, enqueue
from portal.core.services import audit_record

from . import seats
from .calendar import event_location, event_url, ics_attachment
from .models import Event, EventSession, OrganisationQuota, Registration
from .selectors import event_is_visible_to

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED
ACTIVE = (CONFIRMED, WAITING)

# What an editor may set on an event; status and the calendar bookkeeping are the services'.
EVENT_FIELDS = frozenset(
    {
        "kind",
        "title",
        "description",
        "topic",
        "venue",
        "address",
        "room",
        "online_url",
        "starts_at",
        "ends_at",
        "registration_opens_at",
        "registration_closes_at",
        "capacity",
        "audience",
        "audience_organisation_kind",
        "audience_network",
    }
)
TEXT_FIELDS = frozenset(
    {
        "kind",
        "title",
        "description",
        "venue",
        "address",
        "room",
        "online_url",
        "audience",
        "audience_organisation_kind",
    }
)
# A change to any of these must reach the participants' calendars (new SEQUENCE, new mail).
CALENDAR_FIELDS = ("starts_at", "ends_at", "venue", "address", "room", "online_url")
NOTE_MAX_LENGTH = 300
# The years an event (and its programme and sign-up window) may fall in. Outside them a time is
# a typo, and near the ends of what Python's datetime holds (year 1, year 9999) converting it
# to UTC or to a calendar (.ics) overflows.
EVENT_YEARS = range(1900, 2201)
EMAIL_TEMPLATES = "events/emails/"


# --- Guards ------------------------------------------------------------------------------


def _require(perm: str, user: User, obj=None) -> None:
    if not (user and rules.has_perm(perm, user, obj)):
        raise PermissionDenied


def _lock(event: Event) -> Event:
    """Lock the event's row for the rest of the transaction and refresh it in place."""
    event.refresh_from_db(from_queryset=Event.objects.select_for_update())
    return event


def _may_act_for(by: User, registration: Registration) -> bool:
    """The person themselves, the event's organisers and editors, and a coordinator of the
    person's own organisation."""
    if by is None or not by.is_authenticated:
        return False
    if by.pk == registration.user_id:
        return True
    if rules.has_perm("events.organise", by, registration.event):
        return True
    return bool(
        rules.has_perm("events.register_colleague", by)
        and by.organisation_id
        and by.organisation_id == registration.user.organisation_id
    )


def _check_year(moment: datetime | None) -> None:
    """A time in EVENT_YEARS (in local time: that is the year people see)."""
    if moment is None:
        return
    if not isinstance(moment, datetime) or timezone.is_naive(moment):
        raise ValidationError(_("Give a date and time with a time zone."), code="naive")
    year = moment.year  # before any conversion: converting year 1 or 9999 may overflow
    if year not in EVENT_YEARS:
        raise ValidationError(
            _("The year must be between %(first)d and %(last)d."),
            code="year",
            params={"first": EVENT_YEARS[0], "last": EVENT_YEARS[-1]},
        )


def _validate_event(event: Event) -> None:
    """All problems at once, by field, as the form shows them."""
    errors: dict[str, list] = {}

    def add(field: str, error) -> None:
        errors.setdefault(field, []).append(error)

    event.title = (event.title or "").strip()
    try:  # also the CPR guard on every text field (portal.core.cpr_guard)
        event.clean_fields(exclude=["created_by", "topic", "audience_network"])
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():
            errors.setdefault(field, []).extend(field_errors)
    times_usable = True
    for field in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        try:
            _check_year(getattr(event, field))
        except ValidationError as error:
            add(field, error)
            times_usable = False
    if not times_usable:
        raise ValidationError(errors)  # the checks below would compare unusable times
    starts, ends = event.starts_at, event.ends_at
    if starts and ends and ends < starts:
        add("ends_at", ValidationError(_("The event must end after it starts."), code="ends"))
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if starts and opens and opens >= starts:
        add(
            "registration_opens_at",
            ValidationError(
                _("Registration must open before the event starts."), code="opens_late"
            ),
        )
    if starts and closes and closes > starts:
        add(
            "registration_closes_at",
            ValidationError(
                _("Registration must close no later than the event starts."), code="closes_late"
            ),
        )
    if opens and closes and closes <= opens:
        add(
            "registration_closes_at",
            ValidationError(
                _("Registration must close after it opens."), code="closes_before_opening"
            ),
        )
    if event.audience == Event.Audience.ORGANISATION_KIND:
        if not event.audience_organisation_kind:
            add(
                "audience_organisation_kind",
                ValidationError(_("Choose a kind of organisation."), code="required"),
            )
    else:
        event.audience_organisation_kind = ""
    if event.audience == Event.Audience.NETWORK:
        if event.audience_network_id is None:
            add("audience_network", ValidationError(_("Choose a network."), code="required"))
    else:
        event.audience_network = None
    if errors:
        raise ValidationError(errors)


def _apply(event: Event, fields: dict) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"unknown event fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if value is None and name in TEXT_FIELDS:
            value = ""  # forms and the API say None for an empty optional text
        if isinstance(value, str) and name != "description":
            value = value.strip()
        setattr(event, name, value)


def _check_notes(**notes: str) -> dict[str, str]:
    errors: dict[str, list] = {}
    cleaned = {}
    for field, text in notes.items():
        text = (text or "").strip()
        if len(text) > NOTE_MAX_LENGTH:
            errors.setdefault(field, []).append(
                ValidationError(
                    _("The text is too long (at most %(limit)d characters)."),
                    code="too_long",
                    params={"limit": NOTE_MAX_LENGTH},
                )
            )
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors.setdefault(field, []).append(error)
        cleaned[field] = text
    if errors:
        raise ValidationError(errors)
    return cleaned


def _local(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _check_registration_open(event: Event, now: datetime) -> None:
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event has been cancelled."), code="event_cancelled")
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(_("The event is not open for registration."), code="not_published")
    if now >= event.starts_at:
        raise ValidationError(_("The event has already started."), code="started")
    if event.registration_opens_at and now < event.registration_opens_at:
        raise ValidationError(
            _("Registration opens %(opens)s."),
            code="not_open_yet",
            params={"opens": _local(event.registration_opens_at)},
        )
    if event.registration_closes_at and now >= event.registration_closes_at:
        raise ValidationError(_("Registration has closed."), code="closed")


# --- Email -------------------------------------------------------------------------------


def _send(template: str, registration: Registration, *, method: str | None = None, **extra):
    """A booking email to the registered person, with the calendar invitation if `method`,
    rendered once the transaction has committed: not while the event's row lock holds up
    everyone else signing up (measured in bench/events.py), and never for a sign-up that was
    rolled back. `extra` is computed now, under the lock (e.g. the place in the queue)."""
    user = registration.user
    event = registration.event
    language = user.preferred_language or settings.LANGUAGE_CODE
    attachments = []
    if method:
        # The calendar entry as of now (its SEQUENCE), a millisecond or two under the lock.
        with translation.override(language):
            attachments.append(ics_attachment(event, method=method, attendee=user))
    transaction.on_commit(
        lambda: _send_to(
            user, template, event, language, attachments, registration=registration, **extra
        ),
        robust=True,
    )


def _send_to(user: User, template: str, event: Event, language: str, attachments, **context):
    return email_send(
        to=user.email,
        template=f"{EMAIL_TEMPLATES}{template}",
        context={
            "recipient": user,
            "event": event,
            "event_url": event_url(event),
            "location": event_location(event),
            "calendar_feed_url": f"{settings.SITE_URL}{reverse('events:calendar_feed_settings')}",
            **context,
        },
        language=language,
        category=EmailCategory.TRANSACTIONAL,
        user=user,
        reference=f"event:{event.pk}",
        attachments=attachments,
    )


def _send_booking(registration: Registration, *, registered_by: User | None = None) -> None:
    if registration.status == CONFIRMED:
        _send("confirmed", registration, method="REQUEST", registered_by=registered_by)
    else:
        _send(
            "waiting",
            registration,
            registered_by=registered_by,
            position=seats.waiting_position(registration),
        )


def _mail_participants_later(event: Event, template: str, *, reason: str = "") -> None:
    """A change or cancellation reaches everyone from the queue once the change is committed:
    a conference has hundreds of participants (~12 ms of rendering each), and an editor
    should not wait for them."""
    from .tasks import event_participants_mail_task

    # No round would find this mail again, so without a queue it is written in this request.
    transaction.on_commit(
        lambda: enqueue(
            event_participants_mail_task, event.pk, template, reason, fallback=Fallback.INLINE
        )
    )


def event_participants_mail(*, event_id: int, template: str, reason: str = "") -> int:
    """Mail the participants about a change ("updated": the confirmed get the new calendar
    entry) or a cancellation ("event_cancelled": METHOD:CANCEL to the confirmed, a note to the
    waiting list), as the event is now. Returns how many were mailed."""
    event = Event.objects.get(pk=event_id)
    statuses = (CONFIRMED,) if template == "updated" else ACTIVE
    registrations = Registration.objects.filter(event=event, status__in=statuses).select_related(
        "user"
    )
    count = 0
    for registration in registrations:
        registration.event = event
        if template == "updated":
            _send("updated", registration, method="REQUEST")
        else:
            had_seat = registration.status == CONFIRMED
            _send(
                "event_cancelled",
                registration,
                method="CANCEL" if had_seat else None,
                had_seat=had_seat,
                reason=reason,
            )
        count += 1
    return count


def _next_sequence(event: Event) -> None:
    """Raise the event's iCalendar SEQUENCE (the event is locked); not an edit of the event."""
    event.ical_sequence += 1
    Event.objects.filter(pk=event.pk).update(ical_sequence=event.ical_sequence)


# --- Promotion ---------------------------------------------------------------------------


def _has_seat_for(event: Event, user: User) -> bool:
    left = seats.seats_left(event)
    if left is not None and left <= 0:
        return False
    quota = seats.quota_left(event, user.organisation_id)
    return quota is None or quota > 0


def _promote(event: Event) -> list[Registration]:
    """Give free seats to the waiting list in order, skipping people whose organisation has
    used its quota. Call with the event locked."""
    now = timezone.now()
    if event.status != Event.Status.PUBLISHED or now >= event.starts_at:
        return []
    free = seats.seats_left(event)
    if free is not None and free <= 0:
        return []
    waiting = list(
        Registration.objects.filter(event=event, status=WAITING)
        .select_related("user")
        .order_by("queued_at", "pk")
    )
    if not waiting:
        return []
    quotas = dict(
        OrganisationQuota.objects.filter(event=event).values_list("organisation_id", "seats")
    )
    used = seats.quota_use(event) if quotas else {}
    promoted = []
    for registration in waiting:
        if free is not None and free <= 0:
            break
        organisation_id = registration.user.organisation_id
        if organisation_id in quotas and used.get(organisation_id, 0) >= quotas[organisation_id]:
            continue
        registration.status = CONFIRMED
        registration.confirmed_at = registration.promoted_at = now
        registration.event = event
        used[organisation_id] = used.get(organisation_id, 0) + 1
        if free is not None:
            free -= 1
        promoted.append(registration)
    Registration.objects.bulk_update(promoted, ["status", "confirmed_at", "promoted_at"])
    for registration in promoted:
        _send("promoted", registration, method="REQUEST")
    return promoted


# --- Events ------------------------------------------------------------------------------


@transaction.atomic
def event_create(*, by: User, organisers: Iterable[User] = (), **fields) -> Event:
    """A draft; the editorial desk publishes it when it is ready."""
    _require("events.manage", by)
    event = Event(status=Event.Status.DRAFT, created_by=by)
    _apply(event, fields)
    _validate_event(event)
    event.save()
    organisers = list(organisers)
    if organisers:
        event.organisers.set(organisers)
    return event


@transaction.atomic
def event_update(*, event: Event, by: User, **fields) -> Event:
    """Change an event. When a published event's time or place changes, every confirmed
    participant gets the new calendar entry (same UID, higher SEQUENCE); more seats promote
    people from the waiting list."""
    _require("events.organise", by, event)
    organisers = fields.pop("organisers", None)
    _lock(event)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be changed."), code="event_cancelled")
    before = {name: getattr(event, name) for name in (*CALENDAR_FIELDS, "capacity")}
    try:
        _apply(event, fields)
        _validate_event(event)
    except ValidationError:
        event.refresh_from_db()  # the caller's object shows what is stored, not the attempt
        raise
    moved = any(getattr(event, name) != before[name] for name in CALENDAR_FIELDS)
    published = event.status == Event.Status.PUBLISHED
    if moved and published:
        event.ical_sequence += 1
    event.save()
    if organisers is not None:
        event.organisers.set(list(organisers))
    if moved and published:
        _mail_participants_later(event, "updated")
    if event.capacity != before["capacity"]:
        _promote(event)
    return event


@transaction.atomic
def event_set_organisers(*, event: Event, by: User, organisers: Iterable[User]) -> None:
    _require("events.organise", by, event)
    event.organisers.set(list(organisers))


@transaction.atomic
def event_set_programme(*, event: Event, by: User, sessions: list[dict]) -> None:
    """Replace the programme. Each item: starts_at, ends_at, title, description, room,
    speakers (people in the directory), guest_speakers (names of others)."""
    _require("events.organise", by, event)
    errors = []
    items = []
    for number, data in enumerate(sessions, start=1):
        title = (data.get("title") or "").strip()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if not title:
            errors.append(
                ValidationError(
                    _("Programme item %(number)d needs a title."),
                    code="required",
                    params={"number": number},
                )
            )
        try:
            _check_year(starts_at)
            _check_year(ends_at)
        except ValidationError as error:
            errors.append(error)
        else:
            if starts_at is None:
                errors.append(
                    ValidationError(
                        _("Programme item %(number)d needs a start time."),
                        code="required",
                        params={"number": number},
                    )
                )
            elif ends_at is not None and ends_at < starts_at:
                errors.append(
                    ValidationError(
                        _("Programme item %(number)d must end after it starts."),
                        code="ends",
                        params={"number": number},
                    )
                )
        for field in ("title", "description", "room", "guest_speakers"):
            try:
                validate_no_cpr_number(data.get(field) or "")
            except ValidationError as error:
                errors.append(error)
        items.append(
            (
                EventSession(
                    event=event,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    title=title[:200],
                    description=data.get("description") or "",
                    room=(data.get("room") or "").strip()[:120],
                    guest_speakers=(data.get("guest_speakers") or "").strip()[:300],
                ),
                list(data.get("speakers") or ()),
            )
        )
    if errors:
        raise ValidationError({"sessions": errors})
    _lock(event)
    EventSession.objects.filter(event=event).delete()
    guard_instances(session for session, _speakers in items)  # bulk_create sends no pre_save
    created = EventSession.objects.bulk_create([session for session, _speakers in items])
    Through = EventSession.speakers.through
    Through.objects.bulk_create(
        Through(eventsession_id=session.pk, user_id=speaker.pk)
        for session, (_unsaved, speakers) in zip(created, items, strict=True)
        for speaker in {speaker.pk: speaker for speaker in speakers}.values()
    )
    # bulk_create sends no signals: saving the event has the search index read the new programme.
    event.save(update_fields=["updated_at"])


@transaction.atomic
def event_set_quotas(*, event: Event, by: User, quotas: dict[Organisation, int]) -> None:
    """Replace the organisation quotas; a raised or removed quota may promote waiting people."""
    _require("events.organise", by, event)
    cleaned = {}
    for organisation, seats_count in quotas.items():
        if seats_count is None or int(seats_count) < 0:
            raise ValidationError(
                {"quotas": [_("A quota must be zero or more seats.")]}, code="quota"
            )
        cleaned[organisation.pk] = int(seats_count)
    _lock(event)
    OrganisationQuota.objects.filter(event=event).exclude(organisation_id__in=cleaned).delete()
    existing = {q.organisation_id: q for q in OrganisationQuota.objects.filter(event=event)}
    changed = []
    for organisation_id, seats_count in cleaned.items():
        quota = existing.get(organisation_id)
        if quota is None:
            OrganisationQuota.objects.create(
                event=event, organisation_id=organisation_id, seats=seats_count
            )
        elif quota.seats != seats_count:
            quota.seats = seats_count
            changed.append(quota)
    OrganisationQuota.objects.bulk_update(changed, ["seats"])
    _promote(event)


@transaction.atomic
def event_publish(*, event: Event, by: User) -> Event:
    _require("events.manage", by)
    _lock(event)
    if event.status == Event.Status.PUBLISHED:
        return event
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(
            _("A cancelled event cannot be published again."), code="event_cancelled"
        )
    event.status = Event.Status.PUBLISHED
    event.published_at = timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(action=AuditEvent.Action.EVENT_PUBLISHED, actor=by, target=event)
    return event


@transaction.atomic
def event_save(
    *,
    event: Event | None,
    by: User,
    fields: dict,
    organisers: Iterable[User],
    sessions: list[dict],
    quotas: dict[Organisation, int],
    publish: bool = False,
) -> Event:
    """The editing page in one step: the event (new when `event` is None), its organisers,
    programme and quotas, published if asked and allowed. A refusal anywhere changes nothing."""
    if event is None:
        event = event_create(by=by, organisers=organisers, **fields)
    else:
        event = event_update(event=event, by=by, **fields)
        event_set_organisers(event=event, by=by, organisers=organisers)
    event_set_programme(event=event, by=by, sessions=sessions)
    event_set_quotas(event=event, by=by, quotas=quotas)
    if publish and event.status == Event.Status.DRAFT and rules.has_perm("events.manage", by):
        event = event_publish(event=event, by=by)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by: User, reason: str = "") -> Event:
    """Cancel the event: calendars get METHOD:CANCEL, the waiting list a short note.
    Registrations are kept as they were, so the record shows who had a seat."""
    _require("events.cancel", by, event)
    reason = (reason or "").strip()
    try:
        validate_no_cpr_number(reason)
    except ValidationError as error:
        raise ValidationError({"reason": [error]}) from error
    _lock(event)
    if event.status == Event.Status.CANCELLED:
        return event
    was_published = event.status == Event.Status.PUBLISHED
    status_before = event.status
    event.status = Event.Status.CANCELLED
    event.cancelled_at = timezone.now()
    event.ical_sequence += 1
    event.save(update_fields=["status", "cancelled_at", "ical_sequence", "updated_at"])
    audit_record(
        action=AuditEvent.Action.EVENT_CANCELLED,
        actor=by,
        target=event,
        status_from=status_before,
        reason=reason[:200],
    )
    if was_published and event.ends_at > event.cancelled_at:
        _mail_participants_later(event, "event_cancelled", reason=reason)
    return event


@transaction.atomic
def event_copy(*, event: Event, by: User, starts_at: datetime, publish: bool = False) -> Event:
    """A copy moved in time: programme, quotas, organisers and windows move along. A draft,
    or published at once with `publish` (the next theme meeting in one step)."""
    _require("events.manage", by)
    try:
        _check_year(starts_at)  # before moving anything by the shift, which could overflow
    except ValidationError as error:
        raise ValidationError({"starts_at": [error]}) from error
    shift = starts_at - event.starts_at

    def moved(moment):
        return moment + shift if moment else None

    copy = Event(
        **{name: getattr(event, name) for name in EVENT_FIELDS},
        status=Event.Status.DRAFT,
        created_by=by,
    )
    copy.starts_at = starts_at
    copy.ends_at = moved(event.ends_at)
    copy.registration_opens_at = moved(event.registration_opens_at)
    copy.registration_closes_at = moved(event.registration_closes_at)
    _validate_event(copy)
    copy.save()
    copy.organisers.set(event.organisers.all())
    OrganisationQuota.objects.bulk_create(
        OrganisationQuota(event=copy, organisation_id=q.organisation_id, seats=q.seats)
        for q in event.quotas.all()
    )
    for session in event.sessions.prefetch_related("speakers"):
        speakers = list(session.speakers.all())
        session_copy = EventSession.objects.create(
            event=copy,
            starts_at=moved(session.starts_at),
            ends_at=moved(session.ends_at),
            title=session.title,
            description=session.description,
            room=session.room,
            guest_speakers=session.guest_speakers,
        )
        session_copy.speakers.set(speakers)
    if publish:
        copy = event_publish(event=copy, by=by)
    return copy


# --- Registrations -----------------------------------------------------------------------


@transaction.atomic
def registration_create(
    *,
    event: Event,
    user: User,
    by: User | None = None,
    dietary_note: str = "",
    accessibility_note: str = "",
    notify_by: bool = True,
) -> Registration:
    """One click: a seat if there is one (and the organisation's quota allows), else a place
    at the back of the waiting list. Signing up twice changes nothing.

    `by` is a coordinator (or editor) signing up a colleague: the colleague gets the usual
    confirmation saying who signed them up, and with `notify_by` the coordinator a receipt.
    """
    on_behalf = by is not None and by.pk != user.pk
    actor = by if on_behalf else user
    if not (actor and actor.is_authenticated and event_is_visible_to(user=actor, event=event)):
        raise PermissionDenied
    if on_behalf:
        _require("events.register_colleague", by)
        if not rules.has_perm("events.manage", by) and (
            not by.organisation_id or by.organisation_id != user.organisation_id
        ):
            raise PermissionDenied
        if not (
            user.is_active and user.approved_at and event_is_visible_to(user=user, event=event)
        ):
            raise ValidationError(
                _("This event is not open to %(name)s."),
                code="not_in_audience",
                params={"name": user.get_full_name()},
            )
    notes = _check_notes(dietary_note=dietary_note, accessibility_note=accessibility_note)
    _lock(event)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status in ACTIVE:
        return registration
    now = timezone.now()
    _check_registration_open(event, now)
    confirmed = _has_seat_for(event, user)
    if registration is None:
        registration = Registration(event=event, user=user)
    else:
        # Signing up again after a cancellation: this person's calendar got METHOD:CANCEL,
        # and a calendar only takes a new invitation with a higher SEQUENCE than that.
        _next_sequence(event)
    registration.event = event
    registration.user = user
    registration.status = CONFIRMED if confirmed else WAITING
    registration.queued_at = now
    registration.registered_by = by if on_behalf else None
    registration.confirmed_at = now if confirmed else None
    registration.promoted_at = None
    registration.cancelled_at = None
    registration.checked_in_at = None
    registration.reminder_sent_at = None
    registration.feedback_requested_at = None
    registration.dietary_note = notes["dietary_note"]
    registration.accessibility_note = notes["accessibility_note"]
    registration.save()
    _send_booking(registration, registered_by=by if on_behalf else None)
    if on_behalf and notify_by:
        position = seats.waiting_position(registration)
        transaction.on_commit(
            lambda: _send_to(
                by,
                "registered_by_colleague",
                event,
                by.preferred_language or settings.LANGUAGE_CODE,
                [],
                registration=registration,
                colleague=user,
                position=position,
            ),
            robust=True,
        )
    return registration


@transaction.atomic
def registration_update(
    *, registration: Registration, by: User, dietary_note: str, accessibility_note: str
) -> Registration:
    """The person's dietary and accessibility needs (never a CPR number)."""
    if not _may_act_for(by, registration):
        raise PermissionDenied
    notes = _check_notes(dietary_note=dietary_note, accessibility_note=accessibility_note)
    if registration.status == CANCELLED:
        raise ValidationError(_("This registration has been cancelled."), code="cancelled")
    registration.dietary_note = notes["dietary_note"]
    registration.accessibility_note = notes["accessibility_note"]
    registration.save(update_fields=["dietary_note", "accessibility_note"])
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, by: User) -> Registration:
    """Give up the seat (or the place in the queue). A freed seat goes to the first waiting
    person who fits; the person cancelled gets METHOD:CANCEL for their calendar."""
    if not _may_act_for(by, registration):
        raise PermissionDenied
    event = _lock(registration.event)
    registration.refresh_from_db()
    registration.event = event
    if registration.status == CANCELLED:
        return registration
    now = timezone.now()
    if now >= event.starts_at and not rules.has_perm("events.organise", by, event):
        raise ValidationError(
            _("The event has started; ask the organiser to change your registration."),
            code="started",
        )
    had_seat = registration.status == CONFIRMED
    registration.status = CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    if event.status == Event.Status.CANCELLED:
        return registration  # everyone was told when the event was cancelled
    if had_seat:
        _next_sequence(event)  # so that a later invitation outranks this cancellation
    _send(
        "cancelled",
        registration,
        method="CANCEL" if had_seat else None,
        had_seat=had_seat,
        cancelled_by=by if by.pk != registration.user_id else None,
    )
    if had_seat:
        _promote(event)
    return registration


@transaction.atomic
def registrations_withdraw_all(*, user: User) -> int:
    """Give up all the person's seats and queue places at events that have not started (their
    account is being deleted): each freed seat goes to the next person waiting, who is told.
    The person is not mailed. Events are locked in id order, as everywhere, so two of these
    cannot deadlock. Returns how many registrations were withdrawn."""
    now = timezone.now()
    active = Registration.objects.filter(user=user, status__in=ACTIVE, event__starts_at__gt=now)
    event_ids = sorted(set(active.values_list("event_id", flat=True)))
    events = list(Event.objects.select_for_update().filter(pk__in=event_ids).order_by("pk"))
    withdrawn = active.filter(event_id__in=event_ids).update(status=CANCELLED, cancelled_at=now)
    for event in events:
        _promote(event)
    return withdrawn
