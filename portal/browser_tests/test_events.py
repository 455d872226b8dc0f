"""Events in a real browser: the editor sets up a theme meeting with one seat, the first
caseworker gets it with a calendar invitation by real SMTP, the second waits, the first
cancels and the second is promoted and told. Every page reached is axe-clean."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone
from django.utils.translation import gettext, override

from portal.conftest import make_user
from portal.core.models import PersonalDataAccess, User
from portal.events.models import CalendarFeed, Event, Registration
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.totp import totp_code

pytestmark = pytest.mark.browser

FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives make_user(mfa=True)
EVENT_PAGE = re.compile(r".*/arrangementer/\d+/$")


def da(message: str, **params) -> str:
    with override("da"):
        text = gettext(message)
    return text % params if params else text


def ics_of(received) -> icalendar.Calendar | None:
    """The calendar attached to a received email, parsed back; None without one."""
    for part in received.message.walk():
        filename = part.get_filename() or ""
        if part.get_content_type() == "text/calendar" or filename.endswith(".ics"):
            return icalendar.Calendar.from_ical(part.get_payload(decode=True))
    return None


def sign_out(page) -> None:
    page.context.clear_cookies()


def test_a_theme_meeting_from_creation_to_promotion_from_the_waiting_list(
    page, operator, fund, other_fund, password, smtp_server
):
    from playwright.sync_api import expect  # only where the browser tests run

    editor = make_user(
        organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk", full_name="Rie"
    )
    first = make_user(organisation=fund, email="anna@3f.example.dk", full_name="Anna Andersen")
    second = make_user(organisation=other_fund, email="bo@foa.example.dk", full_name="Bo Bertelsen")
    day = timezone.localdate() + timedelta(days=30)

    # The editor creates the theme meeting with one seat and publishes it.
    sign_in_with_password(page, email=editor.email, password=password)
    assert_accessible(page)
    page.goto("/arrangementer/")
    assert_accessible(page)
    page.locator("main a[href='/arrangementer/nyt/']").click()
    page.wait_for_url("**/arrangementer/nyt/")
    assert_accessible(page)
    page.locator("select[name=kind]").select_option("theme_meeting")
    page.locator("input[name=title]").fill("Temamøde om rådighed")
    page.locator("textarea[name=description]").fill("Vi ser på **rådighed** ved deltid.")
    page.locator("input[name=start_date]").fill(day.isoformat())
    page.locator("input[name=start_time]").fill("10:00")
    page.locator("input[name=end_time]").fill("13:00")
    page.locator("input[name=venue]").fill("LO Hovedstaden")
    page.locator("input[name=address]").fill("Svanevej 22, 2400 København NV")
    page.locator("input[name=capacity]").fill("1")
    page.locator("input[name='programme-0-starts']").fill("10:00")
    page.locator("input[name='programme-0-title']").fill("Velkomst")
    page.locator("button[name=action][value=publish]").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    event = Event.objects.get()
    assert event.status == Event.Status.PUBLISHED
    assert event.capacity == 1
    event_url = f"/arrangementer/{event.pk}/"
    assert page.locator("h1").inner_text() == "Temamøde om rådighed"
    sign_out(page)

    # Anna signs up with one click and gets the seat, with a calendar invitation.
    sign_in_with_password(page, email=first.email, password=password)
    assert_accessible(page)
    page.goto("/arrangementer/")
    assert_accessible(page)
    page.locator(f"a[href='{event_url}']").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    page.locator("#register").click()  # htmx swaps the registration section in place
    expect(page.locator("#my-registration-status")).to_have_text(da("You are registered."))
    assert_accessible(page)
    assert Registration.objects.get(user=first).status == Registration.Status.CONFIRMED
    assert page.locator(f"a[href='/arrangementer/{event.pk}/afmeld/']").count() == 1
    confirmation = smtp_server.wait_for_message(to=first.email, match=lambda m: ics_of(m))
    assert "Temamøde om rådighed" in confirmation.subject
    calendar = ics_of(confirmation)
    assert calendar["METHOD"] == "REQUEST"
    vevent = next(component for component in calendar.walk("VEVENT"))
    assert str(vevent["SUMMARY"]) == "Temamøde om rådighed"
    assert str(vevent["UID"]) == event.ical_uid
    starts = vevent["DTSTART"].dt
    assert starts.astimezone(ZoneInfo("Europe/Copenhagen")).hour == 10
    assert starts.date() == day
    sign_out(page)

    # Bo finds the meeting fully booked and joins the waiting list as number 1.
    sign_in_with_password(page, email=second.email, password=password)
    assert_accessible(page)
    page.goto(event_url)
    assert_accessible(page)
    page.locator("#register").click()
    expect(page.locator("#my-registration-status")).to_have_text(
        da("You are on the waiting list as number %(position)s.", position=1)
    )
    assert_accessible(page)
    assert Registration.objects.get(user=second).status == Registration.Status.WAITING
    smtp_server.wait_for_message(to=second.email)  # the waiting-list email
    sign_out(page)

    # Anna cancels: a confirmation page first.
    sign_in_with_password(page, email=first.email, password=password)
    assert_accessible(page)
    page.goto(event_url)
    assert_accessible(page)
    page.locator(f"a[href='/arrangementer/{event.pk}/afmeld/']").click()
    page.wait_for_url("**/afmeld/")
    assert_accessible(page)
    page.locator("#confirm-cancel").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    assert Registration.objects.get(user=first).status == Registration.Status.CANCELLED
    sign_out(page)

    # Bo has the seat now, was told by email, and his page says so.
    promoted = smtp_server.wait_for_message(to=second.email, match=lambda m: ics_of(m))
    assert promoted.subject.strip() == da(
        "You have a seat: %(title)s", title="Temamøde om rådighed"
    )
    assert ics_of(promoted)["METHOD"] == "REQUEST"
    sign_in_with_password(page, email=second.email, password=password)
    assert_accessible(page)
    page.goto(event_url)
    assert_accessible(page)
    assert Registration.objects.get(user=second).status == Registration.Status.CONFIRMED
    expect(page.locator("#my-registration-status")).to_have_text(da("You are registered."))
    assert page.locator(f"a[href='/arrangementer/{event.pk}/kalender.ics']").count() == 1


def test_the_editor_copies_a_meeting_to_the_next_quarter_and_cancels_the_original(
    page, operator, fund, password, smtp_server
):
    from portal.events import services
    from portal.events.tests.factories import EventFactory, EventSessionFactory, days_ahead

    editor = make_user(
        organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk", full_name="Rie"
    )
    coordinator = make_user(
        organisation=fund,
        roles=["caseworker", "coordinator"],
        email="koordinator@3f.example.dk",
        full_name="Karin Koordinator",
        mfa=True,
    )
    colleague = make_user(organisation=fund, email="kim@3f.example.dk", full_name="Kim Kollega")
    original = EventFactory(title="Temamøde 1: Rådighed", starts_at=days_ahead(14, hour=10))
    EventSessionFactory(event=original, title="Velkomst", speakers=[colleague])

    # A coordinator (two-factor) signs a colleague up; the colleague is told by email.
    sign_in_with_password(page, email=coordinator.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code(FIXTURE_TOTP_SECRET))
    page.locator("form:has(input[name=code]) button.button-primary").click()
    page.wait_for_url(lambda url: "/konto/2fa/" not in url)
    assert_accessible(page)
    page.goto(f"/arrangementer/{original.pk}/")
    assert_accessible(page)
    page.locator(f"a[href='/arrangementer/{original.pk}/tilmeld-kollega/']").click()
    page.wait_for_url("**/tilmeld-kollega/")
    assert_accessible(page)
    page.locator("select[name=colleague]").select_option(str(colleague.pk))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    registration = Registration.objects.get(user=colleague)
    assert registration.registered_by == coordinator
    smtp_server.wait_for_message(to=colleague.email)
    sign_out(page)

    # The editor copies it to the same weekday a quarter later and publishes the copy.
    sign_in_with_password(page, email=editor.email, password=password)
    page.goto(f"/arrangementer/{original.pk}/")
    assert_accessible(page)
    page.locator(f"a[href='/arrangementer/{original.pk}/kopier/']").click()
    page.wait_for_url("**/kopier/")
    assert_accessible(page)
    proposed = page.locator("input[name=start_date]").input_value()
    assert proposed == (original.starts_at + timedelta(weeks=13)).date().isoformat()
    page.locator("button[name=action][value=publish]").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    copy = Event.objects.exclude(pk=original.pk).get()
    assert copy.status == Event.Status.PUBLISHED
    assert list(copy.sessions.values_list("title", flat=True)) == ["Velkomst"]

    # The editor cancels the original: a confirmation page with an optional reason.
    page.goto(f"/arrangementer/{original.pk}/aflys/")
    assert_accessible(page)
    page.locator("textarea[name=reason]").fill("Oplægsholderen er syg.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    original.refresh_from_db()
    assert original.status == Event.Status.CANCELLED
    told = smtp_server.wait_for_message(to=colleague.email)
    assert ics_of(told)["METHOD"] == "CANCEL"
    sign_out(page)

    # The colleague edits the notes of the copy's registration.
    services.registration_create(event=copy, user=colleague)
    sign_in_with_password(page, email=colleague.email, password=password)
    page.goto(f"/arrangementer/{copy.pk}/tilmelding/")
    assert_accessible(page)
    page.locator("input[name=dietary_note]").fill("Vegetar")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(EVENT_PAGE)
    assert_accessible(page)
    assert Registration.objects.get(user=colleague, event=copy).dietary_note == "Vegetar"


def test_the_organisers_day_check_in_and_the_survey_afterwards(page, operator, fund, password):
    """Right after the meeting: the organiser finds a participant, checks them in (in place,
    with htmx) and downloads the list; the participant answers the survey and the organiser
    reads the results. Every page is axe-clean."""
    from playwright.sync_api import expect  # only where the browser tests run

    organiser = make_user(
        organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk", full_name="Rie"
    )
    anna = make_user(organisation=fund, email="anna@3f.example.dk", full_name="Anna Ærø")
    make_user(organisation=fund, email="bo@3f.example.dk", full_name="Bo Bertelsen")
    now = timezone.now()
    event = Event.objects.create(
        kind=Event.Kind.THEME_MEETING,
        status=Event.Status.PUBLISHED,
        published_at=now - timedelta(days=10),
        title="Temamøde om rådighed",
        venue="LO Hovedstaden",
        # Just over: check-in at the door is still possible, the survey is open.
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(minutes=30),
        capacity=10,
    )
    event.organisers.add(organiser)
    for person in User.objects.filter(organisation=fund):
        Registration.objects.create(
            event=event, user=person, status=Registration.Status.CONFIRMED, confirmed_at=now
        )

    sign_in_with_password(page, email=organiser.email, password=password)
    assert_accessible(page)
    page.goto(f"/arrangementer/{event.pk}/deltagere/")
    assert_accessible(page)
    page.locator("#participant-search").fill("ærø")
    row = page.locator("tbody tr", has_text="Anna Ærø")
    expect(row).to_have_count(1)
    expect(page.locator("tbody tr", has_text="Bo Bertelsen")).to_have_count(0)
    row.get_by_role("button", name=re.compile(da("Check in"))).click()
    expect(row.get_by_role("button", name=re.compile(da("Undo")))).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(user=anna).checked_in_at is not None
    page.locator("#download-purpose").fill("Fremmøde ved døren")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile(re.escape(da("Attendance list (PDF)")))).click()
    assert download.value.suggested_filename.endswith(".pdf")
    # The download is in the access log with the purpose the organiser gave.
    assert PersonalDataAccess.objects.filter(
        actor=organiser, kind=PersonalDataAccess.Kind.ATTENDANCE_LIST, purpose="Fremmøde ved døren"
    ).exists()

    sign_out(page)
    sign_in_with_password(page, email=anna.email, password=password)
    assert_accessible(page)
    page.goto(f"/arrangementer/{event.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name=da("Tell us what you thought")).click()
    assert_accessible(page)
    page.get_by_role("button", name=da("Send my answer")).click()  # nothing chosen yet
    assert_accessible(page)
    page.locator("input[name=overall][value='5']").check()
    page.locator("input[name=usefulness][value='4']").check()
    page.locator("textarea[name=comment]").fill("Godt oplæg om rådighed.")
    page.get_by_role("button", name=da("Send my answer")).click()
    assert_accessible(page)

    sign_out(page)
    sign_in_with_password(page, email=organiser.email, password=password)
    assert_accessible(page)
    page.goto(f"/arrangementer/{event.pk}/evaluering/resultater/")
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Godt oplæg om rådighed.")
    expect(page.locator("main")).not_to_contain_text("Anna")


def test_signing_up_from_an_email_link_and_the_calendar_feed_page(page, fund, password):
    """The digest's signed "sign me up" link works without signing in (the page asks first),
    and the calendar-feed page gives the personal address. Both axe-clean."""
    from playwright.sync_api import expect  # only where the browser tests run

    from portal.events.links import rsvp_path

    anna = make_user(organisation=fund, email="anna@3f.example.dk", full_name="Anna Andersen")
    event = Event.objects.create(
        kind=Event.Kind.WEBINAR,
        status=Event.Status.PUBLISHED,
        published_at=timezone.now(),
        title="Webinar om fleksjob",
        online_url="https://moede.example.dk/fleksjob",
        starts_at=timezone.now() + timedelta(days=10),
        ends_at=timezone.now() + timedelta(days=10, hours=1),
    )
    page.goto(rsvp_path(user_id=anna.pk, event_id=event.pk))
    assert_accessible(page)
    assert not Registration.objects.exists()  # opening the link signs nobody up
    page.get_by_role("button", name=da("Sign me up")).click()
    assert_accessible(page)
    assert Registration.objects.get().user == anna

    sign_in_with_password(page, email=anna.email, password=password)
    assert_accessible(page)
    page.goto("/arrangementer/kalender/")
    assert_accessible(page)
    token = CalendarFeed.objects.get(user=anna).token
    expect(page.locator("#calendar-feed-url")).to_have_value(re.compile(re.escape(token)))
