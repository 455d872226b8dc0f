"""A Redis cache that survives Redis being down.

Nothing the portal keeps in the cache is the only copy of anything: the thread list's cached
pages are rebuilt from the database, and allauth's rate limits and used TOTP codes are
counters with a lifetime of minutes. So when Redis cannot be reached, every operation goes to
a fallback cache (the database cache, shared by every process, so rate limits keep holding and
a TOTP code still cannot be used twice) instead of failing the request with a 500.

After a connection error the backend skips Redis for RETRY_AFTER seconds (per process), so
that an outage costs one failed connection attempt per process and interval, not one per
cache call. Without a FALLBACK, a failed call is a miss (reads) or is dropped (writes).
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What "Redis is unreachable" looks like; any other error is a bug and must surface.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)

# Per process and Redis location: until when Redis is skipped (Django makes one cache object
# per thread, so this cannot live on the object).
_down_until: dict[str, float] = {}
_lock = threading.Lock()

# The answer of each operation when there is neither Redis nor a fallback.
_MISS = {
    "get_many": lambda *a, **k: {},
    "has_key": lambda *a, **k: False,
    # True: a code or lock "taken" in a cache nobody shares is the lesser evil than refusing
    # every sign-in with two-factor (allauth's TOTP check is cache.add()).
    "add": lambda *a, **k: True,
    "set": lambda *a, **k: None,
    "set_many": lambda *a, **k: [],
    "touch": lambda *a, **k: False,
    "delete": lambda *a, **k: False,
    "delete_many": lambda *a, **k: None,
    "clear": lambda *a, **k: None,
}


class _ClientKeptRedisCacheClient(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every cache call, and each one sets up its
    ~160 response callbacks: measured, a fifth of a kept page's time went there (six calls a
    page). One `redis.Redis` per connection pool serves every call instead: redis-py's client
    is safe to share, its pool hands out the connections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


# Keys read ahead for this request (`warm`): what each later read of them in the request gets,
# without a round trip; None outside a request's `request_memo`.
_memo: ContextVar[dict | None] = ContextVar("portal_cache_memo", default=None)
_ABSENT = object()
# Who adds keys to the request's first read (`person_keys`): each app its own, by person.
_person_keys: list[Callable[[int], Iterable[str]]] = []


@contextmanager
def request_memo():
    """Scope of one request: keys warmed inside are offered to the request's later reads."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def register_person_keys(keys: Callable[[int], Iterable[str]]) -> None:
    """`keys(user_id)`: cache keys most signed-in pages of the person read (a version stamp, a
    count), read with the session in the request's first round trip (accounts/user_cache.py)."""
    _person_keys.append(keys)


def person_keys(user_id: int) -> list[str]:
    return [key for keys in _person_keys for key in keys(user_id)]


def warm(keys: Iterable[str], *, offer: Iterable[str] | None = None, alias="default") -> dict:
    """`cache.get_many(keys)`, and, inside a request's memo on Redis, what it found (or did not)
    of `offer` (default: all keys) offered to the request's later reads of those keys: several
    parts of a page read in one round trip what each asks for on its own. A write to a key in
    the request forgets it. Offer only values nobody changes in place (stamps, counts, tuples):
    every later read gets the same object."""
    keys = list(keys)
    backend = caches[alias]
    found = backend.get_many(keys)
    memo = _memo.get()
    if memo is not None and isinstance(backend, ResilientRedisCache):
        for key in keys if offer is None else offer:
            memo[(backend._location, key)] = found.get(key, _ABSENT)
    return found


def offered(keys: Sequence[str], alias: str = "default") -> dict | None:
    """What the request's memo holds of `keys` (absent ones left out), if it holds every one of
    them: a caller may then decide without a round trip; else None."""
    memo = _memo.get()
    backend = caches[alias]
    if not memo or not isinstance(backend, ResilientRedisCache):
        return None
    found = {}
    for key in keys:
        value = memo.get((backend._location, key), None)
        if value is None:
            return None
        if value is not _ABSENT:
            found[key] = value
    return found


def read_ahead(keys: Iterable[str], alias: str = "default") -> None:
    """warm(keys) where the request's later reads can be offered what it reads (a request's
    memo, on Redis); elsewhere nothing, as each read then goes its own way anyway."""
    if _memo.get() is not None and isinstance(caches[alias], ResilientRedisCache):
        warm(keys, alias=alias)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; a connection error falls through to the FALLBACK cache alias."""

    def __init__(self, server, params):
        params = dict(params)
        self._fallback_alias = params.pop("FALLBACK", None)
        self._retry_after = float(params.pop("RETRY_AFTER", 30))
        self._location = str(server)
        super().__init__(server, params)
        self._class = _ClientKeptRedisCacheClient

    def validate_key(self, key):
        """Django's check warns of keys memcached would refuse (long, with spaces or control
        characters); Redis takes any key, and the check was a tenth of a signed-in request's
        time (nineteen keys read with the session, character by character)."""

    @property
    def redis_is_skipped(self) -> bool:
        return time.monotonic() < _down_until.get(self._location, 0.0)

    def _mark_down(self, operation: str, error: Exception) -> None:
        with _lock:
            first = not self.redis_is_skipped
            _down_until[self._location] = time.monotonic() + self._retry_after
        if first:
            logger.warning(
                "cache: Redis unreachable (%s on %s: %s); using %s for %.0f s",
                error.__class__.__name__,
                operation,
                error,
                f"the {self._fallback_alias!r} cache" if self._fallback_alias else "no cache",
                self._retry_after,
            )

    def _degraded(self, operation: str, *args, **kwargs):
        if self._fallback_alias:
            return getattr(caches[self._fallback_alias], operation)(*args, **kwargs)
        if operation == "incr":
            raise ValueError("Key not found (the cache is unavailable).")
        if operation == "get":
            return kwargs.get("default", args[1] if len(args) > 1 else None)
        return _MISS[operation](*args, **kwargs)

    def _call(self, operation: str, *args, **kwargs):
        if self.redis_is_skipped:
            return self._degraded(operation, *args, **kwargs)
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNAVAILABLE as error:
            self._mark_down(operation, error)
            return self._degraded(operation, *args, **kwargs)

    def _forget(self, keys) -> None:
        """A write in the request: its later reads of these keys go to Redis again."""
        memo = _memo.get()
        if memo:
            for key in keys:
                memo.pop((self._location, key), None)

    def add(self, key, *args, **kwargs):
        self._forget([key])
        return self._call("add", key, *args, **kwargs)

    def get(self, key, default=None, version=None):
        memo = _memo.get()
        if memo and version is None:
            value = memo.get((self._location, key), None)
            if value is not None:
                return default if value is _ABSENT else value
        return self._call("get", key, default, version)

    def set(self, key, *args, **kwargs):
        self._forget([key])
        return self._call("set", key, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        self._forget([key])
        return self._call("delete", key, *args, **kwargs)

    def get_many(self, keys, version=None):
        memo = _memo.get()
        if not memo or version is not None:
            return self._call("get_many", keys, version)
        keys = list(keys)
        found, rest = {}, []
        for key in keys:
            value = memo.get((self._location, key), None)
            if value is None:
                rest.append(key)
            elif value is not _ABSENT:
                found[key] = value
        if rest:
            found.update(self._call("get_many", rest, version))
        return found

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, key, *args, **kwargs):
        self._forget([key])
        return self._call("incr", key, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        self._forget(list(data))
        return self._call("set_many", data, *args, **kwargs)

    def delete_many(self, keys, *args, **kwargs):
        keys = list(keys)
        self._forget(keys)
        return self._call("delete_many", keys, *args, **kwargs)

    def clear(self, *args, **kwargs):
        memo = _memo.get()
        if memo:
            memo.clear()
        return self._call("clear", *args, **kwargs)


def redis_client(alias: str = "default"):
    """The `redis.Redis` behind a cache alias, for what Django's cache API cannot say (a hash's
    increment); None when that cache is not Redis or Redis is being skipped after an error."""
    backend = caches[alias]
    if not isinstance(backend, ResilientRedisCache) or backend.redis_is_skipped:
        return None
    return backend._cache.get_client(write=True)


def redis_down(backend_alias: str, operation: str, error: Exception) -> None:
    """Report a failed raw call like a failed cache call: Redis is skipped for a while."""
    backend = caches[backend_alias]
    if isinstance(backend, ResilientRedisCache):
        backend._mark_down(operation, error)
