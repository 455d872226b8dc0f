"""Who may do what with the directory. Every approved member may search it (the page asks
"core.use_portal"); which people a search finds is `selectors.person_search`'s rule."""

from portal.core.models import User
from portal.core.rules import is_approved_member, is_coordinator


def people_exportable(*, user: User) -> bool:
    """The coordinators download a search's people (CSV/Excel) to plan and staff their work;
    a caseworker searches but does not take the list away."""
    return bool(is_approved_member(user) and is_coordinator(user))
