"""What the sso commands share: finding the organisation and printing the SP details."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from portal.core.models import Organisation

SP_LABELS = {
    "metadata_url": "SP metadata URL",
    "entity_id": "SP entity id",
    "acs_url": "Assertion consumer service (ACS) URL",
    "slo_url": "Single logout URL",
    "redirect_uri": "Redirect URI",
    "post_logout_redirect_uri": "Post-logout redirect URI",
    "login_url": "Direct sign-in link",
}


def organisation_get(slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise CommandError(_("No organisation has the short name %(slug)s.") % {"slug": slug})
    return organisation


def sp_details_write(stdout, provider, details: dict) -> None:
    stdout.write(
        f"Added {provider.name} ({provider.slug}). Give the identity provider's administrator:"
    )
    for key, label in SP_LABELS.items():
        if details.get(key):
            stdout.write(f"  {label}: {details[key]}")
