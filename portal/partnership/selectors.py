"""Reads of the partnership: a fund's figures per month, as the API, pages and reports show them.

Readability is the partnership policy's (access.py); these functions take a fund the caller has
already fetched through `access_fund`.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Max, Prefetch, QuerySet, Sum
from django.http import Http404

from portal.core.models import Organisation, User

from . import access
from .figures import course_measure, fund_courses
from .kpis import (
    COUNT_FIELDS,
    DEFAULT_TOLERANCE_DAYS,
    BudgetForecast,
    MonthlyTotals,
    SlotResult,
    add_months,
    budget_forecast,
    budget_running_total,
    course_stop,
    ratio,
    slot_results,
)
from .models import (
    ContactCourse,
    EffectBenchmark,
    FundMonth,
    InterviewRuleSet,
    InterviewSlot,
    PartnershipAgreement,
    PartnershipImport,
)

# The frame every fund has for job clubs unless its agreement says otherwise (seed 002:
# "inden for en ramme på max 500.000 pr. a-kasse").
DEFAULT_BUDGET_FRAME_DKK = Decimal("500000")


def funds_visible(*, user: User) -> QuerySet[Organisation]:
    """The unemployment funds whose figures the person may see, by name."""
    return Organisation.objects.filter(access.funds_readable(user=user)).order_by("name")


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


# --- The pages: a fund's year, the funds side by side, the deadline work list ----------------


def _totals(row: FundMonth | None, fund: Organisation, period: date) -> MonthlyTotals:
    return MonthlyTotals(
        fund=fund.slug,
        period=period,
        **{name: int(getattr(row, name)) if row else 0 for name in COUNT_FIELDS},
    )


def _benchmark(value: Decimal | None) -> float | None:
    return ratio(int(value * 10000), 10000) if value is not None else None


@dataclass(frozen=True)
class Goals:
    """The agreement's goals (ratios 0..1); None where the agreement sets none. Without an
    agreement the issue's standing goals apply: 90 % on time and the 500.000 kr. frame."""

    timeliness: float
    job_club_share: float | None
    budget_frame_dkk: int
    effect: float | None
    agreed: bool


DEFAULT_TIMELINESS_TARGET = 0.9


def _goals(agreement: PartnershipAgreement | None) -> Goals:
    if agreement is None:
        return Goals(
            timeliness=DEFAULT_TIMELINESS_TARGET,
            job_club_share=None,
            budget_frame_dkk=int(DEFAULT_BUDGET_FRAME_DKK),
            effect=None,
            agreed=False,
        )
    return Goals(
        timeliness=float(agreement.timeliness_target),
        job_club_share=(
            float(agreement.job_club_share_target)
            if agreement.job_club_share_target is not None
            else None
        ),
        budget_frame_dkk=int(agreement.budget_frame_dkk),
        effect=float(agreement.effect_target) if agreement.effect_target is not None else None,
        agreed=True,
    )


@dataclass(frozen=True)
class DashboardMonth:
    totals: MonthlyTotals
    budget_running_dkk: int
    benchmark: float | None

    @property
    def period(self) -> date:
        return self.totals.period


@dataclass(frozen=True)
class FundYear:
    """A fund's year month by month, with its goals and the budget forecast."""

    fund: Organisation
    year: int
    goals: Goals
    months: list[DashboardMonth]
    forecast: BudgetForecast | None  # None for a year that has not begun
    through: date | None  # the last month counted so far in the year

    @property
    def latest(self) -> DashboardMonth | None:
        """The last month so far with interviews due (the headline of the page)."""
        counted = [m for m in self.months if self.through and m.period <= self.through]
        with_slots = [m for m in counted if m.totals.slots_due]
        return with_slots[-1] if with_slots else (counted[-1] if counted else None)


def fund_year(*, fund: Organisation, year: int, today: date) -> FundYear:
    """The fund's twelve months of `year` from the stored aggregates: three queries (the months,
    the agreement, the benchmarks), however many courses."""
    rows = {
        row.period: row
        for row in FundMonth.objects.filter(
            fund=fund, period__gte=date(year, 1, 1), period__lte=date(year, 12, 1)
        )
    }
    goals = _goals(PartnershipAgreement.objects.filter(fund=fund, year=year).first())
    benchmarks = dict(
        EffectBenchmark.objects.filter(
            period__gte=date(year, 1, 1), period__lte=date(year, 12, 1)
        ).values_list("period", "value")
    )
    periods = [date(year, month, 1) for month in range(1, 13)]
    totals = [_totals(rows.get(period), fund, period) for period in periods]
    spend = {t.period: t.budget_used_dkk for t in totals}
    running = budget_running_total(spend, year)
    if year < today.year:
        through = date(year, 12, 1)
    elif year == today.year:
        through = today.replace(day=1)
    else:
        through = None
    forecast = (
        budget_forecast(spend, through, goals.budget_frame_dkk) if through is not None else None
    )
    return FundYear(
        fund=fund,
        year=year,
        goals=goals,
        months=[
            DashboardMonth(
                totals=t,
                budget_running_dkk=running[t.period],
                benchmark=_benchmark(benchmarks.get(t.period)),
            )
            for t in totals
        ],
        forecast=forecast,
        through=through,
    )


@dataclass(frozen=True)
class FundComparison:
    """One fund's row on the jobcenter's overview: the month, and the budget so far that year."""

    fund: Organisation
    totals: MonthlyTotals
    goals: Goals
    budget_year_to_date_dkk: int
    benchmark: float | None

    @property
    def timeliness_met(self) -> bool | None:
        t = self.totals.timeliness
        return None if t is None else t >= self.goals.timeliness

    @property
    def job_club_met(self) -> bool | None:
        share, goal = self.totals.job_club_by_3m, self.goals.job_club_share
        return None if share is None or goal is None else share >= goal

    @property
    def budget_within(self) -> bool:
        return self.budget_year_to_date_dkk <= self.goals.budget_frame_dkk

    @property
    def budget_share(self) -> float | None:
        return ratio(self.budget_year_to_date_dkk, self.goals.budget_frame_dkk)

    @property
    def effect_met(self) -> bool | None:
        value = self.totals.self_supporting_26w
        goal = self.goals.effect if self.goals.effect is not None else self.benchmark
        return None if value is None or goal is None else value >= goal


def funds_comparison(*, user: User, period: date) -> list[FundComparison]:
    """Every fund the person may see, side by side for one month: four queries however many
    funds (the funds, their months, their agreements, the year's spend) plus the benchmark."""
    period = period.replace(day=1)
    funds = list(funds_visible(user=user))
    ids = [f.pk for f in funds]
    rows = {row.fund_id: row for row in FundMonth.objects.filter(fund_id__in=ids, period=period)}
    agreements = {
        a.fund_id: a for a in PartnershipAgreement.objects.filter(fund_id__in=ids, year=period.year)
    }
    spend = dict(
        FundMonth.objects.filter(
            fund_id__in=ids, period__gte=date(period.year, 1, 1), period__lte=period
        )
        .order_by()
        .values("fund_id")
        .annotate(total=Sum("budget_used_dkk"))
        .values_list("fund_id", "total")
    )
    benchmark = _benchmark(
        EffectBenchmark.objects.filter(period=period).values_list("value", flat=True).first()
    )
    return [
        FundComparison(
            fund=fund,
            totals=_totals(rows.get(fund.pk), fund, period),
            goals=_goals(agreements.get(fund.pk)),
            budget_year_to_date_dkk=int(spend.get(fund.pk) or 0),
            benchmark=benchmark,
        )
        for fund in funds
    ]


# The work list looks this far ahead for interviews coming due, and keeps a missed interview
# on the list this long after its deadline (docs/decisions/0024-partnership-work-list.md).
WORK_LIST_AHEAD_DAYS = 14
WORK_LIST_OVERDUE_DAYS = 30


@dataclass(frozen=True)
class WorkItem:
    """A running course's next interview to hold (or the one just missed)."""

    course_pk: int
    slot: SlotResult
    today: date
    course_id: str = ""
    citizen_key: str = ""
    unemployment_start: date | None = None

    @property
    def overdue(self) -> bool:
        return self.slot.deadline < self.today

    @property
    def days(self) -> int:
        """Days left until the deadline, or (overdue) days since it."""
        return abs((self.slot.deadline - self.today).days)


def _next_slot(slots: list[SlotResult], today: date) -> SlotResult | None:
    """The first unmet slot that still asks something of the caseworker: coming due within
    the look-ahead, or missed recently and not yet superseded by a later slot already due."""
    for index, slot in enumerate(slots):
        if slot.met or not slot.counts:
            continue
        if slot.deadline < today:
            later_due = index + 1 < len(slots) and slots[index + 1].due <= today
            if later_due or (today - slot.deadline).days > WORK_LIST_OVERDUE_DAYS:
                continue
            return slot
        if slot.due <= today + timedelta(days=WORK_LIST_AHEAD_DAYS):
            return slot
        return None
    return None


def _work_list_horizon(fund: Organisation, today: date) -> date:
    """The earliest start of a course that can still be on the list: its last slot (the latest
    offset of any rule set) plus the largest tolerance of the fund's agreements plus the days an
    overdue slot stays listed must reach today. Older courses are not read at all, so the list
    costs what the fund's recent courses cost, not its whole history (two small queries)."""
    latest = InterviewSlot.objects.aggregate(months=Max("months"), days=Max("days"))
    tolerance = PartnershipAgreement.objects.filter(fund=fund).aggregate(
        days=Max("tolerance_days")
    )["days"]
    reach = (latest["days"] or 0) + max(tolerance or 0, DEFAULT_TOLERANCE_DAYS)
    return add_months(today, -(latest["months"] or 0)) - timedelta(
        days=reach + WORK_LIST_OVERDUE_DAYS + 1
    )


def work_list(*, fund: Organisation, today: date) -> list[WorkItem]:
    """The fund's running courses (not stopped, not in the special effort) whose next interview
    is due within two weeks or was just missed, soonest due first. Six queries however many
    courses (figures.fund_courses' four, the rule sets, the agreements); the page then asks
    `work_items_described` for the rows it shows."""
    measure = course_measure(fund=fund)
    items = []
    for course in fund_courses(fund_id=fund.pk, started_from=_work_list_horizon(fund, today)):
        if course.special_effort:
            continue
        stop = course_stop(course)
        if stop is not None and stop <= today:
            continue
        slot = _next_slot(slot_results(course, *measure(course)), today)
        if slot is not None:
            items.append(WorkItem(course_pk=course.course_id, slot=slot, today=today))
    items.sort(key=lambda item: (item.slot.due, item.course_pk))
    return items


def work_items_described(*, items: list[WorkItem]) -> list[WorkItem]:
    """The items with their course id, citizen key and start: one query for the page shown."""
    courses = {
        pk: (course_id, citizen_key, start)
        for pk, course_id, citizen_key, start in ContactCourse.objects.filter(
            pk__in=[item.course_pk for item in items]
        ).values_list("pk", "course_id", "citizen_key", "unemployment_start")
    }
    return [
        replace(
            item,
            course_id=courses[item.course_pk][0],
            citizen_key=courses[item.course_pk][1],
            unemployment_start=courses[item.course_pk][2],
        )
        for item in items
        if item.course_pk in courses
    ]


# --- Imports ---------------------------------------------------------------------------------

RECENT_IMPORTS = 20


def import_readable(*, user: User, import_id: int) -> PartnershipImport:
    """One import, for the person who sent it or one who may import for every fund; for anyone
    else it does not exist (404): an import names funds and files they need not know of."""
    record = PartnershipImport.objects.filter(pk=import_id).first()
    if record is None or not access.may_import(user=user):
        raise Http404
    if record.uploaded_by_id != user.pk and not access.may_import_for_all(user=user):
        raise Http404
    return record


def imports_recent(*, user: User) -> list[PartnershipImport]:
    """The person's own latest imports, newest first (the import page's list)."""
    return list(PartnershipImport.objects.filter(uploaded_by=user)[:RECENT_IMPORTS])


# --- Agreements and rule sets ----------------------------------------------------------------


def agreement_of(*, fund: Organisation, year: int) -> PartnershipAgreement | None:
    """The fund's agreement for the year with its rule set and both sides' contacts (four
    queries), or None."""
    return (
        PartnershipAgreement.objects.filter(fund=fund, year=year)
        .select_related("rule_set")
        .prefetch_related(
            Prefetch("jobcenter_contacts", queryset=User.objects.select_related("organisation")),
            Prefetch("fund_contacts", queryset=User.objects.select_related("organisation")),
        )
        .first()
    )


def agreement_years(*, fund: Organisation) -> list[int]:
    """The years the fund has an agreement for, newest first."""
    return list(
        PartnershipAgreement.objects.filter(fund=fund)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def agreement_contact_choices(*, fund: Organisation) -> tuple[QuerySet[User], QuerySet[User]]:
    """Who may be named as contacts (access.agreement_contacts_possible), jobcenter side and
    fund side, by name."""
    jobcenter, own = access.agreement_contacts_possible(fund=fund)
    people = User.objects.select_related("organisation").order_by("full_name", "email")
    return people.filter(jobcenter), people.filter(own)


def rule_sets_all() -> list[InterviewRuleSet]:
    """Every rule set with its slots, in the order they became valid (two queries)."""
    return list(InterviewRuleSet.objects.prefetch_related("slots").order_by("valid_from", "code"))


def rule_set_by_code(*, code: str) -> InterviewRuleSet:
    rule_set = InterviewRuleSet.objects.prefetch_related("slots").filter(code=code).first()
    if rule_set is None:
        raise Http404
    return rule_set
