"""The bell in the header: the unread count, asked only when a page shows it, and then of the
cache while it has it (selectors.notification_bell_count)."""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors

BADGE_MAX = selectors.UNREAD_COUNT_LIMIT - 1


class NotificationBell:
    """Lazy: pages that never show the bell (emails, htmx fragments) cost nothing."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def unread_count(self) -> int:
        return selectors.notification_bell_count(user=self.user)

    @property
    def badge(self) -> str:
        """What the badge shows: the count, or "99+" where counting stops."""
        return f"{BADGE_MAX}+" if self.unread_count > BADGE_MAX else str(self.unread_count)

    @property
    def label(self) -> str:
        """What a screen reader hears instead of the badge."""
        if self.unread_count > BADGE_MAX:
            return _("More than %(count)s unread notifications") % {"count": BADGE_MAX}
        return ngettext(
            "%(count)s unread notification", "%(count)s unread notifications", self.unread_count
        ) % {"count": self.unread_count}


def notification_bell(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notification_bell": NotificationBell(user)}
