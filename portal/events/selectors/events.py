"""Reads of events: lists, the event page and the reader's own registrations. Who may see
which event is portal.events.access's rule; every read here asks it."""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from portal.core.models import User

from .. import access
from ..models import Event, Registration
from . import seats


def events_visible_to(*, user: User) -> QuerySet[Event]:
    """The events the person may see (portal.events.access), each once."""
    return Event.objects.filter(access.events_visible(user=user)).distinct()


def registration_of(*, user: User, event: Event) -> Registration | None:
    """The person's registration for the event in any state, or None."""
    return Registration.objects.filter(user=user, event=event).first()


# --- Pages: the overview and the event page ----------------------------------------------

ACTIVE_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.WAITING)


def access_event(*, user: User, event_id: int) -> Event:
    """The event if the person may see it; 404 whether it is missing or hidden from them."""
    event = (
        events_visible_to(user=user)
        .select_related("topic", "audience_network", "created_by")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise Http404
    return event


def access_event_for_organiser(*, user: User, pk: int) -> Event:
    """The event if the person may run it; 404 when they may not see it, 403 when they may
    see but not run it."""
    event = access_event(user=user, event_id=pk)
    if not rules.has_perm("events.organise", user, event):
        raise PermissionDenied
    return event


def _confirmed_count(prefix: str = "") -> Subquery:
    return Subquery(
        Registration.objects.filter(
            event_id=OuterRef(f"{prefix}pk"), status=Registration.Status.CONFIRMED
        )
        .order_by()
        .values("event_id")
        .annotate(n=Count("pk"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


def event_list(
    *,
    user: User,
    when: str = "upcoming",
    topic: str | None = None,
    kind: str | None = None,
    mine: bool = False,
) -> QuerySet[Event]:
    """The events the person may see, upcoming (not ended, soonest first) or past (newest
    first), each with `seats_taken` and the reader's own `my_status` and `my_queued_at`, in one
    query. Use `with_reader_details` on the page shown to add seats left and waiting places."""
    now = timezone.now()
    mine_q = Registration.objects.filter(event_id=OuterRef("pk"), user_id=user.pk)
    events = (
        Event.objects.filter(pk__in=events_visible_to(user=user).values("pk"))
        .select_related("topic", "audience_network")
        .annotate(
            seats_taken=Coalesce(_confirmed_count(), Value(0)),
            my_status=Subquery(mine_q.values("status")[:1]),
            my_queued_at=Subquery(mine_q.values("queued_at")[:1]),
            my_registration_id=Subquery(mine_q.values("pk")[:1]),
        )
    )
    if when == "past":
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gt=now).order_by("starts_at", "pk")
    if topic:
        events = events.filter(topic__slug=topic)
    if kind:
        events = events.filter(kind=kind)
    if mine:
        events = events.filter(
            registrations__user_id=user.pk, registrations__status__in=ACTIVE_STATUSES
        )
    return events


def with_reader_details(events) -> list[Event]:
    """Adds `seats_left` (None = no limit) and, where the reader waits, `my_waiting_position`,
    with at most one more query for the whole page."""
    events = list(events)
    waiting = {
        event.pk: (event.my_queued_at, event.my_registration_id)
        for event in events
        if event.my_status == Registration.Status.WAITING
    }
    ahead: dict[int, int] = {}
    if waiting:
        queue = Registration.objects.filter(
            event_id__in=list(waiting), status=Registration.Status.WAITING
        ).values_list("event_id", "queued_at", "pk")
        for event_id, queued_at, pk in queue:
            if (queued_at, pk) <= waiting[event_id]:
                ahead[event_id] = ahead.get(event_id, 0) + 1
    for event in events:
        event.seats_left = (
            None if event.capacity is None else max(event.capacity - event.seats_taken, 0)
        )
        event.my_waiting_position = ahead.get(event.pk)
    return events


def event_registration_open(event: Event, *, now=None) -> bool:
    """Whether sign-up is open now (the services decide; this only shapes the page)."""
    now = now or timezone.now()
    if event.status != Event.Status.PUBLISHED or event.starts_at <= now:
        return False
    if event.registration_opens_at and now < event.registration_opens_at:
        return False
    closes = event.registration_closes_at or event.starts_at
    return now < closes


def event_detail(*, user: User, event: Event) -> dict:
    """Everything the event page shows the reader: the programme with its speakers (and their
    organisations), seats, the reader's registration and waiting place, and what they may do."""
    sessions = list(
        event.sessions.prefetch_related(
            Prefetch(
                "speakers",
                queryset=User.objects.select_related("organisation").order_by("full_name"),
            )
        )
    )
    organisers = list(event.organisers.select_related("organisation").order_by("full_name"))
    registration = registration_of(user=user, event=event)
    position = None
    if registration is not None and registration.status == Registration.Status.WAITING:
        position = seats.waiting_position(registration)
    can_manage = rules.has_perm("events.manage", user)
    can_organise = can_manage or any(o.pk == user.pk for o in organisers)
    confirmed = waiting = None
    if can_organise:
        confirmed, waiting = seats.seat_counts([event.pk]).get(event.pk, (0, 0))
    return {
        "event": event,
        "sessions": sessions,
        "organisers": organisers,
        "registration": registration,
        "waiting_position": position,
        "seats_left": seats.seats_left(event),
        "registration_open": event_registration_open(event),
        "can_manage": can_manage,
        "can_organise": can_organise,
        "confirmed_count": confirmed,
        "waiting_count": waiting,
        "can_register_colleague": rules.has_perm("events.register_colleague", user),
        "has_ended": event.ends_at <= timezone.now(),
    }


def colleagues_of(*, user: User) -> QuerySet[User]:
    """The people a coordinator may sign up: active, approved members of their organisation."""
    if not user.organisation_id:
        return User.objects.none()
    return (
        User.objects.filter(
            organisation_id=user.organisation_id, is_active=True, approved_at__isnull=False
        )
        .exclude(pk=user.pk)
        .order_by("full_name", "email")
    )


# --- Events on other modules' pages (a network's page, a person's profile) ----------------

EVENTS_ON_OTHER_PAGES = 5


def _upcoming_visible(*, user: User) -> QuerySet[Event]:
    return (
        events_visible_to(user=user)
        .exclude(status=Event.Status.DRAFT)
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")
    )


def upcoming_registrations_of(*, user: User) -> QuerySet[Registration]:
    """The person's confirmed and waiting registrations for events not yet over that they may
    still see, soonest first, with the event."""
    return (
        Registration.objects.filter(
            user_id=user.pk,
            status__in=ACTIVE_STATUSES,
            event__in=_upcoming_visible(user=user).filter(status=Event.Status.PUBLISHED),
        )
        .select_related("event")
        .order_by("event__starts_at", "event_id")
    )


def upcoming_events_of_network(*, user: User, network) -> list[Event]:
    """The network's own upcoming events (audience: its members) that the reader may see."""
    return list(
        _upcoming_visible(user=user).filter(access.events_for_network(network=network))[
            :EVENTS_ON_OTHER_PAGES
        ]
    )


def upcoming_events_with_person(*, user: User, person: User) -> list[Event]:
    """Upcoming events the reader may see where the person speaks or is an organiser."""
    return list(
        _upcoming_visible(user=user).filter(Q(sessions__speakers=person) | Q(organisers=person))[
            :EVENTS_ON_OTHER_PAGES
        ]
    )
