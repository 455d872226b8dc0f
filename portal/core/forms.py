"""Form helpers shared by the modules' views."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .cpr import validate_no_cpr_number
from .models import EmailCategory, EmailDelivery, PersonalDataAccess


class DkfdsFormMixin:
    """Give every widget the design system's class, so templates only lay fields out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                css_class = "form-checkbox"
            elif isinstance(widget, forms.Select):
                css_class = "form-select"
            else:
                css_class = "form-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css_class}".strip()


def posted(request):
    """The submitted data, or None on GET, so that an empty POST still shows its errors."""
    return request.POST if request.method == "POST" else None


def error_text(error: ValidationError) -> str:
    """A service's error as one line for a message, an htmx answer or an API error."""
    return " ".join(error.messages)


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields (or on top), keeping what was typed."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def is_free_text(field) -> bool:
    """A form field a person types text into (not an address, not a password, not a choice)."""
    return (
        isinstance(field, forms.CharField)
        and not isinstance(field, forms.EmailField)
        and not isinstance(field.widget, forms.PasswordInput)
    )


class CprGuardedFormMixin:
    """Every free-text field of the form refuses a CPR number with the clear Danish message,
    and the form keeps what was typed. For every form whose input is stored; a field whose
    text is never stored may be named in `cpr_unchecked_fields`.

    portal/core/tests/test_cpr_write_paths.py walks every form of the portal to keep it so.
    """

    cpr_unchecked_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.cpr_unchecked_fields or not is_free_text(field):
                continue
            if validate_no_cpr_number not in field.validators:
                field.validators.append(validate_no_cpr_number)


class LogFilterForm(forms.Form):
    """Who and between which dates: the filters the audit log and the access log share."""

    email = forms.CharField(
        label=_("By (email)"),
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    date_from = forms.DateField(
        label=_("From date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
    )
    date_to = forms.DateField(
        label=_("To date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
    )

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error(
                "date_to",
                ValidationError(
                    _("The to date must be on or after the from date."), code="date_order"
                ),
            )
        return cleaned


class AccessLogFilterForm(LogFilterForm):
    """Filters of the access log: what, by whom, between which dates."""

    kind = forms.ChoiceField(
        label=_("What"),
        required=False,
        choices=[("", _("Everything")), *PersonalDataAccess.Kind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    field_order = ["kind", "email", "date_from", "date_to"]


class OutboxFilterForm(LogFilterForm):
    """Filters of the demo's outbox: to whom, what kind, in which state, between which dates."""

    category = forms.ChoiceField(
        label=_("Kind of email"),
        required=False,
        choices=[("", _("All kinds")), *EmailCategory.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *EmailDelivery.Status.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    field_order = ["email", "category", "status", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Recipient (email)")


class MailFilterForm(forms.Form):
    """Which mail the operator's outbox page lists."""

    status = forms.ChoiceField(
        label=_("Show"),
        choices=[
            (EmailDelivery.Status.FAILED, _("Failed")),
            (EmailDelivery.Status.PENDING, _("Waiting to be sent")),
            (EmailDelivery.Status.SENDING, _("Being sent")),
        ],
        required=False,
    )
