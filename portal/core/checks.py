"""Deployment checks that Django's own `check --deploy` does not know about."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import connection


@register(deploy=True)
def email_configured(app_configs, **kwargs):
    if settings.EMAIL_URL or settings.DEMO:
        return []
    return [
        Warning(
            "EMAIL_URL is not set: outside the demo, emails are only kept in the local outbox.",
            hint="Set EMAIL_URL=smtp://user:password@host:587 (or smtp+tls://...).",
            id="portal.W001",
        )
    ]


@register(Tags.database, deploy=True)
def cache_fallback_table(app_configs, databases=None, **kwargs):
    """With Redis, the database cache is the fallback while Redis is down: its table must
    exist before the outage, not be discovered missing during it."""
    if not databases or "fallback" not in settings.CACHES:
        return []
    table = settings.CACHES["fallback"].get("LOCATION", "")
    if table in connection.introspection.table_names():
        return []
    return [
        Warning(
            f"The cache table {table!r} does not exist: while Redis is unreachable, every "
            "cache call would fail.",
            hint="Run `manage.py createcachetable` after `migrate` on each release.",
            id="portal.W101",
        )
    ]
