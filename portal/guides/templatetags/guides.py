"""Template helpers for the guides panel that the forum's thread page includes."""

from django import template

from ..selectors import guides_from_thread
from ..services import guide_from_thread_possible

register = template.Library()


@register.simple_tag
def guides_panel(thread, user) -> dict:
    if not user.is_authenticated:
        return {"guides": [], "can_create": False}
    return {
        "guides": guides_from_thread(thread=thread, user=user),
        "can_create": guide_from_thread_possible(thread=thread, user=user),
    }
