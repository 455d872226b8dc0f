"""Who may see and write which fund's partnership data. The one place.

The jobcenter's coordinators and admins (and the operator admins) follow every fund; a fund's
own people follow their own fund only; everyone else (unions, the jobcenter's caseworkers)
none. A fund one may not see does not exist for them (404 everywhere). Which roles count is
core/rules.py's ("partnership.view_all", "partnership.view_own_fund"); this module says which
rows that means.

The three forms of docs/decisions/0020-access-policy.md: `funds_readable` (a filter over
Organisation, or over courses, interviews, ... through `prefix`: "fund__", "course__fund__"),
`fund_readable` (one fund) and `fund_readers` (which of these people, in a fixed number of
queries). All three decide through `_scope`, and partnership/tests/test_access.py holds them to
each other for every kind of person and organisation.
"""

from collections.abc import Iterable

import rules
from django.db.models import Q, prefetch_related_objects

from portal.core.access import may_sign_in, nothing, roles_preload
from portal.core.models import Organisation, OrganisationKind, User

ALL = "all"
OWN = "own"


def _scope(user: User) -> str | None:
    """ALL funds, the person's OWN fund, or None."""
    if rules.has_perm("partnership.view_all", user):
        return ALL
    if rules.has_perm("partnership.view_own_fund", user):
        return OWN
    return None


def funds_all() -> Q:
    """Every unemployment fund, as the portal itself sees them (the monthly mail, the alerts,
    the demo): whoever is then told anything is chosen with `fund_readers`."""
    return Q(kind=OrganisationKind.UFUND)


def funds_readable(*, user: User, prefix: str = "") -> Q:
    """The funds whose partnership data the person may see. Without a prefix a filter over
    Organisation; with one ("fund__", "course__fund__") over the rows that belong to a fund."""
    if not may_sign_in(user):
        return nothing()
    scope = _scope(user)
    if scope == ALL:
        return Q(**{f"{prefix}kind": OrganisationKind.UFUND})
    if scope == OWN:
        # The kind is asked too, so the filter does not depend on the person's kind alone.
        return Q(**{f"{prefix}pk": user.organisation_id}) & Q(
            **{f"{prefix}kind": OrganisationKind.UFUND}
        )
    return nothing()


def _fund_readable_given(*, scope: str | None, user: User, fund: Organisation) -> bool:
    if fund is None or fund.kind != OrganisationKind.UFUND:
        return False
    if scope == ALL:
        return True
    return scope == OWN and fund.pk == user.organisation_id


def fund_readable(*, user: User, fund: Organisation) -> bool:
    """funds_readable for one fund in memory."""
    if not may_sign_in(user):
        return False
    return _fund_readable_given(scope=_scope(user), user=user, fund=fund)


def fund_readers(*, fund: Organisation, users: Iterable[User]) -> list[User]:
    """Of these people, those who may see the fund's data (alerts, reports), in two queries
    however many people: their roles and their organisations."""
    people = [user for user in users if may_sign_in(user) and user.pk]
    if not people:
        return []
    roles_preload(people)
    prefetch_related_objects(people, "organisation")
    return [
        person
        for person in people
        if _fund_readable_given(scope=_scope(person), user=person, fund=fund)
    ]


# --- What the person may do with it ----------------------------------------------------------


def funds_importable(*, user: User) -> Q:
    """The funds the person may import data for (a filter over Organisation)."""
    if not may_sign_in(user):
        return nothing()
    if rules.has_perm("partnership.import_all", user):
        return Q(kind=OrganisationKind.UFUND)
    if rules.has_perm("partnership.import_own_fund", user):
        return Q(pk=user.organisation_id, kind=OrganisationKind.UFUND)
    return nothing()


def may_import(*, user: User) -> bool:
    """May import at all (for some fund): shows the import page and accepts a file."""
    return may_sign_in(user) and (
        rules.has_perm("partnership.import_all", user)
        or rules.has_perm("partnership.import_own_fund", user)
    )


def may_import_for_all(*, user: User) -> bool:
    """May import for every fund, and what belongs to no fund (the effect benchmarks)."""
    return may_sign_in(user) and rules.has_perm("partnership.import_all", user)


def import_scope(*, user: User) -> Organisation | None:
    """The one fund the person may import for, or None when they may import for every fund
    (ask may_import first)."""
    if rules.has_perm("partnership.import_all", user):
        return None
    return user.organisation


def may_import_for(*, user: User, fund: Organisation) -> bool:
    """funds_importable for one fund in memory."""
    if not may_sign_in(user) or fund is None or fund.kind != OrganisationKind.UFUND:
        return False
    if rules.has_perm("partnership.import_all", user):
        return True
    return bool(
        rules.has_perm("partnership.import_own_fund", user) and fund.pk == user.organisation_id
    )


def may_edit_agreement(*, user: User) -> bool:
    """The jobcenter's coordinators keep the agreements (every fund's); the funds read theirs."""
    return may_sign_in(user) and rules.has_perm("partnership.edit_agreements", user)


def may_edit_rule_sets(*, user: User) -> bool:
    """The interview rule sets apply to every fund: the operator's and the jobcenter's admins
    keep them (everyone who follows a fund reads them)."""
    return may_sign_in(user) and rules.has_perm("partnership.edit_rule_sets", user)


def may_read_rule_sets(*, user: User) -> bool:
    """Whoever follows some fund reads the rules its figures are measured by."""
    return may_sign_in(user) and _scope(user) is not None


def agreement_contacts_possible(*, fund: Organisation) -> tuple[Q, Q]:
    """Who may be named as a contact of the fund's agreement, as two filters over User: the
    jobcenter side (approved, active people of a jobcenter) and the fund side (approved, active
    people of the fund itself). Everyone named can read the fund's figures or works at the fund."""
    active = Q(is_active=True, approved_at__isnull=False)
    return (
        active & Q(organisation__kind=OrganisationKind.JOBCENTER),
        active & Q(organisation=fund),
    )


def may_compare_funds(*, user: User) -> bool:
    """Sees every fund, so the funds side by side is a page for them (the jobcenter's overview);
    a fund's own people have their fund's dashboard instead."""
    return may_sign_in(user) and _scope(user) == ALL
