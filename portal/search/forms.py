from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.models import OrganisationKind, Topic

from .models import SearchDocument


class SearchForm(forms.Form):
    """The search box and its filters, read from the query string."""

    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Everything"))] + list(SearchDocument.Kind.choices),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.only("slug", "name"),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Organisation"),
        required=False,
        choices=[("", _("All kinds of organisation"))] + list(OrganisationKind.choices),
    )
    date_from = forms.DateField(
        label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return data

    def search_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "query": data["q"],
            "page": data.get("page") or 1,
            "kinds": [data["type"]] if data.get("type") else None,
            "topic_id": data["topic"].pk if data.get("topic") else None,
            "organisation_kind": data.get("organisation_kind") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
