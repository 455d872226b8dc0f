"""Audit hooks on authentication events sent by Django and allauth."""

from allauth.account.signals import password_changed, password_reset
from allauth.account.signals import user_logged_in as allauth_user_logged_in
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditEvent
from .services import audit_record


@receiver(user_logged_in)
def _audit_login(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def _audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditEvent.Action.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def _audit_login_failed(sender, credentials, request=None, **kwargs):
    email = (credentials.get("email") or credentials.get("username") or "")[:254]
    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    audit_record(
        action=AuditEvent.Action.LOGIN_FAILED, subject_user=user, request=request, email=email
    )


@receiver(authenticator_added)
def _audit_mfa_added(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditEvent.Action.MFA_ADDED, actor=user, request=request, type=authenticator.type
    )


@receiver(authenticator_removed)
def _audit_mfa_removed(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditEvent.Action.MFA_REMOVED, actor=user, request=request, type=authenticator.type
    )


@receiver(password_changed)
def _audit_password_changed(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.PASSWORD_CHANGED, actor=user, request=request)


@receiver(password_reset)
def _audit_password_reset(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.PASSWORD_RESET, actor=user, request=request)


@receiver(allauth_user_logged_in)
def _apply_preferred_language(sender, request, response, user, **kwargs):
    """Everyone reads the portal in their own language from the moment they sign in."""
    if response is not None and user.preferred_language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=False,
            samesite="Lax",
        )
