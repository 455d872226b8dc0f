"""The person's debate visit ("new since my last visit"): the same answers whether the visit is
read from the database or, with the request cache on, from the shared cache; the database is
written no more often either way (docs/decisions/0046-signed-in-request.md)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from portal.forum import services
from portal.forum.models import DebateVisit
from portal.forum.services import VISIT_GAP, VISIT_SEEN_EVERY, debate_visit_touch

pytestmark = pytest.mark.django_db

SECOND = timedelta(seconds=1)
# Minutes after the first page: pages within a visit, a page just before and just after
# VISIT_SEEN_EVERY and VISIT_GAP, and several visits.
PAGES = [0, 0.5, 1, 1.2, 30, 45, 104, 104.5, 200, 200.1, 263, 264, 500, 501, 501.5, 600]


@pytest.fixture(params=[False, True], ids=["database", "cache"])
def request_cache(request, settings):
    settings.PORTAL_REQUEST_CACHE = request.param
    return request.param


def _row(user):
    visit = DebateVisit.objects.get(user=user)
    return visit.last_seen_at, visit.previous_visit_at


def test_the_previous_visit_moves_only_after_an_hour_away(request_cache, caseworker):
    start = timezone.now()
    assert debate_visit_touch(user=caseworker, now=start) is None
    assert _row(caseworker) == (start, None)
    # Within VISIT_SEEN_EVERY nothing is written.
    assert debate_visit_touch(user=caseworker, now=start + VISIT_SEEN_EVERY - SECOND) is None
    assert _row(caseworker) == (start, None)
    # After it, the visit goes on: last seen moves, the previous visit does not.
    later = start + VISIT_SEEN_EVERY
    assert debate_visit_touch(user=caseworker, now=later) is None
    assert _row(caseworker) == (later, None)
    # An hour away: a new visit, the previous one ended when the person was last seen.
    back = later + VISIT_GAP
    assert debate_visit_touch(user=caseworker, now=back) == later
    assert _row(caseworker) == (back, later)
    assert debate_visit_touch(user=caseworker, now=back + SECOND) == later
    assert debate_visit_touch(user=caseworker, now=back + 2 * VISIT_GAP) == back


def test_the_cache_answers_as_the_database_does(settings, caseworker, colleague):
    start = timezone.now()
    for minutes in PAGES:
        now = start + timedelta(minutes=minutes)
        settings.PORTAL_REQUEST_CACHE = False
        from_database = debate_visit_touch(user=caseworker, now=now)
        settings.PORTAL_REQUEST_CACHE = True
        assert debate_visit_touch(user=colleague, now=now) == from_database, minutes
        assert _row(colleague) == _row(caseworker), minutes


def test_a_repeated_page_within_a_minute_asks_no_database(
    settings, caseworker, django_assert_num_queries
):
    settings.PORTAL_REQUEST_CACHE = True
    start = timezone.now()
    debate_visit_touch(user=caseworker, now=start)
    debate_visit_touch(user=caseworker, now=start + VISIT_GAP)
    with django_assert_num_queries(0):
        assert debate_visit_touch(user=caseworker, now=start + VISIT_GAP + SECOND) == start
        assert (
            debate_visit_touch(user=caseworker, now=start + VISIT_GAP + VISIT_SEEN_EVERY - SECOND)
            == start
        )
    # When the database must be written, one UPDATE is all it takes.
    with django_assert_num_queries(1):
        debate_visit_touch(user=caseworker, now=start + VISIT_GAP + VISIT_SEEN_EVERY)


def test_without_the_cache_a_page_reads_the_row_once(
    settings, caseworker, django_assert_num_queries
):
    """The pages' query pins (with the request cache off in the tests) stay as they were."""
    settings.PORTAL_REQUEST_CACHE = False
    start = timezone.now()
    debate_visit_touch(user=caseworker, now=start)
    with django_assert_num_queries(1):
        debate_visit_touch(user=caseworker, now=start + SECOND)


def test_a_lost_cache_falls_back_to_the_database(settings, caseworker):
    settings.PORTAL_REQUEST_CACHE = True
    start = timezone.now()
    debate_visit_touch(user=caseworker, now=start)
    back = start + 2 * VISIT_GAP
    assert debate_visit_touch(user=caseworker, now=back) == start
    cache.clear()
    assert debate_visit_touch(user=caseworker, now=back + SECOND) == start
    cache.clear()
    assert debate_visit_touch(user=caseworker, now=back + 2 * VISIT_GAP) == back
    assert _row(caseworker) == (back + 2 * VISIT_GAP, back)


def test_a_stale_cache_is_never_written_back(settings, caseworker):
    """Another app server wrote the row and this one's copy in the shared cache is older (a write
    to Redis lost while it could not be reached): the database decides."""
    settings.PORTAL_REQUEST_CACHE = True
    key = services.debate_visit_cache_key(caseworker.pk)
    start = timezone.now()
    debate_visit_touch(user=caseworker, now=start)
    stale = cache.get(key)
    in_the_visit = start + timedelta(minutes=30)
    debate_visit_touch(user=caseworker, now=in_the_visit)
    cache.set(key, stale)
    # From the stale copy two hours have passed; in truth only an hour and a half.
    now = start + timedelta(hours=2)
    assert debate_visit_touch(user=caseworker, now=now) == in_the_visit
    assert _row(caseworker) == (now, in_the_visit)
    assert cache.get(key) == (now, in_the_visit)


def test_a_cached_visit_whose_row_is_gone_starts_again(settings, caseworker):
    settings.PORTAL_REQUEST_CACHE = True
    start = timezone.now()
    debate_visit_touch(user=caseworker, now=start)
    DebateVisit.objects.filter(user=caseworker).delete()
    assert debate_visit_touch(user=caseworker, now=start + VISIT_GAP) is None
    assert _row(caseworker) == (start + VISIT_GAP, None)
