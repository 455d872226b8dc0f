"""Writes of events: create, edit, publish, copy, cancel, and the mail to participants about
a change or cancellation. The seat rules below hold for `registrations` as well.

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
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.cpr_guard import guard_instances
from portal.core.models import AuditEvent, Organisation, User
from portal.core.services import audit_record

from ..models import Event, EventSession, OrganisationQuota, Registration
from ._common import (
    ACTIVE,
    CALENDAR_FIELDS,
    CONFIRMED,
    EVENT_FIELDS,
    _apply,
    _check_year,
    _lock,
    _mail_participants_later,
    _promote,
    _require,
    _send,
    _validate_event,
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
