"""Writes of registrations: sign-up (oneself or a colleague), notes, cancellation and the
withdrawal of everything when an account is deleted. Seats are handed out under the row lock on
the event; see `portal.events.services.events`."""

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import User

from .. import access
from ..models import Event, Registration
from ..selectors import seats
from ._common import (
    ACTIVE,
    CANCELLED,
    CONFIRMED,
    WAITING,
    _check_notes,
    _check_registration_open,
    _has_seat_for,
    _lock,
    _may_act_for,
    _next_sequence,
    _promote,
    _require,
    _send,
    _send_booking,
    _send_to,
)

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
    if not (actor and actor.is_authenticated and access.event_visible(user=actor, event=event)):
        raise PermissionDenied
    if on_behalf:
        _require("events.register_colleague", by)
        if not rules.has_perm("events.manage", by) and (
            not by.organisation_id or by.organisation_id != user.organisation_id
        ):
            raise PermissionDenied
        if not (
            user.is_active and user.approved_at and access.event_visible(user=user, event=event)
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
