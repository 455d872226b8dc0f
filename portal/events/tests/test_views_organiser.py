"""The organiser's pages and the survey page: permissions, check-in, PDFs, query counts."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from portal.conftest import make_user
from portal.core.tests.factories import UserFactory
from portal.events.models import Event, FeedbackResponse
from portal.events.tests.factories import (
    EventFactory,
    FeedbackResponseFactory,
    RegistrationFactory,
    local,
)

STARTS = local(2027, 3, 10, 10)
ENDS = local(2027, 3, 10, 13)
ON_THE_DAY = STARTS - timedelta(hours=1)
# The participant list: session, user, roles, event, visibility, organiser check, notes check
# (organisers only), registrations, the access-log entry, and what the base template asks.
QUERIES = 10


@pytest.fixture
def organiser(fund):
    return make_user(organisation=fund, email="arrangoer@3f.example.dk")


@pytest.fixture
def event(organiser):
    return EventFactory(
        title="Temamøde om rådighed", starts_at=STARTS, ends_at=ENDS, organisers=[organiser]
    )


def urls(event):
    return [
        reverse("events:participant_list", args=[event.pk]),
        reverse("events:badges_pdf", args=[event.pk]),
        reverse("events:attendance_pdf", args=[event.pk]),
        reverse("events:feedback_results", args=[event.pk]),
    ]


# --- Permissions ---------------------------------------------------------------------------------


def test_a_caseworker_who_sees_the_event_gets_403(client_for, caseworker, event):
    client = client_for(caseworker)
    for url in urls(event):
        assert client.get(url).status_code == 403, url


def test_an_event_one_may_not_see_is_404(client_for, caseworker, organiser):
    draft = EventFactory(draft=True, starts_at=STARTS, ends_at=ENDS)
    client = client_for(caseworker)
    for url in urls(draft):
        assert client.get(url).status_code == 404, url


def test_signed_out_people_are_sent_to_sign_in(client, event):
    response = client.get(reverse("events:participant_list", args=[event.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_organiser_and_editor_open_every_page(client_for, organiser, editor, event):
    RegistrationFactory(event=event)
    for person in (organiser, editor):
        client = client_for(person)
        for url in urls(event):
            assert client.get(url).status_code == 200, (person, url)


def test_a_caseworker_cannot_check_anyone_in(client_for, caseworker, event):
    registration = RegistrationFactory(event=event)
    url = reverse("events:check_in", args=[event.pk, registration.pk])
    with time_machine.travel(ON_THE_DAY):
        assert client_for(caseworker).post(url).status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


# --- The participant list ------------------------------------------------------------------------


def test_participant_list_shows_confirmed_waiting_notes_and_who_signed_up(
    client_for, organiser, colleague, event
):
    alma = RegistrationFactory(
        event=event,
        user=UserFactory(full_name="Alma Ærbødig"),
        dietary_note="Vegetar",
        accessibility_note="Kørestol",
        registered_by=colleague,
    )
    RegistrationFactory(event=event, user=UserFactory(full_name="Bent Bo"), dietary_note="vegetar")
    first_waiting = RegistrationFactory(event=event, user=UserFactory(full_name="Cille Ventesen"))
    first_waiting.status = "waiting"
    first_waiting.save()
    RegistrationFactory(event=event, waiting=True, user=UserFactory(full_name="Dan Dernæst"))
    RegistrationFactory(event=event, cancelled=True, user=UserFactory(full_name="Erik Afmeldt"))
    response = client_for(organiser).get(reverse("events:participant_list", args=[event.pk]))
    html = response.content.decode()
    assert "Alma Ærbødig" in html and "Bent Bo" in html
    assert "Erik Afmeldt" not in html
    assert response.context["summary"]["confirmed"] == 2
    assert response.context["summary"]["waiting"] == 2
    assert response.context["summary"]["dietary"] == 2
    assert response.context["summary"]["accessibility"] == 1
    assert response.context["summary"]["dietary_notes"] == [("Vegetar", 2)]
    assert [(r.user.full_name, r.waiting_position) for r in response.context["waiting"]] == [
        ("Cille Ventesen", 1),
        ("Dan Dernæst", 2),
    ]
    assert colleague.get_full_name() in html
    assert f'id="registration-{alma.pk}"' in html
    assert "<caption>" in html


def test_participant_search_finds_a_name_with_danish_letters(client_for, organiser, event):
    RegistrationFactory(event=event, user=UserFactory(full_name="Øjvind Ærlig"))
    RegistrationFactory(event=event, user=UserFactory(full_name="Bent Bo"))
    url = reverse("events:participant_list", args=[event.pk])
    response = client_for(organiser).get(url, {"q": "øjv"})
    assert [r.user.full_name for r in response.context["confirmed"]] == ["Øjvind Ærlig"]
    htmx = client_for(organiser).get(url, {"q": "bent"}, HTTP_HX_REQUEST="true")
    html = htmx.content.decode()
    assert "Bent Bo" in html and "Øjvind" not in html
    assert "<html" not in html  # only the results fragment


def test_no_check_in_buttons_before_the_day(client_for, organiser, event):
    RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(days=2)):
        response = client_for(organiser).get(reverse("events:participant_list", args=[event.pk]))
    assert response.context["can_check_in"] is False
    assert 'name="undo"' not in response.content.decode()
    assert "/tjek-ind/" not in response.content.decode()


def test_participant_list_query_count_does_not_grow(
    client_for, organiser, event, django_assert_num_queries
):
    url = reverse("events:participant_list", args=[event.pk])
    for _ in range(5):
        RegistrationFactory(event=event, dietary_note="Vegetar", registered_by=UserFactory())
    RegistrationFactory(event=event, waiting=True)
    with time_machine.travel(ON_THE_DAY, tick=False):
        client = client_for(organiser)
        client.get(url)  # the first request of a session does a little more
        with django_assert_num_queries(QUERIES):
            assert client.get(url).status_code == 200
        for _ in range(15):
            RegistrationFactory(event=event, dietary_note="Vegansk", registered_by=UserFactory())
            RegistrationFactory(event=event, waiting=True)
        with django_assert_num_queries(QUERIES):
            response = client.get(url)
    assert len(response.context["confirmed"]) == 20
    assert response.context["can_check_in"] is True


# --- Check-in ------------------------------------------------------------------------------------


def test_check_in_by_post_redirects_back_to_the_row(client_for, organiser, event):
    registration = RegistrationFactory(event=event)
    url = reverse("events:check_in", args=[event.pk, registration.pk])
    with time_machine.travel(ON_THE_DAY):
        response = client_for(organiser).post(url, {"q": "søren"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=s%C3%B8ren#registration-{registration.pk}")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    with time_machine.travel(ON_THE_DAY):
        client_for(organiser).post(url, {"undo": "1"})
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_with_htmx_returns_the_row(client_for, organiser, event):
    registration = RegistrationFactory(event=event, user=UserFactory(full_name="Åse Ø"))
    url = reverse("events:check_in", args=[event.pk, registration.pk])
    with time_machine.travel(ON_THE_DAY):
        response = client_for(organiser).post(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<tr id="registration-{registration.pk}"')
    assert 'data-checked-in="yes"' in html
    assert 'name="undo" value="1"' in html
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_check_in_before_the_day_is_refused_with_a_message(client_for, organiser, event):
    registration = RegistrationFactory(event=event)
    url = reverse("events:check_in", args=[event.pk, registration.pk])
    with time_machine.travel(STARTS - timedelta(days=1)):
        response = client_for(organiser).post(url, HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_needs_post(client_for, organiser, event):
    registration = RegistrationFactory(event=event)
    url = reverse("events:check_in", args=[event.pk, registration.pk])
    assert client_for(organiser).get(url).status_code == 405


def test_check_in_of_another_events_registration_is_404(client_for, organiser, event):
    other = RegistrationFactory(event=EventFactory(starts_at=STARTS, ends_at=ENDS))
    url = reverse("events:check_in", args=[event.pk, other.pk])
    with time_machine.travel(ON_THE_DAY):
        assert client_for(organiser).post(url).status_code == 404


# --- PDFs and results ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "filename"), [("badges_pdf", "navneskilte"), ("attendance_pdf", "deltagerliste")]
)
def test_pdfs_are_attachments_with_danish_filenames(client_for, organiser, event, name, filename):
    RegistrationFactory(event=event)
    response = client_for(organiser).get(reverse(f"events:{name}", args=[event.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{filename}-temamoede-om-raadighed-2027-03-10.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_feedback_results_page_shows_figures_without_names(client_for, organiser, event):
    person = RegistrationFactory(event=event, user=UserFactory(full_name="Navn Skjult")).user
    FeedbackResponseFactory(event=event, user=person, overall=5, usefulness=3, comment="Tak!")
    response = client_for(organiser).get(reverse("events:feedback_results", args=[event.pk]))
    html = response.content.decode()
    assert "Tak!" in html
    assert "Navn Skjult" not in html
    assert response.context["results"]["count"] == 1


# --- The survey page -----------------------------------------------------------------------------


def test_participant_answers_the_survey_and_sees_thanks(client_for, caseworker, event):
    RegistrationFactory(event=event, user=caseworker)
    url = reverse("events:feedback_form", args=[event.pk])
    with time_machine.travel(ENDS + timedelta(hours=2)):
        client = client_for(caseworker)
        form_page = client.get(url)
        assert form_page.status_code == 200
        assert 'type="radio"' in form_page.content.decode()
        response = client.post(url, {"overall": "4", "usefulness": "5", "comment": "Godt"})
        assert response.status_code == 302
        thanks = client.get(url)
    assert "events/feedback_thanks.html" in [t.name for t in thanks.templates]
    assert FeedbackResponse.objects.get(user=caseworker).overall == 4


def test_survey_form_shows_errors_and_keeps_the_cpr_out(client_for, caseworker, event):
    RegistrationFactory(event=event, user=caseworker)
    url = reverse("events:feedback_form", args=[event.pk])
    with time_machine.travel(ENDS + timedelta(hours=2)):
        response = client_for(caseworker).post(
            url, {"overall": "4", "usefulness": "5", "comment": "Borger 010190-1234"}
        )
    assert response.status_code == 200
    assert response.context["form"].errors["comment"]
    assert not FeedbackResponse.objects.exists()


def test_survey_is_404_for_people_who_did_not_take_part(client_for, colleague, event):
    RegistrationFactory(event=event, user=colleague, waiting=True)
    with time_machine.travel(ENDS + timedelta(hours=2)):
        response = client_for(colleague).get(reverse("events:feedback_form", args=[event.pk]))
    assert response.status_code == 404


def test_survey_is_not_open_before_the_start(client_for, caseworker, event):
    RegistrationFactory(event=event, user=caseworker)
    url = reverse("events:feedback_form", args=[event.pk])
    with time_machine.travel(STARTS - timedelta(days=1)):
        client_for(caseworker).post(url, {"overall": "4", "usefulness": "5"})
        response = client_for(caseworker).get(url)
    assert "events/feedback_not_open.html" in [t.name for t in response.templates]
    assert not FeedbackResponse.objects.exists()


def test_cancelled_event_survey_is_not_open(client_for, caseworker):
    event = EventFactory(starts_at=STARTS, ends_at=ENDS, cancelled=True)
    assert event.status == Event.Status.CANCELLED
    RegistrationFactory(event=event, user=caseworker)
    with time_machine.travel(ENDS + timedelta(hours=2)):
        response = client_for(caseworker).get(reverse("events:feedback_form", args=[event.pk]))
    assert "events/feedback_not_open.html" in [t.name for t in response.templates]
