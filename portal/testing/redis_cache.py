"""The default cache on the test run's Redis (REDIS_URL), as production configures it, for
tests of what only Redis does (a request's keys read ahead, the counts in a hash)."""

import os
import uuid
from contextlib import contextmanager

import pytest

from portal.core import cache as resilient


@contextmanager
def redis_cache(settings, *, fallback: bool = False):
    """The default cache on Redis under a key prefix of this test's own (tests run side by side
    on one Redis database), with a local fallback if asked; skips the test without REDIS_URL."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    default = {
        "BACKEND": "portal.core.cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": f"portal-test-{uuid.uuid4().hex}",
    }
    caches = {"default": default}
    if fallback:
        default["FALLBACK"] = "fallback"
        caches["fallback"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = caches
    resilient._down_until.clear()
    try:
        yield
    finally:
        resilient._down_until.clear()
