import rules
from django import template

from portal.forum import presentation

register = template.Library()


@register.filter
def can_moderate(user) -> bool:
    """For showing editors' links; the views check the permission again."""
    return rules.has_perm("forum.moderate", user)


@register.filter
def may(user, permission: str) -> bool:
    """`{% if user|may:"hotline.work" %}`: for showing links only; views check again."""
    return rules.has_perm(permission, user)


@register.simple_tag
def thread_mark(thread):
    """The reader's "Ny" / "N nye" tag on a thread in a list; on a page kept whole, the hole
    that portal/core/kept_pages.py fills per request with the same markup."""
    kept = getattr(thread, "read_mark_hole", None)
    return kept if kept is not None else presentation.read_mark(thread)
