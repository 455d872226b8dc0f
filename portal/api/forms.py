from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin

from .models import ApiToken


class ApiTokenForm(CprGuardedFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("What the token is for, e.g. the system that will use it."),
    )
