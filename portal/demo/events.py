"""The demo's events: the year's annual conference, four theme meetings, two network meetings,
a webinar and a past theme meeting with check-ins and feedback, with registrations for the demo
logins (the caseworker has a seat at one meeting and waits for a seat at a full one).

Dates are relative to the day of loading, so the demo always has upcoming events. The events
go through the events services (create, programme, quota, publish), their history is set
afterwards. The demo caseworker signs up through registration_create. The invented people's
registrations, check-ins and feedback are written directly: registration_create sends each
person a booking email with a calendar invitation, which no email preference turns off (a
booking must arrive), and a past meeting can no longer be signed up for (decision 0022).
Everyone is fictional (the demo's invented staff, and guest speakers from Faker da_DK with a
fixed seed). Loading twice creates nothing.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from portal.core.models import Organisation, OrganisationKind, Role, Topic, User
from portal.events.access import event_viewers
from portal.events.models import Event, FeedbackResponse, Registration
from portal.events.services import (
    event_create,
    event_publish,
    event_set_programme,
    event_set_quotas,
    registration_create,
)
from portal.forum.models import Network

from . import content
from .people import DEMO_DOMAIN, FAKER_SEED, JOBCENTER_SLUG

Kind = Event.Kind
Audience = Event.Audience

_DATA = content.events()
PLACES = {key: tuple(place) for key, place in _DATA["places"].items()}
FEEDBACK_COMMENTS = _DATA["feedback_comments"]


@dataclass
class _Spec:
    key: str
    kind: str
    title: str  # "{year}" is the year of the event
    topic: str
    days: int  # from today (negative: in the past)
    hours: tuple[int, int]
    description: str
    capacity: int | None = None
    place: tuple[str, str] = PLACES["house"]
    room: str = ""
    online_url: str = ""
    audience: str = Audience.EVERYONE
    audience_organisation_kind: str = ""
    audience_network: str = ""
    programme: list[tuple[str, int, bool]] = field(default_factory=list)  # title, minutes, guest


def _spec(data: dict) -> _Spec:
    """An event of data/events.yaml: "place" names one of its places (null: online only)."""
    place = data.get("place", "house")
    return _Spec(
        **{
            **data,
            "hours": tuple(data["hours"]),
            "place": PLACES[place] if place else ("", ""),
            "programme": [
                (s["title"], s["minutes"], s["guest"]) for s in data.get("programme", [])
            ],
        }
    )


SPECS = [_spec(data) for data in _DATA["events"]]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _weekday(day: date) -> date:
    """The day itself, or the Tuesday after when it falls on a weekend or a Monday."""
    while day.weekday() in (0, 5, 6):
        day += timedelta(days=1)
    return day


def _login(local_part: str) -> User:
    return User.objects.get(email=f"{local_part}@{DEMO_DOMAIN}")


@transaction.atomic
def events_demo_load() -> dict[str, int]:
    """Load the events demo once; a second call creates nothing."""
    if Event.objects.exists():
        return {"events": 0, "registrations": 0}
    rng = random.Random(f"{FAKER_SEED}:events")  # noqa: S311 (fictional data, not security)
    fake = Faker("da_DK")
    fake.seed_instance(FAKER_SEED)
    editor = _login("redaktoer")
    jurist = _login("jurist")
    caseworker = _login("sagsbehandler")
    coordinator = _login("koordinator")
    topics = {t.slug: t for t in Topic.objects.all()}
    networks = {n.slug: n for n in Network.objects.all()}
    people = list(
        User.objects.filter(
            is_active=True,
            approved_at__isnull=False,
            role_grants__role=Role.CASEWORKER,
        )
        .exclude(email__in=[caseworker.email, f"akasse@{DEMO_DOMAIN}"])
        .select_related("organisation")
        .order_by("pk")
        .distinct()
    )
    today = timezone.localdate()
    now = timezone.now()
    events: dict[str, Event] = {}
    history = []
    for spec in SPECS:
        day = _weekday(today + timedelta(days=spec.days))
        starts_at, ends_at = _at(day, spec.hours[0]), _at(day, spec.hours[1])
        past = spec.days < 0
        event = event_create(
            by=editor,
            organisers=[editor] if spec.kind != Kind.NETWORK_MEETING else [coordinator],
            kind=spec.kind,
            title=spec.title.format(year=day.year),
            description=spec.description,
            topic=topics.get(spec.topic),
            venue=spec.place[0],
            address=spec.place[1],
            room=spec.room,
            online_url=spec.online_url,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=spec.capacity,
            audience=spec.audience,
            audience_organisation_kind=spec.audience_organisation_kind,
            audience_network=networks.get(spec.audience_network),
        )
        if spec.programme:
            sessions, at = [], starts_at
            for title, minutes, guest in spec.programme:
                sessions.append(
                    {
                        "starts_at": at,
                        "ends_at": at + timedelta(minutes=minutes),
                        "title": title,
                        "guest_speakers": f"{fake.name()}, {fake.company()}" if guest else "",
                        "speakers": [jurist]
                        if "regler" in title.lower() or "rådighed" in title.lower()
                        else [],
                    }
                )
                at += timedelta(minutes=minutes)
            event_set_programme(event=event, by=editor, sessions=sessions)
        event_publish(event=event, by=editor)
        # The history the services stamp as "now": written a month ago, and for the past
        # meeting, reminders and the feedback request already sent.
        event.created_at = min(now, starts_at) - timedelta(days=30)
        event.published_at = min(now, starts_at) - timedelta(days=28)
        event.reminders_sent_at = starts_at - timedelta(days=2) if past else None
        event.feedback_requested_at = ends_at + timedelta(hours=2) if past else None
        history.append(event)
        events[spec.key] = event
    Event.objects.bulk_update(
        history, ["created_at", "published_at", "reminders_sent_at", "feedback_requested_at"]
    )

    jobcenter = Organisation.objects.get(slug=JOBCENTER_SLUG)
    event_set_quotas(event=events["conference"], by=editor, quotas={jobcenter: 120})

    count = 0
    count += _fill(events["conference"], people, rng, 64, now)
    count += _fill(events["theme-raadighed"], people, rng, 17, now)
    count += _fill(events["theme-unge"], people, rng, 6, now)
    count += _fill(events["webinar-fleksjob"], people, rng, 23, now)
    network_meeting = events["network-sygedagpenge"]
    count += _fill(network_meeting, event_viewers(event=network_meeting, users=people), rng, 9, now)
    ufund = [p for p in people if p.organisation.kind == OrganisationKind.UFUND]
    count += _fill(events["network-akasser"], ufund, rng, 11, now)
    # The full one: every seat taken and one person ahead of the caseworker on the list.
    full = events["theme-aktivering"]
    count += _fill(full, people, rng, full.capacity + 1, now, waiting_after=full.capacity)
    # The demo caseworker signs up as anyone does (registration_create, whose booking emails
    # are in the demo outbox): a seat at the theme meeting on availability, and a place on the
    # waiting list of the full one. When she signed up is set afterwards.
    seat = registration_create(
        event=events["theme-raadighed"], user=caseworker, dietary_note="Vegetar"
    )
    waiting = registration_create(event=full, user=caseworker)
    seat.queued_at = seat.confirmed_at = now - timedelta(days=3)
    waiting.queued_at = now - timedelta(hours=20)
    Registration.objects.bulk_update([seat, waiting], ["queued_at", "confirmed_at"])
    count += 2
    count += _past_meeting(events["past-theme"], people, rng)
    return {"events": len(events), "registrations": count}


def _fill(event, people, rng, n, now, *, waiting_after=None) -> int:
    chosen = rng.sample(people, min(n, len(people)))
    rows = []
    for i, person in enumerate(chosen):
        queued = now - timedelta(days=10, minutes=-37 * i)
        waiting = waiting_after is not None and i >= waiting_after
        rows.append(
            Registration(
                event=event,
                user=person,
                status=Registration.Status.WAITING if waiting else Registration.Status.CONFIRMED,
                queued_at=queued,
                confirmed_at=None if waiting else queued,
                dietary_note=rng.choice(["", "", "", "", "Vegetar", "Glutenfri", "Laktosefri"]),
                accessibility_note=rng.choice([""] * 12 + ["Kørestol: adgang uden trin"]),
            )
        )
    Registration.objects.bulk_create(rows)
    return len(rows)


def _past_meeting(event, people, rng) -> int:
    """A meeting three weeks ago: most of those signed up came, some answered the survey."""
    chosen = rng.sample(people, min(22, len(people)))
    rows = []
    for i, person in enumerate(chosen):
        queued = event.starts_at - timedelta(days=20, minutes=-41 * i)
        came = i < 19
        rows.append(
            Registration(
                event=event,
                user=person,
                status=Registration.Status.CONFIRMED,
                queued_at=queued,
                confirmed_at=queued,
                checked_in_at=event.starts_at - timedelta(minutes=rng.randint(2, 20))
                if came
                else None,
                reminder_sent_at=event.starts_at - timedelta(days=2),
                feedback_requested_at=event.ends_at + timedelta(hours=2) if came else None,
            )
        )
    Registration.objects.bulk_create(rows)
    feedback = [
        FeedbackResponse(
            event=event,
            user=person,
            overall=rng.choice([3, 4, 4, 5, 5]),
            usefulness=rng.choice([3, 4, 5, 5]),
            comment=FEEDBACK_COMMENTS[i % len(FEEDBACK_COMMENTS)],
            created_at=event.ends_at + timedelta(hours=3 + i),
        )
        for i, person in enumerate(chosen[:12])
    ]
    FeedbackResponse.objects.bulk_create(feedback)
    return len(rows)
