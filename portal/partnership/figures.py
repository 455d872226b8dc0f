"""Keeping the KPI aggregates current: the engine (kpis.py) run over a fund's stored rows.

An import calls `kpis_refresh` for the funds it touched (tasks.refresh_after_import). A fund is
recomputed whole, not patched month by month: a changed course or interview can move slots in
months far from the rows' own dates, and a whole fund of 100.000 courses is a few seconds of
pure Python (bench/partnership.py) — simpler to trust than subtracting old contributions.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.core.models import Organisation

from .kpis import (
    COUNT_FIELDS,
    DEFAULT_TOLERANCE_DAYS,
    CourseFacts,
    InterviewFact,
    JobClubFact,
    MonthlyTotals,
    OutcomeFact,
    course_contributions,
)
from .models import (
    ContactCourse,
    FundMonth,
    Interview,
    InterviewRuleSet,
    JobClubActivity,
    Outcome,
    PartnershipAgreement,
)
from .rule_sets import RuleSet, Slot, rule_set_for


def rule_sets_stored() -> dict[int, RuleSet]:
    """The administrator's rule sets as the engine's data, by primary key."""
    result = {}
    for rule_set in InterviewRuleSet.objects.prefetch_related("slots"):
        result[rule_set.pk] = RuleSet(
            code=rule_set.code,
            name=rule_set.name,
            valid_from=rule_set.valid_from,
            valid_to=rule_set.valid_to,
            to_be_confirmed=rule_set.to_be_confirmed,
            slots=tuple(
                Slot(order=s.order, months=s.months, days=s.days, held_by=s.held_by)
                for s in rule_set.slots.all()
            ),
        )
    return result


def fund_courses(*, fund_id: int, started_from: date | None = None) -> list[CourseFacts]:
    """Every course of the fund (or those started on or after `started_from`) with its
    interviews, job clubs and outcomes: four queries of plain values, however many courses (no
    model instances for a six-figure import)."""
    own = {"course__fund_id": fund_id}
    if started_from is not None:
        own["course__unemployment_start__gte"] = started_from
    interviews = defaultdict(list)
    for course_id, held_on, kind, held_by, status, interview_id in (
        Interview.objects.filter(**own)
        .order_by()
        .values_list("course_id", "held_on", "kind", "held_by", "status", "interview_id")
        .iterator(chunk_size=20000)
    ):
        interviews[course_id].append(
            InterviewFact(
                held_on=held_on,
                kind=kind,
                held_by=held_by,
                status=status,
                interview_id=interview_id,
            )
        )
    job_clubs = defaultdict(list)
    for course_id, start_date, cost in (
        JobClubActivity.objects.filter(**own)
        .order_by()
        .values_list("course_id", "start_date", "cost_dkk")
        .iterator(chunk_size=20000)
    ):
        job_clubs[course_id].append(JobClubFact(start_date=start_date, cost_dkk=cost))
    outcomes = defaultdict(list)
    for course_id, weeks, self_supporting in (
        Outcome.objects.filter(**own)
        .order_by()
        .values_list("course_id", "weeks_after_start", "self_supporting")
        .iterator(chunk_size=20000)
    ):
        outcomes[course_id].append(
            OutcomeFact(weeks_after_start=weeks, self_supporting=self_supporting)
        )
    return [
        CourseFacts(
            course_id=pk,
            unemployment_start=start,
            special_effort=special_effort,
            chose_jobcenter_on=chose_jobcenter_on,
            end_date=end_date,
            interviews=tuple(interviews.get(pk, ())),
            job_clubs=tuple(job_clubs.get(pk, ())),
            outcomes=tuple(outcomes.get(pk, ())),
        )
        for pk, start, special_effort, chose_jobcenter_on, end_date in ContactCourse.objects.filter(
            **{key.removeprefix("course__"): value for key, value in own.items()}
        )
        .order_by()
        .values_list("pk", "unemployment_start", "special_effort", "chose_jobcenter_on", "end_date")
        .iterator(chunk_size=20000)
    ]


def course_measure(*, fund: Organisation):
    """How the fund's courses are measured: a function from a course to (rule set, tolerance).

    A course is measured under the agreement of its start year (its tolerance, and its rule set
    when the agreement names one); without an agreement, the default tolerance and the rule set
    valid on the course's start date. Two queries (the rule sets, the fund's agreements)."""
    rule_sets = rule_sets_stored()
    by_date = tuple(rule_sets.values())
    agreements = {
        agreement.year: agreement
        for agreement in PartnershipAgreement.objects.filter(fund=fund).only(
            "year", "tolerance_days", "rule_set_id"
        )
    }

    # It depends on the start date only: worked out once per date (a fund's 100,000 courses
    # start on a few hundred).
    chosen: dict[date, tuple[RuleSet | None, int]] = {}

    def measure(course: CourseFacts) -> tuple[RuleSet | None, int]:
        start = course.unemployment_start
        if start not in chosen:
            agreement = agreements.get(start.year)
            if agreement is not None and agreement.rule_set_id is not None:
                rule_set = rule_sets[agreement.rule_set_id]
            else:
                rule_set = rule_set_for(start, by_date)
            tolerance = agreement.tolerance_days if agreement else DEFAULT_TOLERANCE_DAYS
            chosen[start] = (rule_set, tolerance)
        return chosen[start]

    return measure


def fund_totals(*, fund: Organisation) -> dict[date, MonthlyTotals]:
    """The fund's months from its stored rows, each course measured by `course_measure`."""
    measure = course_measure(fund=fund)

    def contributions():
        for course in fund_courses(fund_id=fund.pk):
            yield from course_contributions(course, *measure(course))

    return MonthlyTotals.from_contributions(fund.slug, contributions())


@transaction.atomic
def kpis_refresh(*, fund_ids: Iterable[int]) -> int:
    """Recompute the stored months of these funds from their rows; returns the months stored.

    The fund's months are replaced in one transaction, so a reader sees the old figures or the
    new ones, never half of each.
    """
    stored = 0
    now = timezone.now()
    for fund in Organisation.objects.filter(pk__in=list(fund_ids)).order_by("pk"):
        totals = fund_totals(fund=fund)
        FundMonth.objects.filter(fund=fund).delete()
        FundMonth.objects.bulk_create(
            [
                FundMonth(
                    fund=fund,
                    period=period,
                    computed_at=now,
                    **{name: getattr(month, name) for name in COUNT_FIELDS},
                )
                for period, month in totals.items()
            ],
            batch_size=1000,
        )
        stored += len(totals)
    return stored
