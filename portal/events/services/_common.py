"""What the event and registration services share: field lists, guards, validation, booking
mail and the promotion of the waiting list (called with the event locked)."""

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
from portal.core.email import email_send
from portal.core.models import EmailCategory, User
from portal.core.queue import Fallback, enqueue

from ..calendar import event_location, event_url, ics_attachment
from ..models import Event, OrganisationQuota, Registration
from ..selectors import seats

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
    # Imported here: the tasks module imports these services.
    from ..tasks import event_participants_mail_task

    # No round would find this mail again, so without a queue it is written in this request.
    transaction.on_commit(
        lambda: enqueue(
            event_participants_mail_task, event.pk, template, reason, fallback=Fallback.INLINE
        )
    )


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
