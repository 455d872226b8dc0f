"""Events test data.

`EventFactory()` is a published theme meeting a month ahead (10:00-13:00 Copenhagen time),
open to everyone, without a seat limit; `EventFactory(draft=True)` a draft,
`EventFactory(cancelled=True)` a cancelled one. `RegistrationFactory(event=..., user=...)` a
confirmed seat, `RegistrationFactory(waiting=True)` a place on the waiting list.
Factories write rows directly (no emails, no seat checks); to test the rules use the services.
"""

import email
import email.policy
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from portal.core.tests.factories import OrganisationFactory, UserFactory
from portal.events.models import (
    CalendarFeed,
    Event,
    EventSession,
    FeedbackResponse,
    OrganisationQuota,
    Registration,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def local(year, month, day, hour=10, minute=0) -> datetime:
    """An aware datetime at the given Copenhagen wall-clock time."""
    return datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)


def days_ahead(days: int, hour: int = 10) -> datetime:
    """`hour` o'clock Copenhagen time, `days` days from today."""
    day = timezone.localdate(timezone.now(), COPENHAGEN) + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=COPENHAGEN)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Event.Status.DRAFT, published_at=None)
        cancelled = factory.Trait(
            status=Event.Status.CANCELLED, cancelled_at=factory.LazyFunction(timezone.now)
        )
        past = factory.Trait(starts_at=factory.LazyFunction(lambda: days_ahead(-7)))

    kind = Event.Kind.THEME_MEETING
    status = Event.Status.PUBLISHED
    title = factory.Sequence(lambda n: f"Temamøde {n}: Rådighed og deltid")
    description = "Vi ser på **rådighed** ved deltid.\n\nKom og vær med."
    venue = "LO Hovedstaden"
    address = "Svanevej 22, 2400 København NV"
    room = "Mødelokale 1"
    starts_at = factory.LazyFunction(lambda: days_ahead(30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    capacity = None
    audience = Event.Audience.EVERYONE
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers.set(extracted)


class EventSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(minutes=45))
    title = factory.Sequence(lambda n: f"Oplæg {n}")
    room = ""

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)


class OrganisationQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationQuota

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    seats = 2


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    class Params:
        waiting = factory.Trait(status=Registration.Status.WAITING, confirmed_at=None)
        cancelled = factory.Trait(
            status=Registration.Status.CANCELLED,
            confirmed_at=None,
            cancelled_at=factory.LazyFunction(timezone.now),
        )

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
    queued_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


class FeedbackResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackResponse

    event = factory.SubFactory(EventFactory, past=True)
    user = factory.SubFactory(UserFactory)
    overall = 4
    usefulness = 5
    comment = ""


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)


# --- Reading what was sent -----------------------------------------------------------------


def sent_mail(to: str) -> list[email.message.EmailMessage]:
    """The messages in the local outbox to `to`, oldest first, parsed."""
    from portal.core.models import OutboxMessage

    rows = OutboxMessage.objects.filter(recipients__icontains=to).order_by("created_at", "pk")
    return [email.message_from_bytes(row.raw.encode(), policy=email.policy.default) for row in rows]


def calendar_attachment(message: email.message.EmailMessage):
    """The (content type, parsed icalendar.Calendar) of the message's .ics attachment, or None."""
    import icalendar

    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            return part, icalendar.Calendar.from_ical(part.get_content())
    return None


def text_body(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
