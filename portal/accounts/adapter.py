"""allauth hooks: who may sign up, approval before first sign-in, and email through the portal."""

from allauth.account.adapter import DefaultAccountAdapter

from portal.core.email import email_send_rendered

from . import selectors


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

    def get_login_stages(self) -> list[str]:
        """Approval comes right after email verification and before the second factor."""
        stages = super().get_login_stages()
        after = stages.index("allauth.account.stages.EmailVerificationStage") + 1
        return [*stages[:after], "portal.accounts.stages.ApprovalStage", *stages[after:]]

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Route allauth's emails (codes, resets, verification) through the portal's one sender."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

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
