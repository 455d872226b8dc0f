"""Reads of the survey after an event: who may answer, whether it is open, one person's answer
and the results for the organiser."""

from django.db.models import Avg, Count, Q
from django.utils import timezone

from portal.core.models import User

from ..models import Event, FeedbackResponse, Registration

SCORES = (1, 2, 3, 4, 5)


def feedback_may_answer(*, event: Event, user: User) -> bool:
    """Whether the person was a confirmed participant (the survey exists for them)."""
    return Registration.objects.filter(
        event=event, user=user, status=Registration.Status.CONFIRMED
    ).exists()


def feedback_open(*, event: Event) -> bool:
    """The survey is open from the event's start, unless the event was cancelled."""
    return event.status != Event.Status.CANCELLED and timezone.now() >= event.starts_at


def feedback_of(*, event: Event, user: User) -> FeedbackResponse | None:
    return FeedbackResponse.objects.filter(event=event, user=user).first()


def _distribution(rows, field: str) -> list[dict]:
    counts = {score: 0 for score in SCORES}
    for row in rows:
        counts[row[field]] = row["n"]
    total = sum(counts.values())
    return [
        {
            "score": score,
            "count": counts[score],
            "percent": round(100 * counts[score] / total) if total else 0,
        }
        for score in SCORES
    ]


def feedback_results(*, event: Event) -> dict:
    """Count, response rate, averages, distribution per score and the comments (without names).

    The response rate is measured against the people checked in, or against everyone confirmed
    when the organiser did not use check-in.
    """
    responses = FeedbackResponse.objects.filter(event=event)
    summary = responses.aggregate(
        count=Count("pk"), overall=Avg("overall"), usefulness=Avg("usefulness")
    )
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    participation = confirmed.aggregate(
        confirmed=Count("pk"), checked_in=Count("pk", filter=Q(checked_in_at__isnull=False))
    )
    participants = participation["checked_in"] or participation["confirmed"]
    count = summary["count"]
    return {
        "count": count,
        "participants": participants,
        "measured_against_check_in": bool(participation["checked_in"]),
        "response_rate": round(100 * count / participants) if participants else None,
        "overall_average": round(summary["overall"], 1) if summary["overall"] is not None else None,
        "usefulness_average": (
            round(summary["usefulness"], 1) if summary["usefulness"] is not None else None
        ),
        "overall_distribution": _distribution(
            responses.values("overall").annotate(n=Count("pk")).order_by(), "overall"
        ),
        "usefulness_distribution": _distribution(
            responses.values("usefulness").annotate(n=Count("pk")).order_by(), "usefulness"
        ),
        "comments": list(
            responses.exclude(comment="")
            .order_by("created_at", "pk")
            .values_list("comment", flat=True)
        ),
    }
