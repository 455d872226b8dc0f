"""Reads of the partnership: a fund's figures per month, as the API, pages and reports show them.

Readability is the partnership policy's (access.py); these functions take a fund the caller has
already fetched through `access_fund`.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from portal.core.models import Organisation, OrganisationKind, User

from . import access
from .kpis import COUNT_FIELDS, MonthlyTotals, ratio
from .models import EffectBenchmark, FundMonth, PartnershipAgreement

# The frame every fund has for job clubs unless its agreement says otherwise (seed 002:
# "inden for en ramme på max 500.000 pr. a-kasse").
DEFAULT_BUDGET_FRAME_DKK = Decimal("500000")


def funds_visible(*, user: User) -> QuerySet[Organisation]:
    """The unemployment funds whose figures the person may see, by name."""
    return Organisation.objects.filter(
        access.funds_readable(user=user), kind=OrganisationKind.UFUND
    ).order_by("name")


def access_fund(*, user: User, slug: str) -> Organisation:
    """The fund if the person may see its figures; 404 whether it is missing or forbidden."""
    fund = funds_visible(user=user).filter(slug=slug).first()
    if fund is None:
        raise Http404
    return fund


@dataclass(frozen=True)
class FundMonthFigures:
    """One fund's month as the API defines it (docs/api.md, docs/partnership.md)."""

    fund: str
    period: date
    slots_due: int
    slots_on_time: int
    timeliness: float | None
    job_club_by_3m: float | None
    budget_used_dkk: Decimal
    budget_frame_dkk: Decimal
    self_supporting_26w: float | None
    benchmark_self_supporting_26w: float | None

    def as_api(self) -> dict:
        return {
            "fund": self.fund,
            "period": f"{self.period:%Y-%m}",
            "slots_due": self.slots_due,
            "slots_on_time": self.slots_on_time,
            "timeliness": self.timeliness,
            "job_club_by_3m": self.job_club_by_3m,
            "budget_used_dkk": int(self.budget_used_dkk),
            "budget_frame_dkk": int(self.budget_frame_dkk),
            "self_supporting_26w": self.self_supporting_26w,
            "benchmark_self_supporting_26w": self.benchmark_self_supporting_26w,
        }


def budget_frame(*, fund: Organisation, year: int) -> Decimal:
    agreement = PartnershipAgreement.objects.filter(fund=fund, year=year).first()
    return agreement.budget_frame_dkk if agreement else DEFAULT_BUDGET_FRAME_DKK


def fund_month_figures(*, fund: Organisation, period: date) -> FundMonthFigures:
    """The fund's figures for one month: zeros and None for a month without data. Three
    queries (the month, the agreement's frame, the benchmark)."""
    period = period.replace(day=1)
    row = FundMonth.objects.filter(fund=fund, period=period).first()
    totals = MonthlyTotals(
        fund=fund.slug,
        period=period,
        **{name: getattr(row, name) if row else 0 for name in COUNT_FIELDS},
    )
    benchmark = EffectBenchmark.objects.filter(period=period).values_list("value", flat=True)
    benchmark_value = next(iter(benchmark), None)
    return FundMonthFigures(
        fund=fund.slug,
        period=period,
        slots_due=totals.slots_due,
        slots_on_time=totals.slots_on_time,
        timeliness=totals.timeliness,
        job_club_by_3m=totals.job_club_by_3m,
        budget_used_dkk=Decimal(totals.budget_used_dkk),
        budget_frame_dkk=budget_frame(fund=fund, year=period.year),
        self_supporting_26w=totals.self_supporting_26w,
        benchmark_self_supporting_26w=(
            ratio(int(benchmark_value * 10000), 10000) if benchmark_value is not None else None
        ),
    )
