"""Keys read ahead for a request (core/cache.py warm, request_memo): the request's later reads
get what was read, without a round trip to Redis; a write in the request is seen by its next
read; nothing read ahead outlives the request; and a signed-in page reads the person's keys
with their session in one round trip."""

import os
import uuid

import pytest
from django.core.cache import cache

from portal.core import cache as resilient
from portal.core.cache import person_keys, request_memo, warm
from portal.notifications.selectors import bell_count_cache_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    settings.PORTAL_REQUEST_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"portal-test-{uuid.uuid4().hex}",
        }
    }
    resilient._down_until.clear()
    yield cache
    resilient._down_until.clear()


@pytest.fixture
def round_trips(redis_cache, monkeypatch):
    """The commands sent to Redis, by name."""
    client = redis_cache._cache.get_client(write=True)
    sent = []
    original = client.execute_command

    def counted(*args, **kwargs):
        sent.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(client, "execute_command", counted)
    return sent


def test_keys_read_ahead_are_served_from_the_memo_missing_ones_too(redis_cache, round_trips):
    redis_cache.set("stamp", 7)
    with request_memo():
        assert warm(["stamp", "gone", "page"], offer=["stamp", "gone"]) == {"stamp": 7}
        sent = len(round_trips)
        assert redis_cache.get("stamp") == 7
        assert redis_cache.get("gone", "default") == "default"
        assert redis_cache.get_many(["stamp", "gone"]) == {"stamp": 7}
        assert len(round_trips) == sent
        # A key not offered is read again, and only it.
        redis_cache.set("page", "markup")
        round_trips.clear()
        assert redis_cache.get_many(["stamp", "page"]) == {"stamp": 7, "page": "markup"}
        assert round_trips == ["MGET"]


@pytest.mark.parametrize(
    "write",
    [
        lambda c: c.set("stamp", 8),
        lambda c: c.set_many({"stamp": 8}),
        lambda c: c.add("stamp", 8) or c.set("stamp", 8),
        lambda c: c.incr("stamp"),
        lambda c: c.delete("stamp") and c.set("stamp", 8),
        lambda c: c.delete_many(["stamp"]) or c.set("stamp", 8),
    ],
    ids=["set", "set_many", "add", "incr", "delete", "delete_many"],
)
def test_a_write_in_the_request_is_seen_by_its_next_read(redis_cache, write):
    redis_cache.set("stamp", 7)
    with request_memo():
        warm(["stamp"])
        write(redis_cache)
        assert redis_cache.get("stamp") == 8
        assert redis_cache.get_many(["stamp"]) == {"stamp": 8}


def test_nothing_read_ahead_outlives_the_request_or_is_kept_outside_one(redis_cache):
    redis_cache.set("stamp", 7)
    with request_memo():
        warm(["stamp"])
    # Another process renews the stamp: the next request reads it anew.
    redis_cache._cache.set(redis_cache.make_and_validate_key("stamp"), 8, None)
    assert redis_cache.get("stamp") == 8
    warm(["stamp"])  # outside a request: a plain read, kept nowhere
    redis_cache._cache.set(redis_cache.make_and_validate_key("stamp"), 9, None)
    assert redis_cache.get("stamp") == 9


def test_a_signed_in_page_reads_the_persons_keys_with_the_session(
    redis_cache, settings, client, caseworker, round_trips
):
    settings.SESSION_ENGINE = "portal.accounts.session_engine"
    settings.PORTAL_SESSION_SEEN_IN_CACHE = True
    client.force_login(caseworker)
    client.get("/notifikationer/")
    client.get("/notifikationer/")
    assert bell_count_cache_key(caseworker.pk) in person_keys(caseworker.pk)
    round_trips.clear()
    response = client.get("/notifikationer/")
    assert response.status_code == 200
    # The session with the person's entry and keys; the bell's count was among them.
    assert round_trips[0] == "MGET"
    assert "GET" not in round_trips
