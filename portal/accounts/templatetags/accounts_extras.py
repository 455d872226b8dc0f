"""Template helpers of the accounts app."""

from django import template

register = template.Library()


@register.filter
def detail_value(value) -> str:
    """An audit detail value for people: lists as comma-separated text."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)
