"""Events on other modules' pages: a network's page lists its meetings, a person's profile the
events where they speak or organise; never an event the reader may not see."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.events.tests.factories import EventFactory, EventSessionFactory
from portal.forum.tests.factories import NetworkFactory, add_member

pytestmark = pytest.mark.django_db


def test_a_networks_page_lists_its_upcoming_meetings_for_its_members(
    client_for, caseworker, colleague
):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    EventFactory(title="Netværksmøde i december", audience="network", audience_network=network)
    EventFactory(title="Det afholdte møde", audience="network", audience_network=network, past=True)
    EventFactory(title="Mødet i kladde", audience="network", audience_network=network, draft=True)
    EventFactory(title="Konference for alle")  # not the network's
    url = reverse("forum:network_detail", args=[network.slug])

    member_page = client_for(caseworker).get(url).content.decode()
    assert "Netværksmøde i december" in member_page
    for other in ("Det afholdte møde", "Mødet i kladde", "Konference for alle"):
        assert other not in member_page

    outsider_page = client_for(colleague).get(url).content.decode()
    assert "Netværksmøde i december" not in outsider_page


def test_a_profile_lists_the_events_where_the_person_speaks_or_organises(
    client_for, caseworker, fund
):
    speaker = make_user(organisation=fund, email="oplaeg@3f.example.dk", full_name="Ida Oplæg")
    EventSessionFactory(
        event=EventFactory(title="Temamøde om rådighed", organisers=[speaker]),
        title="Rådighed ved deltid",
        speakers=[speaker],
    )
    EventFactory(title="Årskonferencen", organisers=[speaker])
    network = NetworkFactory(is_open=False)
    EventSessionFactory(
        event=EventFactory(
            title="Lukket netværksmøde", audience="network", audience_network=network
        ),
        speakers=[speaker],
    )
    page = client_for(caseworker).get(reverse("directory:person_detail", args=[speaker.pk]))
    text = page.content.decode()
    assert "Temamøde om rådighed" in text
    assert "Årskonferencen" in text
    assert "Lukket netværksmøde" not in text  # the reader is not a member
    assert "Medvirker ved arrangementer" in text
    assert text.count("Temamøde om rådighed") == 1  # once, though both speaker and organiser


def test_a_profile_without_events_shows_no_empty_section(client_for, caseworker, colleague):
    page = client_for(caseworker).get(reverse("directory:person_detail", args=[colleague.pk]))
    assert "Speaks or organises at" not in page.content.decode()
    assert "Medvirker ved arrangementer" not in page.content.decode()
