"""How events plug into digests, newsletters and search (registries of those modules).

- Digests: the "events" source proposes upcoming events each reader may see and has not
  signed up for, with a signed RSVP link ("Sign me up" from the email).
- Newsletters: the "upcoming events" proposal source offers the editor upcoming events open
  to everyone.
- Search: event documents are built and kept current by portal.search (indexing.py,
  receivers.py); nothing to register here.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Substr
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.links import link_builder
from portal.digests.selectors import (
    Candidate,
    DigestChunk,
    DigestItem,
    digest_source,
    plain_excerpt,
)
from portal.newsletters.models import NewsletterItem
from portal.newsletters.sources import Proposal, pasted_address, period_bounds, proposal_source

from . import access
from .links import rsvp_token
from .models import Event, Registration

# How far ahead the digest looks, and how many events one digest lists at most.
DIGEST_HORIZON = timedelta(weeks=6)
DIGEST_EVENTS_PER_READER = 3
# How far ahead of the newsletter's period events are proposed, and how many.
NEWSLETTER_HORIZON = timedelta(weeks=8)
NEWSLETTER_EVENTS = 5
NEWSLETTER_SUMMARY_CHARS = 300
_DESCRIPTION_READ = 600


# --- Digests -------------------------------------------------------------------------------


@dataclass
class EventDigestItem(DigestItem):
    """A digest entry for an event. `url` is the reader's own signed RSVP page (so the digest's
    click-measured link is the "Sign me up" link, and the fragment is per reader); the event's
    page is `event_url`."""

    event_id: int = 0
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    online: bool = False
    event_url: str = ""


@dataclass
class _EventRow:
    id: int
    title: str
    kind: str
    topic_id: int | None
    audience: str
    audience_organisation_kind: str
    audience_network_id: int | None
    starts_at: datetime
    ends_at: datetime
    place: str
    online: bool
    published_at: datetime | None
    excerpt: str

    def visible_to(self, reader) -> bool:
        """The events policy in memory, for a published event and an approved, active reader."""
        return access.audience_includes(
            audience=self.audience,
            audience_organisation_kind=self.audience_organisation_kind,
            audience_network_id=self.audience_network_id,
            reader_organisation_kind=reader.organisation_kind,
            reader_network_ids=reader.network_ids,
        )


def registration_open_q(at: datetime) -> Q:
    """Published events one may sign up for at `at`: the window (if set) is open and the event
    has not started."""
    return (
        Q(status=Event.Status.PUBLISHED, starts_at__gt=at)
        & (Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=at))
        & (Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=at))
    )


def place_of(venue: str, address: str, room: str) -> str:
    return ", ".join(part for part in (venue, address, room) if part)


def _upcoming_event_rows(chunk: DigestChunk) -> list[_EventRow]:
    """One query: events open for sign-up that start within the horizon."""
    rows = (
        Event.objects.filter(registration_open_q(chunk.until))
        .filter(starts_at__lt=chunk.until + DIGEST_HORIZON)
        .annotate(start=Substr("description", 1, _DESCRIPTION_READ))
        .order_by("starts_at", "pk")
        .values_list(
            "id",
            "title",
            "kind",
            "topic_id",
            "audience",
            "audience_organisation_kind",
            "audience_network_id",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "room",
            "online_url",
            "published_at",
            "start",
        )
    )
    return [
        _EventRow(
            id=row[0],
            title=row[1],
            kind=row[2],
            topic_id=row[3],
            audience=row[4],
            audience_organisation_kind=row[5],
            audience_network_id=row[6],
            starts_at=row[7],
            ends_at=row[8],
            place=place_of(row[9], row[10], row[11]),
            online=bool(row[12]),
            published_at=row[13],
            excerpt=plain_excerpt(row[14] or ""),
        )
        for row in rows
    ]


_REASON_TOPIC = gettext_lazy("Upcoming event in a topic you follow")
_REASON_NEW = gettext_lazy("New event you can sign up for")
_REASON_UPCOMING = gettext_lazy("Upcoming event you can sign up for")


@digest_source("events", weight=3.0)
def upcoming_events(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    """Upcoming events the reader may see and has not signed up for: those of followed topics
    and newly announced ones first, the soonest next. Two queries per chunk at most."""
    if not chunk.readers:
        return
    events = _upcoming_event_rows(chunk)
    if not events:
        return
    signed_up: set[tuple[int, int]] = set(
        Registration.objects.filter(
            user_id__in=[r.id for r in chunk.readers],
            event_id__in=[e.id for e in events],
        )
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("user_id", "event_id")
    )
    rsvp_link = link_builder("events:rsvp")
    detail_link = link_builder("events:event_detail")
    for reader in chunk.readers:
        scored = []
        for event in events:
            if (reader.id, event.id) in signed_up or not event.visible_to(reader):
                continue
            followed = event.topic_id is not None and event.topic_id in reader.followed_topic_ids
            is_new = event.published_at is not None and event.published_at >= reader.covers_from
            # Sooner is a little more pressing: 0.5 for tomorrow, 0 at the horizon's end.
            soon = max(0.0, 0.5 * (1 - (event.starts_at - chunk.until) / DIGEST_HORIZON))
            score = weight + (1.5 if followed else 0.0) + (1.0 if is_new else 0.0) + soon
            reason = _REASON_TOPIC if followed else _REASON_NEW if is_new else _REASON_UPCOMING
            scored.append((score, event, reason))
        scored.sort(key=lambda entry: (-entry[0], entry[1].starts_at, entry[1].id))
        for score, event, reason in scored[:DIGEST_EVENTS_PER_READER]:
            yield Candidate(
                reader.id,
                EventDigestItem(
                    key=f"event:{event.id}",
                    title=event.title,
                    url=rsvp_link(rsvp_token(user_id=reader.id, event_id=event.id)),
                    reason=reason,
                    excerpt=event.excerpt,
                    source="events",
                    score=score,
                    event_id=event.id,
                    starts_at=event.starts_at,
                    ends_at=event.ends_at,
                    place=event.place,
                    online=event.online,
                    event_url=settings.SITE_URL + detail_link(event.id),
                ),
            )


# --- Newsletters ---------------------------------------------------------------------------


def _when(event: Event) -> str:
    start = timezone.localtime(event.starts_at)
    return formats.date_format(start, "l j. F Y, H.i")


@proposal_source(order=40)
def upcoming_events_for_newsletter(start: date, end: date) -> list[Proposal]:
    """Published events open to everyone that start after the period's first day and within
    eight weeks of its end, soonest first: what readers can still sign up for."""
    since, until = period_bounds(start, end)
    now = timezone.now()
    events = (
        Event.objects.filter(
            access.events_public(),
            starts_at__gt=max(since, now),
            starts_at__lt=until + NEWSLETTER_HORIZON,
        )
        .select_related("topic")
        .order_by("starts_at", "pk")[:NEWSLETTER_EVENTS]
    )
    return [_event_proposal(event, reason=_("Upcoming event")) for event in events]


def _event_proposal(event: Event, *, reason: str) -> Proposal:
    place = place_of(event.venue, event.address, event.room) or (
        _("Online") if event.online_url else ""
    )
    facts = " · ".join(part for part in (_when(event), place) if part)
    description = plain_excerpt(event.description, NEWSLETTER_SUMMARY_CHARS)
    return Proposal(
        kind=NewsletterItem.Kind.EVENT,
        title=event.title,
        summary=f"{facts}. {description}" if description else facts,
        reason=reason,
        url=event.get_absolute_url(),
        extra={"event_id": event.pk},
    )


@pasted_address("events:event_detail")
def event_for_newsletter(kwargs: dict) -> Proposal | str:
    """An event page pasted into a newsletter: only a published event open to everyone (a
    newsletter goes to all members; its copies are not filtered by event audience)."""
    event = Event.objects.select_related("topic").filter(pk=kwargs["pk"]).first()
    if event is None:
        return "not_found"
    if not access.event_public(event=event):
        return "not_public"
    return _event_proposal(event, reason=_("Added by the editor."))
