"""Who may do what with the newsletter's editorial side. The editor pages ask
`selectors.require_manage` ("newsletters.manage", the editorial desk)."""

import rules

from portal.core.models import User


def figures_exportable(*, user: User) -> bool:
    """The editorial desk downloads the figures of every newsletter (CSV/Excel): the people who
    see them on the editor list."""
    return bool(user.is_authenticated and rules.has_perm("newsletters.manage", user))
