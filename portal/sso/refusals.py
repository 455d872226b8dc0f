"""A refused single sign-on: why, in Danish for the person, and in the audit log."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import services

MESSAGES = {
    "invalid_response": _(
        "The answer from your organisation's identity provider could not be verified (its "
        "signature, recipient, audience or period of validity was not right)."
    ),
    "cancelled": _("The sign-in at your organisation's identity provider was cancelled."),
    "replayed": _(
        "This answer from the identity provider has already been used once. Start the sign-in "
        "again."
    ),
    "state_missing": _(
        "The answer from the identity provider does not match a sign-in started in this "
        "browser. Start the sign-in again from the portal."
    ),
    "provider_unknown": _("The portal does not know this identity provider."),
    "provider_inactive": _(
        "Sign-in through your organisation's identity provider is switched off. Sign in with "
        "your email address and password instead."
    ),
    "email_missing": _("The identity provider did not send your email address."),
    "email_domain": _(
        "The identity provider sent an email address outside your organisation's email domains."
    ),
    "email_changed": _(
        "The identity provider now sends another email address for you than the one your "
        "account has. Ask your organisation's administrator."
    ),
    "cvr_missing": _(
        "The identity provider did not say which organisation (CVR number) you sign in for."
    ),
    "cvr_unknown": _(
        "No organisation in the portal has the CVR number the identity provider sent."
    ),
    "cvr_mismatch": _(
        "The CVR number the identity provider sent belongs to another organisation than the "
        "identity provider's."
    ),
    "organisation_mismatch": _(
        "A person with your email address belongs to another organisation in the portal."
    ),
    "person_inactive": _("Your account in the portal has been deactivated."),
}


class Refusal(Exception):
    def __init__(self, code: str, identity_provider=None, *, email: str = "", **detail):
        super().__init__(code)
        self.code = code
        self.identity_provider = identity_provider
        self.email = email
        self.detail = detail

    @property
    def message(self):
        return MESSAGES.get(self.code, MESSAGES["invalid_response"])


def refused_response(request, refusal: Refusal):
    """Audit the refusal and render the Danish page; nobody is signed in."""
    services.sso_login_refused(
        reason=refusal.code,
        identity_provider=refusal.identity_provider,
        request=request,
        email=refusal.email,
        **refusal.detail,
    )
    return render(
        request,
        "socialaccount/authentication_error.html",
        {"refusal": refusal, "identity_provider": refusal.identity_provider},
        status=403,
    )
