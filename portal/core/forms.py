"""Form helpers shared by the modules' views."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import PersonalDataAccess


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields (or on top), keeping what was typed."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class AccessLogFilterForm(forms.Form):
    """Filters of the access log: what, by whom, between which dates."""

    kind = forms.ChoiceField(
        label=_("What"),
        required=False,
        choices=[("", _("Everything")), *PersonalDataAccess.Kind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
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
