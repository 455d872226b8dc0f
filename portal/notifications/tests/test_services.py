import pytest

from portal.conftest import make_user
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
