"""Reads of single sign-on: which identity provider an address belongs to, and its URLs."""

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode

from portal.core.models import Organisation

from .models import IdentityProvider, Protocol


def _domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def identity_provider_for_email(*, email: str) -> IdentityProvider | None:
    """The active identity provider of the organisation that owns the address's domain, if any
    (discovery: the sign-in page asks for the work email first)."""
    domain = _domain(email)
    if not domain:
        return None
    for organisation in Organisation.objects.filter(email_domains__icontains=domain):
        if domain in organisation.domain_list:
            return (
                IdentityProvider.objects.filter(organisation=organisation, is_active=True)
                .select_related("app", "organisation")
                .order_by("pk")
                .first()
            )
    return None


def sign_in_url(*, identity_provider: IdentityProvider, next_url: str = "") -> str:
    """Where the browser goes to sign in at this identity provider (allauth's login view)."""
    if identity_provider.protocol == Protocol.SAML:
        url = reverse("saml_login", kwargs={"organization_slug": identity_provider.slug})
    else:
        url = reverse("openid_connect_login", kwargs={"provider_id": identity_provider.slug})
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def organisations_with_provider_counts() -> QuerySet[Organisation]:
    """Every organisation with its active and switched-off identity providers counted: the
    operator admins' overview (who may see it is the views' check, sso.access)."""
    return Organisation.objects.annotate(
        active_count=Count("identity_providers", filter=Q(identity_providers__is_active=True)),
        inactive_count=Count("identity_providers", filter=Q(identity_providers__is_active=False)),
    ).order_by("name")
