"""Reads of seats: how many are taken and left, the waiting list, organisation quotas.

One query each, so the services can ask them under the row lock on the event (where every
statement sees what was committed before the lock was granted) and pages can ask them freely.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import Event, OrganisationQuota, Registration

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING


def seats_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status=CONFIRMED).count()


def seats_left(event: Event) -> int | None:
    """Free seats; None when the event has no seat limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - seats_taken(event))


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when the person is not waiting."""
    if registration.status != WAITING:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=WAITING).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def quota_use(event: Event) -> dict[int, int]:
    """Confirmed seats per organisation id (organisations with none are left out)."""
    rows = (
        Registration.objects.filter(event=event, status=CONFIRMED)
        .values("user__organisation_id")
        .annotate(taken=Count("pk"))
        .values_list("user__organisation_id", "taken")
    )
    return dict(rows.order_by())


def quota_left(event: Event, organisation_id: int | None) -> int | None:
    """Seats the organisation may still take; None when it has no quota at this event."""
    if organisation_id is None:
        return None
    taken = (
        Registration.objects.filter(
            event=OuterRef("event"), status=CONFIRMED, user__organisation_id=organisation_id
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    row = (
        OrganisationQuota.objects.filter(event=event, organisation_id=organisation_id)
        .annotate(taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0)))
        .values_list("seats", "taken")
        .first()
    )
    if row is None:
        return None
    seats, taken_count = row
    return max(0, seats - taken_count)


def seat_counts(event_ids) -> dict[int, tuple[int, int]]:
    """(confirmed, waiting) per event id, for lists of events; events without any are left out."""
    rows = (
        Registration.objects.filter(event_id__in=list(event_ids))
        .values("event_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=CONFIRMED)),
            waiting=Count("pk", filter=Q(status=WAITING)),
        )
        .values_list("event_id", "confirmed", "waiting")
        .order_by()
    )
    return {event_id: (confirmed, waiting) for event_id, confirmed, waiting in rows}
