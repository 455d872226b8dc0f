import pytest
from django.http import Http404

from portal.conftest import make_user
from portal.forum.models import Thread
from portal.notifications import selectors
from portal.notifications.models import Notification
from portal.notifications.services import notification_create_many, notification_mark_read
from portal.notifications.tests.factories import make_network, make_reply, make_thread

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


@pytest.fixture
def colleague(fund):
    return make_user(organisation=fund, full_name="Mette Hansen", email="mette@3f.example.dk")


def reply_notification(*, thread, recipient, actor, kind=Kind.REPLY):
    post = make_reply(thread=thread, author=actor)
    return notification_create_many(
        recipients=[recipient], kind=kind, actor=actor, thread=thread, post=post
    )[0]


def test_unread_count_counts_only_the_persons_unread_notifications(caseworker, colleague):
    thread = make_thread(author=caseworker)
    first = reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    reply_notification(thread=thread, recipient=colleague, actor=caseworker)
    assert selectors.notification_unread_count(user=caseworker) == 2
    notification_mark_read(user=caseworker, notification_ids=[first.pk])
    assert selectors.notification_unread_count(user=caseworker) == 1


def test_a_thread_moved_into_a_private_network_drops_out_of_list_and_count(caseworker, colleague):
    thread = make_thread(author=caseworker)
    reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    network = make_network(name="Lukket", is_open=False, members=[colleague])
    Thread.objects.filter(pk=thread.pk).update(network=network)
    assert selectors.notification_unread_count(user=caseworker) == 0
    assert list(selectors.notification_list_visible(user=caseworker)) == []


def test_members_of_a_private_network_keep_its_notifications(caseworker, colleague):
    network = make_network(name="Lukket", is_open=False, members=[caseworker, colleague])
    thread = make_thread(author=caseworker, network=network)
    reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    assert selectors.notification_unread_count(user=caseworker) == 1


def test_a_hidden_thread_or_post_drops_out_except_for_editors(fund, caseworker, colleague):
    editor = make_user(organisation=fund, roles=["editor"])
    thread = make_thread(author=caseworker)
    for_caseworker = reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    reply_notification(thread=thread, recipient=editor, actor=colleague)
    Thread.objects.filter(pk=thread.pk).update(is_hidden=True)
    assert selectors.notification_unread_count(user=caseworker) == 0
    assert selectors.notification_unread_count(user=editor) == 1
    Thread.objects.filter(pk=thread.pk).update(is_hidden=False)
    for_caseworker.post.is_hidden = True
    for_caseworker.post.save(update_fields=["is_hidden"])
    assert selectors.notification_unread_count(user=caseworker) == 0


def test_notifications_without_a_thread_stay_visible(caseworker, colleague):
    network = make_network(name="Åbent", members=[caseworker])
    notification_create_many(
        recipients=[caseworker], kind=Kind.NETWORK_ADDED, actor=colleague, network=network
    )
    assert selectors.notification_unread_count(user=caseworker) == 1


def test_a_private_networks_notification_drops_out_when_the_person_leaves(caseworker, colleague):
    network = make_network(name="Lukket", is_open=False, members=[caseworker])
    notification_create_many(
        recipients=[caseworker], kind=Kind.NETWORK_ADDED, actor=colleague, network=network
    )
    network.memberships.filter(user=caseworker).delete()
    assert selectors.notification_unread_count(user=caseworker) == 0


def test_unread_only_lists_the_unread_ones_newest_first(caseworker, colleague):
    thread = make_thread(author=caseworker)
    first = reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    second = reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    third = reply_notification(thread=thread, recipient=caseworker, actor=colleague)
    notification_mark_read(user=caseworker, notification_ids=[second.pk])
    assert list(selectors.notification_list_visible(user=caseworker)) == [third, second, first]
    assert list(selectors.notification_list_visible(user=caseworker, unread_only=True)) == [
        third,
        first,
    ]


def test_access_notification_is_404_for_someone_elses(caseworker, colleague):
    thread = make_thread(author=caseworker)
    theirs = reply_notification(thread=thread, recipient=colleague, actor=caseworker)
    with pytest.raises(Http404):
        selectors.access_notification(user=caseworker, notification_id=theirs.pk)
    assert selectors.access_notification(user=colleague, notification_id=theirs.pk) == theirs


def test_unread_count_stops_at_its_limit(caseworker, colleague):
    thread = make_thread(author=caseworker)
    Notification.objects.bulk_create(
        Notification(recipient=caseworker, kind=Kind.REPLY, actor=colleague, thread=thread)
        for _ in range(12)
    )
    assert selectors.notification_unread_count(user=caseworker, limit=10) == 10
    assert selectors.notification_unread_count(user=caseworker) == 12
