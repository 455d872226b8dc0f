"""The forum's access policy answers the same in its three forms: the filter, the check of one
thread and the bulk form, for every kind of person and every kind of thread."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.conftest import make_user
from portal.forum import access, services
from portal.forum.models import Network, Thread
from portal.forum.tests.factories import NetworkFactory, add_member, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(fund, other_fund, operator, topic):
    invited = NetworkFactory(is_open=False)
    open_network = NetworkFactory(is_open=True)
    author = make_user(organisation=fund, email="forfatter@3f.example.dk")
    add_member(invited, author)
    editor = make_user(organisation=operator, roles=["editor"], email="red@loh.example.dk")
    people = {
        "member": make_user(organisation=fund, email="medlem@3f.example.dk"),
        "network member": make_user(organisation=other_fund, email="netvaerk@foa.example.dk"),
        "inactive network member": make_user(
            organisation=fund, email="stoppet@3f.example.dk", is_active=False
        ),
        "editor": editor,
        "editor in the network": make_user(
            organisation=operator, roles=["editor"], email="red2@loh.example.dk"
        ),
        "jurist": make_user(organisation=operator, roles=["jurist"], email="jur@loh.example.dk"),
    }
    for name in ("network member", "inactive network member", "editor in the network"):
        add_member(invited, people[name])

    def thread(title, **kwargs):
        return make_thread(author=author, topic=topic, title=title, **kwargs)

    threads = {
        "public": thread("Offentlig"),
        "open network": thread("Åbent netværk", network=open_network),
        "invitation-only": thread("Kun inviterede", network=invited),
        "hidden": thread("Skjult"),
        "hidden, invitation-only": thread("Skjult og lukket", network=invited),
        "merged": thread("Lagt sammen"),
    }
    services.thread_hide(thread=threads["hidden"], by=editor)
    services.thread_hide(thread=threads["hidden, invitation-only"], by=editor)
    services.thread_merge(source=threads["merged"], target=threads["public"], by=editor)
    return people, threads


def _fresh(user):
    """The person as a request would load them: nothing cached from setting up."""
    return type(user).objects.get(pk=user.pk)


def test_the_filter_the_check_and_the_bulk_form_agree(world):
    people, threads = world
    readers_of = {
        name: {
            person.pk
            for person in access.thread_readers(
                thread=Thread.objects.select_related("network").get(pk=thread.pk),
                users=[_fresh(p) for p in people.values()] + [AnonymousUser()],
            )
        }
        for name, thread in threads.items()
    }
    for person_name, person in [*people.items(), ("anonymous", AnonymousUser())]:
        for thread_name, thread in threads.items():
            user = _fresh(person) if person.pk else person
            by_filter = Thread.objects.filter(
                access.threads_readable(user=user), pk=thread.pk
            ).exists()
            by_check = access.thread_readable(
                user=user, thread=Thread.objects.select_related("network").get(pk=thread.pk)
            )
            by_bulk = person.pk in readers_of[thread_name]
            assert by_filter == by_check == by_bulk, (person_name, thread_name)


def test_the_policy_says_who_reads_what(world):
    people, threads = world

    def readable(person_name):
        user = _fresh(people[person_name])
        return {
            name
            for name, thread in threads.items()
            if Thread.objects.filter(access.threads_readable(user=user), pk=thread.pk).exists()
        }

    assert readable("member") == {"public", "open network", "merged"}
    assert readable("network member") == {"public", "open network", "invitation-only", "merged"}
    assert readable("inactive network member") == set()
    assert readable("editor") == {"public", "open network", "hidden", "merged"}
    assert readable("editor in the network") == set(threads)


def test_networks_readable_agrees_with_the_check_of_one(world):
    people, _threads = world
    for person in people.values():
        user = _fresh(person)
        for network in Network.objects.all():
            by_filter = Network.objects.filter(
                access.networks_readable(user=user), pk=network.pk
            ).exists()
            assert by_filter == access.network_readable(user=user, network=network)
            assert by_filter == access.may_post_in_network(user=user, network=network)
