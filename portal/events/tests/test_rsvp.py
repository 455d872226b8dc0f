"""Signing up from an email with a signed link: a GET changes nothing, a POST signs up."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.core.models import EmailDelivery, OrganisationKind
from portal.events import links
from portal.events.models import Event, Registration
from portal.forum.tests.factories import NetworkFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _path(user, event) -> str:
    return reverse("events:rsvp", args=[links.rsvp_token(user_id=user.pk, event_id=event.pk)])


def test_the_token_names_the_person_and_the_event(caseworker):
    event = EventFactory()
    assert links.rsvp_check(links.rsvp_token(user_id=caseworker.pk, event_id=event.pk)) == (
        caseworker,
        event,
    )


def test_a_tampered_token_is_refused(caseworker, colleague):
    event = EventFactory()
    token = links.rsvp_token(user_id=caseworker.pk, event_id=event.pk)
    with pytest.raises(ValidationError):
        links.rsvp_check(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    # Another module's signed value (same payload, other salt) is no RSVP token.
    forged = signing.dumps([colleague.pk, event.pk], salt="digests.unsubscribe", compress=True)
    with pytest.raises(ValidationError):
        links.rsvp_check(forged)


def test_get_shows_the_event_and_registers_nobody(client, caseworker):
    event = EventFactory(title="Temamøde om rådighed")
    response = client.get(_path(caseworker, event))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Temamøde om rådighed" in content
    assert 'action="/arrangementer/svar/' in content and "csrfmiddlewaretoken" in content
    assert not Registration.objects.exists()


def test_post_registers_the_person_of_the_token_without_sign_in(
    client, caseworker, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_path(caseworker, event))
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.user, registration.status) == (caseworker, Registration.Status.CONFIRMED)
    assert EmailDelivery.objects.filter(recipient=caseworker.email).exists()
    # Again: nothing new, the same answer.
    assert client.post(_path(caseworker, event)).status_code == 200
    assert Registration.objects.count() == 1


def test_post_on_a_full_event_puts_the_person_on_the_waiting_list_with_a_place(
    client, caseworker, colleague
):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, waiting=True)
    response = client.post(_path(caseworker, event))
    assert Registration.objects.get(user=caseworker).status == Registration.Status.WAITING
    assert response.context["waiting_position"] == 2


def test_csrf_stays_on(caseworker):
    from django.test import Client

    event = EventFactory()
    response = Client(enforce_csrf_checks=True).post(_path(caseworker, event))
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_closed_registration_is_explained_and_registers_nobody(client, caseworker):
    event = EventFactory(registration_closes_at=timezone.now() - timedelta(hours=1))
    response = client.post(_path(caseworker, event))
    assert response.status_code == 409
    assert response.context["errors"]
    assert not Registration.objects.exists()


def test_a_cancelled_event_offers_no_button(client, caseworker):
    event = EventFactory(cancelled=True)
    response = client.get(_path(caseworker, event))
    assert response.status_code == 200
    assert 'action="/arrangementer/svar/' not in response.content.decode()
    assert client.post(_path(caseworker, event)).status_code == 409
    assert not Registration.objects.exists()


def test_an_event_the_person_may_not_see_is_a_404(client, caseworker):
    network_event = EventFactory(audience=Event.Audience.NETWORK, audience_network=NetworkFactory())
    jobcentre_event = EventFactory(
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.JOBCENTER,
    )
    draft = EventFactory(draft=True)
    for event in (network_event, jobcentre_event, draft):
        assert client.get(_path(caseworker, event)).status_code == 404
        assert client.post(_path(caseworker, event)).status_code == 404
    assert not Registration.objects.exists()


def test_a_tampered_link_is_a_404(client, caseworker):
    event = EventFactory()
    token = links.rsvp_token(user_id=caseworker.pk, event_id=event.pk)
    response = client.post(reverse("events:rsvp", args=[token[:-3] + "xyz"]))
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_an_expired_link_explains_and_links_to_the_event(client, caseworker):
    event = EventFactory(starts_at=timezone.now() + timedelta(days=60))
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    with time_machine.travel(timezone.now() - timedelta(days=31)):
        path = _path(caseworker, event)
    with pytest.raises(links.RsvpLinkExpired):
        links.rsvp_check(path.rstrip("/").rsplit("/", 1)[1])
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert event.get_absolute_url() in response.content.decode()
    assert not Registration.objects.exists()


def test_a_deactivated_person_cannot_use_their_link(client, caseworker):
    event = EventFactory()
    path = _path(caseworker, event)
    caseworker.is_active = False
    caseworker.save()
    assert client.post(path).status_code == 404
    assert not Registration.objects.exists()
