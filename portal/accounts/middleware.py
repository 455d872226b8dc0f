"""Sign-in for each request, from the shared cache (user_cache.py), and the second factor that
admins and coordinators must enrol before they can use the portal, unless their identity
provider signed them in at "Substantial" or higher (accounts/sessions.py)."""

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject

from portal.core.cache import request_memo

from . import user_cache
from .sessions import mfa_satisfied_by_idp

# Paths a person without MFA may still reach: MFA set-up itself, signing out, static files.
_ALLOWED_PREFIXES = ("/konto/", "/static/", "/i18n/", "/healthz", "/api/")


class CachedAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware; the person comes from the cache when it has them."""

    def __call__(self, request):
        # What the request reads ahead of the cache is offered to its later reads (prefetch).
        with request_memo():
            return super().__call__(request)

    def process_request(self, request):
        super().process_request(request)
        user_cache.prefetch(request)
        request.user = SimpleLazyObject(lambda: user_cache.get_user(request))


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
            and not user_cache.has_totp(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
