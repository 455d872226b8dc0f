from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core import lawrefs
from portal.core.forms import CprGuardedFormMixin, DkfdsFormMixin
from portal.core.models import Topic

from .selectors import guide_owner_candidates


class GuideFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    stale = forms.BooleanField(label=_("Only guides that need review"), required=False)


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


class GuideForm(CprGuardedFormMixin, DkfdsFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.order_by("name"), empty_label=_("Choose a topic")
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=400,
        required=False,
        help_text=_("One or two sentences shown in the list of guides."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown: ## for headings, - for lists, **bold**."),
    )
    law_references_text = forms.CharField(
        label=_("Law references"),
        required=False,
        max_length=1000,
        help_text=_(
            "The paragraphs the guide rests on, separated by commas, e.g. “LAB § 16, LAS § 7”. "
            "Citations in the text are found as well."
        ),
    )
    owner = OwnerChoiceField(
        label=_("Owner"),
        queryset=guide_owner_candidates(),
        help_text=_("The editor or jurist who keeps the guide up to date."),
    )
    review_by = forms.DateField(
        label=_("Review by"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The guide shows a warning from this date until it has been reviewed."),
    )
    is_published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def clean_law_references_text(self):
        text = self.cleaned_data["law_references_text"]
        lawrefs.parse_law_reference_list(text)
        return text


class LawChangedForm(CprGuardedFormMixin, DkfdsFormMixin, forms.Form):
    reference = forms.CharField(
        label=_("Law or paragraph"),
        max_length=100,
        help_text=_("E.g. “LAB” for the whole law or “LAB § 16” for one paragraph."),
    )
    note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        help_text=_("Shown to the owners of the guides that must be reviewed."),
    )

    def clean_reference(self):
        return lawrefs.parse_law_reference(self.cleaned_data["reference"])


class MarkReviewedForm(DkfdsFormMixin, forms.Form):
    review_by = forms.DateField(
        label=_("Next review by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
