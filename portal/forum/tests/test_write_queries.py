"""Writing in the debate costs a fixed number of queries, however many people follow along."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.conftest import make_user
from portal.forum import services as forum
from portal.forum.tests.factories import NetworkFactory, add_member, make_thread
from portal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _followers(fund, n, start, *, thread=None, topic=None, network=None):
    for i in range(n):
        person = make_user(organisation=fund, email=f"folger{start + i}@3f.example.dk")
        if network is not None:
            add_member(network, person)
        if thread is not None:
            forum.thread_follow(thread=thread, user=person)
        if topic is not None:
            forum.topic_follow(topic=topic, user=person)


def _reply_queries(fund, topic, n, start, *, network=None):
    author = make_user(organisation=fund, email=f"forfatter{start}@3f.example.dk")
    replier = make_user(organisation=fund, email=f"svarer{start}@3f.example.dk")
    if network is not None:
        add_member(network, author)
        add_member(network, replier)
    thread = make_thread(author=author, topic=topic, network=network, title=f"Tråd {start}")
    _followers(fund, n, start, thread=thread, network=network)
    # An outsider who follows but may not read an invitation-only thread hears nothing.
    outsider = make_user(organisation=fund, email=f"udenfor{start}@3f.example.dk")
    forum.thread_follow(thread=thread, user=outsider)
    with CaptureQueriesContext(connection) as ctx:
        post = forum.reply_create(author=replier, thread=thread, body="Sådan gør vi.")
    notified = Notification.objects.filter(post=post, kind=Notification.Kind.REPLY).count()
    return len(ctx.captured_queries), notified


@pytest.mark.parametrize("is_open", [True, False], ids=["open", "invitation-only"])
def test_reply_queries_do_not_grow_with_the_followers(fund, topic, is_open):
    network = NetworkFactory(is_open=is_open)
    few, few_notified = _reply_queries(fund, topic, 5, 100, network=network)
    many, many_notified = _reply_queries(fund, topic, 20, 200, network=network)

    # The author and every follower hear of it; the outsider only where the network is open.
    assert few_notified == 1 + 5 + is_open and many_notified == 1 + 20 + is_open
    # The same count for 5 and 20 followers; whoever may read is decided for all at once.
    assert (few, many) == ((21, 21) if is_open else (23, 23))


def test_reply_queries_outside_a_network(fund, topic):
    few, few_notified = _reply_queries(fund, topic, 5, 100)
    many, many_notified = _reply_queries(fund, topic, 20, 200)
    assert few_notified == 7 and many_notified == 22
    assert (few, many) == (21, 21)


def _thread_queries(fund, topic, n, start):
    _followers(fund, n, start, topic=topic)
    author = make_user(organisation=fund, email=f"forfatter{start}@3f.example.dk")
    with CaptureQueriesContext(connection) as ctx:
        thread = make_thread(author=author, topic=topic, title=f"Ny tråd {start}")
    notified = Notification.objects.filter(thread=thread, kind=Notification.Kind.NEW_THREAD)
    return len(ctx.captured_queries), notified.count()


def test_new_thread_queries_do_not_grow_with_the_topic_followers(fund, topic):
    few, few_notified = _thread_queries(fund, topic, 5, 100)
    many, many_notified = _thread_queries(fund, topic, 20, 200)
    assert few_notified == 5 and many_notified == 25
    assert (few, many) == (20, 20)


def _mention_queries(fund, topic, network, n, start):
    author = make_user(organisation=fund, email=f"spoerger{start}@3f.example.dk")
    add_member(network, author)
    thread = make_thread(author=author, topic=topic, network=network, title=f"Nævnt {start}")
    handles = []
    for i in range(n):
        person = make_user(organisation=fund, email=f"naevnt{start + i}@3f.example.dk")
        if i % 2:
            add_member(network, person)
        handles.append(f"@naevnt{start + i}")
    with CaptureQueriesContext(connection) as ctx:
        post = forum.reply_create(author=author, thread=thread, body=" ".join(handles))
    mentioned = Notification.objects.filter(post=post, kind=Notification.Kind.MENTION).count()
    return len(ctx.captured_queries), mentioned


def test_mentions_in_a_reply_cost_the_same_however_many_are_named(fund, topic):
    """Who of the people named may read an invitation-only thread is decided for all at once;
    only its members are mentioned."""
    network = NetworkFactory(is_open=False)
    few, few_mentioned = _mention_queries(fund, topic, network, 4, 100)
    many, many_mentioned = _mention_queries(fund, topic, network, 16, 200)
    assert (few_mentioned, many_mentioned) == (2, 8)
    assert (few, many) == (24, 24), (few, many)
