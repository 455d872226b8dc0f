"""Template helpers for the hotline panel that the forum's thread page includes."""

import rules
from django import template
from django.conf import settings

from ..models import HotlineCase
from ..services import hotline_case_can_open

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
    is_jurist = bool(user.is_authenticated and rules.has_perm("hotline.work", user))
    is_open = case is not None and case.status == HotlineCase.Status.OPEN
    return {
        "case": case,
        "is_jurist": is_jurist,
        "working_days": settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS,
        "can_open": case is None
        and user.is_authenticated
        and hotline_case_can_open(thread=thread, user=user),
        "can_take": is_open and is_jurist and case.assigned_to_id != user.pk,
        "can_withdraw": is_open
        and user.is_authenticated
        and user.pk in (case.requested_by_id, thread.author_id),
    }
