"""Template helpers for the hotline panel that the forum's thread page includes. What the
panel offers is hotline/access.py's rule, the same the services enforce."""

from django import template
from django.conf import settings

from .. import access
from ..models import HotlineCase

register = template.Library()


@register.filter
def hotline_case_of(thread) -> HotlineCase | None:
    """The thread's hotline case, or None (the reverse one-to-one raises when there is none)."""
    try:
        return thread.hotline_case
    except HotlineCase.DoesNotExist:
        return None


@register.simple_tag
def hotline_panel(thread, user) -> dict:
    """What the panel shows and offers to this person on this thread."""
    case = hotline_case_of(thread)
    return {
        "case": case,
        "is_jurist": access.may_work(user=user),
        "working_days": settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS,
        "can_open": case is None and access.case_can_open(user=user, thread=thread),
        "can_take": case is not None and access.case_can_take(user=user, case=case),
        "can_withdraw": case is not None
        and access.case_can_withdraw(user=user, case=case, thread=thread),
    }
