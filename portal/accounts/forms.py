from allauth.account.forms import ConfirmLoginCodeForm as AllauthConfirmLoginCodeForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context as allauth_context
from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.validators import RegexValidator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin, DkfdsFormMixin, LogFilterForm
from portal.core.models import AuditEvent, Centre, Organisation, Role, Topic, User

from . import selectors, sign_in_throttle
from .models import Invitation


class SignupForm(CprGuardedFormMixin, AllauthSignupForm):
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


class ConfirmLoginCodeForm(AllauthConfirmLoginCodeForm):
    """A wrong login code counts against the client IP's sign-in throttle (decision 0015)."""

    def clean_code(self):
        attempt = sign_in_throttle.code_attempt_begin(request=allauth_context.request, email="")
        try:
            code = super().clean_code()
        except forms.ValidationError:
            sign_in_throttle.attempt_failed(attempt)
            raise
        sign_in_throttle.attempt_succeeded(attempt)
        return code


def _role_field(*, label, initial=None) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=Role.choices,
        initial=initial,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one role."),
            "invalid_choice": _("You may not give the role “%(value)s”."),
        },
    )


def _offer_roles(field: forms.MultipleChoiceField, roles: list[str]) -> None:
    """Offer only the roles the person filling in the form may grant (core/rules.py)."""
    field.choices = [(value, label) for value, label in Role.choices if value in roles]


class InvitationForm(DkfdsFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The invitation is sent to this address; it becomes the person's login."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    roles = _role_field(label=_("Roles"), initial=[Role.CASEWORKER])
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.none(),
        required=False,
        empty_label=_("No centre"),
    )

    def __init__(self, *args, organisation: Organisation, grantable_roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        _offer_roles(self.fields["roles"], grantable_roles)
        centres = Centre.objects.filter(organisation=organisation)
        if centres.exists():
            self.fields["centre"].queryset = centres
        else:
            del self.fields["centre"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class InvitationAcceptForm(CprGuardedFormMixin, DkfdsFormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 10 characters; not a common or all-numeric password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_full_name(self):
        full_name = " ".join(self.cleaned_data["full_name"].split())
        if not full_name:
            raise forms.ValidationError(_("Enter your full name."), code="required")
        return full_name

    def clean(self):
        cleaned = super().clean()
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2",
                forms.ValidationError(
                    _("The two passwords are not the same."), code="password_mismatch"
                ),
            )
        elif password1:
            probe = User(email=self.invitation.email, full_name=cleaned.get("full_name", ""))
            try:
                validate_password(password1, user=probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MemberRolesForm(DkfdsFormMixin, forms.Form):
    """The roles the admin may change; the member's other roles are kept as they are."""

    roles = _role_field(label=_("Roles"))

    def __init__(self, *args, grantable_roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        _offer_roles(self.fields["roles"], grantable_roles)
        self.fields["roles"].required = False


class PeopleSearchForm(DkfdsFormMixin, forms.Form):
    q = forms.CharField(label=_("Search by name or email"), required=False, max_length=200)


class AuditFilterForm(LogFilterForm):
    action = forms.ChoiceField(
        label=_("Event"),
        required=False,
        choices=[("", _("All events")), *AuditEvent.Action.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    object_type = forms.ChoiceField(
        label=_("Kind of object"),
        required=False,
        choices=[("", _("Every kind")), *AuditEvent.OBJECT_TYPES.items()],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    object_text = forms.CharField(
        label=_("Object (number or title)"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    field_order = ["action", "email", "object_type", "object_text", "date_from", "date_to"]

    def clean_object_text(self):
        return " ".join(self.cleaned_data.get("object_text", "").split())


class ProfileForm(CprGuardedFormMixin, DkfdsFormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        validators=[
            RegexValidator(
                r"^[0-9+() -]*$",
                _("A phone number may only hold digits, spaces, +, - and brackets."),
                code="invalid_phone",
            )
        ],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.none(),
        required=False,
        empty_label=_("No centre"),
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Topics of expertise"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues can find you by these topics."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"),
        # Each language in its own name, so a person can find theirs whatever the page's language.
        choices=[
            (code, get_language_info(code)["name_local"].capitalize())
            for code, _name in settings.LANGUAGES
        ],
    )

    def __init__(self, *args, user: User, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "full_name": user.full_name,
                "title": user.title,
                "phone": user.phone,
                "centre": user.centre_id,
                "expertise": list(user.expertise.values_list("pk", flat=True)),
                "preferred_language": user.preferred_language,
            },
        )
        super().__init__(*args, **kwargs)
        centres = Centre.objects.filter(organisation_id=user.organisation_id)
        if user.organisation_id and centres.exists():
            self.fields["centre"].queryset = centres
        else:
            del self.fields["centre"]

    def clean_full_name(self):
        full_name = " ".join(self.cleaned_data["full_name"].split())
        if not full_name:
            raise forms.ValidationError(_("Enter your full name."), code="required")
        return full_name


class AccountDeleteForm(DkfdsFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        help_text=_("Confirm with your password that you want to delete your account."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
