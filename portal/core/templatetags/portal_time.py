"""Filters that write times the one Danish way (portal/core/timefmt.py): {{ x|clock }},
{{ x|clock_bare }}, {{ x|moment }}, {{ x|weekday_moment }}."""

from django import template

from portal.core import timefmt

register = template.Library()

register.filter("clock", timefmt.clock)
register.filter("clock_bare", timefmt.clock_bare)
register.filter("moment", timefmt.moment)


@register.filter
def weekday_moment(value):
    return timefmt.moment(value, weekday=True)
