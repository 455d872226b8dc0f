"""The short survey after an event and its results for the organiser.

Who may answer: people whose registration is confirmed (checked in or not), from the event's
start on. One answer per person: a second submission is refused with "you have already
answered" rather than silently replacing the first, so that the results the organiser may
already have read do not change underneath them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.cpr import validate_no_cpr_number
from portal.core.forms import CprGuardedFormMixin
from portal.core.models import User

from .models import Event, FeedbackResponse, Registration

SCORES = (1, 2, 3, 4, 5)
OVERALL_CHOICES = [
    (1, gettext_lazy("1 – Poor")),
    (2, gettext_lazy("2 – Fair")),
    (3, gettext_lazy("3 – Good")),
    (4, gettext_lazy("4 – Very good")),
    (5, gettext_lazy("5 – Excellent")),
]
USEFULNESS_CHOICES = [
    (1, gettext_lazy("1 – Not useful")),
    (2, gettext_lazy("2 – A little useful")),
    (3, gettext_lazy("3 – Somewhat useful")),
    (4, gettext_lazy("4 – Very useful")),
    (5, gettext_lazy("5 – Extremely useful")),
]
COMMENT_MAX_LENGTH = 4000


class FeedbackForm(CprGuardedFormMixin, forms.Form):
    overall = forms.TypedChoiceField(
        label=gettext_lazy("What did you think of the event overall?"),
        choices=OVERALL_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=gettext_lazy("How useful was it for your work?"),
        choices=USEFULNESS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        help_text=gettext_lazy(
            "What was good, what could be better? The organisers see comments without your name. "
            "Do not write citizens' personal data."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


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


def feedback_submit(
    *, event: Event, user: User, overall: int, usefulness: int, comment: str = ""
) -> FeedbackResponse:
    """Record one participant's answer. ValidationError when the person may not (yet) answer,
    already answered, or the answer is out of range or holds a CPR number."""
    if not feedback_may_answer(event=event, user=user):
        raise ValidationError(
            _("Only participants of the event can answer the survey."), code="not_participant"
        )
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event has been cancelled."), code="cancelled")
    if timezone.now() < event.starts_at:
        raise ValidationError(_("The survey opens when the event has started."), code="too_early")
    errors = {}
    if overall not in SCORES:
        errors["overall"] = _("Choose a score from 1 to 5.")
    if usefulness not in SCORES:
        errors["usefulness"] = _("Choose a score from 1 to 5.")
    comment = (comment or "").strip()
    try:
        validate_no_cpr_number(comment)
    except ValidationError as error:
        errors["comment"] = error
    if errors:
        raise ValidationError(errors)
    if FeedbackResponse.objects.filter(event=event, user=user).exists():
        raise ValidationError(_("You have already answered the survey."), code="already_answered")
    try:
        with transaction.atomic():
            return FeedbackResponse.objects.create(
                event=event, user=user, overall=overall, usefulness=usefulness, comment=comment
            )
    except IntegrityError:
        # Two submissions at the same time: the unique constraint let one through.
        raise ValidationError(
            _("You have already answered the survey."), code="already_answered"
        ) from None


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
