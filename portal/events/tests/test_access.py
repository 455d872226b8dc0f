"""The events policy answers the same in its three forms (the filter, the check of one event,
the bulk form) for every kind of person and every kind of event."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.conftest import make_user
from portal.core.models import OrganisationKind, User
from portal.core.tests.factories import OrganisationFactory
from portal.events import access
from portal.events.models import Event
from portal.events.tests.factories import EventFactory
from portal.forum.tests.factories import NetworkFactory, add_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(fund, operator):
    union = OrganisationFactory(slug="hk", kind=OrganisationKind.UNION, email_domains="hk.dk")
    network = NetworkFactory(is_open=False)
    organiser = make_user(organisation=union, email="arrangoer@hk.dk")
    people = {
        "fund member": make_user(organisation=fund, email="medlem@3f.example.dk"),
        "union member": make_user(organisation=union, email="medlem@hk.dk"),
        "network member": make_user(organisation=union, email="netvaerk@hk.dk"),
        "not approved": make_user(organisation=fund, email="ny@3f.example.dk", approved_at=None),
        "inactive": make_user(organisation=fund, email="stoppet@3f.example.dk", is_active=False),
        "editor": make_user(organisation=operator, roles=["editor"], email="red@loh.example.dk"),
        "organiser": organiser,
    }
    add_member(network, people["network member"])
    add_member(network, people["inactive"])
    events = {
        "everyone": EventFactory(),
        "draft": EventFactory(draft=True),
        "own draft": EventFactory(draft=True),
        "cancelled": EventFactory(cancelled=True),
        "unions": EventFactory(
            audience=Event.Audience.ORGANISATION_KIND,
            audience_organisation_kind=OrganisationKind.UNION,
        ),
        "network": EventFactory(audience=Event.Audience.NETWORK, audience_network=network),
        "network draft": EventFactory(
            draft=True, audience=Event.Audience.NETWORK, audience_network=network
        ),
    }
    events["own draft"].organisers.add(organiser)
    events["network draft"].organisers.add(organiser)
    return people, events


def _fresh(user):
    return User.objects.select_related("organisation").get(pk=user.pk) if user.pk else user


def test_the_filter_the_check_and_the_bulk_form_agree(world):
    people, events = world
    everyone = [*people.values(), AnonymousUser()]
    for event_name, event in events.items():
        viewers = {p.pk for p in access.event_viewers(event=event, users=map(_fresh, everyone))}
        for person_name, person in [*people.items(), ("anonymous", AnonymousUser())]:
            user = _fresh(person)
            by_filter = Event.objects.filter(access.events_visible(user=user), pk=event.pk).exists()
            by_check = access.event_visible(user=user, event=event)
            assert by_filter == by_check == (person.pk in viewers), (person_name, event_name)


def test_the_policy_says_who_sees_which_event(world):
    people, events = world

    def visible(name):
        user = _fresh(people[name])
        return {
            event_name
            for event_name, event in events.items()
            if access.event_visible(user=user, event=event)
        }

    assert visible("fund member") == {"everyone", "cancelled"}
    assert visible("union member") == {"everyone", "cancelled", "unions"}
    assert visible("network member") == {"everyone", "cancelled", "unions", "network"}
    assert visible("not approved") == visible("inactive") == set()
    assert visible("editor") == set(events)
    assert visible("organiser") == {"everyone", "cancelled", "unions", "own draft", "network draft"}
