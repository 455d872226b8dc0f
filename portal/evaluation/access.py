"""Who may see the portal's evaluation (the figures, the dashboard, the API summary). The one place.

The figures are counters and aggregates about the whole portal, never about a person; still,
they are the editorial desk's and the operator's: editors and operator admins, signed in,
approved and active. The API's summary and the dashboard both ask `may_view`.
"""

from django.db.models import Q

from portal.core.access import may_sign_in
from portal.core.models import User
from portal.core.rules import is_editor, is_operator_admin


def may_view(*, user: User) -> bool:
    """Editors and operator admins (approved, active) see the evaluation; nobody else."""
    if not (may_sign_in(user) and user.approved_at is not None):
        return False
    return bool(is_editor(user) or is_operator_admin(user))


# What the figures count. Not who may read a thing (the figures name no thread, post or
# guide), but the same building blocks, so they live here with the policy: a hidden thread or
# reply is not a question asked or answered; an unpublished guide is not one kept up to date.


def posts_counted() -> Q:
    return Q(is_hidden=False)


def threads_counted() -> Q:
    return Q(is_hidden=False, merged_into__isnull=True)


def guides_counted() -> Q:
    return Q(is_published=True)
