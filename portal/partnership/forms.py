"""The partnership pages' forms: which year or month, why a work list is opened, a file to
import, a fund's agreement and the interview rule sets."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin

from .display import import_too_large
from .models import HeldBy, ImportKind

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


# --- The agreement and the rule sets ---------------------------------------------------------

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
HUNDRED = Decimal(100)


class PercentField(forms.DecimalField):
    """A goal stored as a ratio (0..1), typed as a percentage ("90" or "87,5")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 100)
        super().__init__(max_digits=5, decimal_places=2, localize=True, **kwargs)


class KronerField(forms.IntegerField):
    """Whole kroner, typed with or without thousand separators ("500.000", "500 000")."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("kr.").replace(".", "").replace(" ", "")
            value = value.replace("\xa0", "")
        return super().to_python(value)


class AgreementForm(forms.Form):
    """A fund's agreement for a year as its coordinator at the jobcenter types it."""

    timeliness_target = PercentField(
        label=_("Goal for interview timeliness (%)"),
        help_text=_("The share of interviews held on time. Usually 90."),
    )
    job_club_share_target = PercentField(
        label=_("Goal for job club by 3 months (%)"),
        required=False,
        help_text=_("Empty: no goal, the share is shown without one."),
    )
    budget_frame_dkk = KronerField(
        label=_("Budget frame for job clubs (DKK)"), min_value=0, max_value=10**10
    )
    effect_target = PercentField(
        label=_("Goal for self-supporting at 26 weeks (%)"),
        required=False,
        help_text=_("Empty: at least as good as comparable municipalities (the benchmark)."),
    )
    rule_set = forms.ModelChoiceField(
        label=_("Interview rule set"),
        queryset=None,
        required=False,
        empty_label=_("The one valid on each course's start date"),
    )
    tolerance_days = forms.IntegerField(
        label=_("Tolerance (days)"),
        min_value=0,
        max_value=90,
        help_text=_("How many days after its due date an interview still counts as on time."),
    )
    jobcenter_contacts = forms.ModelMultipleChoiceField(
        label=_("Contacts at the jobcenter"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fund_contacts = forms.ModelMultipleChoiceField(
        label=_("Contacts at the fund"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    RATIOS = ("timeliness_target", "job_club_share_target", "effect_target")

    def __init__(self, *args, rule_sets, jobcenter_people, fund_people, agreement=None, **kwargs):
        if agreement is not None:
            kwargs["initial"] = {
                **{name: _as_percent(getattr(agreement, name)) for name in self.RATIOS},
                "budget_frame_dkk": int(agreement.budget_frame_dkk),
                "rule_set": agreement.rule_set_id,
                "tolerance_days": agreement.tolerance_days,
                "jobcenter_contacts": [person.pk for person in agreement.jobcenter_contacts.all()],
                "fund_contacts": [person.pk for person in agreement.fund_contacts.all()],
            }
        else:
            kwargs["initial"] = {
                "timeliness_target": 90,
                "budget_frame_dkk": 500000,
                "tolerance_days": 14,
            }
        super().__init__(*args, **kwargs)
        self.fields["rule_set"].queryset = rule_sets
        self.fields["jobcenter_contacts"].queryset = jobcenter_people
        self.fields["fund_contacts"].queryset = fund_people
        self.fields["jobcenter_contacts"].label_from_instance = _contact_label
        self.fields["fund_contacts"].label_from_instance = _contact_label

    def ratios(self) -> dict:
        """The percentages as the ratios the agreement stores."""
        return {
            name: None
            if self.cleaned_data[name] is None
            else (self.cleaned_data[name] / HUNDRED).quantize(Decimal("0.0001"))
            for name in self.RATIOS
        }


def _as_percent(ratio: Decimal | None) -> Decimal | None:
    """0.8750 → 87.5, 0.9000 → 90 (as typed, not "90,0000")."""
    if ratio is None:
        return None
    value = ratio * HUNDRED
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def _contact_label(person) -> str:
    return f"{person.get_full_name()} ({person.email})"


class RuleSetForm(CprGuardedFormMixin, forms.Form):
    """A rule set's name and validity period; its code only when it is new (the code is how
    the documentation and the agreements name it)."""

    code = forms.SlugField(
        label=_("Code"),
        max_length=20,
        help_text=_("A short name such as 2027, used in the documentation. It cannot be changed."),
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    valid_from = forms.DateField(
        label=_("Valid for courses starting from"), widget=DATE_WIDGET, input_formats=["%Y-%m-%d"]
    )
    valid_to = forms.DateField(
        label=_("Valid for courses starting until"),
        required=False,
        widget=DATE_WIDGET,
        input_formats=["%Y-%m-%d"],
        help_text=_("Empty: until further notice."),
    )
    to_be_confirmed = forms.BooleanField(
        label=_("The offsets are still to be confirmed"),
        required=False,
        help_text=_("Untick when the interviews' dates below have been checked against the rules."),
    )

    def __init__(self, *args, new: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not new:
            del self.fields["code"]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if code == "ny":  # the address of the page for a new rule set
            raise forms.ValidationError(_("Choose another code."))
        return code

    def clean(self):
        cleaned = super().clean()
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("The end of the period is before its start."))
        return cleaned


class SlotForm(forms.Form):
    """One interview of the rule set: due `months` months and `days` days after the start of
    unemployment, held by whom."""

    months = forms.IntegerField(label=_("Months after start"), min_value=0, max_value=36)
    days = forms.IntegerField(label=_("Days after start"), min_value=0, max_value=366)
    # The initial value keeps an untouched extra row empty (unchanged), not half filled in.
    held_by = forms.ChoiceField(label=_("Held by"), choices=HeldBy.choices, initial=HeldBy.EITHER)


class BaseSlotFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not self.slots():
            raise forms.ValidationError(_("A rule set needs at least one interview."))

    def slots(self) -> tuple[tuple[int, int, str], ...]:
        """The filled-in, not deleted rows in the order of the page (the order they fall due)."""
        return tuple(
            (form.cleaned_data["months"], form.cleaned_data["days"], form.cleaned_data["held_by"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("months") is not None
        )


SlotFormSet = forms.formset_factory(
    SlotForm, formset=BaseSlotFormSet, extra=2, can_delete=True, max_num=24, validate_max=True
)
