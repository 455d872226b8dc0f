"""The editorial desk's pages: create an event with programme and quotas on one page, edit,
copy to the next quarter and cancel; who may do it; errors in Danish with nothing changed."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext, override

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.events import services
from portal.events.models import Event, EventSession, OrganisationQuota, Registration
from portal.events.tests.factories import EventFactory, EventSessionFactory, days_ahead
from portal.forum.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def da(message: str) -> str:
    with override("da"):
        return gettext(message)


def next_year_day(month: int, day: int) -> date:
    """A date in the coming year, so the event is always in the future."""
    return date(date.today().year + 1, month, day)


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def event_post(**overrides) -> dict:
    """A complete event form: a theme meeting 10-13 on 10 March next year."""
    day = next_year_day(3, 10)
    data = {
        "kind": "theme_meeting",
        "title": "Temamøde om rådighed",
        "description": "Vi ser på **rådighed**.",
        "topic": "",
        "organisers": "",
        "venue": "LO Hovedstaden",
        "address": "Svanevej 22, 2400 København NV",
        "room": "Salen",
        "online_url": "",
        "start_date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "13:00",
        "end_date": "",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "capacity": "40",
        "audience": "everyone",
        "audience_organisation_kind": "",
        "audience_network": "",
        "action": "draft",
        **management("programme", 2),
        **management("quotas", 2),
    }
    data.update(overrides)
    return data


# --- Permissions -------------------------------------------------------------------------


def test_a_caseworker_may_not_create_copy_or_cancel(client_for, caseworker):
    event = EventFactory()
    client = client_for(caseworker)
    assert client.get(reverse("events:event_create")).status_code == 403
    assert client.post(reverse("events:event_create"), event_post()).status_code == 403
    for name in ("event_update", "event_copy", "event_cancel"):
        assert client.get(reverse(f"events:{name}", args=[event.pk])).status_code == 403, name
        assert client.post(reverse(f"events:{name}", args=[event.pk])).status_code == 403, name
    assert Event.objects.count() == 1
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_drafts_and_network_events_are_not_found_for_a_caseworker(client_for, caseworker):
    network = NetworkFactory(is_open=False)
    draft = EventFactory(draft=True)
    private = EventFactory(audience=Event.Audience.NETWORK, audience_network=network)
    client = client_for(caseworker)
    for event in (draft, private):
        for name in ("event_update", "event_copy", "event_cancel"):
            assert client.get(reverse(f"events:{name}", args=[event.pk])).status_code == 404


def test_an_organiser_edits_and_may_cancel_the_own_event_but_not_copy_it(client_for, caseworker):
    event = EventFactory(organisers=[caseworker], draft=True)
    client = client_for(caseworker)
    page = client.get(reverse("events:event_update", args=[event.pk]))
    assert page.status_code == 200
    assert 'value="publish"' not in page.content.decode()  # publishing is the desk's
    response = client.post(
        reverse("events:event_update", args=[event.pk]),
        event_post(title="Nyt navn", organisers=caseworker.email, action="publish"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Nyt navn"
    assert event.status == Event.Status.DRAFT
    assert client.get(reverse("events:event_cancel", args=[event.pk])).status_code == 200
    assert client.get(reverse("events:event_copy", args=[event.pk])).status_code == 403


def test_the_create_page_needs_a_signed_in_person(client):
    assert client.get(reverse("events:event_create")).status_code == 302


# --- Creating ----------------------------------------------------------------------------


def test_an_editor_creates_a_draft_with_programme_and_quotas(client_for, editor, fund, colleague):
    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    client = client_for(editor)
    assert client.get(reverse("events:event_create")).status_code == 200
    day = next_year_day(3, 10)
    data = event_post(
        topic=str(topic.pk),
        organisers=f"{editor.email}\n{colleague.email}",
        **{
            "programme-0-starts": "10:00",
            "programme-0-ends": "10:45",
            "programme-0-title": "Velkomst og rådighed",
            "programme-0-speakers": colleague.email,
            "programme-0-guest_speakers": "Gæst Gæstesen",
            "programme-1-starts": "11:00",
            "programme-1-title": "Spørgsmål",
            "quotas-0-organisation": str(fund.pk),
            "quotas-0-seats": "5",
        },
    )
    response = client.post(reverse("events:event_create"), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert event.status == Event.Status.DRAFT
    assert event.topic == topic
    assert event.capacity == 40
    # The editor typed Copenhagen time: 10:00 in March is 09:00 UTC.
    assert event.starts_at == datetime.combine(day, time(10), tzinfo=COPENHAGEN)
    assert event.starts_at.astimezone(ZoneInfo("UTC")).hour == 9
    assert event.ends_at == datetime.combine(day, time(13), tzinfo=COPENHAGEN)
    assert set(event.organisers.all()) == {editor, colleague}
    sessions = list(event.sessions.all())
    assert [s.title for s in sessions] == ["Velkomst og rådighed", "Spørgsmål"]
    assert list(sessions[0].speakers.all()) == [colleague]
    assert sessions[0].guest_speakers == "Gæst Gæstesen"
    assert OrganisationQuota.objects.get(event=event).seats == 5


def test_publish_creates_a_published_event(client_for, editor):
    response = client_for(editor).post(reverse("events:event_create"), event_post(action="publish"))
    assert response.status_code == 302
    assert Event.objects.get().status == Event.Status.PUBLISHED


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "09:00"}, "end_time", "The event must end after it starts."),
        (
            {"registration_closes_at": f"{next_year_day(3, 10).isoformat()}T12:00"},
            "registration_closes_at",
            "Registration must close before the event starts.",
        ),
        ({"audience": "network"}, "audience_network", "Choose the network the event is for."),
        (
            {"audience": "organisation_kind"},
            "audience_organisation_kind",
            "Choose the kind of organisation the event is for.",
        ),
        (
            {"venue": "", "address": "", "online_url": ""},
            "venue",
            "Give a venue or address, or an online link.",
        ),
        ({"kind": "webinar"}, "online_url", "A webinar needs an online link."),
        ({"title": ""}, "title", "This field is required."),
    ],
)
def test_a_wrong_event_is_refused_in_danish_and_nothing_is_created(
    client_for, editor, overrides, field, message
):
    response = client_for(editor).post(reverse("events:event_create"), event_post(**overrides))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [da(message)]
    assert da(message) in response.content.decode()
    assert da("There is a problem") in response.content.decode()
    assert not Event.objects.exists()


def test_an_unknown_organiser_address_is_refused(client_for, editor):
    response = client_for(editor).post(
        reverse("events:event_create"), event_post(organisers="ingen@example.dk")
    )
    assert response.status_code == 400
    assert "ingen@example.dk" in response.context["form"].errors["organisers"][0]
    assert not Event.objects.exists()


def test_a_cpr_number_in_the_description_is_refused(client_for, editor):
    response = client_for(editor).post(
        reverse("events:event_create"), event_post(description="Borger 010190-1234")
    )
    assert response.status_code == 400
    assert "010190-XXXX" in response.context["form"].errors["description"][0]
    assert not Event.objects.exists()


def test_a_programme_item_ending_before_it_starts_is_refused(client_for, editor):
    data = event_post(
        **{
            "programme-0-starts": "11:00",
            "programme-0-ends": "10:00",
            "programme-0-title": "Baglæns",
        }
    )
    response = client_for(editor).post(reverse("events:event_create"), data)
    assert response.status_code == 400
    assert response.context["programme"].forms[0].errors["ends"] == [
        da("The item must end after it starts.")
    ]
    assert not Event.objects.exists()


def test_two_quotas_for_one_organisation_are_refused(client_for, editor, fund):
    data = event_post(
        **{
            "quotas-0-organisation": str(fund.pk),
            "quotas-0-seats": "2",
            "quotas-1-organisation": str(fund.pk),
            "quotas-1-seats": "3",
        }
    )
    response = client_for(editor).post(reverse("events:event_create"), data)
    assert response.status_code == 400
    assert response.context["quotas"].non_form_errors()
    assert not Event.objects.exists()


# --- Editing -----------------------------------------------------------------------------


def test_the_edit_page_shows_the_event_as_it_is(client_for, editor):
    event = EventFactory(title="Temamøde", capacity=30)
    EventSessionFactory(event=event, title="Velkomst")
    response = client_for(editor).get(reverse("events:event_update", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Temamøde"' in html
    assert 'value="Velkomst"' in html
    assert 'value="30"' in html
    assert response.context["form"]["start_time"].value().strftime("%H:%M") == "10:00"


def test_a_wrong_edit_changes_nothing(client_for, editor):
    event = EventFactory(title="Temamøde")
    EventSessionFactory(event=event, title="Velkomst")
    response = client_for(editor).post(
        reverse("events:event_update", args=[event.pk]),
        event_post(title="Ændret", end_time="09:00"),
    )
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.title == "Temamøde"
    assert list(event.sessions.values_list("title", flat=True)) == ["Velkomst"]


def test_editing_replaces_the_programme(client_for, editor):
    event = EventFactory()
    EventSessionFactory(event=event, title="Gammelt punkt")
    data = event_post(
        action="save",
        **{
            **management("programme", 3, initial=1),
            "programme-0-starts": "10:00",
            "programme-0-title": "Gammelt punkt",
            "programme-0-DELETE": "on",
            "programme-1-starts": "11:00",
            "programme-1-title": "Nyt punkt",
        },
    )
    response = client_for(editor).post(reverse("events:event_update", args=[event.pk]), data)
    assert response.status_code == 302
    assert list(EventSession.objects.values_list("title", flat=True)) == ["Nyt punkt"]
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_saving_without_touching_the_programme_and_quotas_keeps_them(client_for, editor, fund):
    event = EventFactory(starts_at=days_ahead(20))
    EventSessionFactory(event=event, title="Velkomst", starts_at=days_ahead(20), ends_at=None)
    OrganisationQuota.objects.create(event=event, organisation=fund, seats=3)
    day = days_ahead(20).date()
    data = event_post(
        action="save",
        start_date=day.isoformat(),
        **{
            **management("programme", 3, initial=1),
            "programme-0-starts": "10:00",
            "programme-0-title": "Velkomst",
            **management("quotas", 3, initial=1),
            "quotas-0-organisation": str(fund.pk),
            "quotas-0-seats": "3",
        },
    )
    response = client_for(editor).post(reverse("events:event_update", args=[event.pk]), data)
    assert response.status_code == 302
    assert list(event.sessions.values_list("title", flat=True)) == ["Velkomst"]
    assert OrganisationQuota.objects.get(event=event).seats == 3


# --- Copying -----------------------------------------------------------------------------


def test_the_copy_form_proposes_the_same_weekday_and_time_a_quarter_later(client_for, editor):
    event = EventFactory(starts_at=days_ahead(20, hour=14))
    response = client_for(editor).get(reverse("events:event_copy", args=[event.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    proposed = form.initial["start_date"]
    original = event.starts_at.astimezone(COPENHAGEN).date()
    assert proposed.weekday() == original.weekday()
    assert 85 <= (proposed - original).days <= 95
    assert form.initial["start_time"] == time(14)


def test_copying_makes_a_draft_on_the_new_date(client_for, editor):
    event = EventFactory(title="Temamøde 1", starts_at=days_ahead(20))
    EventSessionFactory(event=event, title="Velkomst")
    new_day = (event.starts_at + timedelta(weeks=13)).astimezone(COPENHAGEN).date()
    response = client_for(editor).post(
        reverse("events:event_copy", args=[event.pk]),
        {"start_date": new_day.isoformat(), "start_time": "10:00", "action": "draft"},
    )
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response["Location"] == reverse("events:event_update", args=[copy.pk])
    assert copy.status == Event.Status.DRAFT
    assert copy.title == "Temamøde 1"
    assert copy.starts_at == datetime.combine(new_day, time(10), tzinfo=COPENHAGEN)
    assert list(copy.sessions.values_list("title", flat=True)) == ["Velkomst"]


def test_copy_and_publish_in_one_step(client_for, editor):
    event = EventFactory(starts_at=days_ahead(20))
    new_day = (event.starts_at + timedelta(weeks=13)).astimezone(COPENHAGEN).date()
    response = client_for(editor).post(
        reverse("events:event_copy", args=[event.pk]),
        {"start_date": new_day.isoformat(), "start_time": "10:00", "action": "publish"},
    )
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response["Location"] == copy.get_absolute_url()
    assert copy.status == Event.Status.PUBLISHED


def test_a_copy_without_a_date_is_refused(client_for, editor):
    event = EventFactory()
    response = client_for(editor).post(reverse("events:event_copy", args=[event.pk]), {})
    assert response.status_code == 400
    assert Event.objects.count() == 1


def test_a_copy_in_the_past_is_refused_in_danish(client_for, editor):
    event = EventFactory()
    yesterday = days_ahead(-1).date()
    response = client_for(editor).post(
        reverse("events:event_copy", args=[event.pk]),
        {"start_date": yesterday.isoformat(), "start_time": "10:00", "action": "publish"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["start_date"] == [
        da("The new date must be in the future.")
    ]
    assert Event.objects.count() == 1


# --- Cancelling --------------------------------------------------------------------------


def test_cancelling_asks_first_then_cancels_with_a_reason(client_for, editor, caseworker):
    event = EventFactory()
    Registration.objects.create(event=event, user=caseworker, status="confirmed")
    client = client_for(editor)
    url = reverse("events:event_cancel", args=[event.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["registered_count"] == 1
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    response = client.post(url, {"reason": "Oplægsholderen er syg."})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    # A cancelled event cannot be edited any more; the page says so.
    page = client.get(event.get_absolute_url()).content.decode()
    assert da("The event is cancelled.") in page
    assert reverse("events:event_update", args=[event.pk]) not in page


def test_a_coordinator_is_no_editor(client_for, fund):
    coordinator = make_user(organisation=fund, roles=["coordinator"], mfa=True)
    assert client_for(coordinator).get(reverse("events:event_create")).status_code == 403


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31"])
def test_an_event_in_a_year_outside_1900_to_2200_is_refused(client_for, editor, day):
    response = client_for(editor).post(
        reverse("events:event_create"), event_post(start_date=day, end_date=day)
    )
    assert response.status_code == 400
    assert (
        da("The year must be between %(first)d and %(last)d.")
        % {
            "first": 1900,
            "last": 2200,
        }
        in response.content.decode()
    )
    assert not Event.objects.exists()


def test_copying_to_year_9999_is_refused_not_a_server_error(client_for, editor):
    event = EventFactory(starts_at=days_ahead(20))
    response = client_for(editor).post(
        reverse("events:event_copy", args=[event.pk]),
        {"start_date": "9999-12-31", "start_time": "23:00", "action": "draft"},
    )
    assert response.status_code == 400
    assert "mellem 1900 og 2200" in response.content.decode()
    assert Event.objects.count() == 1


def test_a_programme_item_in_year_9999_is_refused(editor):
    event = EventFactory(starts_at=days_ahead(20))
    far = datetime(9999, 12, 31, 10, tzinfo=COPENHAGEN)
    with pytest.raises(ValidationError):
        services.event_set_programme(
            event=event, by=editor, sessions=[{"title": "Velkomst", "starts_at": far}]
        )
    assert not event.sessions.exists()
