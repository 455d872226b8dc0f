"""Partnership endpoints of /api/v1/: a fund's figures for a month, exactly as
docs/partnership.md defines them. A fund the token's owner may not see answers 404, as if it did
not exist (the partnership policy, access.py)."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from portal.core.api import ErrorOut

from . import selectors

router = Router(tags=["partnership"])

PERIOD_PATTERN = r"^(19\d\d|2[01]\d\d|2200)-(0[1-9]|1[0-2])$"


class KpiFilters(Schema):
    fund: str = Field(min_length=1, max_length=60, description="Short name (slug) of the fund.")
    period: str = Field(pattern=PERIOD_PATTERN, description="The month, YYYY-MM (years 1900–2200).")


class KpisOut(Schema):
    fund: str = Field(description="Short name (slug) of the fund.")
    period: str = Field(description="The month, YYYY-MM.")
    slots_due: int = Field(description="Interview slots that fall in the month (due + tolerance).")
    slots_on_time: int = Field(description="Of those, slots met on time.")
    timeliness: float | None = Field(
        description="slots_on_time ÷ slots_due, 4 decimals; null when nothing was due."
    )
    job_club_by_3m: float | None = Field(
        description="Share of courses reaching 3 months in the month with a job club by then."
    )
    budget_used_dkk: int = Field(description="Job-club spend of activities starting in the month.")
    budget_frame_dkk: int = Field(description="The year's frame for job clubs (the agreement's).")
    self_supporting_26w: float | None = Field(
        description="Share of 26-week outcomes in the month that are self-supporting."
    )
    benchmark_self_supporting_26w: float | None = Field(
        description="The same share in comparable municipalities, when entered."
    )


@router.get(
    "/partnership/kpis",
    response={200: KpisOut, 404: ErrorOut},
    operation_id="partnership_kpis",
    summary="A fund's partnership figures for a month",
    description=(
        "Timeliness, job club by 3 months, budget and effect of one fund for one month, as "
        "defined in docs/partnership.md. A month without data answers zeros and nulls; a fund "
        "the token's owner may not see answers 404."
    ),
)
def partnership_kpis(request: HttpRequest, filters: Query[KpiFilters]):
    fund = selectors.access_fund(user=request.user, slug=filters.fund)
    year, month = (int(part) for part in filters.period.split("-"))
    return selectors.fund_month_figures(fund=fund, period=date(year, month, 1)).as_api()
