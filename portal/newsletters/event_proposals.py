"""The newsletter's "upcoming events" proposals and pasted event pages. Registered when the
app starts (NewslettersConfig.ready); the events app below knows nothing of newsletters."""

from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.timefmt import moment
from portal.digests.selectors import plain_excerpt
from portal.events import access
from portal.events.models import Event
from portal.events.selectors.upcoming import place_of

from .models import NewsletterItem
from .sources import Proposal, pasted_address, period_bounds, proposal_source, title_search

# How far ahead of the newsletter's period events are proposed, and how many.
NEWSLETTER_HORIZON = timedelta(weeks=8)
NEWSLETTER_EVENTS = 5
NEWSLETTER_SUMMARY_CHARS = 300


def _when(event: Event) -> str:
    start = timezone.localtime(event.starts_at)
    return moment(start, weekday=True)


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


@title_search(order=30)
def events_by_title(condition: Q, limit: int) -> list[Proposal]:
    """Published events open to everyone, by title, latest start first (for the search box)."""
    events = Event.objects.filter(access.events_public()).filter(condition)
    return [
        Proposal(
            kind=NewsletterItem.Kind.EVENT,
            title=event.title,
            summary=_when(event),
            reason=_("Added by the editor."),
            url=event.get_absolute_url(),
        )
        for event in events.order_by("-starts_at", "-pk")[:limit]
    ]
