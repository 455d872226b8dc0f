"""Reads of the legal hotline: the jurists' work list and what the deadline check acts on."""

from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from portal.core.models import Role, User
from portal.forum import access

from . import access as hotline_access
from . import workdays
from .models import HotlineCase

RECENTLY_ANSWERED_DAYS = 14
RECENTLY_ANSWERED_LIMIT = 10


class Scope:
    ALL = "all"
    MINE = "mine"
    UNASSIGNED = "unassigned"


def jurists() -> QuerySet[User]:
    return User.objects.filter(role_grants__role=Role.JURIST, is_active=True).distinct()


def editors() -> QuerySet[User]:
    return User.objects.filter(role_grants__role=Role.EDITOR, is_active=True).distinct()


def _with_thread(cases: QuerySet[HotlineCase]) -> QuerySet[HotlineCase]:
    return cases.select_related(
        "thread__topic", "thread__author", "thread__network", "assigned_to", "answered_by"
    )


def hotline_work_list(*, user: User, scope: str = Scope.ALL) -> QuerySet[HotlineCase]:
    """Open cases the jurist may read, earliest deadline first."""
    cases = HotlineCase.objects.filter(
        access.threads_readable(user=user, prefix="thread__"), status=HotlineCase.Status.OPEN
    )
    if scope == Scope.MINE:
        cases = cases.filter(assigned_to=user)
    elif scope == Scope.UNASSIGNED:
        cases = cases.filter(assigned_to__isnull=True)
    return _with_thread(cases).order_by("deadline", "id")


def hotline_cases_asked_by(*, user: User) -> QuerySet[HotlineCase]:
    """Cases the person sent to the hotline or whose question they wrote, open ones first
    (earliest deadline first), then the latest answered."""
    cases = HotlineCase.objects.filter(
        access.threads_readable(user=user, prefix="thread__"),
        Q(requested_by_id=user.pk) | Q(thread__author_id=user.pk),
    ).exclude(status=HotlineCase.Status.WITHDRAWN)
    return _with_thread(cases).order_by("-status", "deadline", "-answered_at", "-id")


def hotline_cases_for_jurist(*, user: User) -> QuerySet[HotlineCase]:
    """Open cases assigned to the jurist or to nobody, earliest deadline first (none for
    someone who does not work the hotline)."""
    if not hotline_access.may_work(user=user):
        return HotlineCase.objects.none()
    return hotline_work_list(user=user).filter(Q(assigned_to_id=user.pk) | Q(assigned_to=None))


def hotline_recently_answered(*, user: User) -> list[HotlineCase]:
    since = timezone.now() - timedelta(days=RECENTLY_ANSWERED_DAYS)
    cases = HotlineCase.objects.filter(
        access.threads_readable(user=user, prefix="thread__"),
        status=HotlineCase.Status.ANSWERED,
        answered_at__gte=since,
    )
    return list(_with_thread(cases).order_by("-answered_at", "-id")[:RECENTLY_ANSWERED_LIMIT])


def hotline_case_ids_to_warn(*, now: datetime) -> list[int]:
    """Open, unwarned cases whose deadline is ahead but whose day-before-deadline has begun."""
    # Holidays never stretch the day before a deadline by more than a fortnight.
    candidates = HotlineCase.objects.filter(
        status=HotlineCase.Status.OPEN,
        deadline_warned_at__isnull=True,
        escalated_at__isnull=True,
        deadline__gt=now,
        deadline__lte=now + timedelta(days=14),
    ).values_list("pk", "deadline")
    return [pk for pk, deadline in candidates if workdays.warning_starts(deadline) <= now]


def hotline_case_ids_to_escalate(*, now: datetime) -> list[int]:
    return list(
        HotlineCase.objects.filter(
            status=HotlineCase.Status.OPEN, escalated_at__isnull=True, deadline__lt=now
        ).values_list("pk", flat=True)
    )
