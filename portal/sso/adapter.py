"""allauth's social-account hooks for single sign-on: who an identity provider may sign in, the
just-in-time account, and a Danish page for every refusal.

Every check runs in `pre_social_login`, which allauth calls after the protocol is verified
(SAML signature, audience, recipient, validity; the OIDC token) and before anyone is signed in
or created; a refusal raises ImmediateHttpResponse, so nobody is signed in.
"""

import logging

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.accounts.sessions import MFA_SATISFIED_BY_IDP
from portal.core.models import Organisation

from . import claims as claims_
from . import services
from .models import IdentityProvider
from .refusals import Refusal, refused_response

logger = logging.getLogger(__name__)


def identity_provider_of(provider) -> IdentityProvider | None:
    """The portal's identity provider behind an allauth provider instance (its app's slug)."""
    app = getattr(provider, "app", None)
    if app is None or not app.pk:
        return None
    # Asked several times per sign-in (allauth's hooks); read once per app instance.
    if not hasattr(app, "_portal_identity_provider"):
        app._portal_identity_provider = (
            IdentityProvider.objects.select_related("organisation").filter(app_id=app.pk).first()
        )
    return app._portal_identity_provider


def _domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


class SsoSocialAccountAdapter(DefaultSocialAccountAdapter):
    # --- Which organisation, and may this provider vouch for this person --------------------

    def _decide(self, request, sociallogin):
        """(identity provider, organisation, claims, email) or raise Refusal."""
        provider = identity_provider_of(sociallogin.provider)
        if provider is None:
            raise Refusal("provider_unknown")
        if not provider.is_active:
            raise Refusal("provider_inactive", provider)
        claims = claims_.claims_of(sociallogin.account.extra_data)
        # What the provider asserts now (for a person found by the provider's uid, allauth has
        # already swapped in the stored person, whose address may differ).
        asserted = [a.email for a in sociallogin.email_addresses if a.email]
        email = (asserted[0] if asserted else sociallogin.user.email or "").strip().lower()
        if not email:
            raise Refusal("email_missing", provider)
        cvr = claims_.cvr(claims)
        organisation = provider.organisation
        if provider.is_broker and not cvr:
            raise Refusal("cvr_missing", provider, email=email)
        if cvr:
            by_cvr = Organisation.objects.filter(cvr=cvr).first()
            if by_cvr is None:
                raise Refusal("cvr_unknown", provider, email=email, cvr=cvr)
            if not provider.is_broker and by_cvr.pk != organisation.pk:
                raise Refusal("cvr_mismatch", provider, email=email, cvr=cvr)
            organisation = by_cvr
        if _domain(email) not in organisation.domain_list:
            raise Refusal("email_domain", provider, email=email)
        existing = sociallogin.user if sociallogin.user.pk else None
        if existing is None:
            existing = get_user_model().objects.filter(email__iexact=email).first()
        if existing is not None:
            if existing.organisation_id != organisation.pk:
                raise Refusal("organisation_mismatch", provider, email=email)
            if not existing.is_active:
                raise Refusal("person_inactive", provider, email=email)
            if existing.email.lower() != email:
                # Found by the provider's uid, but the provider now names another address.
                raise Refusal("email_changed", provider, email=email)
        return provider, organisation, claims, email

    def pre_social_login(self, request, sociallogin):
        try:
            provider, organisation, claims, email = self._decide(request, sociallogin)
        except Refusal as refusal:
            raise ImmediateHttpResponse(refused_response(request, refusal)) from None
        roles = claims_.roles_from(
            claims, attribute=provider.role_attribute, role_map=provider.role_map or {}
        )
        # What save_user (a new person) and the sign-in receiver need, for this request only.
        request.sso_login = {
            "provider": provider,
            "organisation": organisation,
            "roles": roles,
            "loa": claims_.level_of_assurance(claims),
            "mfa": claims_.loa_satisfies_mfa(claims),
        }
        if request.sso_login["mfa"]:
            request.session[MFA_SATISFIED_BY_IDP] = email
        else:
            request.session.pop(MFA_SATISFIED_BY_IDP, None)
        if sociallogin.user.pk:
            services.sso_person_synced(
                user=sociallogin.user,
                identity_provider=provider,
                full_name=self._full_name(sociallogin, claims),
                roles=roles,
                request=request,
            )

    # --- The email address: the provider vouches, within its organisation's domains ---------

    def is_email_verified(self, provider, email) -> bool:
        return identity_provider_of(provider) is not None

    def can_authenticate_by_email(self, login, email) -> bool:
        """An existing person with the address is connected only when the address's domain is
        one of the provider's organisations' (pre_social_login then checks the person's
        organisation too)."""
        provider = identity_provider_of(login.provider)
        if provider is None or not provider.is_active:
            return False
        domain = _domain(email)
        if provider.is_broker:
            return Organisation.objects.filter(email_domains__icontains=domain).exists()
        return domain in provider.organisation.domain_list

    # --- Just-in-time accounts --------------------------------------------------------------

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return identity_provider_of(sociallogin.provider) is not None

    def is_open_for_signup(self, request, sociallogin) -> bool:
        return identity_provider_of(sociallogin.provider) is not None

    @staticmethod
    def _full_name(sociallogin, claims) -> str:
        """The name the provider gives now (an existing person's row still has the old one)."""
        mapping = services.SAML_ATTRIBUTE_MAPPING
        full = claims_.first(claims, [*mapping["full_name"], "name"])
        if not full:
            first = claims_.first(claims, [*mapping["first_name"], "given_name"])
            last = claims_.first(claims, [*mapping["last_name"], "family_name"])
            full = f"{first} {last}"
        return " ".join(full.split()) or sociallogin.user.full_name

    def populate_user(self, request, sociallogin, data):
        user = sociallogin.user
        user.email = (data.get("email") or "").strip().lower()
        first, last = data.get("first_name") or "", data.get("last_name") or ""
        full = data.get("full_name") or data.get("name") or f"{first} {last}"
        user.full_name = " ".join(str(full).split())[:200]
        return user

    def save_user(self, request, sociallogin, form=None):
        context = getattr(request, "sso_login", None)
        if context is None:  # pre_social_login always runs first; never create without it
            raise ImmediateHttpResponse(refused_response(request, Refusal("provider_unknown")))
        user = sociallogin.user
        user.organisation = context["organisation"]
        user.approved_at = timezone.now()
        user = super().save_user(request, sociallogin, form)
        services.sso_person_created(
            user=user,
            identity_provider=context["provider"],
            roles=context["roles"],
            request=request,
        )
        return user

    # --- Errors of the protocol itself (signature, audience, expiry, IdP-initiated) ---------

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        identity_provider = identity_provider_of(provider) if provider else None
        extra_context = extra_context or {}
        detail = {
            "error": str(error or ""),
            "saml_errors": list(extra_context.get("saml_errors") or []),
            "saml_reason": str(extra_context.get("saml_last_error_reason") or "")[:300],
        }
        if exception is not None:
            detail["exception"] = str(exception)[:300]
        logger.warning("SSO sign-in refused by the protocol: %s", detail)
        reason = "cancelled" if error == AuthError.CANCELLED else "invalid_response"
        raise ImmediateHttpResponse(
            refused_response(request, Refusal(reason, identity_provider, **detail))
        )
