"""Forms of single sign-on: the sign-in page's first step is allauth's own login form (see
views.SignInView); these are the operator admins' forms for an organisation's identity
providers and its CVR number."""

import re

from allauth.account.forms import RequestLoginCodeForm
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin
from portal.core.models import ORGANISATION_ROLES, Organisation

from . import selectors

# SAML metadata of one identity provider is a few kilobytes; an aggregate (all of KOMBIT's or
# NemLog-in's entities) is not what the form asks for.
METADATA_MAX_BYTES = 512 * 1024
_MD_NAMESPACE = "urn:oasis:names:tc:SAML:2.0:metadata"
_CVR = re.compile(r"^\d{8}$")


class SamlAddForm(CprGuardedFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name shown on the sign-in page"),
        max_length=200,
        required=False,
        help_text=_("For example “Københavns Kommune”. Empty: the organisation's name."),
    )
    metadata_url = forms.URLField(
        label=_("Metadata URL of the identity provider"),
        required=False,
        assume_scheme="https",
        help_text=_("The address where the identity provider publishes its SAML metadata."),
    )
    metadata_file = forms.FileField(
        label=_("Or the metadata as an XML file"),
        required=False,
        help_text=_("At most 512 KB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )
    is_broker = forms.BooleanField(
        label=_("Broker for several organisations (NemLog-in, MitID Erhverv)"),
        required=False,
        help_text=_("The CVR number in the assertion decides the organisation."),
    )

    def clean_metadata_file(self):
        upload = self.cleaned_data.get("metadata_file")
        if not upload:
            return ""
        if upload.size > METADATA_MAX_BYTES:
            raise ValidationError(_("The file is too large: at most 512 KB."), code="too_large")
        if not upload.name.lower().endswith(".xml"):
            raise ValidationError(_("Choose an XML file (ending in .xml)."), code="not_xml")
        raw = upload.read(METADATA_MAX_BYTES + 1)
        try:
            text = raw.decode("utf-8")
            root = ElementTree.fromstring(text.encode("utf-8"), forbid_dtd=True)
        except (UnicodeDecodeError, ElementTree.ParseError, DefusedXmlException):
            raise ValidationError(_("The file is not valid XML."), code="invalid_xml") from None
        if root.tag not in (
            f"{{{_MD_NAMESPACE}}}EntityDescriptor",
            f"{{{_MD_NAMESPACE}}}EntitiesDescriptor",
        ):
            raise ValidationError(
                _("The file is not SAML metadata (no EntityDescriptor)."), code="not_metadata"
            )
        return text

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("metadata_url")) == bool(data.get("metadata_file")):
            raise ValidationError(
                _("Give either the metadata URL or a metadata file, not both."),
                code="one_source",
            )
        return data


class OidcAddForm(CprGuardedFormMixin, forms.Form):
    # A secret is not text about a person, and a refusal would be a puzzle: it goes as typed.
    cpr_unchecked_fields = ("client_secret",)

    name = forms.CharField(
        label=_("Name shown on the sign-in page"),
        max_length=200,
        required=False,
        help_text=_("Empty: the organisation's name."),
    )
    issuer = forms.URLField(
        label=_("Issuer"),
        assume_scheme="https",
        help_text=_(
            "The provider's address without /.well-known/openid-configuration, for example "
            "https://login.microsoftonline.com/<tenant-id>/v2.0"
        ),
    )
    client_id = forms.CharField(label=_("Client id"), max_length=191)
    client_secret = forms.CharField(
        label=_("Client secret"),
        max_length=191,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("It is saved in the portal and never shown again."),
    )

    def clean_issuer(self):
        issuer = self.cleaned_data["issuer"].rstrip("/")
        loopback = issuer.startswith(("http://127.0.0.1", "http://localhost"))
        if not issuer.startswith("https://") and not loopback:
            raise ValidationError(_("The issuer must use https."), code="https")
        return issuer


class IdentityProviderEditForm(CprGuardedFormMixin, forms.Form):
    name = forms.CharField(label=_("Name shown on the sign-in page"), max_length=200)
    is_broker = forms.BooleanField(
        label=_("Broker for several organisations (NemLog-in, MitID Erhverv)"), required=False
    )
    role_attribute = forms.CharField(
        label=_("Role attribute"),
        max_length=200,
        required=False,
        help_text=_(
            "The SAML attribute or OpenID Connect claim that carries the person's groups or "
            "roles, for example “groups” (Entra ID) or "
            "“https://data.gov.dk/model/core/eid/privilege/1” (KOMBIT, NemLog-in). Empty: "
            "people become caseworkers at their first sign-in, then roles are managed here."
        ),
    )


class RoleMapRowForm(CprGuardedFormMixin, forms.Form):
    value = forms.CharField(label=_("Value"), max_length=300, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Gives the roles"),
        choices=[(role.value, role.label) for role in ORGANISATION_ROLES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("value") and not data.get("roles"):
            self.add_error("roles", _("Choose at least one role for this value."))
        if data.get("roles") and not data.get("value"):
            self.add_error("value", _("Write the value that gives these roles."))
        return data


RoleMapFormSet = forms.formset_factory(RoleMapRowForm, extra=2, max_num=50, validate_max=True)


def role_map_rows(role_map: dict) -> list[dict]:
    """The saved mapping as the formset's initial rows."""
    return [{"value": value, "roles": list(roles)} for value, roles in sorted(role_map.items())]


def role_map_from(formset) -> dict[str, list[str]]:
    """The formset's filled rows as the mapping the service takes; a value twice is one row."""
    mapping: dict[str, list[str]] = {}
    for row in formset.cleaned_data:
        if row.get("value") and row.get("roles"):
            roles = mapping.setdefault(row["value"].strip(), [])
            roles.extend(r for r in row["roles"] if r not in roles)
    return mapping


class CvrForm(CprGuardedFormMixin, forms.Form):
    cvr = forms.CharField(
        label=_("CVR number"),
        max_length=11,
        required=False,
        help_text=_("8 digits. Empty: the organisation has none in the portal."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_cvr(self):
        cvr = re.sub(r"\s", "", self.cleaned_data["cvr"])
        if not cvr:
            return ""
        if not _CVR.match(cvr):
            raise ValidationError(_("A CVR number is 8 digits."), code="format")
        taken = Organisation.objects.filter(cvr=cvr).exclude(pk=self.organisation.pk).first()
        if taken:
            raise ValidationError(
                _("%(organisation)s already has this CVR number.") % {"organisation": taken.name},
                code="taken",
            )
        return cvr


class SignInSsoForm(forms.Form):
    """The direct link's one button: nothing to fill in, the CSRF token is the point."""


class SsoAwareRequestLoginCodeForm(RequestLoginCodeForm):
    """allauth's "send me a code" form, closed to the addresses of an organisation that signs
    its people in with its own identity provider: as the sign-in page ignores a password for
    them, a code by email must not get round the organisation's own login (its leavers are
    switched off there). Switching the provider off opens both again (decision 0043)."""

    def clean_email(self):
        email = self.cleaned_data.get("email", "")
        identity_provider = selectors.identity_provider_for_email(email=email) if email else None
        if identity_provider is not None:
            raise ValidationError(
                gettext(
                    "%(organisation)s signs its people in with its own login. Go back to the "
                    "sign-in page and give your work email."
                )
                % {"organisation": identity_provider.organisation.name},
                code="sso_only",
            )
        return super().clean_email()
