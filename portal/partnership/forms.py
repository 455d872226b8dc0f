"""The partnership pages' small forms: which year or month, why a work list is opened, and
a file to import."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .display import import_too_large
from .models import ImportKind

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


class ImportForm(forms.Form):
    """A file to import, and which kind of rows it holds. The size limit is checked here, before
    the file is read; everything inside the file is the import's to check."""

    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (separated by ; or ,) or XLSX, with the column names in the first row."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.PORTAL_PARTNERSHIP_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(import_too_large(limit), code="too_large")
        return upload
