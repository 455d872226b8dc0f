"""Who may see the portal's evaluation (the figures, the dashboard, the API summary). The one place.

The figures are counters and aggregates about the whole portal, never about a person; still,
they are the editorial desk's and the operator's: editors and operator admins, signed in,
approved and active. The API's summary and the dashboard both ask `may_view`.
"""

from portal.core.access import may_sign_in
from portal.core.models import User
from portal.core.rules import is_editor, is_operator_admin


def may_view(*, user: User) -> bool:
    """Editors and operator admins (approved, active) see the evaluation; nobody else."""
    if not (may_sign_in(user) and user.approved_at is not None):
        return False
    return bool(is_editor(user) or is_operator_admin(user))
