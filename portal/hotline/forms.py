from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import Scope


class WorkListFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Show"),
        choices=[
            (Scope.ALL, _("All open questions")),
            (Scope.MINE, _("Mine")),
            (Scope.UNASSIGNED, _("Not taken yet")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
