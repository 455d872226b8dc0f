from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors


class SignupForm(AllauthSignupForm):
    """Self-sign-up: only with an email domain that belongs to an organisation in the portal."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_email(self):
        email = super().clean_email()
        if selectors.organisation_for_email(email=email) is None:
            raise forms.ValidationError(
                _(
                    "Your email address does not belong to an organisation in the portal. "
                    "Ask your organisation's administrator for an invitation."
                ),
                code="unknown_domain",
            )
        return email
