"""Deployment checks that Django's own `check --deploy` does not know about."""

from django.conf import settings
from django.core.checks import Warning, register


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
