"""Events in people's calendars: iCalendar (RFC 5545) invitations and the personal feed.

Built with the `icalendar` library, never by hand. Times are written in Europe/Copenhagen with
a VTIMEZONE covering the years involved, so a calendar shows 10:00 at the venue whatever the
season. Every event has one UID for life (`Event.ical_uid`); SEQUENCE is `Event.ical_sequence`,
which the services raise when time, place or status change, so calendars replace the old copy.

Methods (RFC 5546): REQUEST in the confirmation/update email (the person is the ATTENDEE who
accepted), CANCEL when a booking or the event is cancelled, PUBLISH for downloads and the feed.
"""

import functools
import html
import re
from collections.abc import Iterable
from datetime import MAXYEAR, date, datetime, timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone, vCalAddress, vDuration
from icalendar import Event as ICalEvent

from portal.core.markdown import render_markdown
from portal.core.models import User

from .models import CalendarFeed, Event, Registration, new_calendar_token
from .selectors import event_visible_q

TZID = "Europe/Copenhagen"
COPENHAGEN = ZoneInfo(TZID)
PRODID = "-//Samarbejdsportalen//Arrangementer//DA"
METHODS = ("PUBLISH", "REQUEST", "CANCEL")
# Invitation attachments: Django adds `charset="utf-8"` itself to text attachments.
ICS_FILENAME = "invitation.ics"
FEED_HISTORY = timedelta(days=365)
FEED_REFRESH = timedelta(hours=1)


def ics_mimetype(method: str) -> str:
    return f"text/calendar; method={method}"


def ics_attachment(event: Event, *, method: str, attendee: User | None = None) -> tuple:
    """(filename, content, MIME type) for `email_send(attachments=[...])`."""
    return (
        ICS_FILENAME,
        event_ics(event, method=method, attendee=attendee),
        ics_mimetype(method),
    )


def event_url(event: Event) -> str:
    return f"{settings.SITE_URL}{event.get_absolute_url()}"


def event_location(event: Event) -> str:
    """Venue, room, address on one line; the online link when there is no place."""
    parts = [part for part in (event.venue, event.room, event.address) if part]
    if parts:
        where = ", ".join(parts)
        return f"{where} ({event.online_url})" if event.online_url else where
    return event.online_url


def _plain_text(markdown_source: str) -> str:
    text = html.unescape(strip_tags(render_markdown(markdown_source or "")))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _description(event: Event) -> str:
    parts = [_plain_text(event.description)]
    if event.online_url:
        parts.append(_("Online: %(url)s") % {"url": event.online_url})
    parts.append(_("More about the event: %(url)s") % {"url": event_url(event)})
    return "\n\n".join(part for part in parts if part)


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return vCalAddress.new(address or "noreply@samarbejdsportalen.dk", cn=name or None)


def _vevent(event: Event, *, method: str, attendee: User | None, stamp: datetime) -> ICalEvent:
    cancelled = method == "CANCEL" or event.status == Event.Status.CANCELLED
    vevent = ICalEvent.new(
        uid=event.ical_uid,
        sequence=event.ical_sequence,
        stamp=stamp,
        start=event.starts_at.astimezone(COPENHAGEN),
        end=event.ends_at.astimezone(COPENHAGEN),
        summary=event.title,
        description=_description(event),
        location=event_location(event) or None,
        url=event_url(event),
        organizer=_organizer(),
        status="CANCELLED" if cancelled else "CONFIRMED",
    )
    if attendee is not None:
        vevent.add(
            "attendee",
            vCalAddress.new(
                attendee.email,
                cn=attendee.get_full_name(),
                partstat="DECLINED" if method == "CANCEL" else "ACCEPTED",
                role="REQ-PARTICIPANT",
                rsvp=False,
            ),
        )
    return vevent


def _calendar(
    events: Iterable[Event],
    *,
    method: str,
    uid: str,
    attendee: User | None = None,
    name: str = "",
) -> str:
    if method not in METHODS:
        raise ValueError(f"unknown iCalendar method {method!r}")
    events = list(events)
    stamp = timezone.now()
    calendar = Calendar.new(
        # Stable, not the library's random default: the same calendar is the same object.
        uid=uid,
        prodid=PRODID,
        method=method,
        name=name or None,
        refresh_interval=FEED_REFRESH if name else None,
    )
    if name:
        calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # required by RFC 7986
        # Outlook reads its own refresh hint rather than RFC 7986's REFRESH-INTERVAL.
        calendar.add("x-published-ttl", vDuration(FEED_REFRESH))
    # One VTIMEZONE (RFC 5545 §3.2.19), covering exactly the years the events fall in, first.
    if events:
        first = min(e.starts_at for e in events).astimezone(COPENHAGEN).year
        last = max(e.ends_at for e in events).astimezone(COPENHAGEN).year
    else:  # an empty feed still names its time zone
        first = last = timezone.localdate().year
    calendar.add_component(_copenhagen(first, last))
    for event in events:
        calendar.add_component(_vevent(event, method=method, attendee=attendee, stamp=stamp))
    return calendar.to_ical().decode("utf-8")


@functools.lru_cache(maxsize=32)
def _copenhagen(first_year: int, last_year: int) -> Timezone:
    """Europe/Copenhagen from the tz database, as a VTIMEZONE (built once per span: a round of
    invitations reuses it; it is only ever serialised, never changed)."""
    # min(): an event in the last year a date can hold (9999, from before years were checked)
    # must not make the calendar fail.
    return Timezone.from_tzid(
        TZID, first_date=date(first_year, 1, 1), last_date=date(min(last_year + 1, MAXYEAR), 1, 1)
    )


def event_ics(event: Event, *, method: str = "PUBLISH", attendee: User | None = None) -> str:
    """One event as an iCalendar object; `attendee` makes it that person's invitation."""
    return _calendar([event], method=method, uid=f"calendar-{event.ical_uid}", attendee=attendee)


# --- The personal feed -------------------------------------------------------------------


def feed_events(user: User):
    """The events the person has a seat at, from a year back; cancelled events stay listed."""
    return (
        Event.objects.filter(
            event_visible_q(user=user),
            registrations__user=user,
            registrations__status=Registration.Status.CONFIRMED,
            starts_at__gte=timezone.now() - FEED_HISTORY,
        )
        .exclude(status=Event.Status.DRAFT)
        .distinct()
        .order_by("starts_at", "pk")
    )


def calendar_feed_ics(user: User) -> str:
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        name = _("Samarbejdsportalen: my events")
        return _calendar(
            feed_events(user),
            method="PUBLISH",
            uid=f"feed-{user.pk}@{settings.PORTAL_MAIL_DOMAIN}",
            name=name,
        )


def calendar_feed_of(user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_reset(user: User) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed = calendar_feed_of(user)
    feed.token = new_calendar_token()
    feed.created_at = timezone.now()
    feed.last_fetched_at = None
    feed.save(update_fields=["token", "created_at", "last_fetched_at"])
    return feed


def calendar_feed_by_token(token: str) -> CalendarFeed | None:
    """The feed of an active, approved person, or None."""
    if not token or len(token) > 64:
        return None
    return (
        CalendarFeed.objects.select_related("user", "user__organisation")
        .filter(token=token, user__is_active=True, user__approved_at__isnull=False)
        .first()
    )


def calendar_feed_touch(feed: CalendarFeed) -> None:
    """Note when the feed was last fetched, at most once an hour (clients poll often)."""
    now = timezone.now()
    CalendarFeed.objects.filter(pk=feed.pk).filter(
        Q(last_fetched_at__isnull=True) | Q(last_fetched_at__lt=now - FEED_REFRESH)
    ).update(last_fetched_at=now)
