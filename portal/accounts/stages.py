"""Login stages of our own: approval before sign-in, and the second factor unless an identity
provider already vouched for it."""

from allauth.account.stages import LoginStage
from allauth.mfa.stages import AuthenticateStage
from django.shortcuts import redirect

from .sessions import mfa_satisfied_by_idp


class ApprovalStage(LoginStage):
    """Runs after email verification, so the person first proves the address, then waits."""

    key = "portal_approval"

    def handle(self):
        if self.login.user.approved_at is None:
            return redirect("accounts:awaiting_approval"), False
        return None, True


class MfaAuthenticateStage(AuthenticateStage):
    """allauth's TOTP prompt, skipped for a single sign-on at "Substantial" or higher (the
    identity provider's sign-in was already two-factor). Only a social sign-in can be excused:
    a password sign-in in the same browser session always asks."""

    def _should_handle(self, request) -> bool:
        social = bool((self.login.signal_kwargs or {}).get("sociallogin"))
        if social and mfa_satisfied_by_idp(request, self.login.user):
            return False
        return super()._should_handle(request)
