"""The bell's count comes from the cache on most pages and is forgotten whenever the person
gets a notification or reads one (docs/decisions/0046-signed-in-request.md)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal.conftest import make_user
from portal.notifications import selectors
from portal.notifications.models import Notification
from portal.notifications.services import notification_create_many, notification_mark_read
from portal.notifications.tests.factories import make_reply, make_thread

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


@pytest.fixture(autouse=True)
def _request_cache(settings):
    settings.PORTAL_REQUEST_CACHE = True


@pytest.fixture
def mette(fund):
    return make_user(organisation=fund, full_name="Mette Hansen")


def notify(*, thread, recipient, actor):
    post = make_reply(thread=thread, author=actor)
    return notification_create_many(
        recipients=[recipient], kind=Kind.REPLY, actor=actor, thread=thread, post=post
    )[0]


def test_the_count_is_asked_of_the_database_once(caseworker, mette, django_assert_num_queries):
    notify(thread=make_thread(author=caseworker), recipient=caseworker, actor=mette)
    assert selectors.notification_bell_count(user=caseworker) == 1
    with django_assert_num_queries(0):
        assert selectors.notification_bell_count(user=caseworker) == 1


def test_a_new_notification_counts_at_once(caseworker, mette):
    thread = make_thread(author=caseworker)
    assert selectors.notification_bell_count(user=caseworker) == 0
    notify(thread=thread, recipient=caseworker, actor=mette)
    assert selectors.notification_bell_count(user=caseworker) == 1


def test_reading_one_or_all_counts_at_once(caseworker, mette):
    thread = make_thread(author=caseworker)
    first, _second, _third = (
        notify(thread=thread, recipient=caseworker, actor=mette) for _ in range(3)
    )
    assert selectors.notification_bell_count(user=caseworker) == 3
    notification_mark_read(user=caseworker, notification_ids=[first.pk])
    assert selectors.notification_bell_count(user=caseworker) == 2
    notification_mark_read(user=caseworker)
    assert selectors.notification_bell_count(user=caseworker) == 0


def test_each_persons_count_is_their_own(caseworker, mette):
    thread = make_thread(author=caseworker)
    assert selectors.notification_bell_count(user=mette) == 0
    notify(thread=thread, recipient=caseworker, actor=mette)
    assert selectors.notification_bell_count(user=caseworker) == 1
    assert selectors.notification_bell_count(user=mette) == 0


def test_the_bell_on_the_page_follows_reading(caseworker, mette, client_for):
    notification = notify(thread=make_thread(author=caseworker), recipient=caseworker, actor=mette)
    client = client_for(caseworker)
    assert "1 ulæst notifikation" in client.get("/").content.decode()
    client.post(reverse("notifications:notification_open", args=[notification.pk]))
    assert "1 ulæst notifikation" not in client.get("/").content.decode()


def test_a_change_made_elsewhere_shows_when_the_cached_count_expires(caseworker, mette):
    notify(thread=make_thread(author=caseworker), recipient=caseworker, actor=mette)
    assert selectors.notification_bell_count(user=caseworker) == 1
    Notification.objects.filter(recipient=caseworker).delete()  # e.g. the thread deleted
    assert selectors.notification_bell_count(user=caseworker) == 1
    cache.delete(selectors.bell_count_cache_key(caseworker.pk))  # BELL_COUNT_CACHE_SECONDS on
    assert selectors.notification_bell_count(user=caseworker) == 0
