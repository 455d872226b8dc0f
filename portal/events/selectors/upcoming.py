"""Which events one may still sign up for, and where they take place (for digests and
newsletters, which list upcoming events)."""

from datetime import datetime

from django.db.models import Q

from ..models import Event


def registration_open_q(at: datetime) -> Q:
    """Published events one may sign up for at `at`: the window (if set) is open and the event
    has not started."""
    return (
        Q(status=Event.Status.PUBLISHED, starts_at__gt=at)
        & (Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=at))
        & (Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=at))
    )


def place_of(venue: str, address: str, room: str) -> str:
    return ", ".join(part for part in (venue, address, room) if part)
