"""Production settings (config.settings.base) for the app servers and consumers of the
two-servers test (portal/core/tests/test_two_servers.py), with two differences:

- Everything the run keeps in Redis is under its own name (PORTAL_TEST_NAMESPACE): the queue,
  the periodic-task claims and the cache keys (and with them cached sessions). A run never
  sees what an earlier one left in the same Redis database, where the recreated test database
  may give other people the same ids.
- Static files without the manifest, so the test does not need `collectstatic` first; the
  pages' {% static %} links are not what the test is about.
"""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import CACHES, HUEY, STORAGES

# The test sets it per run; the default only lets the module be imported elsewhere (the CPR
# guard's test imports every module of the portal to find its forms).
_NAMESPACE = os.environ.get("PORTAL_TEST_NAMESPACE", "portal-two-servers")

HUEY = {**HUEY, "name": _NAMESPACE}
# Every Redis cache (the default, and any alias added for sessions or the request path).
CACHES = {
    alias: {**conf, "KEY_PREFIX": f"{_NAMESPACE}:{conf.get('KEY_PREFIX', '')}"}
    if "redis" in conf["BACKEND"].lower()
    else conf
    for alias, conf in CACHES.items()
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
