"""The partnership pages' small forms: which year or month, and why a work list is opened."""

from django import forms
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2015  # the first rule set's courses


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=2100)


class MonthForm(forms.Form):
    period = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def clean_period(self):
        period = self.cleaned_data["period"]
        if period.year < FIRST_YEAR or period.year > 2100:
            raise forms.ValidationError(_("Choose a month from 2015 onwards."))
        return period


# Why a person opens person-level rows (Datatilsynet's guidance: the log says why). The key is
# in the URL; the log keeps the label, so it reads the same after the list changes.
PURPOSES = {
    "samtaler": _("Follow-up on interviews"),
    "kvalitet": _("Quality assurance"),
    "support": _("Support"),
}


class PurposeForm(forms.Form):
    formaal = forms.ChoiceField(
        label=_("Purpose"),
        help_text=_("Why you open the list. It is written in the access log with your name."),
        choices=list(PURPOSES.items()),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why you open the list.")},
    )

    @property
    def purpose_label(self) -> str:
        return str(PURPOSES[self.cleaned_data["formaal"]])
