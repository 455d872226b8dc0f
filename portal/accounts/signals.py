"""Hooks from allauth into the accounts app."""

from allauth.account.signals import user_signed_up
from django.dispatch import receiver

from . import services


@receiver(user_signed_up)
def _signup_received(sender, request, user, **kwargs):
    """A self-sign-up waits for the organisation's administrator: tell them."""
    if user.approved_at is None:
        services.signup_received(user=user, request=request)
