import rules
from django import template

register = template.Library()


@register.filter
def can_moderate(user) -> bool:
    """For showing editors' links; the views check the permission again."""
    return rules.has_perm("forum.moderate", user)


@register.filter
def may(user, permission: str) -> bool:
    """`{% if user|may:"hotline.work" %}`: for showing links only; views check again."""
    return rules.has_perm(permission, user)
