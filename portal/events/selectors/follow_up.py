"""Reads for the organiser's day and after: the participant list with its summary, whether
check-in is open, and the events due for the reminder and feedback-request rounds."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from ..models import Event, Registration
from .events import ACTIVE_STATUSES

# Feedback requests go out from this long after the end ...
FEEDBACK_REQUEST_DELAY = timedelta(hours=1)
# ... until this long after it (a queue that was down for weeks does not ask about old events).
FEEDBACK_REQUEST_WINDOW = timedelta(days=14)


def participants_of(*, event: Event) -> QuerySet[Registration]:
    """The event's confirmed and waiting registrations with person, organisation and who signed
    them up, in one query: confirmed first, then the waiting list, each in queue order."""
    return (
        Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES)
        .select_related("user", "user__organisation", "registered_by")
        .annotate(
            status_order=Case(
                When(status=Registration.Status.CONFIRMED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("status_order", "queued_at", "pk")
    )


def event_day_has_come(*, event: Event, now: datetime | None = None) -> bool:
    """Whether it is the event's day (Copenhagen time) or later."""
    now = now or timezone.now()
    return timezone.localdate(now) >= timezone.localdate(event.starts_at)


def check_in_open(*, event: Event) -> bool:
    return event.status != Event.Status.CANCELLED and event_day_has_come(event=event)


def _by_name(registrations: list[Registration]) -> list[Registration]:
    return sorted(registrations, key=lambda r: (r.user.get_full_name().casefold(), r.pk))


def confirmed_by_name(*, event: Event) -> list[Registration]:
    """The confirmed participants in name order (badges, attendance list)."""
    return _by_name(
        [r for r in participants_of(event=event) if r.status == Registration.Status.CONFIRMED]
    )


def _matches(registration: Registration, query: str) -> bool:
    user = registration.user
    haystack = " ".join(
        [user.full_name, user.email, user.organisation.name if user.organisation_id else ""]
    )
    return query.casefold() in haystack.casefold()


def _note_summary(notes: list[str]) -> list[tuple[str, int]]:
    """The different notes with how many wrote each (case and spacing ignored), most first."""
    spelled = [" ".join(note.split()) for note in notes if note.strip()]
    first_spelling: dict[str, str] = {}
    for note in spelled:
        first_spelling.setdefault(note.casefold(), note)
    counted = Counter(note.casefold() for note in spelled)
    return [(first_spelling[key], count) for key, count in counted.most_common()]


def notes_withheld(registrations) -> None:
    """Blank the dietary and accessibility notes of registrations about to be shown to someone
    who runs the event but may not read them (an editor who is not an organiser). The objects
    are for display only and are never saved."""
    for registration in registrations:
        registration.dietary_note = ""
        registration.accessibility_note = ""


def participant_overview(*, event: Event, query: str = "", with_notes: bool = False) -> dict:
    """The organiser's participant list in one query: confirmed (by name) and waiting (with
    their place), each narrowed by `query` (name, email or organisation, any case, æøå), and
    a summary of the whole event: seats, check-ins and, `with_notes` (the organisers alone,
    `events.view_participant_notes`), the dietary and accessibility needs."""
    registrations = list(participants_of(event=event))
    if not with_notes:
        notes_withheld(registrations)
    confirmed = _by_name([r for r in registrations if r.status == Registration.Status.CONFIRMED])
    waiting = [r for r in registrations if r.status == Registration.Status.WAITING]
    for position, registration in enumerate(waiting, start=1):
        registration.waiting_position = position
    summary = {
        "confirmed": len(confirmed),
        "waiting": len(waiting),
        "checked_in": sum(1 for r in confirmed if r.checked_in_at),
        "seats_left": (
            max(0, event.capacity - len(confirmed)) if event.capacity is not None else None
        ),
    }
    if with_notes:
        dietary = [r.dietary_note for r in confirmed if r.dietary_note.strip()]
        accessibility = [r.accessibility_note for r in confirmed if r.accessibility_note.strip()]
        summary.update(
            dietary=len(dietary),
            accessibility=len(accessibility),
            dietary_notes=_note_summary(dietary),
            accessibility_notes=_note_summary(accessibility),
        )
    return {
        "confirmed": [r for r in confirmed if _matches(r, query)] if query else confirmed,
        "waiting": [r for r in waiting if _matches(r, query)] if query else waiting,
        "can_check_in": check_in_open(event=event),
        "show_notes": with_notes,
        "summary": summary,
    }


def events_due_for_reminders(*, now: datetime) -> QuerySet[Event]:
    until = now + timedelta(hours=settings.PORTAL_EVENT_REMINDER_HOURS)
    return Event.objects.filter(
        status=Event.Status.PUBLISHED, starts_at__gt=now, starts_at__lte=until
    )


def events_due_for_feedback_requests(*, now: datetime) -> QuerySet[Event]:
    return Event.objects.filter(
        status=Event.Status.PUBLISHED,
        ends_at__lte=now - FEEDBACK_REQUEST_DELAY,
        ends_at__gte=now - FEEDBACK_REQUEST_WINDOW,
    )
