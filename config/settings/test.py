"""Test settings: the same settings as production with a fast hasher and an inline queue."""

import os

os.environ.setdefault("PORTAL_DEMO", "1")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
# The tests' links do not follow a PORT the shell happens to have (the demo's do).
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from .base import *  # noqa: E402,F403
from .base import HUEY  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The pages' query pins count the person, roles, bell and debate visit from the database; the
# request cache's own tests (accounts/tests/test_signed_in_request.py,
# notifications/tests/test_bell_count.py, forum/tests/test_debate_visit.py) switch it on
# (docs/decisions/0046-signed-in-request.md).
PORTAL_REQUEST_CACHE = False
# Pages rendered in full, so their pins count their queries; the kept pages' own tests switch
# it on and compare the kept page with the full one (portal/core/tests/test_kept_pages.py).
PORTAL_KEPT_PAGES = False
# Likewise sessions from the database on both test runs, with or without REDIS_URL, so a page's
# pin is the same on SQLite and on PostgreSQL with Redis; those tests run both session set-ups,
# and the two-servers test runs production's (portal/core/tests/test_two_servers.py).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
PORTAL_SESSION_SEEN_IN_CACHE = False
# Tasks run inline, through Huey's real task machinery.
HUEY = {**HUEY, "immediate": True}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "portal.core.email_backends.OutboxBackend"
SECURE_SSL_REDIRECT = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # The test databases are thrown away after the run, so a commit need not wait for its WAL
    # record to reach the disk. Only the transactional tests commit (live server, concurrency,
    # each test's flush), and on a busy machine that wait is most of their time. Other
    # connections see a commit at once either way, so no test sees different data.
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
