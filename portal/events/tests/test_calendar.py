"""iCalendar output, parsed back with icalendar: time zones and DST, UID and SEQUENCE, methods;
the personal feed and its views; the confirmation through a real SMTP server."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import UserFactory
from portal.events import calendar, services
from portal.events.models import CalendarFeed, Event
from portal.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    calendar_attachment,
    local,
)
from portal.testing.smtp import extract_url


def parse(ics: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# --- One event ------------------------------------------------------------------------------


def test_the_calendar_object_has_the_required_properties(db, settings):
    event = EventFactory(
        title="Temamøde: Rådighed, deltid; og mere",
        description="Vi ser på **rådighed**.\n\n* Oplæg\n* Debat",
        venue="LO Hovedstaden",
        room="Salen",
        address="Svanevej 22, 2400 København NV",
    )
    cal = parse(calendar.event_ics(event))
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"] == calendar.PRODID
    assert cal["METHOD"] == "PUBLISH"
    (vevent,) = cal.events
    assert vevent["UID"] == event.ical_uid == f"event-{event.pk}@{settings.PORTAL_MAIL_DOMAIN}"
    assert vevent["SEQUENCE"] == 0
    assert vevent["SUMMARY"] == "Temamøde: Rådighed, deltid; og mere"
    assert vevent["STATUS"] == "CONFIRMED"
    assert vevent["LOCATION"] == "LO Hovedstaden, Salen, Svanevej 22, 2400 København NV"
    assert vevent["URL"] == f"{settings.SITE_URL}/arrangementer/{event.pk}/"
    assert "rådighed" in vevent["DESCRIPTION"]
    assert "**" not in vevent["DESCRIPTION"]
    assert vevent["URL"] in vevent["DESCRIPTION"]
    assert vevent["ORGANIZER"] == "mailto:noreply@samarbejdsportalen.dk"
    assert vevent["ORGANIZER"].params["CN"] == "Samarbejdsportalen"
    assert isinstance(vevent.DTSTAMP, datetime)
    assert "ATTENDEE" not in vevent  # PUBLISH names no attendees (RFC 5546)


def test_an_invitation_names_the_person_as_accepted_attendee(db):
    person = UserFactory(full_name="Anne Andersen", email="anne@3f.example.dk")
    cal = parse(calendar.event_ics(EventFactory(), method="REQUEST", attendee=person))
    assert cal["METHOD"] == "REQUEST"
    attendee = cal.events[0]["ATTENDEE"]
    assert attendee == "mailto:anne@3f.example.dk"
    assert attendee.params["CN"] == "Anne Andersen"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"


def test_an_online_event_has_the_link_as_location(db):
    event = EventFactory(
        kind=Event.Kind.WEBINAR,
        venue="",
        room="",
        address="",
        online_url="https://meet.example.dk/x",
    )
    vevent = parse(calendar.event_ics(event)).events[0]
    assert vevent["LOCATION"] == "https://meet.example.dk/x"
    assert "https://meet.example.dk/x" in vevent["DESCRIPTION"]


def test_times_are_in_copenhagen_time_with_a_vtimezone(db):
    event = EventFactory(starts_at=local(2026, 6, 16, 10), ends_at=local(2026, 6, 16, 13))
    ics = calendar.event_ics(event)
    assert "DTSTART;TZID=Europe/Copenhagen:20260616T100000" in ics
    assert "DTEND;TZID=Europe/Copenhagen:20260616T130000" in ics
    cal = parse(ics)
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Copenhagen"]
    assert cal.get_missing_tzids() == set()
    vevent = cal.events[0]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Copenhagen"


def test_a_summer_event_at_ten_is_eight_utc(db):
    event = EventFactory(starts_at=local(2026, 6, 16, 10), ends_at=local(2026, 6, 16, 13))
    vevent = parse(calendar.event_ics(event)).events[0]
    assert utc(vevent.start) == datetime(2026, 6, 16, 8, 0, tzinfo=UTC)
    assert utc(vevent.end) == datetime(2026, 6, 16, 11, 0, tzinfo=UTC)


def test_a_winter_event_at_ten_is_nine_utc(db):
    event = EventFactory(starts_at=local(2026, 12, 3, 10), ends_at=local(2026, 12, 3, 12))
    vevent = parse(calendar.event_ics(event)).events[0]
    assert utc(vevent.start) == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert utc(vevent.end) == datetime(2026, 12, 3, 11, 0, tzinfo=UTC)


def test_an_event_across_the_change_to_winter_time(db):
    """A conference from Saturday 24 October 2026 10:00 (summer time) to Sunday 25 October
    14:00 (winter time; clocks go back at 03:00): 29 hours, not 28."""
    event = EventFactory(starts_at=local(2026, 10, 24, 10), ends_at=local(2026, 10, 25, 14))
    ics = calendar.event_ics(event)
    assert "DTSTART;TZID=Europe/Copenhagen:20261024T100000" in ics
    assert "DTEND;TZID=Europe/Copenhagen:20261025T140000" in ics
    cal = parse(ics)
    vevent = cal.events[0]
    assert utc(vevent.start) == datetime(2026, 10, 24, 8, 0, tzinfo=UTC)
    assert utc(vevent.end) == datetime(2026, 10, 25, 13, 0, tzinfo=UTC)
    assert utc(vevent.end) - utc(vevent.start) == timedelta(hours=29)
    # The VTIMEZONE itself carries the change, so a client without tz data gets it right.
    (vtimezone,) = cal.timezones
    standard = [sub.to_ical().decode() for sub in vtimezone.walk("STANDARD")]
    assert any("DTSTART:20261025T030000" in text for text in standard)
    assert vtimezone.to_tz().utcoffset(datetime(2026, 10, 25, 14)) == timedelta(hours=1)
    assert vtimezone.to_tz().utcoffset(datetime(2026, 10, 24, 10)) == timedelta(hours=2)


def test_the_uid_is_stable_and_the_sequence_rises_with_each_move(db, editor):
    event = EventFactory()
    first = parse(calendar.event_ics(event)).events[0]
    services.event_update(
        event=event,
        by=editor,
        starts_at=event.starts_at + timedelta(days=1),
        ends_at=event.ends_at + timedelta(days=1),
    )
    services.event_update(event=event, by=editor, room="Lokale 7")
    second = parse(calendar.event_ics(event)).events[0]
    assert second["UID"] == first["UID"]
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 2)
    # The calendar object around it is stable too (icalendar's default would be random).
    assert parse(calendar.event_ics(event))["UID"] == parse(calendar.event_ics(event))["UID"]
    assert utc(second.start) - utc(first.start) == timedelta(days=1)


def test_a_cancelled_event_is_cancelled_in_the_calendar(db, editor):
    event = EventFactory()
    services.event_cancel(event=event, by=editor)
    cal = parse(calendar.event_ics(event, method="CANCEL"))
    assert cal["METHOD"] == "CANCEL"
    vevent = cal.events[0]
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert parse(calendar.event_ics(event)).events[0]["STATUS"] == "CANCELLED"


def test_an_unknown_method_is_refused(db):
    with pytest.raises(ValueError):
        calendar.event_ics(EventFactory(), method="REPLY")


# --- The personal feed ------------------------------------------------------------------------


def test_the_feed_lists_the_events_one_has_a_seat_at(db, caseworker):
    seat = RegistrationFactory(user=caseworker).event
    cancelled_event = EventFactory(cancelled=True)
    RegistrationFactory(user=caseworker, event=cancelled_event)
    recent = EventFactory(
        starts_at=timezone.now() - timedelta(days=100),
        ends_at=timezone.now() - timedelta(days=100) + timedelta(hours=2),
    )
    RegistrationFactory(user=caseworker, event=recent)
    too_old = EventFactory(
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=400) + timedelta(hours=2),
    )
    RegistrationFactory(user=caseworker, event=too_old)
    RegistrationFactory(user=caseworker, waiting=True)
    RegistrationFactory(user=caseworker, cancelled=True)
    RegistrationFactory()  # someone else's seat
    cal = parse(calendar.calendar_feed_ics(caseworker))
    assert cal["METHOD"] == "PUBLISH"
    assert cal["X-WR-CALNAME"]
    assert cal.get_missing_tzids() == set()
    uids = {vevent["UID"]: vevent for vevent in cal.events}
    assert set(uids) == {seat.ical_uid, cancelled_event.ical_uid, recent.ical_uid}
    assert uids[cancelled_event.ical_uid]["STATUS"] == "CANCELLED"
    assert uids[seat.ical_uid]["STATUS"] == "CONFIRMED"


def test_an_empty_feed_is_still_a_valid_calendar(db, caseworker):
    cal = parse(calendar.calendar_feed_ics(caseworker))
    assert cal.events == []
    assert cal["VERSION"] == "2.0"


def test_the_feed_takes_the_same_queries_for_many_events(db, caseworker, django_assert_num_queries):
    for _ in range(2):
        RegistrationFactory(user=caseworker)
    caseworker = type(caseworker).objects.select_related("organisation").get(pk=caseworker.pk)
    with django_assert_num_queries(2):  # roles, events
        calendar.calendar_feed_ics(caseworker)
    for _ in range(4):
        RegistrationFactory(user=caseworker)
    caseworker = type(caseworker).objects.select_related("organisation").get(pk=caseworker.pk)
    with django_assert_num_queries(2):
        assert len(parse(calendar.calendar_feed_ics(caseworker)).events) == 6


def test_resetting_the_feed_gives_a_new_token(db, caseworker):
    feed = calendar.calendar_feed_of(caseworker)
    assert calendar.calendar_feed_of(caseworker).token == feed.token
    old = feed.token
    new = calendar.calendar_feed_reset(caseworker).token
    assert new != old
    assert calendar.calendar_feed_by_token(old) is None
    assert calendar.calendar_feed_by_token(new).user == caseworker


# --- Views -------------------------------------------------------------------------------------


def test_downloading_an_event(db, client_for, caseworker, django_assert_num_queries):
    event = EventFactory()
    client = client_for(caseworker)
    url = reverse("events:event_ics", args=[event.pk])
    client.get(url)  # warm the session
    with django_assert_num_queries(5):  # session, user, roles, organisation, event
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="arrangement-{event.pk}.ics"'
    assert parse(response.content.decode()).events[0]["UID"] == event.ical_uid


def test_an_event_one_may_not_see_cannot_be_downloaded(db, client_for, caseworker):
    client = client_for(caseworker)
    for event in (EventFactory(draft=True),):
        assert client.get(reverse("events:event_ics", args=[event.pk])).status_code == 404
    assert client.get(reverse("events:event_ics", args=[999999])).status_code == 404


def test_downloading_needs_signing_in(db):
    event = EventFactory()
    response = Client().get(reverse("events:event_ics", args=[event.pk]))
    assert response.status_code == 302


def test_the_feed_works_without_signing_in_and_is_never_cached(db, caseworker):
    RegistrationFactory(user=caseworker)
    feed = calendar.calendar_feed_of(caseworker)
    response = Client().get(reverse("events:calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert len(parse(response.content.decode()).events) == 1
    assert "sessionid" not in response.cookies


def test_an_unknown_or_replaced_feed_address_is_a_404(db, caseworker):
    feed = calendar.calendar_feed_of(caseworker)
    old = feed.token
    calendar.calendar_feed_reset(caseworker)
    anonymous = Client()
    assert anonymous.get(reverse("events:calendar_feed", args=[old])).status_code == 404
    assert anonymous.get(reverse("events:calendar_feed", args=["nope"])).status_code == 404


def test_a_deactivated_persons_feed_stops(db, caseworker):
    feed = calendar.calendar_feed_of(caseworker)
    type(caseworker).objects.filter(pk=caseworker.pk).update(is_active=False)
    assert Client().get(reverse("events:calendar_feed", args=[feed.token])).status_code == 404


def test_the_feed_notes_the_last_fetch_at_most_hourly(db, caseworker, django_assert_num_queries):
    feed = calendar.calendar_feed_of(caseworker)
    url = reverse("events:calendar_feed", args=[feed.token])
    anonymous = Client()
    anonymous.get(url)
    feed.refresh_from_db()
    first = feed.last_fetched_at
    assert first is not None
    anonymous.get(url)
    feed.refresh_from_db()
    assert feed.last_fetched_at == first
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=first - timedelta(hours=2))
    anonymous.get(url)
    feed.refresh_from_db()
    assert feed.last_fetched_at > first - timedelta(hours=2)
    with django_assert_num_queries(4):  # feed, touch, roles, events
        anonymous.get(url)


def test_the_settings_page_shows_the_address_and_resets_it(db, client_for, caseworker):
    client = client_for(caseworker)
    url = reverse("events:calendar_feed_settings")
    response = client.get(url)
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(user=caseworker)
    feed_url = extract_url(response.content.decode(), contains=feed.token)
    assert feed_url.startswith("http")
    assert "webcal://" in response.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.token not in feed_url
    assert client.get(feed_url.split("8000", 1)[-1]).status_code == 404


def test_the_settings_page_takes_a_fixed_number_of_queries(
    db, client_for, caseworker, django_assert_num_queries
):
    client = client_for(caseworker)
    url = reverse("events:calendar_feed_settings")
    client.get(url)  # the feed exists from now on
    for _ in range(3):
        RegistrationFactory(user=caseworker)
    # session, user, roles, feed, the header's notification count and organisation
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


def test_resetting_the_address_needs_the_csrf_token(db, caseworker):
    client = Client(enforce_csrf_checks=True)
    client.force_login(caseworker)
    token = calendar.calendar_feed_of(caseworker).token
    response = client.post(reverse("events:calendar_feed_settings"))
    assert response.status_code == 403
    assert CalendarFeed.objects.get(user=caseworker).token == token


def test_the_settings_page_needs_signing_in(db):
    response = Client().get(reverse("events:calendar_feed_settings"))
    assert response.status_code == 302


# --- A real SMTP server ------------------------------------------------------------------------


def test_the_confirmation_arrives_with_a_parseable_invitation(
    db, smtp_server, django_capture_on_commit_callbacks, fund
):
    person = make_user(organisation=fund, email="deltager@3f.example.dk")
    event = EventFactory(
        capacity=10, starts_at=local(2026, 12, 3, 10), ends_at=local(2026, 12, 3, 12)
    )
    if event.starts_at <= timezone.now():  # keep the event in the future whenever this runs
        Event.objects.filter(pk=event.pk).update(
            starts_at=event.starts_at.replace(year=timezone.now().year + 1),
            ends_at=event.ends_at.replace(year=timezone.now().year + 1),
        )
        event.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, user=person)
    received = smtp_server.wait_for_message(to=person.email)
    assert event.title in received.subject
    assert extract_url(received.text, contains=f"/arrangementer/{event.pk}/")
    part, cal = calendar_attachment(received.message)
    assert part.get_filename() == "invitation.ics"
    assert part.get_content_type() == "text/calendar"
    assert part["Content-Type"].params["method"] == "REQUEST"
    assert cal["METHOD"] == "REQUEST"
    vevent = cal.events[0]
    assert vevent["UID"] == event.ical_uid
    assert vevent["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert utc(vevent.start).hour == 9
    assert vevent["ATTENDEE"] == f"mailto:{person.email}"


def test_an_event_ending_in_year_9999_still_gives_a_calendar(db):
    """Events stored before years were checked: the .ics must not fail on them."""
    event = EventFactory(
        starts_at=datetime(9999, 12, 30, 10, tzinfo=UTC),
        ends_at=datetime(9999, 12, 31, 10, tzinfo=UTC),
    )
    vevent = parse(calendar.event_ics(event)).events[0]
    assert vevent.decoded("DTEND").year == 9999
