"""The demo's events: the year's annual conference, four theme meetings, two network meetings,
a webinar and a past theme meeting with check-ins and feedback, with registrations for the demo
logins (the caseworker has a seat at one meeting and waits for a seat at a full one).

Dates are relative to the day of loading, so the demo always has upcoming events. Rows are
written directly (no booking emails); everyone is fictional (the demo's invented staff, and
guest speakers from Faker da_DK with a fixed seed). Loading twice creates nothing.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from portal.core.demo import DEMO_DOMAIN, FAKER_SEED, JOBCENTER_SLUG
from portal.core.models import Organisation, OrganisationKind, Role, Topic, User
from portal.forum.models import Network, NetworkMembership

from .models import (
    Event,
    EventSession,
    FeedbackResponse,
    OrganisationQuota,
    Registration,
)

Kind = Event.Kind
Audience = Event.Audience

HOUSE = ("LO Hovedstaden", "Svanevej 22, 2400 København NV")
JOBCENTER_HOUSE = ("Jobcenter København", "Gyldenløvesgade 15, 1600 København V")

FEEDBACK_COMMENTS = [
    "Rigtig godt at høre a-kassernes side af sagen. Mere af det!",
    "Oplægget om rådighed var meget konkret og brugbart i min hverdag.",
    "Lidt for lidt tid til spørgsmål til sidst.",
    "Godt med eksempler fra rigtige sager (anonymiserede). Tak for et godt møde.",
    "Jeg savnede lidt mere om de nye regler for samtaler.",
    "",
    "Fint arrangement, god forplejning og gode drøftelser ved bordene.",
]


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
    place: tuple[str, str] = HOUSE
    room: str = ""
    online_url: str = ""
    audience: str = Audience.EVERYONE
    audience_organisation_kind: str = ""
    audience_network: str = ""
    programme: list[tuple[str, int, str]] = field(default_factory=list)  # title, minutes, guest


SPECS = [
    _Spec(
        key="conference",
        kind=Kind.CONFERENCE,
        title="Årskonference {year}: Sammen om den forsikrede ledige",
        topic="tvaergaaende-emner",
        days=115,
        hours=(9, 16),
        capacity=250,
        room="Store sal",
        description=(
            "Partnerskabets årlige konference for jobcentrets og a-kassernes medarbejdere og "
            "fagforeningernes sagsbehandlere.\n\n"
            "Vi gør status på året i partnerskabet, hører om **beskæftigelsesreformen** i "
            "praksis og arbejder i workshops med de fælles samtaler, rådighed og "
            "sygedagpengeopfølgning. Der er frokost og netværk undervejs."
        ),
        programme=[
            ("Velkomst og året i partnerskabet", 30, ""),
            ("Beskæftigelsesreformen to år efter", 60, "guest"),
            ("Workshop: De fælles samtaler i kontaktforløbet", 90, ""),
            ("Frokost og netværk", 60, ""),
            ("Workshop: Rådighed og sanktioner", 90, ""),
            ("Paneldebat: Hvad virker for de langtidsledige?", 60, "guest"),
        ],
    ),
    _Spec(
        key="theme-raadighed",
        kind=Kind.THEME_MEETING,
        title="Temamøde: Rådighed ved deltidsarbejde",
        topic="dagpenge",
        days=20,
        hours=(13, 16),
        capacity=40,
        room="Mødelokale 1",
        description=(
            "Hvornår står et medlem med deltidsarbejde til rådighed, og hvordan vurderer "
            "a-kassen og jobcentret sagen ens?\n\nEn jurist fra hotlinen gennemgår reglerne "
            "og praksis fra Ankestyrelsen, og vi drøfter konkrete, anonymiserede sager."
        ),
        programme=[
            ("Reglerne om rådighed ved deltid", 45, ""),
            ("Sager fra hverdagen", 60, ""),
            ("Spørgsmål og opsamling", 30, ""),
        ],
    ),
    _Spec(
        key="theme-aktivering",
        kind=Kind.THEME_MEETING,
        title="Temamøde: Aktivering og virksomhedspraktik",
        topic="virksomhedsrettet-indsats",
        days=75,
        hours=(9, 12),
        capacity=12,
        place=JOBCENTER_HOUSE,
        room="Lokale 2.14",
        description=(
            "Hvordan finder vi den rigtige virksomhedspraktik, og hvordan følger jobcenter og "
            "a-kasse op sammen? Med erfaringer fra virksomhedskonsulenterne."
        ),
        programme=[
            ("Virksomhedspraktik og løntilskud: reglerne kort", 45, ""),
            ("Erfaringer fra virksomhedskonsulenterne", 60, "guest"),
        ],
    ),
    _Spec(
        key="theme-unge",
        kind=Kind.THEME_MEETING,
        title="Temamøde: Unge ledige og uddannelsespålæg",
        topic="unge-og-uddannelse",
        days=160,
        hours=(13, 16),
        capacity=40,
        room="Mødelokale 1",
        description=(
            "Unge under 30 uden uddannelse: uddannelsespålæg, uddannelseshjælp og samarbejdet "
            "med uddannelsesinstitutionerne. Hvad gør vi, når den unge ikke møder op?"
        ),
    ),
    _Spec(
        key="theme-sygedagpenge",
        kind=Kind.THEME_MEETING,
        title="Temamøde: Sygedagpenge – opfølgning og forlængelse",
        topic="sygedagpenge",
        days=250,
        hours=(13, 16),
        capacity=40,
        room="Mødelokale 1",
        description=(
            "Forlængelsesreglerne, jobafklaringsforløb og lægeattester: en gennemgang af de "
            "hyppigste spørgsmål fra hotlinen om sygedagpenge."
        ),
    ),
    _Spec(
        key="network-sygedagpenge",
        kind=Kind.NETWORK_MEETING,
        title="Netværksmøde i sygedagpengenetværket",
        topic="sygedagpenge",
        days=28,
        hours=(14, 16),
        capacity=25,
        place=JOBCENTER_HOUSE,
        room="Lokale 3.02",
        audience=Audience.NETWORK,
        audience_network="sygedagpengenetvaerket",
        description=(
            "Netværkets kvartalsmøde: erfaringer med delvise raskmeldinger og en drøftelse af "
            "netværkets næste tema. Kun for netværkets medlemmer."
        ),
    ),
    _Spec(
        key="network-akasser",
        kind=Kind.NETWORK_MEETING,
        title="Netværksmøde for a-kassernes rådgivere",
        topic="kontaktforloeb-og-jobformidling",
        days=35,
        hours=(9, 11),
        capacity=30,
        room="Mødelokale 2",
        audience=Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.UFUND,
        description=(
            "A-kassernes rådgivere mødes om kontaktforløbet og de fælles samtaler med "
            "jobcentret. For medarbejdere i a-kasserne."
        ),
    ),
    _Spec(
        key="webinar-fleksjob",
        kind=Kind.WEBINAR,
        title="Webinar: Fleksjob og ledighedsydelse på en time",
        topic="fleksjob-og-foertidspension",
        days=14,
        hours=(10, 11),
        place=("", ""),
        online_url="https://moede.example.dk/webinar/fleksjob-og-ledighedsydelse",
        description=(
            "En kort gennemgang af fleksjobvisitationen og reglerne om ledighedsydelse, med "
            "spørgsmål i chatten. Linket til webinaret står i din bekræftelse."
        ),
    ),
    _Spec(
        key="past-theme",
        kind=Kind.THEME_MEETING,
        title="Temamøde: De nye regler for samtaler i a-kassen",
        topic="beskaeftigelsesreformen",
        days=-21,
        hours=(13, 16),
        capacity=30,
        room="Mødelokale 1",
        description=(
            "Hvad betyder de nye regler for samtaler i a-kassen for jobcentrets opfølgning? "
            "Oplæg fra en a-kasse og en drøftelse af de fælles samtaler."
        ),
        programme=[
            ("De nye regler kort", 45, ""),
            ("Sådan gør vi i a-kassen", 45, "guest"),
            ("Drøftelse ved bordene", 60, ""),
        ],
    ),
]


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
    for spec in SPECS:
        day = _weekday(today + timedelta(days=spec.days))
        starts_at, ends_at = _at(day, spec.hours[0]), _at(day, spec.hours[1])
        past = spec.days < 0
        event = Event.objects.create(
            kind=spec.kind,
            status=Event.Status.PUBLISHED,
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
            created_by=editor,
            created_at=min(now, starts_at) - timedelta(days=30),
            published_at=min(now, starts_at) - timedelta(days=28),
            reminders_sent_at=starts_at - timedelta(days=2) if past else None,
            feedback_requested_at=ends_at + timedelta(hours=2) if past else None,
        )
        event.organisers.set([editor] if spec.kind != Kind.NETWORK_MEETING else [coordinator])
        at = starts_at
        for title, minutes, guest in spec.programme:
            session = EventSession.objects.create(
                event=event,
                starts_at=at,
                ends_at=at + timedelta(minutes=minutes),
                title=title,
                guest_speakers=f"{fake.name()}, {fake.company()}" if guest else "",
            )
            if "regler" in title.lower() or "rådighed" in title.lower():
                session.speakers.set([jurist])
            at += timedelta(minutes=minutes)
        events[spec.key] = event

    jobcenter = Organisation.objects.get(slug=JOBCENTER_SLUG)
    OrganisationQuota.objects.create(event=events["conference"], organisation=jobcenter, seats=120)

    count = 0
    count += _fill(events["conference"], people, rng, 64, now)
    count += _fill(events["theme-raadighed"], people, rng, 17, now)
    count += _fill(events["theme-unge"], people, rng, 6, now)
    count += _fill(events["webinar-fleksjob"], people, rng, 23, now)
    members = set(
        NetworkMembership.objects.filter(
            network=events["network-sygedagpenge"].audience_network
        ).values_list("user_id", flat=True)
    )
    count += _fill(
        events["network-sygedagpenge"], [p for p in people if p.pk in members], rng, 9, now
    )
    ufund = [p for p in people if p.organisation.kind == OrganisationKind.UFUND]
    count += _fill(events["network-akasser"], ufund, rng, 11, now)
    # The full one: every seat taken and one person ahead of the caseworker on the list.
    full = events["theme-aktivering"]
    count += _fill(full, people, rng, full.capacity + 1, now, waiting_after=full.capacity)
    # The demo caseworker: a seat at the theme meeting on availability, waiting for the full one.
    Registration.objects.create(
        event=events["theme-raadighed"],
        user=caseworker,
        status=Registration.Status.CONFIRMED,
        queued_at=now - timedelta(days=3),
        confirmed_at=now - timedelta(days=3),
        dietary_note="Vegetar",
    )
    Registration.objects.create(
        event=full,
        user=caseworker,
        status=Registration.Status.WAITING,
        queued_at=now - timedelta(hours=20),
    )
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
