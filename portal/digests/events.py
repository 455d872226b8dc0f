"""The digest's "events" source: upcoming events each reader may see and has not signed up
for, with a signed RSVP link ("Sign me up" from the email). Registered when the app starts
(DigestsConfig.ready); the events app below knows nothing of digests."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy

from portal.core.links import link_builder
from portal.events import access
from portal.events.links import rsvp_token
from portal.events.models import Event, Registration
from portal.events.selectors.upcoming import place_of, registration_open_q

from .selectors import Candidate, DigestChunk, DigestItem, digest_source, plain_excerpt

# How far ahead the digest looks, and how many events one digest lists at most.
DIGEST_HORIZON = timedelta(weeks=6)
DIGEST_EVENTS_PER_READER = 3
_DESCRIPTION_READ = 600


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
