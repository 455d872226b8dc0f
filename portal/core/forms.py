"""Form helpers shared by the modules' views."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import EmailDelivery


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields (or on top), keeping what was typed."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


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
