"""Sessions in the database, read from the shared cache (SESSION_ENGINE when REDIS_URL is set).

Django's cached_db: every write goes to the database and then to the cache; a read is served by
the cache and goes to the database only on a miss. The database row stays the truth, so an
emptied or restarted Redis signs nobody out, and signing out, "end other sessions" and allauth's
session list (which delete through this store) remove both copies.

One change: the cache keeps a session for at most CACHE_SECONDS instead of the session's whole
lifetime (two weeks). While this process cannot reach Redis the cache falls through to the
database cache (portal/core/cache.py), so a session ended then is deleted from the database
but may still sit in Redis; the cap bounds how long another process could still read it there.
One database read per session per CACHE_SECONDS is the price.
"""

from django.contrib.sessions.backends import cached_db

CACHE_SECONDS = 600


class _CappedCache:
    """The cache, with every timeout cut to `seconds`."""

    def __init__(self, cache, seconds):
        self._cache = cache
        self._seconds = seconds

    def set(self, key, value, timeout=None, **kwargs):
        if timeout is None or timeout > self._seconds:
            timeout = self._seconds
        return self._cache.set(key, value, timeout, **kwargs)

    def __contains__(self, key):
        return key in self._cache

    def __getattr__(self, name):
        return getattr(self._cache, name)


class SessionStore(cached_db.SessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _CappedCache(self._cache, CACHE_SECONDS)
