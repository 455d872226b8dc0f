"""The organiser's day and after: participant list, check-in, reminders, feedback requests.

Both email rounds are safe to run at any time and from several workers at once. A registration
is claimed by setting its `reminder_sent_at` / `feedback_requested_at` in the transaction that
records the email: on PostgreSQL the pending rows are locked with SELECT … FOR UPDATE SKIP
LOCKED, on SQLite a write statement first takes the database's write lock, so a second worker
waits and then finds nothing left. Reminders and feedback requests are about the person's own
booking, so they are sent whatever the person chose for notification emails; being
`EmailCategory.NOTIFICATION`, they are not sent to an address that bounced.
"""

from collections import Counter
from datetime import datetime, timedelta

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.email import email_send
from portal.core.models import EmailCategory, User
from portal.digests.links import absolute

from .models import Event, EventSession, FeedbackResponse, Registration

REMINDER_TEMPLATE = "events/emails/reminder"
FEEDBACK_REQUEST_TEMPLATE = "events/emails/feedback_request"
# Feedback requests go out from this long after the end ...
FEEDBACK_REQUEST_DELAY = timedelta(hours=1)
# ... until this long after it (a queue that was down for weeks does not ask about old events).
FEEDBACK_REQUEST_WINDOW = timedelta(days=14)
# Programme items named in the reminder.
PROGRAMME_ITEMS_IN_REMINDER = 5

ACTIVE_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.WAITING)


# --- Reads --------------------------------------------------------------------------------------


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


# --- Check-in -----------------------------------------------------------------------------------


@transaction.atomic
def registration_check_in(
    *, registration: Registration, by: User, undo: bool = False
) -> Registration:
    """Mark a confirmed participant as present (or take the mark back), from the event's day
    on: people are checked in at the door, or afterwards from a paper list."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=registration.pk)
    )
    event = registration.event
    if not rules.has_perm("events.organise", by, event):
        raise PermissionDenied
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event has been cancelled."), code="cancelled")
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(
            _("Only confirmed participants can be checked in."), code="not_confirmed"
        )
    if not event_day_has_come(event=event):
        raise ValidationError(_("Check-in opens on the day of the event."), code="too_early")
    if undo:
        registration.checked_in_at = None
    elif registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
    registration.save(update_fields=["checked_in_at"])
    return registration


# --- Rounds -------------------------------------------------------------------------------------


def _claim(pending: QuerySet[Registration], *, field: str, now: datetime) -> list[int]:
    """Mark the pending registrations as dealt with by this worker and return their ids.

    Must run inside a transaction; see the module docstring.
    """
    if connection.features.has_select_for_update_skip_locked:
        ids = list(
            pending.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)
        )
    else:
        Registration.objects.filter(pk=0).update(**{field: None})
        ids = list(pending.values_list("pk", flat=True))
    if ids:
        Registration.objects.filter(pk__in=ids, **{f"{field}__isnull": True}).update(**{field: now})
    return ids


def _event_links(event: Event) -> dict:
    return {
        "event_url": absolute(event.get_absolute_url()),
        "ics_url": absolute(reverse("events:event_ics", args=[event.pk])),
        "cancel_url": absolute(reverse("events:registration_cancel", args=[event.pk])),
        "feedback_url": absolute(reverse("events:feedback_form", args=[event.pk])),
    }


def _mail(*, registration: Registration, template: str, context: dict) -> bool:
    user = registration.user
    if not (user.is_active and user.email):
        return False
    delivery = email_send(
        to=user.email,
        template=template,
        context={"recipient": user, "registration": registration, **context},
        language=user.preferred_language or settings.LANGUAGE_CODE,
        category=EmailCategory.NOTIFICATION,
        user=user,
        reference=f"event:{registration.event_id}",
    )
    return delivery is not None


def events_due_for_reminders(*, now: datetime) -> QuerySet[Event]:
    until = now + timedelta(hours=settings.PORTAL_EVENT_REMINDER_HOURS)
    return Event.objects.filter(
        status=Event.Status.PUBLISHED, starts_at__gt=now, starts_at__lte=until
    )


def event_reminders_send(now: datetime | None = None) -> int:
    """Remind every confirmed participant of events starting within the reminder window, once.

    Returns the number of emails sent.
    """
    now = now or timezone.now()
    sent = 0
    events = events_due_for_reminders(now=now).prefetch_related(
        Prefetch("sessions", queryset=EventSession.objects.order_by("starts_at", "pk"))
    )
    for event in events:
        sent += _remind(event=event, now=now)
    return sent


@transaction.atomic
def _remind(*, event: Event, now: datetime) -> int:
    pending = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED, reminder_sent_at__isnull=True
    )
    ids = _claim(pending, field="reminder_sent_at", now=now)
    if not ids:
        return 0
    sessions = list(event.sessions.all())
    context = {
        "event": event,
        "programme": sessions[:PROGRAMME_ITEMS_IN_REMINDER],
        "programme_more": max(0, len(sessions) - PROGRAMME_ITEMS_IN_REMINDER),
        **_event_links(event),
    }
    sent = 0
    for registration in Registration.objects.filter(pk__in=ids).select_related("user"):
        registration.event = event
        sent += _mail(registration=registration, template=REMINDER_TEMPLATE, context=context)
    Event.objects.filter(pk=event.pk, reminders_sent_at__isnull=True).update(reminders_sent_at=now)
    return sent


def events_due_for_feedback_requests(*, now: datetime) -> QuerySet[Event]:
    return Event.objects.filter(
        status=Event.Status.PUBLISHED,
        ends_at__lte=now - FEEDBACK_REQUEST_DELAY,
        ends_at__gte=now - FEEDBACK_REQUEST_WINDOW,
    )


def event_feedback_requests_send(now: datetime | None = None) -> int:
    """Ask the participants of events that ended for feedback, once each.

    Participants are those who were checked in; when nobody was checked in (the organiser did
    not use check-in), every confirmed person. Returns the number of emails sent.
    """
    now = now or timezone.now()
    sent = 0
    for event in events_due_for_feedback_requests(now=now):
        sent += _request_feedback(event=event, now=now)
    return sent


@transaction.atomic
def _request_feedback(*, event: Event, now: datetime) -> int:
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    if confirmed.filter(checked_in_at__isnull=False).exists():
        confirmed = confirmed.filter(checked_in_at__isnull=False)
    answered = FeedbackResponse.objects.filter(event=event, user__isnull=False).values("user_id")
    pending = confirmed.filter(feedback_requested_at__isnull=True).exclude(user_id__in=answered)
    ids = _claim(pending, field="feedback_requested_at", now=now)
    if not ids:
        return 0
    context = {"event": event, **_event_links(event)}
    sent = 0
    for registration in Registration.objects.filter(pk__in=ids).select_related("user"):
        registration.event = event
        sent += _mail(
            registration=registration, template=FEEDBACK_REQUEST_TEMPLATE, context=context
        )
    Event.objects.filter(pk=event.pk, feedback_requested_at__isnull=True).update(
        feedback_requested_at=now
    )
    return sent
