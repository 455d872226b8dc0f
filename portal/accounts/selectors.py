"""Reads of the accounts app."""

from portal.core.models import Organisation


def organisation_for_email(*, email: str) -> Organisation | None:
    """The organisation that owns the email's domain, if any."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    if not domain:
        return None
    for organisation in Organisation.objects.exclude(email_domains=""):
        if domain in organisation.domain_list:
            return organisation
    return None
