"""Who may do what with the newsletter's editorial side: the editorial desk
("newsletters.manage") makes, sends and measures newsletters. One rule, asked by the editor
pages, the services and the figures' export alike."""

import rules
from django.core.exceptions import PermissionDenied

from portal.core.models import User


def may_manage(user: User) -> bool:
    return bool(user.is_authenticated and rules.has_perm("newsletters.manage", user))


def require_manage(user: User) -> None:
    """Editor pages answer 403 to anyone outside the editorial desk."""
    if not may_manage(user):
        raise PermissionDenied


def figures_exportable(*, user: User) -> bool:
    """The editorial desk downloads the figures of every newsletter (CSV/Excel): the people who
    see them on the editor list."""
    return may_manage(user)
