from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.forms import DkfdsFormMixin
from portal.core.models import OrganisationKind, Topic

from . import selectors


class PersonSearchForm(DkfdsFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Name or text"),
        max_length=200,
        required=False,
        help_text=_("Name, email address, job title, organisation or expertise (e.g. fleksjob)."),
        widget=forms.SearchInput,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=selectors.organisation_list_with_people(),
        required=False,
        empty_label=_("All organisations"),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *OrganisationKind.choices],
        required=False,
    )
    topic = forms.ModelChoiceField(
        label=_("Topic of expertise"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("All topics"),
    )

    def search_arguments(self) -> dict:
        """The filters to hand to person_search; an invalid form searches for everyone."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"],
            "organisation": data["organisation"],
            "organisation_kind": data["organisation_kind"],
            "topic": data["topic"],
        }

    @property
    def is_filtered(self) -> bool:
        return any(self.search_arguments().values())
