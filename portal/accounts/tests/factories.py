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
