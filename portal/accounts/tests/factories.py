"""Test data for the accounts app, made through the services as people make it."""

from datetime import timedelta

from django.utils import timezone

from portal.accounts import services
from portal.accounts.models import Invitation


def invite(*, organisation, invited_by, email="ny@example.dk", roles=("caseworker",), **extra):
    """An invitation as an admin sends it; returns (invitation, raw token)."""
    return services.invitation_create(
        organisation=organisation, email=email, roles=list(roles), invited_by=invited_by, **extra
    )


def expire(invitation: Invitation) -> Invitation:
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save(update_fields=["expires_at"])
    return invitation


def sign_in_with_second_factor(client, *, email: str, password: str) -> None:
    """Sign in through the real pages: password, then the current code of the person's TOTP."""
    import time

    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from django.urls import reverse

    response = client.post(reverse("account_login"), {"login": email, "password": password})
    assert response.status_code == 302 and response.url == reverse("mfa_authenticate")
    secret = Authenticator.objects.get(user__email=email, type="totp").data["secret"]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302, response.content.decode()[:500]
    assert "_auth_user_id" in client.session
