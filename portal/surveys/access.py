"""Who may do what with the user survey: the editorial desk composes, sends, closes and reads
the results of surveys; the same desk as the newsletter's (newsletters.access.may_manage), asked
by the pages and the services alike. Answering needs no account: the signed personal link in
the email is the permission (links.py)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from portal.core.models import User
from portal.newsletters.access import may_manage as newsletter_desk


def may_manage(user: User) -> bool:
    return newsletter_desk(user)


def require_manage(user: User) -> None:
    """Desk pages answer 403 to anyone outside the editorial desk."""
    if not may_manage(user):
        raise PermissionDenied


def surveys_readable(user: User) -> Q:
    """The surveys (and their results) this person may see: all for the desk, none otherwise."""
    return Q() if may_manage(user) else Q(pk__in=[])
