"""The pages everyone uses: the overview, the event page, signing up, notes, cancelling and
signing up a colleague. Invisible events are 404 everywhere; the pages cost a fixed number of
queries."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import TopicFactory
from portal.events import services
from portal.events.models import Event, Registration
from portal.events.tests.factories import (
    EventFactory,
    EventSessionFactory,
    RegistrationFactory,
    days_ahead,
)
from portal.forum.tests.factories import NetworkFactory, add_member

pytestmark = pytest.mark.django_db


def da(message: str, **params) -> str:
    """The message as a Danish reader sees it."""
    with override("da"):
        text = gettext(message)
    return text % params if params else text


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


@pytest.fixture
def network_event(db):
    network = NetworkFactory(slug="lukket", name="Lukket netværk", is_open=False)
    return EventFactory(
        title="Netværksmøde", audience=Event.Audience.NETWORK, audience_network=network
    )


@pytest.fixture
def hidden_events(editor, network_event):
    """Events a caseworker of an unemployment fund may not see."""
    return [
        EventFactory(title="Kladde", draft=True),
        network_event,
        EventFactory(
            title="Kun for jobcentre",
            audience=Event.Audience.ORGANISATION_KIND,
            audience_organisation_kind=OrganisationKind.JOBCENTER,
        ),
    ]


# --- Who sees what -----------------------------------------------------------------------


def test_the_overview_needs_a_signed_in_person(client):
    response = client.get(reverse("events:event_list"))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_the_overview_shows_only_the_events_the_reader_may_see(
    client_for, caseworker, hidden_events
):
    EventFactory(title="Temamøde om rådighed")
    EventFactory(
        title="For a-kasser",
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.UFUND,
    )
    response = client_for(caseworker).get(reverse("events:event_list"))
    assert response.status_code == 200
    assert sorted(titles(response)) == ["For a-kasser", "Temamøde om rådighed"]


def test_a_network_member_sees_the_network_event(client_for, caseworker, network_event):
    add_member(network_event.audience_network, caseworker)
    response = client_for(caseworker).get(reverse("events:event_list"))
    assert titles(response) == ["Netværksmøde"]
    response = client_for(caseworker).get(reverse("events:event_detail", args=[network_event.pk]))
    assert response.status_code == 200


def test_an_editor_sees_drafts_marked_as_drafts(client_for, editor):
    EventFactory(title="Kladde", draft=True)
    response = client_for(editor).get(reverse("events:event_list"))
    assert titles(response) == ["Kladde"]
    assert da("Draft") in response.content.decode()
    assert reverse("events:event_create") in response.content.decode()


def test_invisible_events_are_not_found_on_any_page(client_for, caseworker, hidden_events):
    client = client_for(caseworker)
    for event in hidden_events:
        pk = event.pk
        for name in (
            "event_detail",
            "registration_update",
            "registration_cancel",
            "registration_for_colleague",
            "event_update",
            "event_copy",
            "event_cancel",
        ):
            assert client.get(reverse(f"events:{name}", args=[pk])).status_code == 404, name
        for name in ("registration_create", "registration_cancel", "event_update"):
            assert client.post(reverse(f"events:{name}", args=[pk])).status_code == 404, name
    assert not Registration.objects.exists()


def test_an_unknown_event_is_not_found(client_for, caseworker):
    assert client_for(caseworker).get(reverse("events:event_detail", args=[999])).status_code == (
        404
    )


# --- The overview ------------------------------------------------------------------------


def test_upcoming_events_come_soonest_first_and_past_ones_newest_first(client_for, caseworker):
    EventFactory(title="Om en måned", starts_at=days_ahead(30))
    EventFactory(title="I morgen", starts_at=days_ahead(1))
    EventFactory(title="For en uge siden", starts_at=days_ahead(-7))
    EventFactory(title="For et år siden", starts_at=days_ahead(-365))
    client = client_for(caseworker)
    assert titles(client.get(reverse("events:event_list"))) == ["I morgen", "Om en måned"]
    past = client.get(reverse("events:event_list"), {"when": "past"})
    assert titles(past) == ["For en uge siden", "For et år siden"]


def test_an_event_under_way_is_still_upcoming(client_for, caseworker):
    now = timezone.now()
    EventFactory(
        title="I gang", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    assert titles(client_for(caseworker).get(reverse("events:event_list"))) == ["I gang"]


def test_the_overview_filters_by_topic_and_kind(client_for, caseworker):
    dagpenge = TopicFactory(slug="dagpenge", name="Dagpenge")
    ledighed = TopicFactory(slug="ledighed", name="Ledighed")
    EventFactory(title="Temamøde dagpenge", topic=dagpenge)
    EventFactory(title="Webinar dagpenge", topic=dagpenge, kind=Event.Kind.WEBINAR)
    EventFactory(title="Temamøde ledighed", topic=ledighed)
    client = client_for(caseworker)
    url = reverse("events:event_list")
    assert sorted(titles(client.get(url, {"topic": "dagpenge"}))) == [
        "Temamøde dagpenge",
        "Webinar dagpenge",
    ]
    assert titles(client.get(url, {"topic": "dagpenge", "kind": "webinar"})) == ["Webinar dagpenge"]
    assert sorted(titles(client.get(url, {"kind": "theme_meeting"}))) == [
        "Temamøde dagpenge",
        "Temamøde ledighed",
    ]


def test_my_events_lists_only_active_registrations(client_for, caseworker):
    mine = EventFactory(title="Tilmeldt")
    waiting = EventFactory(title="På venteliste")
    cancelled = EventFactory(title="Afmeldt")
    EventFactory(title="Andet")
    RegistrationFactory(event=mine, user=caseworker)
    RegistrationFactory(event=waiting, user=caseworker, waiting=True)
    RegistrationFactory(event=cancelled, user=caseworker, cancelled=True)
    response = client_for(caseworker).get(reverse("events:event_list"), {"mine": "on"})
    assert sorted(titles(response)) == ["På venteliste", "Tilmeldt"]


def test_each_card_shows_seats_left_full_booking_and_my_status(
    client_for, caseworker, colleague, fund
):
    roomy = EventFactory(title="Plads", capacity=5)
    full = EventFactory(title="Fuldt", capacity=1)
    RegistrationFactory(event=roomy, user=colleague)
    RegistrationFactory(event=full, user=colleague)
    someone = make_user(organisation=fund)
    RegistrationFactory(
        event=full, user=someone, waiting=True, queued_at=timezone.now() - timedelta(minutes=5)
    )
    RegistrationFactory(event=full, user=caseworker, waiting=True)
    response = client_for(caseworker).get(reverse("events:event_list"))
    events = {event.title: event for event in response.context["events"]}
    assert events["Plads"].seats_left == 4
    assert events["Fuldt"].seats_left == 0
    assert events["Fuldt"].my_waiting_position == 2
    html = response.content.decode()
    assert da("Fully booked – waiting list.") in html
    assert da("You are on the waiting list as number %(position)s.", position=2) in html
    assert reverse("events:calendar_feed_settings") in html
    assert reverse("events:event_create") not in html


# --- The event page ----------------------------------------------------------------------


def test_the_event_page_shows_the_programme_with_speakers_linked_to_the_directory(
    client_for, caseworker, colleague
):
    event = EventFactory(title="Temamøde", description="Om **rådighed**<script>x</script>")
    EventSessionFactory(event=event, title="Velkomst", speakers=[colleague], guest_speakers="Gæst")
    response = client_for(caseworker).get(event.get_absolute_url())
    html = response.content.decode()
    assert "<strong>rådighed</strong>" in html
    assert "<script>x" not in html
    assert "Velkomst" in html
    assert reverse("directory:person_detail", args=[colleague.pk]) in html
    assert "Gæst" in html
    assert reverse("events:registration_create", args=[event.pk]) in html
    # Not an organiser: no organiser tools.
    assert reverse("events:participant_list", args=[event.pk]) not in html
    assert reverse("events:event_update", args=[event.pk]) not in html


def test_the_organiser_sees_the_tools_of_the_event(client_for, caseworker):
    event = EventFactory(organisers=[caseworker])
    html = client_for(caseworker).get(event.get_absolute_url()).content.decode()
    for name in ("participant_list", "badges_pdf", "attendance_pdf", "feedback_results"):
        assert reverse(f"events:{name}", args=[event.pk]) in html
    assert reverse("events:event_update", args=[event.pk]) in html
    assert reverse("events:event_cancel", args=[event.pk]) in html
    assert reverse("events:event_copy", args=[event.pk]) not in html


def test_the_editor_may_also_copy_and_cancel(client_for, editor):
    event = EventFactory()
    html = client_for(editor).get(event.get_absolute_url()).content.decode()
    assert reverse("events:event_copy", args=[event.pk]) in html
    assert reverse("events:event_cancel", args=[event.pk]) in html


def test_after_the_event_a_participant_is_asked_for_feedback(client_for, caseworker):
    event = EventFactory(past=True)
    RegistrationFactory(event=event, user=caseworker)
    html = client_for(caseworker).get(event.get_absolute_url()).content.decode()
    assert reverse("events:feedback_form", args=[event.pk]) in html
    assert reverse("events:registration_create", args=[event.pk]) not in html
    assert reverse("events:registration_cancel", args=[event.pk]) not in html


# --- Signing up --------------------------------------------------------------------------


def test_one_click_registers_and_says_so(client_for, caseworker):
    event = EventFactory(capacity=10)
    client = client_for(caseworker)
    response = client.post(reverse("events:registration_create", args=[event.pk]))
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    registration = Registration.objects.get(event=event, user=caseworker)
    assert registration.status == Registration.Status.CONFIRMED
    assert shown_messages(response) == [da("You are registered.")]
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("events:registration_cancel", args=[event.pk]) in page
    assert reverse("events:event_ics", args=[event.pk]) in page


def test_with_htmx_the_registration_section_is_swapped_in_place(client_for, caseworker, fund):
    event = EventFactory(capacity=1)
    services.registration_create(event=event, user=make_user(organisation=fund))
    response = client_for(caseworker).post(
        reverse("events:registration_create", args=[event.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="registration-section">')
    message = da("You are on the waiting list as number %(position)s.", position=1)
    assert html.count(message) == 2  # the message, and the status that stays
    assert Registration.objects.get(user=caseworker).status == Registration.Status.WAITING


def test_registering_with_notes_keeps_them(client_for, caseworker):
    event = EventFactory()
    client_for(caseworker).post(
        reverse("events:registration_create", args=[event.pk]),
        {"dietary_note": "Vegetar", "accessibility_note": "Kørestol"},
    )
    registration = Registration.objects.get(event=event, user=caseworker)
    assert (registration.dietary_note, registration.accessibility_note) == ("Vegetar", "Kørestol")


def test_a_cpr_number_in_a_note_is_refused_and_nothing_is_registered(client_for, caseworker):
    event = EventFactory()
    response = client_for(caseworker).post(
        reverse("events:registration_create", args=[event.pk]),
        {"dietary_note": "Borger 010190-1234 spiser ikke gluten"},
    )
    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert "010190-XXXX" in shown_messages(response)[0]


def test_a_full_event_puts_me_on_the_waiting_list_with_my_number(client_for, caseworker, fund):
    event = EventFactory(capacity=1)
    first = make_user(organisation=fund)
    services.registration_create(event=event, user=first)
    response = client_for(caseworker).post(reverse("events:registration_create", args=[event.pk]))
    registration = Registration.objects.get(event=event, user=caseworker)
    assert registration.status == Registration.Status.WAITING
    assert shown_messages(response) == [
        da("You are on the waiting list as number %(position)s.", position=1)
    ]


def test_signing_up_for_a_cancelled_event_is_refused(client_for, caseworker):
    event = EventFactory(cancelled=True)
    response = client_for(caseworker).post(reverse("events:registration_create", args=[event.pk]))
    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert shown_messages(response)


def test_registration_needs_post(client_for, caseworker):
    event = EventFactory()
    response = client_for(caseworker).get(reverse("events:registration_create", args=[event.pk]))
    assert response.status_code == 405
    assert not Registration.objects.exists()


def test_editing_my_notes(client_for, caseworker):
    event = EventFactory()
    services.registration_create(event=event, user=caseworker)
    client = client_for(caseworker)
    url = reverse("events:registration_update", args=[event.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"dietary_note": "Glutenfri", "accessibility_note": ""})
    assert response.status_code == 302
    assert Registration.objects.get(event=event, user=caseworker).dietary_note == "Glutenfri"


def test_notes_without_a_registration_are_not_found(client_for, caseworker):
    event = EventFactory()
    url = reverse("events:registration_update", args=[event.pk])
    assert client_for(caseworker).get(url).status_code == 404


def test_cancelling_asks_first_then_frees_the_seat_for_the_next_in_line(
    client_for, caseworker, colleague
):
    event = EventFactory(capacity=1)
    services.registration_create(event=event, user=caseworker)
    services.registration_create(event=event, user=colleague)
    client = client_for(caseworker)
    url = reverse("events:registration_cancel", args=[event.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert Registration.objects.get(user=caseworker).status == Registration.Status.CONFIRMED
    response = client.post(url)
    assert response.status_code == 302
    assert shown_messages(response) == [da("Your registration is cancelled.")]
    assert Registration.objects.get(user=caseworker).status == Registration.Status.CANCELLED
    assert Registration.objects.get(user=colleague).status == Registration.Status.CONFIRMED
    # Cancelled: the page offers to sign up again.
    page = client.get(event.get_absolute_url()).content.decode()
    assert da("You have cancelled your registration.") in page
    assert reverse("events:registration_create", args=[event.pk]) in page


# --- A coordinator signs up a colleague --------------------------------------------------


@pytest.fixture
def coordinator(fund):
    return make_user(
        organisation=fund,
        roles=["caseworker", "coordinator"],
        email="koord@3f.example.dk",
        mfa=True,
    )


def test_a_coordinator_registers_a_colleague_of_the_own_organisation(
    client_for, coordinator, colleague
):
    event = EventFactory()
    client = client_for(coordinator)
    url = reverse("events:registration_for_colleague", args=[event.pk])
    assert reverse("events:registration_for_colleague", args=[event.pk]) in (
        client.get(event.get_absolute_url()).content.decode()
    )
    response = client.get(url)
    assert response.status_code == 200
    assert colleague in response.context["form"].fields["colleague"].queryset
    response = client.post(url, {"colleague": colleague.pk})
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=colleague)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.registered_by == coordinator


def test_a_coordinator_cannot_register_someone_of_another_organisation(
    client_for, coordinator, other_fund
):
    outsider = make_user(organisation=other_fund)
    event = EventFactory()
    client = client_for(coordinator)
    url = reverse("events:registration_for_colleague", args=[event.pk])
    assert outsider not in client.get(url).context["form"].fields["colleague"].queryset
    response = client.post(url, {"colleague": outsider.pk})
    assert response.status_code == 400
    assert response.context["form"].errors["colleague"]
    assert not Registration.objects.exists()


def test_a_caseworker_may_not_register_a_colleague(client_for, caseworker, colleague):
    event = EventFactory()
    client = client_for(caseworker)
    url = reverse("events:registration_for_colleague", args=[event.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"colleague": colleague.pk}).status_code == 403
    assert not Registration.objects.exists()
    assert url not in client.get(event.get_absolute_url()).content.decode()


# --- Query counts ------------------------------------------------------------------------


def _fill_events(n, *, fund, reader):
    topic = TopicFactory()
    for i in range(n):
        event = EventFactory(topic=topic, capacity=2 if i % 2 else None)
        RegistrationFactory(event=event, user=make_user(organisation=fund))
        if i % 3 == 0:
            RegistrationFactory(event=event, user=reader, waiting=True)


def _fill_programme(n, *, event, fund):
    for _i in range(n):
        speaker = make_user(organisation=fund)
        EventSessionFactory(event=event, speakers=[speaker, make_user(organisation=fund)])
        RegistrationFactory(event=event, user=make_user(organisation=fund))


def test_the_overview_costs_the_same_for_3_and_10_events(
    client_for, caseworker, fund, django_assert_num_queries
):
    client = client_for(caseworker)
    url = reverse("events:event_list")
    client.get(url)
    _fill_events(3, fund=fund, reader=caseworker)
    with django_assert_num_queries(EVENT_LIST_QUERIES):
        response = client.get(url)
    assert len(response.context["events"]) == 3
    _fill_events(7, fund=fund, reader=caseworker)
    with django_assert_num_queries(EVENT_LIST_QUERIES):
        response = client.get(url)
    assert len(response.context["events"]) == 10


def test_the_event_page_costs_the_same_for_3_and_10_programme_items(
    client_for, caseworker, fund, django_assert_num_queries
):
    event = EventFactory(capacity=50, topic=TopicFactory())
    services.registration_create(event=event, user=caseworker)
    client = client_for(caseworker)
    url = event.get_absolute_url()
    client.get(url)
    _fill_programme(3, event=event, fund=fund)
    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        client.get(url)
    _fill_programme(7, event=event, fund=fund)
    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        response = client.get(url)
    assert len(response.context["sessions"]) == 10


# Session, user, roles, organisation, count, events (with seats taken and my registration in
# one query), my waiting places, bell, topics of the filter form.
EVENT_LIST_QUERIES = 9
# Session, user, roles, organisation, event, programme, speakers, organisers, my
# registration, seats taken, bell.
EVENT_PAGE_QUERIES = 11
