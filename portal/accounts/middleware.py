"""Admins and coordinators must enrol a second factor before they can use the portal, unless
their identity provider signed them in at "Substantial" or higher (accounts/sessions.py)."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect

from .sessions import mfa_satisfied_by_idp

# Paths a person without MFA may still reach: MFA set-up itself, signing out, static files.
_ALLOWED_PREFIXES = ("/konto/", "/static/", "/i18n/", "/healthz", "/api/")


class RequireMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and user.role_names.intersection(settings.PORTAL_MFA_REQUIRED_ROLES)
            and not mfa_satisfied_by_idp(request, user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
