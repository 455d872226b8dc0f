"""Who may see and manage the identity providers (single sign-on) of the organisations.

One rule, one place: only the operator's admins. An organisation's own admin does not register
or change its identity provider in the portal: a provider vouches for everybody whose address
is in the organisation's domains and grants roles from outside, so turning one on or off, or
changing its role mapping, is the operator's decision (the organisation's IT department asks
for it). The same policy answers the three questions every policy answers
(docs/decisions/0020-access-policy.md).
"""

from collections.abc import Iterable

from django.db.models import Q
from django.http import Http404

from portal.core.access import may_sign_in, nothing
from portal.core.models import Organisation
from portal.core.rules import is_operator_admin

from .models import IdentityProvider


def identity_providers_manageable(user, prefix: str = "") -> Q:
    """The identity providers this person may see and manage: all, or none."""
    if may_sign_in(user) and is_operator_admin(user):
        return Q()
    return nothing()


def identity_provider_manageable(user, identity_provider: IdentityProvider | None = None) -> bool:
    """May this person see and manage this identity provider (or identity providers at all)?"""
    return bool(may_sign_in(user) and is_operator_admin(user))


def identity_provider_managers(identity_provider: IdentityProvider, users: Iterable) -> set[int]:
    """Which of these people may manage it (for notices in bulk)."""
    from portal.core.access import roles_preload

    people = [u for u in users if u is not None]
    roles_preload(people)
    return {u.pk for u in people if identity_provider_manageable(u, identity_provider)}


def access_organisation_for_sso(*, user, slug: str) -> Organisation:
    """The organisation whose identity providers the person manages; 404 if there is none by
    that slug. A person who may not manage identity providers never gets here (the views ask
    `identity_provider_manageable` first and answer 403, as the people pages do)."""
    try:
        return Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def access_identity_provider(*, user, organisation: Organisation, pk: int) -> IdentityProvider:
    """One identity provider of this organisation that the person may manage, or 404."""
    try:
        return (
            IdentityProvider.objects.filter(identity_providers_manageable(user))
            .select_related("app", "organisation")
            .get(organisation=organisation, pk=pk)
        )
    except IdentityProvider.DoesNotExist:
        raise Http404 from None
