import pytest

from portal.conftest import make_user
from portal.core.models import User
from portal.forum.models import Thread
from portal.notifications.models import Notification
from portal.notifications.services import notification_create_many, notification_mark_read
from portal.notifications.tests.factories import make_network, make_reply, make_thread

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


@pytest.fixture
def colleague(fund):
    return make_user(organisation=fund, full_name="Mette Hansen")


def test_notification_create_many_skips_the_actor_duplicates_and_inactive_people(
    fund, caseworker, colleague
):
    stopped = make_user(organisation=fund, is_active=False)
    thread = make_thread(author=caseworker)
    post = make_reply(thread=thread, author=colleague)
    created = notification_create_many(
        recipients=[caseworker, caseworker, colleague, stopped, None],
        kind=Kind.REPLY,
        actor=colleague,
        thread=thread,
        post=post,
    )
    assert [n.recipient for n in created] == [caseworker]


def test_notification_create_many_skips_people_who_may_not_read_the_thread(caseworker, colleague):
    network = make_network(name="Lukket", is_open=False, members=[colleague])
    thread = make_thread(author=colleague, network=network)
    created = notification_create_many(
        recipients=[caseworker], kind=Kind.MENTION, actor=colleague, thread=thread
    )
    assert created == []


def test_a_hidden_thread_is_notified_only_to_moderators_in_one_query_for_all(
    fund, caseworker, colleague, django_assert_num_queries
):
    editor = make_user(organisation=fund, roles=["caseworker", "editor"])
    thread = make_thread(author=caseworker)
    Thread.objects.filter(pk=thread.pk).update(is_hidden=True)
    thread.refresh_from_db()
    recipients = list(
        User.objects.filter(pk__in=[caseworker.pk, colleague.pk, editor.pk]).order_by("pk")
    )
    # One query for everyone's roles and one bulk insert (in a savepoint and its release).
    with django_assert_num_queries(4):
        created = notification_create_many(recipients=recipients, kind=Kind.REPLY, thread=thread)
    assert [n.recipient for n in created] == [editor]


def test_only_members_of_a_network_by_invitation_are_notified_in_one_query_for_all(
    caseworker, colleague, fund, django_assert_num_queries
):
    member = make_user(organisation=fund)
    network = make_network(name="Lukket", is_open=False, members=[colleague, member])
    thread = make_thread(author=colleague, network=network)
    thread = Thread.objects.select_related("network").get(pk=thread.pk)
    # One query for everyone's memberships and one bulk insert (in a savepoint and its release).
    with django_assert_num_queries(4):
        created = notification_create_many(
            recipients=[caseworker, member], kind=Kind.REPLY, actor=colleague, thread=thread
        )
    assert [n.recipient for n in created] == [member]


def test_mark_read_marks_only_the_persons_own_notifications(caseworker, colleague):
    thread = make_thread(author=caseworker)
    mine = notification_create_many(recipients=[caseworker], kind=Kind.REPLY, thread=thread)[0]
    theirs = notification_create_many(recipients=[colleague], kind=Kind.REPLY, thread=thread)[0]
    assert notification_mark_read(user=caseworker, notification_ids=[mine.pk, theirs.pk]) == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None
    assert theirs.read_at is None


def test_mark_read_without_ids_marks_all_and_keeps_the_first_reading_time(caseworker, colleague):
    thread = make_thread(author=caseworker)
    first, second = (
        notification_create_many(recipients=[caseworker], kind=Kind.REPLY, thread=thread)[0]
        for _ in range(2)
    )
    notification_mark_read(user=caseworker, notification_ids=[first.pk])
    first.refresh_from_db()
    read_at = first.read_at
    assert notification_mark_read(user=caseworker) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at == read_at
    assert second.read_at is not None
