"""A participant's answer to the short survey after an event (the results for the organiser
are read in `selectors.feedback`).

Who may answer: people whose registration is confirmed (checked in or not), from the event's
start on. One answer per person: a second submission is refused with "you have already
answered" rather than silently replacing the first, so that the results the organiser may
already have read do not change underneath them.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.models import User

from ..models import Event, FeedbackResponse
from ..selectors.feedback import SCORES, feedback_may_answer


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
