"""The organiser's day and after: check-in, reminders, feedback requests.

Both email rounds are safe to run at any time and from several workers at once. A registration
is claimed by setting its `reminder_sent_at` / `feedback_requested_at` in the transaction that
records the email: on PostgreSQL the pending rows are locked with SELECT … FOR UPDATE SKIP
LOCKED, on SQLite a write statement first takes the database's write lock, so a second worker
waits and then finds nothing left. Reminders and feedback requests are about the person's own
booking, so they are sent whatever the person chose for notification emails; being
`EmailCategory.NOTIFICATION`, they are not sent to an address that bounced.
"""

from datetime import datetime

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.email import email_send
from portal.core.links import absolute
from portal.core.models import EmailCategory, User

from ..models import Event, EventSession, FeedbackResponse, Registration
from ..selectors.follow_up import (
    event_day_has_come,
    events_due_for_feedback_requests,
    events_due_for_reminders,
)

REMINDER_TEMPLATE = "events/emails/reminder"
FEEDBACK_REQUEST_TEMPLATE = "events/emails/feedback_request"
# Programme items named in the reminder.
PROGRAMME_ITEMS_IN_REMINDER = 5


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
