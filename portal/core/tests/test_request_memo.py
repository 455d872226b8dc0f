"""Keys read ahead for a request (core/cache.py warm, request_memo): the request's later reads
get what was read, without a round trip to Redis; a write in the request is seen by its next
read; nothing read ahead outlives the request; and a signed-in page reads the person's keys
with their session in one round trip."""

import pytest
from django.core.cache import cache

from portal.core.cache import person_keys, request_memo, warm
from portal.notifications.selectors import bell_count_cache_key
from portal.testing.redis_cache import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis(settings):
    settings.PORTAL_REQUEST_CACHE = True
    with redis_cache(settings):
        yield cache


@pytest.fixture
def round_trips(redis, monkeypatch):
    """The commands sent to Redis, by name."""
    client = redis._cache.get_client(write=True)
    sent = []
    original = client.execute_command

    def counted(*args, **kwargs):
        sent.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(client, "execute_command", counted)
    return sent


def test_keys_read_ahead_are_served_from_the_memo_missing_ones_too(redis, round_trips):
    redis.set("stamp", 7)
    with request_memo():
        assert warm(["stamp", "gone", "page"], offer=["stamp", "gone"]) == {"stamp": 7}
        sent = len(round_trips)
        assert redis.get("stamp") == 7
        assert redis.get("gone", "default") == "default"
        assert redis.get_many(["stamp", "gone"]) == {"stamp": 7}
        assert len(round_trips) == sent
        # A key not offered is read again, and only it.
        redis.set("page", "markup")
        round_trips.clear()
        assert redis.get_many(["stamp", "page"]) == {"stamp": 7, "page": "markup"}
        assert round_trips == ["MGET"]


def _elsewhere(c, value=None) -> bool:
    """The stamp deleted (or set) straight in Redis, as another process would: not a write of
    this request's."""
    key = c.make_and_validate_key("stamp")
    if value is None:
        return c._cache.delete(key)
    c._cache.set(key, value, None)
    return True


@pytest.mark.parametrize(
    "write",
    [
        lambda c: c.set("stamp", 8),
        lambda c: c.set_many({"stamp": 8}),
        lambda c: _elsewhere(c) and c.add("stamp", 8),
        lambda c: c.incr("stamp"),
        lambda c: c.delete("stamp") and _elsewhere(c, 8),
        lambda c: c.delete_many(["stamp"]) or _elsewhere(c, 8),
    ],
    ids=["set", "set_many", "add", "incr", "delete", "delete_many"],
)
def test_a_write_in_the_request_is_seen_by_its_next_read(redis, write):
    redis.set("stamp", 7)
    with request_memo():
        warm(["stamp"])
        write(redis)
        assert redis.get("stamp") == 8
        assert redis.get_many(["stamp"]) == {"stamp": 8}


def test_nothing_read_ahead_outlives_the_request_or_is_kept_outside_one(redis):
    redis.set("stamp", 7)
    with request_memo():
        warm(["stamp"])
    # Another process renews the stamp: the next request reads it anew.
    redis._cache.set(redis.make_and_validate_key("stamp"), 8, None)
    assert redis.get("stamp") == 8
    warm(["stamp"])  # outside a request: a plain read, kept nowhere
    redis._cache.set(redis.make_and_validate_key("stamp"), 9, None)
    assert redis.get("stamp") == 9


def test_a_signed_in_page_reads_the_persons_keys_with_the_session(
    redis, settings, client, caseworker, round_trips
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
