"""Hooks: a single sign-on remembers how to sign out at the provider; "Log ud" uses it."""

import logging

from allauth.account.signals import user_logged_in
from allauth.socialaccount.providers.saml.utils import build_auth
from django.conf import settings
from django.dispatch import receiver
from django.utils.http import urlencode

from portal.accounts import hooks
from portal.core.models import AuditEvent
from portal.core.services import audit_record

from .models import IdentityProvider, Protocol

logger = logging.getLogger(__name__)

# What single logout needs from the sign-in: the provider's slug and protocol, for SAML the
# NameID (with its qualifiers) and SessionIndex, for OIDC the raw ID token and the
# end_session_endpoint. The ID token is a credential of this session only and goes with it.
SSO_SESSION = "portal_sso_session"


@receiver(user_logged_in)
def _sso_signed_in(sender, request, user, sociallogin=None, **kwargs):
    context = getattr(request, "sso_login", None)
    if sociallogin is None or context is None:
        request.session.pop(SSO_SESSION, None)
        return
    logout = getattr(request, "sso_logout", None)
    if logout:
        request.session[SSO_SESSION] = logout
    provider = context["provider"]
    audit_record(
        action=AuditEvent.Action.SSO_LOGIN,
        actor=user,
        subject_user=user,
        request=request,
        target=provider,
        identity_provider=provider.slug,
        level_of_assurance=context["loa"],
        second_factor_by_provider=context["mfa"],
    )


def _saml_logout_url(request, provider: IdentityProvider, data: dict) -> str | None:
    if not (provider.app.settings.get("idp") or {}).get("slo_url"):
        return None
    auth = build_auth(request, provider.app.get_provider(request))
    return auth.logout(
        return_to=f"{settings.SITE_URL}/",
        name_id=data.get("name_id"),
        session_index=data.get("session_index"),
        nq=data.get("name_id_nq"),
        name_id_format=data.get("name_id_format"),
        spnq=data.get("name_id_spnq"),
    )


def _oidc_logout_url(provider: IdentityProvider, data: dict) -> str | None:
    endpoint = data.get("end_session_endpoint")
    if not endpoint:
        return None
    params = {
        "post_logout_redirect_uri": f"{settings.SITE_URL}/",
        "client_id": provider.app.client_id,
    }
    if data.get("id_token"):
        params["id_token_hint"] = data["id_token"]
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"


@receiver(hooks.logout_redirect)
def _sso_logout_redirect(sender, request, **kwargs):
    """SP-initiated single logout: a LogoutRequest to the SAML IdP, or the OIDC provider's
    end_session_endpoint. The portal session ends first either way (allauth's logout)."""
    user = getattr(request, "user", None)
    data = request.session.get(SSO_SESSION) if user and user.is_authenticated else None
    if not data:
        return None
    provider = IdentityProvider.objects.select_related("app").filter(slug=data.get("slug")).first()
    if provider is None:
        return None
    try:
        if provider.protocol == Protocol.SAML:
            return _saml_logout_url(request, provider, data)
        return _oidc_logout_url(provider, data)
    except Exception:  # the portal session still ends; only the provider's stays
        logger.exception("Single logout at %s could not be started", provider.slug)
        return None
