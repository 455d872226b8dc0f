"""Hooks from allauth into the accounts app."""

from allauth.account.signals import email_confirmed, user_signed_up
from django.dispatch import receiver

from . import services


@receiver(user_signed_up)
def _signup_received(sender, request, user, **kwargs):
    """A self-sign-up waits for the organisation's administrator: record it."""
    if user.approved_at is None:
        services.signup_received(user=user, request=request)


@receiver(email_confirmed)
def _signup_email_confirmed(sender, request, email_address, **kwargs):
    """Only a verified address reaches the administrator's desk."""
    services.signup_email_verified(user=email_address.user, email=email_address.email)
