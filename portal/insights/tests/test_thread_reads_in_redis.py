"""Openings of a thread's page counted in Redis and added to the database every minute
(insights.services.thread_read_record / thread_reads_fold): none lost, none added twice, and
the database at once when Redis is not there."""

import pytest
from django.utils import timezone

from portal.core import cache as resilient
from portal.forum.tests.factories import make_thread
from portal.insights.models import DailyThreadReads
from portal.insights.services import thread_read_record, thread_reads_fold
from portal.testing.redis_cache import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_counting(settings):
    settings.PORTAL_REQUEST_CACHE = True
    with redis_cache(settings, fallback=True):
        yield


def _counts() -> dict:
    return dict(DailyThreadReads.objects.values_list("thread_id", "count"))


def test_openings_are_counted_in_redis_and_added_up_once(
    redis_counting, caseworker, django_assert_num_queries
):
    read, other = make_thread(author=caseworker), make_thread(author=caseworker)
    with django_assert_num_queries(0):
        for _ in range(3):
            thread_read_record(thread_id=read.pk)
        thread_read_record(thread_id=other.pk)
    assert _counts() == {}
    assert thread_reads_fold() == 4
    assert _counts() == {read.pk: 3, other.pk: 1}
    assert thread_reads_fold() == 0
    thread_read_record(thread_id=read.pk)
    assert thread_reads_fold() == 1
    assert _counts() == {read.pk: 4, other.pk: 1}
    assert DailyThreadReads.objects.get(thread=read).day == timezone.localdate()


def test_a_thread_deleted_before_the_fold_is_left_out(redis_counting, caseworker):
    kept, gone = make_thread(author=caseworker), make_thread(author=caseworker)
    thread_read_record(thread_id=kept.pk)
    thread_read_record(thread_id=gone.pk)
    gone.delete()
    assert thread_reads_fold() == 1
    assert _counts() == {kept.pk: 1}


def test_without_redis_each_opening_is_written_at_once(settings, caseworker):
    settings.PORTAL_REQUEST_CACHE = True  # the test cache is not Redis
    thread = make_thread(author=caseworker)
    thread_read_record(thread_id=thread.pk)
    thread_read_record(thread_id=thread.pk)
    assert _counts() == {thread.pk: 2}
    assert thread_reads_fold() == 0


def test_with_redis_down_each_opening_is_written_at_once(settings, caseworker):
    settings.PORTAL_REQUEST_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6390/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    resilient._down_until.clear()
    thread = make_thread(author=caseworker)
    try:
        thread_read_record(thread_id=thread.pk)
        thread_read_record(thread_id=thread.pk)  # Redis skipped now: no second attempt
    finally:
        resilient._down_until.clear()
    assert _counts() == {thread.pk: 2}
