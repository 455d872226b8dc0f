"""GET /api/v1/insights/summary: the evaluation's headline figures for a period, as JSON.

Editors and operator admins (access.may_view); 403 for anyone else. The dates are Copenhagen
dates, both included; a missing, malformed or reversed date answers 400 with a Danish message.
"""

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.core.api import ErrorOut

from . import access, selectors

router = Router(tags=["insights"])


class OrganisationKindCounts(Schema):
    jobcenter: int
    ufund: int
    union: int
    operator: int


class InsightsSummaryOut(Schema):
    date_from: date
    date_to: date
    goal_people: int = Field(description="The goal for registered people (a setting).")
    people_registered: int = Field(description="Approved, active people at the period's end.")
    people_active_30d: int = Field(
        description="Of them, signed in or acted from an email in the 30 days up to the end."
    )
    people_by_organisation_kind: OrganisationKindCounts
    visits_email: int = Field(description="Signed-in visits that came from an email link.")
    visits_direct: int
    newsletters_sent: int
    newsletter_click_rate: float = Field(description="Newsletter emails clicked / sent, 0..1.")
    questions_asked: int
    questions_answered: int = Field(description="Questions of the period with a reply.")
    hotline_cases: int
    hotline_on_time: int = Field(description="Hotline cases answered by their deadline.")
    events_held: int
    event_attendance: int = Field(description="People checked in at the events held.")


# The figures are about the portal's life: a period outside these years is a typing error
# (and year 1 or 9999 would overflow the time zone arithmetic).
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _day(value: str | None, name: str) -> date:
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        raise HttpError(
            400, _("%(name)s must be a date written YYYY-MM-DD.") % {"name": name}
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise HttpError(400, _("The period must lie between the years 2000 and 2100."))
    return day


def _date_parameter(description: str):
    return Query(..., description=description, format="date")


@router.get(
    "/insights/summary",
    response={200: InsightsSummaryOut, 400: ErrorOut, 403: ErrorOut},
    summary="The evaluation's headline figures for a period",
    description=(
        "Editors and operator administrators; 403 for anyone else. Both dates are Copenhagen "
        "dates and included. 400 with a Danish message for a date that is not YYYY-MM-DD, a "
        "year outside 2000-2100, or date_to before date_from (a rule between the two fields)."
    ),
)
def insights_summary(
    request: HttpRequest,
    date_from: str = _date_parameter("The first day of the period, YYYY-MM-DD."),
    date_to: str = _date_parameter("The last day of the period, YYYY-MM-DD."),
):
    if not access.may_view(user=request.user):
        raise HttpError(403, _("Only editors and operator administrators see the evaluation."))
    start, end = _day(date_from, "date_from"), _day(date_to, "date_to")
    if end < start:
        raise HttpError(400, _("date_to must not be before date_from."))
    summary = selectors.evaluation_summary(date_from=start, date_to=end)
    people, reach = summary.people, summary.reach
    return {
        "date_from": start,
        "date_to": end,
        "goal_people": people.goal,
        "people_registered": people.registered,
        "people_active_30d": people.active_30d,
        "people_by_organisation_kind": people.by_organisation_kind,
        "visits_email": reach.visits_email,
        "visits_direct": reach.visits_direct,
        "newsletters_sent": summary.editorial.newsletters_sent,
        "newsletter_click_rate": reach.emails["newsletter"].click_rate,
        "questions_asked": summary.knowledge.questions_asked,
        "questions_answered": summary.knowledge.questions_answered,
        "hotline_cases": summary.knowledge.hotline_cases,
        "hotline_on_time": summary.knowledge.hotline_on_time,
        "events_held": summary.meetings.events_held,
        "event_attendance": summary.meetings.attendance,
    }
