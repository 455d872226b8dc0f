"""Reads of events: who may see which event, lists and the reader's own registrations."""

import rules
from django.db.models import Q, QuerySet

from portal.core.models import User
from portal.forum.selectors import network_ids_of

from .models import Event, Registration


def event_visible_q(*, user: User, prefix: str = "") -> Q:
    """Which events a person may see: published and cancelled events of their audience
    (everyone, their organisation's kind, a network they are a member of); the editorial desk
    sees every event including drafts, organisers their own drafts."""
    if not (user and user.is_authenticated and user.is_active and user.approved_at):
        return Q(pk__in=[])
    if rules.has_perm("events.manage", user):
        return Q()
    kind = user.organisation.kind if user.organisation_id else None
    audience = (
        Q(**{f"{prefix}audience": Event.Audience.EVERYONE})
        | Q(
            **{
                f"{prefix}audience": Event.Audience.ORGANISATION_KIND,
                f"{prefix}audience_organisation_kind": kind,
            }
        )
        | Q(
            **{
                f"{prefix}audience": Event.Audience.NETWORK,
                f"{prefix}audience_network_id__in": network_ids_of(user=user),
            }
        )
    )
    shown = ~Q(**{f"{prefix}status": Event.Status.DRAFT}) & audience
    return shown | Q(**{f"{prefix}organisers": user})


def events_visible_to(*, user: User) -> QuerySet[Event]:
    return Event.objects.filter(event_visible_q(user=user)).distinct()


def event_is_visible_to(*, user: User, event: Event) -> bool:
    return events_visible_to(user=user).filter(pk=event.pk).exists()


def registration_of(*, user: User, event: Event) -> Registration | None:
    """The person's registration for the event in any state, or None."""
    return Registration.objects.filter(user=user, event=event).first()
