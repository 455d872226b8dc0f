"""Events shown on other modules' pages: a network's page lists its meetings, a profile the
events where the person speaks or organises. The pages only load this library; what may be
shown is the events module's rule (`portal.events.access`)."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("events/partials/event_links.html", takes_context=True)
def network_events(context, network):
    user = context["request"].user
    return {
        "events": selectors.upcoming_events_of_network(user=user, network=network),
        "kind": "network",
    }


@register.inclusion_tag("events/partials/event_links.html", takes_context=True)
def person_events(context, person):
    user = context["request"].user
    return {
        "events": selectors.upcoming_events_with_person(user=user, person=person),
        "kind": "person",
    }
