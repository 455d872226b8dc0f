"""Reads of the legal hotline: the jurists' work list and what the deadline check acts on."""

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from portal.core.models import Role, User
from portal.forum import access

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
