"""allauth hooks: who may sign up, approval before first sign-in, and email through the portal."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied

from portal.core.email import email_send_rendered
from portal.core.http import client_ip

from . import hooks, selectors, sign_in_throttle


class PortalAccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        email = super().clean_email(email).strip().lower()
        return email

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.organisation = selectors.organisation_for_email(email=user.email)
        user.full_name = form.cleaned_data.get("full_name", "")
        user.approved_at = None
        if commit:
            user.save()
        return user

    def get_client_ip(self, request) -> str:
        """allauth's rate limits and session list use the portal's one reading of the client IP."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def pre_authenticate(self, request, **credentials) -> None:
        """Growing delays per account and per IP instead of allauth's fixed-window lockout."""
        self._sign_in_attempt = sign_in_throttle.password_attempt_begin(
            request=request, email=credentials.get("email", "")
        )

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            sign_in_throttle.attempt_succeeded(self._sign_in_attempt)
        return user

    def authentication_failed(self, request, **credentials) -> None:
        sign_in_throttle.attempt_failed(self._sign_in_attempt)

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        """A completed password reset gives the account a fresh start (allauth's own hook)."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        sign_in_throttle.account_clear(email=credentials.get("email", ""))

    def get_login_stages(self) -> list[str]:
        """Approval comes right after email verification and before the second factor."""
        stages = super().get_login_stages()
        after = stages.index("allauth.account.stages.EmailVerificationStage") + 1
        stages = [*stages[:after], "portal.accounts.stages.ApprovalStage", *stages[after:]]
        # The TOTP prompt knows when an identity provider already gave the second factor.
        return [
            "portal.accounts.stages.MfaAuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in stages
        ]

    def get_logout_redirect_url(self, request) -> str:
        """Where "Log ud" goes: the identity provider's logout when the session came from
        single sign-on (an app above answers through the hook), else allauth's default.
        allauth asks before it ends the session, so the session still tells."""
        for _receiver, url in hooks.logout_redirect.send(sender=self.__class__, request=request):
            if url:
                return url
        return super().get_logout_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Route allauth's emails (codes, resets, verification) through the portal's one sender."""
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        msg = self.render_mail(template_prefix, email, ctx)
        html = next(
            (c for c, mime in getattr(msg, "alternatives", []) if mime == "text/html"), None
        )
        email_send_rendered(
            to=email, template=template_prefix, subject=msg.subject, text=msg.body, html=html
        )
