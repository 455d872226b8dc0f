"""The stored months (FundMonth) are the engine's answer over the stored rows, and the API's
figures read them: each check here is worked out by hand from the rows it creates."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.partnership import figures, selectors
from portal.partnership.models import (
    ContactCourse,
    EffectBenchmark,
    FundMonth,
    Interview,
    InterviewRuleSet,
    JobClubActivity,
    Outcome,
    PartnershipAgreement,
)

pytestmark = pytest.mark.django_db


def _course(fund, course_id, start, **extra):
    return ContactCourse.objects.create(
        course_id=course_id,
        fund=fund,
        citizen_key=f"key-{course_id}",
        unemployment_start=start,
        age_band="30plus",
        **extra,
    )


def _interview(course, interview_id, held_on, *, kind="job", status="held", held_by="fund"):
    return Interview.objects.create(
        interview_id=interview_id,
        course=course,
        kind=kind,
        held_on=held_on,
        held_by=held_by,
        channel="in_person",
        status=status,
    )


def test_a_fund_month_holds_the_slots_that_fall_due_in_it(fund):
    # 2016-01-15 under the 2015 rule set: slots due 15 Feb … 15 Jul, deadline +14 days, so the
    # slots belong to Feb (29 Feb), Mar, Apr, May, Jun, Jul. Interviews on 16 Feb (slot 1 on
    # time) and 10 Apr (slot 2 missed: due 15 Mar, deadline 29 Mar; the candidate stays and
    # meets slot 3, due 15 Apr). Slots 4–6 are missed.
    course = _course(fund, "c1", date(2016, 1, 15))
    _interview(course, "i1", date(2016, 2, 16))
    _interview(course, "i2", date(2016, 4, 10))
    _interview(course, "i3", date(2016, 4, 10), kind="cv")  # a CV interview fills no slot

    assert figures.kpis_refresh(fund_ids=[fund.pk]) >= 6

    months = {row.period: row for row in FundMonth.objects.filter(fund=fund)}
    assert months[date(2016, 2, 1)].slots_due == 1
    assert months[date(2016, 2, 1)].slots_on_time == 1
    assert months[date(2016, 3, 1)].slots_on_time == 0
    assert months[date(2016, 4, 1)].slots_on_time == 1
    assert sum(row.slots_due for row in months.values()) == 6
    assert sum(row.slots_on_time for row in months.values()) == 2


def test_the_agreement_of_the_start_year_sets_the_tolerance(fund):
    # Due 15 Feb; held 5 Mar = due + 19 days: missed with the default 14, met with 21.
    course = _course(fund, "c1", date(2016, 1, 15), end_date=date(2016, 2, 20))
    _interview(course, "i1", date(2016, 3, 5))
    figures.kpis_refresh(fund_ids=[fund.pk])
    assert FundMonth.objects.get(fund=fund, period=date(2016, 2, 1)).slots_on_time == 0

    PartnershipAgreement.objects.create(fund=fund, year=2016, tolerance_days=21)
    figures.kpis_refresh(fund_ids=[fund.pk])
    # due + 21 days = 7 Mar: the slot now belongs to March and is met.
    march = FundMonth.objects.get(fund=fund, period=date(2016, 3, 1))
    assert (march.slots_due, march.slots_on_time) == (1, 1)
    assert not FundMonth.objects.filter(fund=fund, period=date(2016, 2, 1), slots_due__gt=0)


def test_an_agreement_naming_a_rule_set_overrides_the_start_date(fund):
    course = _course(fund, "c1", date(2016, 1, 15))
    _interview(course, "i1", date(2016, 1, 20), held_by="fund")
    PartnershipAgreement.objects.create(
        fund=fund, year=2016, rule_set=InterviewRuleSet.objects.get(code="2025")
    )
    figures.kpis_refresh(fund_ids=[fund.pk])
    # Under 2025 the first slot is the fund's, 14 days after the start (29 Jan, deadline
    # 12 Feb): the interview of 20 Jan meets it, and it belongs to February.
    february = FundMonth.objects.get(fund=fund, period=date(2016, 2, 1))
    assert (february.slots_due, february.slots_on_time) == (1, 1)


def test_job_club_budget_and_outcomes_are_stored_per_month(fund):
    on_time = _course(fund, "c1", date(2016, 1, 31))  # 3-month day: 30 Apr (clipped)
    late = _course(fund, "c2", date(2016, 1, 10))  # 3-month day: 10 Apr
    special = _course(fund, "c3", date(2016, 1, 10), special_effort=True)
    JobClubActivity.objects.create(
        activity_id="a1", course=on_time, start_date=date(2016, 4, 30), cost_dkk=Decimal("1000")
    )
    JobClubActivity.objects.create(
        activity_id="a2", course=late, start_date=date(2016, 4, 11), cost_dkk=Decimal("2500.50")
    )
    JobClubActivity.objects.create(
        activity_id="a3", course=special, start_date=date(2016, 4, 1), cost_dkk=Decimal("300")
    )
    Outcome.objects.create(course=on_time, weeks_after_start=26, self_supporting=True)
    Outcome.objects.create(course=late, weeks_after_start=26, self_supporting=False)
    Outcome.objects.create(course=late, weeks_after_start=13, self_supporting=True)

    figures.kpis_refresh(fund_ids=[fund.pk])

    april = FundMonth.objects.get(fund=fund, period=date(2016, 4, 1))
    # Both ordinary courses reach 3 months in April; only c1's club started by then. The
    # special-effort course counts in the budget only.
    assert (april.job_club_due, april.job_club_met) == (2, 1)
    assert april.budget_used_dkk == Decimal("3800.50")
    # 26 weeks after 10 Jan is 10 Jul; after 31 Jan is 31 Jul: both in July.
    july = FundMonth.objects.get(fund=fund, period=date(2016, 7, 1))
    assert (july.outcomes_26w, july.outcomes_26w_self_supporting) == (2, 1)


def test_a_refresh_replaces_the_funds_months_and_leaves_other_funds_alone(fund, other_fund):
    course = _course(fund, "c1", date(2016, 1, 15))
    _course(other_fund, "o1", date(2016, 1, 15))
    figures.kpis_refresh(fund_ids=[fund.pk, other_fund.pk])
    other_months = FundMonth.objects.filter(fund=other_fund).count()
    assert other_months

    course.delete()
    figures.kpis_refresh(fund_ids=[fund.pk])
    assert not FundMonth.objects.filter(fund=fund).exists()
    assert FundMonth.objects.filter(fund=other_fund).count() == other_months


def test_a_funds_rows_are_read_in_a_fixed_number_of_queries(fund, django_assert_num_queries):
    for index in range(5):
        course = _course(fund, f"c{index}", date(2016, 1, 15))
        _interview(course, f"i{index}", date(2016, 2, 16))
    # rule sets (+ their slots), agreements, interviews, job clubs, outcomes, courses
    with django_assert_num_queries(7):
        few = figures.fund_totals(fund=fund)
    for index in range(5, 20):
        course = _course(fund, f"c{index}", date(2016, 1, 15))
        _interview(course, f"i{index}", date(2016, 2, 16))
    with django_assert_num_queries(7):
        many = figures.fund_totals(fund=fund)
    assert few[date(2016, 2, 1)].slots_on_time == 5
    assert many[date(2016, 2, 1)].slots_on_time == 20


def test_the_api_figures_of_a_month(fund):
    course = _course(fund, "c1", date(2016, 1, 15))
    _interview(course, "i1", date(2016, 2, 16))
    JobClubActivity.objects.create(
        activity_id="a1", course=course, start_date=date(2016, 2, 20), cost_dkk=Decimal("999.99")
    )
    EffectBenchmark.objects.create(period=date(2016, 2, 1), value=Decimal("0.4512"))
    PartnershipAgreement.objects.create(fund=fund, year=2016, budget_frame_dkk=Decimal("400000"))
    figures.kpis_refresh(fund_ids=[fund.pk])

    result = selectors.fund_month_figures(fund=fund, period=date(2016, 2, 1)).as_api()

    assert result == {
        "fund": "3f",
        "period": "2016-02",
        "slots_due": 1,
        "slots_on_time": 1,
        "timeliness": 1.0,
        "job_club_by_3m": None,
        "budget_used_dkk": 999,
        "budget_frame_dkk": 400000,
        "self_supporting_26w": None,
        "benchmark_self_supporting_26w": 0.4512,
    }


def test_a_month_without_data_has_zeros_and_nulls_and_the_default_frame(fund):
    result = selectors.fund_month_figures(fund=fund, period=date(2030, 5, 1)).as_api()
    assert result["slots_due"] == 0
    assert result["timeliness"] is None
    assert result["budget_used_dkk"] == 0
    assert result["budget_frame_dkk"] == 500000


def test_access_fund_answers_404_for_a_fund_the_person_may_not_see(fund, other_fund):
    reader = make_user(organisation=fund)
    assert selectors.access_fund(user=reader, slug="3f") == fund
    with pytest.raises(Http404):
        selectors.access_fund(user=reader, slug="foa")
    union = OrganisationFactory(slug="hk", name="HK", kind=OrganisationKind.UNION)
    with pytest.raises(Http404):
        selectors.access_fund(user=make_user(organisation=union), slug="3f")


def test_an_import_brings_its_funds_figures_up_to_date(
    fund, jobcenter_coordinator, django_capture_on_commit_callbacks
):
    from portal.partnership.services import import_start

    courses = (
        b"course_id;fund;citizen_key;unemployment_start;age_band;special_effort;"
        b"chose_jobcenter_on;end_date;end_reason\r\n"
        b"K-1;3f;borger-a1;2016-01-15;30plus;0;;;\r\n"
    )
    interviews = (
        b"interview_id;course_id;kind;held_on;held_by;channel;status\r\n"
        b"S-1;K-1;job;2016-02-16;fund;phone;held\r\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        import_start(kind="courses", file_name="c.csv", data=courses, by=jobcenter_coordinator)
    february = FundMonth.objects.get(fund=fund, period=date(2016, 2, 1))
    assert (february.slots_due, february.slots_on_time) == (1, 0)

    with django_capture_on_commit_callbacks(execute=True):
        record = import_start(
            kind="interviews", file_name="s.csv", data=interviews, by=jobcenter_coordinator
        )
    assert record.status == "done", record.errors
    # The fund's months are replaced whole, so the month is read again.
    february = FundMonth.objects.get(fund=fund, period=date(2016, 2, 1))
    assert (february.slots_due, february.slots_on_time) == (1, 1)
