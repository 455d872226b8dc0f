"""The partnership KPIs, defined once: timeliness, job club by 3 months, budget, effect.

Pure functions over plain facts about one contact course (no Django, no database), so the
definition in docs/partnership.md, these functions and their tests are one and the same thing.
The data model converts its rows to `CourseFacts` and stores the `Contribution`s of each course;
a fund's month is the sum of its courses' contributions to that month (`MonthlyTotals`), which
is why aggregates can be kept current on import instead of being recomputed per page view.

Every course contributes to months by date:
- a slot to the month of its deadline (due + tolerance), when it is known whether it was met;
- the job-club check to the month of `add_months(start, 3)`;
- a job-club activity's cost to the month it starts;
- a 26-week outcome to the month of start + 26 weeks.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .rule_sets import RuleSet, Slot, rule_set_for

DEFAULT_TOLERANCE_DAYS = 14
"""Days after a slot's due date that still count as on time, unless an agreement says otherwise."""

SLOT_KINDS = frozenset({"job", "joint"})
"""Interview kinds that fill slots; CV and availability interviews do not."""

HELD = "held"
OUTCOME_WEEKS = 26


def add_months(d: date, k: int) -> date:
    """The same day of the month k months later, clipped to the month's last day.

    31 January + 1 month is 28 February (29 in a leap year); 29 February + 12 months is
    28 February.
    """
    month_index = d.year * 12 + (d.month - 1) + k
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_of(d: date) -> date:
    """The period a date belongs to: the first day of its month."""
    return d.replace(day=1)


def slot_due(slot: Slot, start: date) -> date:
    return add_months(start, slot.months) + timedelta(days=slot.days)


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator ÷ denominator rounded half up to 4 decimals; None when nothing is due.

    Half up, not Python's round-half-even on binary floats: 1 of 32 is 0.0313, as a person
    with a calculator would write it.
    """
    if denominator == 0:
        return None
    exact = Decimal(numerator) / Decimal(denominator)
    return float(exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class InterviewFact:
    held_on: date
    kind: str  # cv | job | joint | availability
    held_by: str  # fund | jobcenter
    status: str  # held | cancelled | no_show
    interview_id: str | None = None

    @property
    def fills_slots(self) -> bool:
        return self.status == HELD and self.kind in SLOT_KINDS


@dataclass(frozen=True)
class JobClubFact:
    start_date: date
    cost_dkk: int


@dataclass(frozen=True)
class OutcomeFact:
    weeks_after_start: int
    self_supporting: bool


@dataclass(frozen=True)
class CourseFacts:
    """What the KPIs need to know about one contact course."""

    course_id: str
    unemployment_start: date
    special_effort: bool = False
    chose_jobcenter_on: date | None = None
    end_date: date | None = None
    interviews: tuple[InterviewFact, ...] = ()
    job_clubs: tuple[JobClubFact, ...] = ()
    outcomes: tuple[OutcomeFact, ...] = ()


def course_stop(course: CourseFacts) -> date | None:
    """The day the course stops: the earlier of its end and the citizen choosing the jobcenter."""
    days = [d for d in (course.end_date, course.chose_jobcenter_on) if d is not None]
    return min(days) if days else None


@dataclass(frozen=True)
class SlotResult:
    order: int
    held_by: str  # the slot's: who may fill it
    due: date
    deadline: date  # due + tolerance: the last day that is on time; its month gets the slot
    counts: bool  # False for a special-effort course or a slot due after the stop
    met: bool
    held_on: date | None = None  # the interview that met the slot
    interview_id: str | None = None

    @property
    def period(self) -> date:
        return month_of(self.deadline)


def slot_results(
    course: CourseFacts,
    rule_set: RuleSet | None,
    tolerance_days: int = DEFAULT_TOLERANCE_DAYS,
) -> list[SlotResult]:
    """Walk the rule set's slots in order and say which were met by which interview.

    The candidate for a slot is the earliest held job or joint interview the slot accepts (its
    held_by) held strictly after the interview that met the latest met slot (before any slot is
    met: on or after the start). Held no later than due + tolerance: the slot is met and the
    interview used. Otherwise the slot is missed and the candidate stays available for the next.
    Strictly after by date, so two interviews on one day fill one slot at most.

    Every slot is walked and reported; `counts` says whether it enters the KPI. Interviews are
    never filtered by the stop date: a slot that counts (due on or before the stop) may be met
    by an interview in its tolerance after the stop.
    """
    if rule_set is None:
        return []
    start = course.unemployment_start
    stop = course_stop(course)
    eligible = sorted(
        (i for i in course.interviews if i.fills_slots and i.held_on >= start),
        key=lambda i: (i.held_on, i.interview_id or ""),
    )
    last_used: date | None = None
    results = []
    for slot in rule_set.slots:
        due = slot_due(slot, start)
        deadline = due + timedelta(days=tolerance_days)
        counts = not course.special_effort and (stop is None or due <= stop)
        candidate = next(
            (
                i
                for i in eligible
                if (last_used is None or i.held_on > last_used) and slot.accepts(i.held_by)
            ),
            None,
        )
        met = candidate is not None and candidate.held_on <= deadline
        if met:
            last_used = candidate.held_on
        results.append(
            SlotResult(
                order=slot.order,
                held_by=slot.held_by,
                due=due,
                deadline=deadline,
                counts=counts,
                met=met,
                held_on=candidate.held_on if met else None,
                interview_id=candidate.interview_id if met else None,
            )
        )
    return results


COUNT_FIELDS = (
    "slots_due",
    "slots_on_time",
    "job_club_due",
    "job_club_met",
    "budget_used_dkk",
    "outcomes_26w",
    "outcomes_26w_self_supporting",
)


@dataclass(frozen=True)
class Contribution:
    """What one course adds to one month (`period`, the month's first day)."""

    period: date
    slots_due: int = 0
    slots_on_time: int = 0
    job_club_due: int = 0  # courses whose 3-month day falls in this month and had not stopped
    job_club_met: int = 0  # ... of which had a job club on or before that day
    budget_used_dkk: int = 0
    outcomes_26w: int = 0
    outcomes_26w_self_supporting: int = 0


def course_contributions(
    course: CourseFacts,
    rule_set: RuleSet | None,
    tolerance_days: int = DEFAULT_TOLERANCE_DAYS,
) -> list[Contribution]:
    """The course's contributions to each month, one per month, in month order.

    A special-effort course contributes its job-club costs (budget) and nothing else. A course
    no rule set covers (`rule_set` None) has no slots but still counts in the other KPIs.
    """
    counts: dict[date, dict[str, int]] = {}

    def add(period: date, **amounts: int) -> None:
        month = counts.setdefault(period, dict.fromkeys(COUNT_FIELDS, 0))
        for name, amount in amounts.items():
            month[name] += amount

    for activity in course.job_clubs:
        add(month_of(activity.start_date), budget_used_dkk=activity.cost_dkk)

    if not course.special_effort:
        for result in slot_results(course, rule_set, tolerance_days):
            if result.counts:
                add(result.period, slots_due=1, slots_on_time=int(result.met))

        three_months = add_months(course.unemployment_start, 3)
        stop = course_stop(course)
        if stop is None or stop >= three_months:
            first = min((a.start_date for a in course.job_clubs), default=None)
            met = first is not None and first <= three_months
            add(month_of(three_months), job_club_due=1, job_club_met=int(met))

        week_26 = month_of(course.unemployment_start + timedelta(weeks=OUTCOME_WEEKS))
        for outcome in course.outcomes:
            if outcome.weeks_after_start == OUTCOME_WEEKS:
                add(
                    week_26,
                    outcomes_26w=1,
                    outcomes_26w_self_supporting=int(outcome.self_supporting),
                )

    return [Contribution(period=period, **counts[period]) for period in sorted(counts)]


@dataclass(frozen=True)
class MonthlyTotals:
    """A fund's month: the sum of its courses' contributions, with the ratios the pages show."""

    fund: str
    period: date
    slots_due: int = 0
    slots_on_time: int = 0
    job_club_due: int = 0
    job_club_met: int = 0
    budget_used_dkk: int = 0
    outcomes_26w: int = 0
    outcomes_26w_self_supporting: int = 0

    def __add__(self, other):
        if not isinstance(other, MonthlyTotals | Contribution):
            return NotImplemented
        if other.period != self.period or getattr(other, "fund", self.fund) != self.fund:
            raise ValueError("only totals of the same fund and month add up")
        return MonthlyTotals(
            fund=self.fund,
            period=self.period,
            **{name: getattr(self, name) + getattr(other, name) for name in COUNT_FIELDS},
        )

    def __sub__(self, other):
        """Take a course's old contribution out again (a changed row on re-import)."""
        if not isinstance(other, MonthlyTotals | Contribution):
            return NotImplemented
        if other.period != self.period or getattr(other, "fund", self.fund) != self.fund:
            raise ValueError("only totals of the same fund and month subtract")
        return MonthlyTotals(
            fund=self.fund,
            period=self.period,
            **{name: getattr(self, name) - getattr(other, name) for name in COUNT_FIELDS},
        )

    @classmethod
    def from_contributions(
        cls, fund: str, contributions: Iterable[Contribution]
    ) -> dict[date, "MonthlyTotals"]:
        """Sum contributions (of any number of the fund's courses) per month."""
        # Summed in plain lists, not by `+`: a fund's year is a million contributions.
        sums: dict[date, list[int]] = {}
        for contribution in contributions:
            month = sums.setdefault(contribution.period, [0] * len(COUNT_FIELDS))
            for index, name in enumerate(COUNT_FIELDS):
                month[index] += getattr(contribution, name)
        return {
            period: cls(
                fund=fund, period=period, **dict(zip(COUNT_FIELDS, sums[period], strict=True))
            )
            for period in sorted(sums)
        }

    @property
    def timeliness(self) -> float | None:
        return ratio(self.slots_on_time, self.slots_due)

    @property
    def job_club_by_3m(self) -> float | None:
        return ratio(self.job_club_met, self.job_club_due)

    @property
    def self_supporting_26w(self) -> float | None:
        return ratio(self.outcomes_26w_self_supporting, self.outcomes_26w)


def fund_monthly_totals(
    fund: str,
    courses: Iterable[CourseFacts],
    rule_sets: Iterable[RuleSet],
    tolerance_days: int = DEFAULT_TOLERANCE_DAYS,
) -> dict[date, MonthlyTotals]:
    """Every month of one fund from its courses, each course under the rule set of its start."""
    rule_sets = tuple(rule_sets)
    return MonthlyTotals.from_contributions(
        fund,
        (
            contribution
            for course in courses
            for contribution in course_contributions(
                course, rule_set_for(course.unemployment_start, rule_sets), tolerance_days
            )
        ),
    )


def budget_running_total(
    monthly_budget: dict[date, int], year: int, through: date | None = None
) -> dict[date, int]:
    """Spend so far in the year, month by month (January to December, or to `through`).

    `monthly_budget` maps periods (first of the month) to the spend of that month; months
    without spend carry the total on. Months of other years are ignored.
    """
    last_month = through.month if through is not None and through.year == year else 12
    running = 0
    totals = {}
    for month in range(1, last_month + 1):
        period = date(year, month, 1)
        running += monthly_budget.get(period, 0)
        totals[period] = running
    return totals


@dataclass(frozen=True)
class BudgetForecast:
    year: int
    through: date  # the last month counted
    spent_dkk: int  # year to date, through that month
    forecast_dkk: int  # spent ÷ months elapsed × 12, rounded half up to whole kroner
    frame_dkk: int | None  # the agreement's frame; None without an agreement
    over_frame: bool | None  # forecast above the frame

    @property
    def share_of_frame(self) -> float | None:
        """Spend so far as a share of the frame (rounded like every ratio)."""
        return ratio(self.spent_dkk, self.frame_dkk) if self.frame_dkk else None


def budget_forecast(
    monthly_budget: dict[date, int], through: date, frame_dkk: int | None = None
) -> BudgetForecast:
    """A linear forecast of the year's spend: year-to-date spend ÷ months elapsed × 12.

    `through` is the last month to count (its month number is the months elapsed), so a
    forecast made in March from January to March data is spend ÷ 3 × 12.
    """
    year = through.year
    months = through.month
    spent = budget_running_total(monthly_budget, year, through)[date(year, months, 1)]
    forecast = int((Decimal(spent) * 12 / months).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return BudgetForecast(
        year=year,
        through=month_of(through),
        spent_dkk=spent,
        forecast_dkk=forecast,
        frame_dkk=frame_dkk,
        over_frame=None if frame_dkk is None else forecast > frame_dkk,
    )


__all__ = [
    "DEFAULT_TOLERANCE_DAYS",
    "BudgetForecast",
    "Contribution",
    "CourseFacts",
    "InterviewFact",
    "JobClubFact",
    "MonthlyTotals",
    "OutcomeFact",
    "SlotResult",
    "add_months",
    "budget_forecast",
    "budget_running_total",
    "course_contributions",
    "course_stop",
    "fund_monthly_totals",
    "month_of",
    "ratio",
    "slot_due",
    "slot_results",
]
