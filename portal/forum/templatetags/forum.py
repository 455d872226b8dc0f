import rules
from django import template

register = template.Library()


@register.filter
def can_moderate(user) -> bool:
    """For showing editors' links; the views check the permission again."""
    return rules.has_perm("forum.moderate", user)
