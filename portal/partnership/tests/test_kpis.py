"""The KPI definition as executable examples (docs/partnership.md is the same definition in prose).

Each example is a small hand-made course; the comment above the assertion works the numbers out.
Unless a test says otherwise the course follows the 2015 rule set (slot k due at start + k
months, either side) with the default tolerance of 14 days. No database is touched.
"""

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from portal.partnership.kpis import (
    DEFAULT_TOLERANCE_DAYS,
    Contribution,
    CourseFacts,
    InterviewFact,
    JobClubFact,
    MonthlyTotals,
    OutcomeFact,
    add_months,
    budget_forecast,
    budget_running_total,
    course_contributions,
    course_stop,
    fund_monthly_totals,
    ratio,
    slot_results,
)
from portal.partnership.rule_sets import (
    RULE_SET_2015,
    RULE_SET_2025,
    SHIPPED_RULE_SETS,
    RuleSet,
    Slot,
    overlapping,
    rule_set_for,
)

START = date(2018, 1, 10)
# With START, the 2015 slots fall due on 10 Feb, 10 Mar, 10 Apr, 10 May, 10 Jun and 10 Jul 2018;
# their deadlines (due + 14 days) are 24 Feb, 24 Mar, 24 Apr, 24 May, 24 Jun and 24 Jul.
DUES = [date(2018, m, 10) for m in range(2, 8)]


def interview(held_on, kind="job", held_by="fund", status="held", interview_id=None):
    return InterviewFact(
        held_on=held_on, kind=kind, held_by=held_by, status=status, interview_id=interview_id
    )


def course(start=START, interviews=(), **kwargs):
    return CourseFacts(
        course_id=kwargs.pop("course_id", "c1"),
        unemployment_start=start,
        interviews=tuple(interviews),
        **kwargs,
    )


def met(results):
    """The slot orders that were met, for the counting slots only."""
    return [r.order for r in results if r.counts and r.met]


def counting(results):
    return [r.order for r in results if r.counts]


def totals(*courses, rule_set=RULE_SET_2015, tolerance_days=DEFAULT_TOLERANCE_DAYS):
    """Every month of fund "f" from these courses, all under `rule_set`."""
    return MonthlyTotals.from_contributions(
        "f",
        (c for one in courses for c in course_contributions(one, rule_set, tolerance_days)),
    )


def timeliness_sum(*courses, **kwargs):
    months = totals(*courses, **kwargs).values()
    return sum(m.slots_on_time for m in months), sum(m.slots_due for m in months)


# --- add_months -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "k", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),  # clipped to February's last day
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # ... which is the 29th in a leap year
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2023, 1, 31), 2, date(2023, 3, 31)),  # not "28 Feb + 1 month": from the start
        (date(2023, 1, 31), 3, date(2023, 4, 30)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),  # over the year's end
        (date(2023, 3, 31), -1, date(2023, 2, 28)),
        (date(2023, 5, 17), 0, date(2023, 5, 17)),
    ],
)
def test_add_months_keeps_the_day_clipped_to_the_months_last(start, k, expected):
    assert add_months(start, k) == expected


def test_a_course_starting_31_january_has_its_first_slot_on_the_last_of_february():
    # Start 31 Jan 2019 (not a leap year): slot 1 due 28 Feb, deadline 14 Mar; slot 2 due
    # 31 Mar. An interview on 14 Mar meets slot 1 on its last day; one on 15 Mar would not.
    results = slot_results(course(date(2019, 1, 31), [interview(date(2019, 3, 14))]), RULE_SET_2015)
    assert [r.due for r in results[:3]] == [date(2019, 2, 28), date(2019, 3, 31), date(2019, 4, 30)]
    assert results[0].met and results[0].held_on == date(2019, 3, 14)
    # In 2024 (leap year) slot 1 is due 29 Feb.
    assert slot_results(course(date(2024, 1, 31)), RULE_SET_2015)[0].due == date(2024, 2, 29)


# --- timeliness: the walk -------------------------------------------------------------------


def test_one_interview_on_each_due_date_meets_all_six_slots():
    # 6 interviews, each on its slot's due date: 6 of 6 on time, one slot in each of the months
    # of the deadlines (24 Feb .. 24 Jul 2018): February to July.
    results = slot_results(course(interviews=[interview(d) for d in DUES]), RULE_SET_2015)
    assert met(results) == [1, 2, 3, 4, 5, 6]
    months = totals(course(interviews=[interview(d) for d in DUES]))
    assert list(months) == [date(2018, m, 1) for m in range(2, 8)]
    assert all((m.slots_due, m.slots_on_time, m.timeliness) == (1, 1, 1.0) for m in months.values())


def test_two_interviews_on_one_day_count_once():
    # Two job interviews on 10 Feb: the first meets slot 1; the second is not held strictly
    # after it, so slot 2 has no candidate. 1 of 6.
    same_day = [interview(date(2018, 2, 10), interview_id="a"), interview(date(2018, 2, 10))]
    results = slot_results(course(interviews=same_day), RULE_SET_2015)
    assert met(results) == [1]
    assert timeliness_sum(course(interviews=same_day)) == (1, 6)


def test_an_early_interview_meets_a_slot():
    # Slot 1 is due 10 Feb; an interview on 20 Jan (after the start, before the due date) meets
    # it. The next interview on 10 Mar meets slot 2: 2 of 6.
    results = slot_results(
        course(interviews=[interview(date(2018, 1, 20)), interview(date(2018, 3, 10))]),
        RULE_SET_2015,
    )
    assert met(results) == [1, 2]
    assert results[0].held_on == date(2018, 1, 20)


def test_an_interview_on_the_start_day_counts_but_not_one_before_it():
    # The first met slot may use an interview on or after the start (10 Jan), not before.
    on_start = slot_results(course(interviews=[interview(START)]), RULE_SET_2015)
    before = slot_results(course(interviews=[interview(START - timedelta(days=1))]), RULE_SET_2015)
    assert met(on_start) == [1]
    assert met(before) == []


def test_a_late_interview_misses_its_slot_but_meets_the_next():
    # Slot 1: due 10 Feb, deadline 24 Feb. The only interview before May is on 1 Mar: too late
    # for slot 1 (missed), and it stays available: slot 2 (due 10 Mar, deadline 24 Mar) takes
    # it. 10 Apr and 10 May meet slots 3 and 4; nothing for 5 and 6. 3 of 6.
    interviews = [interview(date(2018, 3, 1)), interview(DUES[2]), interview(DUES[3])]
    results = slot_results(course(interviews=interviews), RULE_SET_2015)
    assert [r.met for r in results] == [False, True, True, True, False, False]
    assert results[1].held_on == date(2018, 3, 1)
    assert timeliness_sum(course(interviews=interviews)) == (3, 6)


def test_a_run_of_late_interviews_each_meets_the_following_slot():
    # Interviews 1 Mar, 1 Apr, 1 May, 1 Jun, 1 Jul: each is after its own month's deadline
    # (24 Feb, ...) but before the next slot's; slot 1 is missed, slots 2-6 are met. 5 of 6.
    interviews = [interview(date(2018, m, 1)) for m in range(3, 8)]
    assert met(slot_results(course(interviews=interviews), RULE_SET_2015)) == [2, 3, 4, 5, 6]


def test_the_tolerance_boundary_due_plus_14_is_met_due_plus_15_is_missed():
    # Slot 1 due 10 Feb: 24 Feb (due + 14) is on time, 25 Feb (due + 15) is not (and then
    # meets slot 2 instead, due 10 Mar).
    on_time = slot_results(course(interviews=[interview(date(2018, 2, 24))]), RULE_SET_2015)
    late = slot_results(course(interviews=[interview(date(2018, 2, 25))]), RULE_SET_2015)
    assert met(on_time) == [1]
    assert met(late) == [2]
    # The tolerance is the agreement's: with 0 days only the due date itself is on time.
    assert met(slot_results(course(interviews=[interview(DUES[0])]), RULE_SET_2015, 0)) == [1]
    one_day_late = course(interviews=[interview(DUES[0] + timedelta(days=1))])
    assert met(slot_results(one_day_late, RULE_SET_2015, 0)) == [2]


def test_a_slot_belongs_to_the_month_of_due_plus_tolerance():
    # Start 20 Jan: slot 1 due 20 Feb, deadline 6 Mar -> March, not February. With a 7-day
    # tolerance the deadline is 27 Feb -> February.
    late_month = course(date(2018, 1, 20), end_date=date(2018, 2, 28))  # only slot 1 counts
    assert slot_results(late_month, RULE_SET_2015)[0].deadline == date(2018, 3, 6)
    assert {p: m.slots_due for p, m in totals(late_month).items()} == {date(2018, 3, 1): 1}
    seven = totals(late_month, tolerance_days=7)
    assert {p: m.slots_due for p, m in seven.items()} == {date(2018, 2, 1): 1}


def test_cancelled_and_no_show_interviews_fill_no_slot():
    # Slot 1's due date has a cancelled and a no-show interview: neither counts. A held one on
    # 20 Feb (within the tolerance) meets slot 1. 1 of 6.
    interviews = [
        interview(DUES[0], status="cancelled"),
        interview(DUES[0], status="no_show"),
        interview(DUES[1], status="cancelled"),
        interview(date(2018, 2, 20)),
    ]
    results = slot_results(course(interviews=interviews), RULE_SET_2015)
    assert met(results) == [1]
    assert results[0].held_on == date(2018, 2, 20)


def test_cv_and_availability_interviews_fill_no_slot_job_and_joint_do():
    # CV interview on 10 Feb and an availability interview on 10 Mar: no slot met. A joint
    # interview on 10 Apr meets slot 3, a job interview on 10 May slot 4. 2 of 6.
    interviews = [
        interview(DUES[0], kind="cv"),
        interview(DUES[1], kind="availability"),
        interview(DUES[2], kind="joint", held_by="jobcenter"),
        interview(DUES[3], kind="job"),
    ]
    assert met(slot_results(course(interviews=interviews), RULE_SET_2015)) == [3, 4]


# --- the stop -------------------------------------------------------------------------------


def test_course_stop_is_the_earlier_of_end_and_choosing_the_jobcenter():
    assert course_stop(course()) is None
    assert course_stop(course(end_date=date(2018, 5, 1))) == date(2018, 5, 1)
    assert course_stop(course(chose_jobcenter_on=date(2018, 3, 1))) == date(2018, 3, 1)
    both = course(end_date=date(2018, 5, 1), chose_jobcenter_on=date(2018, 3, 1))
    assert course_stop(both) == date(2018, 3, 1)
    assert course_stop(replace(both, end_date=date(2018, 2, 1))) == date(2018, 2, 1)


def test_a_slot_due_on_the_stop_date_counts_one_due_after_it_does_not():
    # The course ends 10 Apr, slot 3's due date: slots 1-3 count (3 due). Ending a day earlier,
    # 9 Apr, slot 3 is due after the stop: only slots 1-2 count (2 due). All met by interviews
    # on the due dates, so 3 of 3 and 2 of 2.
    interviews = [interview(d) for d in DUES]
    on_due = course(interviews=interviews, end_date=date(2018, 4, 10))
    day_before = course(interviews=interviews, end_date=date(2018, 4, 9))
    assert counting(slot_results(on_due, RULE_SET_2015)) == [1, 2, 3]
    assert counting(slot_results(day_before, RULE_SET_2015)) == [1, 2]
    assert timeliness_sum(on_due) == (3, 3)
    assert timeliness_sum(day_before) == (2, 2)


def test_a_counting_slot_may_be_met_in_its_tolerance_after_the_stop():
    # Stop 10 Apr (slot 3's due date, so it counts); the interview on 12 Apr is within slot 3's
    # tolerance. Interviews are not cut at the stop, so the slot is met: 1 of 3.
    stopped = course(interviews=[interview(date(2018, 4, 12))], end_date=date(2018, 4, 10))
    assert met(slot_results(stopped, RULE_SET_2015)) == [3]
    assert timeliness_sum(stopped) == (1, 3)


def test_choosing_the_jobcenter_stops_the_course():
    # Chose the jobcenter 10 Mar (end 1 Jul later): the stop is 10 Mar, so slots 1-2 count.
    # Interviews on every due date: 2 of 2. The 3-month day (10 Apr) is after the stop: no
    # job-club check. The 26-week outcome still counts (only special effort removes it).
    chose = course(
        interviews=[interview(d) for d in DUES],
        chose_jobcenter_on=date(2018, 3, 10),
        end_date=date(2018, 7, 1),
        outcomes=(OutcomeFact(26, True),),
    )
    months = totals(chose)
    assert timeliness_sum(chose) == (2, 2)
    assert sum(m.job_club_due for m in months.values()) == 0
    assert months[date(2018, 7, 1)].outcomes_26w == 1


# --- special effort -------------------------------------------------------------------------


def test_special_effort_counts_in_no_kpi_but_budget():
    # A special-effort course with interviews, a job club (3 000 kr. on 1 Mar) and a 26-week
    # outcome contributes only the 3 000 kr. to March's budget.
    special = course(
        interviews=[interview(d) for d in DUES],
        special_effort=True,
        job_clubs=(JobClubFact(date(2018, 3, 1), 3000),),
        outcomes=(OutcomeFact(26, True),),
    )
    assert course_contributions(special, RULE_SET_2015) == [
        Contribution(period=date(2018, 3, 1), budget_used_dkk=3000)
    ]
    assert not counting(slot_results(special, RULE_SET_2015))


# --- job club by 3 months -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("club_start", "stop", "due", "met_"),
    [
        (date(2018, 4, 10), None, 1, 1),  # on the 3-month day itself: met
        (date(2018, 4, 11), None, 1, 0),  # a day late: due, not met
        (date(2017, 12, 1), None, 1, 1),  # before the start is still "on or before"
        (date(2018, 3, 1), date(2018, 4, 9), 0, 0),  # stopped the day before: not counted
        (date(2018, 3, 1), date(2018, 4, 10), 1, 1),  # stopped on the day: counted
        (None, None, 1, 0),  # no job club at all
    ],
)
def test_job_club_by_3_months(club_start, stop, due, met_):
    # Start 10 Jan: the 3-month day is 10 Apr, so the check belongs to April 2018.
    clubs = () if club_start is None else (JobClubFact(club_start, 0),)
    months = totals(course(job_clubs=clubs, end_date=stop))
    april = months.get(date(2018, 4, 1), MonthlyTotals("f", date(2018, 4, 1)))
    assert (april.job_club_due, april.job_club_met) == (due, met_)
    assert april.job_club_by_3m == ratio(met_, due)


def test_job_club_uses_the_earliest_activity_and_the_month_of_the_3_month_day():
    # Start 30 Nov 2018: add_months(start, 3) = 28 Feb 2019 (clipped), the check is February's.
    # Activities on 20 Mar and 28 Feb: the earliest, 28 Feb, is on the day: met.
    clubs = (JobClubFact(date(2019, 3, 20), 0), JobClubFact(date(2019, 2, 28), 0))
    months = totals(course(date(2018, 11, 30), job_clubs=clubs))
    feb = months[date(2019, 2, 1)]
    assert (feb.job_club_due, feb.job_club_met, feb.job_club_by_3m) == (1, 1, 1.0)


def test_job_club_share_over_several_courses():
    # Three courses starting 10 Jan: two with a job club by 10 Apr, one without: 2 of 3.
    on_time = course(job_clubs=(JobClubFact(date(2018, 2, 1), 0),))
    courses = [on_time, replace(on_time, course_id="c2"), course(course_id="c3")]
    assert totals(*courses)[date(2018, 4, 1)].job_club_by_3m == 0.6667


# --- budget ---------------------------------------------------------------------------------


def test_budget_is_the_cost_in_the_month_the_activity_starts():
    # 12 500 kr. starting 31 Jan and 7 500 + 2 000 kr. in February (one of them a special-effort
    # course's): January 12 500, February 9 500.
    a = course(
        job_clubs=(JobClubFact(date(2018, 1, 31), 12500), JobClubFact(date(2018, 2, 1), 7500))
    )
    special = course(
        course_id="s", special_effort=True, job_clubs=(JobClubFact(date(2018, 2, 28), 2000),)
    )
    months = totals(a, special)
    assert months[date(2018, 1, 1)].budget_used_dkk == 12500
    assert months[date(2018, 2, 1)].budget_used_dkk == 9500


def test_budget_running_total_and_linear_forecast():
    spend = {date(2018, 1, 1): 30000, date(2018, 3, 1): 60000, date(2017, 12, 1): 99999}
    # Running total: Jan 30 000, Feb 30 000 (nothing spent), Mar 90 000, ...; December 2017 is
    # another year and ignored.
    running = budget_running_total(spend, 2018)
    assert len(running) == 12
    assert running[date(2018, 1, 1)] == 30000
    assert running[date(2018, 2, 1)] == 30000
    assert running[date(2018, 3, 1)] == 90000
    assert running[date(2018, 12, 1)] == 90000
    assert list(budget_running_total(spend, 2018, through=date(2018, 3, 1))) == [
        date(2018, 1, 1),
        date(2018, 2, 1),
        date(2018, 3, 1),
    ]
    # Through March: 90 000 ÷ 3 months × 12 = 360 000 against a frame of 500 000: not over;
    # spent so far 90 000 / 500 000 = 0.18 of the frame.
    march = budget_forecast(spend, through=date(2018, 3, 1), frame_dkk=500000)
    assert (march.spent_dkk, march.forecast_dkk, march.over_frame) == (90000, 360000, False)
    assert march.share_of_frame == 0.18
    # Through February: 30 000 ÷ 2 × 12 = 180 000.
    assert budget_forecast(spend, through=date(2018, 2, 15)).forecast_dkk == 180000
    # 150 000 in January alone: 1 800 000 forecast, over the frame.
    assert budget_forecast({date(2018, 1, 1): 150000}, date(2018, 1, 1), 500000).over_frame
    # Without an agreement there is no frame to be over.
    assert budget_forecast(spend, date(2018, 3, 1)).over_frame is None
    # Whole kroner, half up: 7 kr. through August = 7 × 12 ÷ 8 = 10.5 -> 11.
    assert budget_forecast({date(2018, 1, 1): 7}, date(2018, 8, 1)).forecast_dkk == 11


# --- self-supporting at 26 weeks ------------------------------------------------------------


def test_self_supporting_at_26_weeks():
    # Start 10 Jan 2018 + 26 weeks = 11 Jul 2018: July. Course 1: self-supporting at 26 weeks
    # (its 13-week row is ignored); course 2: not. 1 of 2 = 0.5. A special-effort course's
    # outcome does not count.
    one = course(outcomes=(OutcomeFact(13, False), OutcomeFact(26, True)))
    two = course(course_id="c2", outcomes=(OutcomeFact(26, False),))
    special = course(course_id="s", special_effort=True, outcomes=(OutcomeFact(26, True),))
    july = totals(one, two, special)[date(2018, 7, 1)]
    assert (july.outcomes_26w, july.outcomes_26w_self_supporting) == (2, 1)
    assert july.self_supporting_26w == 0.5


# --- rule sets ------------------------------------------------------------------------------


def test_the_rule_set_follows_the_course_start_date():
    assert rule_set_for(date(2015, 1, 1), SHIPPED_RULE_SETS) is RULE_SET_2015
    assert rule_set_for(date(2019, 12, 31), SHIPPED_RULE_SETS) is RULE_SET_2015
    assert rule_set_for(date(2014, 12, 31), SHIPPED_RULE_SETS) is None
    assert rule_set_for(date(2022, 6, 1), SHIPPED_RULE_SETS) is None
    assert rule_set_for(date(2025, 1, 1), SHIPPED_RULE_SETS) is RULE_SET_2025
    assert rule_set_for(date(2031, 1, 1), SHIPPED_RULE_SETS) is RULE_SET_2025
    assert overlapping(SHIPPED_RULE_SETS) == []
    assert RULE_SET_2025.to_be_confirmed and not RULE_SET_2015.to_be_confirmed


def test_overlapping_rule_sets_are_found_and_the_later_one_wins():
    later = RuleSet("x", "x", date(2019, 1, 1), None, RULE_SET_2015.slots)
    assert overlapping([RULE_SET_2015, later]) == [(RULE_SET_2015, later)]
    assert rule_set_for(date(2019, 6, 1), [later, RULE_SET_2015]) is later


def test_rule_sets_refuse_nonsense():
    with pytest.raises(ValueError):
        Slot(order=1, held_by="union")
    with pytest.raises(ValueError):
        Slot(order=0)
    with pytest.raises(ValueError):
        RuleSet("x", "x", date(2020, 1, 1), None, (Slot(1), Slot(1, months=2)))
    with pytest.raises(ValueError):
        RuleSet("x", "x", date(2020, 1, 1), date(2019, 1, 1), ())
    # Slots are walked in their order, whatever order they are given in.
    shuffled = RuleSet("x", "x", date(2020, 1, 1), None, (Slot(2, months=2), Slot(1, months=1)))
    assert [s.order for s in shuffled.slots] == [1, 2]


def test_a_course_no_rule_set_covers_still_counts_in_the_other_kpis():
    # Start 10 Jan 2022 (between the two shipped rule sets): no slots, but the job-club check
    # in April and the budget in February count.
    start = date(2022, 1, 10)
    c = course(
        start, [interview(date(2022, 2, 10))], job_clubs=(JobClubFact(date(2022, 2, 1), 900),)
    )
    months = fund_monthly_totals("f", [c], SHIPPED_RULE_SETS)
    assert sum(m.slots_due for m in months.values()) == 0
    assert months[date(2022, 4, 1)].job_club_by_3m == 1.0
    assert months[date(2022, 2, 1)].budget_used_dkk == 900


def test_2025_rule_set_the_slots_held_by_decides_which_interviews_fill_it():
    # Start 3 Mar 2025. Fund slots due 17 Mar (+14 days), 3 May, 3 Jun; jobcenter slots due
    # 3 Jul, 3 Aug, 3 Sep.
    # - 17 Mar, fund: meets slot 1.
    # - 3 May, jobcenter: may not fill fund slot 2. Slot 2's candidate is the next fund
    #   interview, 3 Jun, after its deadline (17 May): missed, and it stays available.
    # - 3 Jun, fund: meets slot 3.
    # - Slot 4 (jobcenter) needs a jobcenter interview strictly after 3 Jun (the last used
    #   one); the 3 May one is before it and stays unused. 3 Jul and 3 Aug, jobcenter, meet
    #   slots 4 and 5; nothing for slot 6. 4 of 6.
    start = date(2025, 3, 3)
    interviews = [
        interview(date(2025, 3, 17), held_by="fund"),
        interview(date(2025, 5, 3), held_by="jobcenter"),
        interview(date(2025, 6, 3), held_by="fund"),
        interview(date(2025, 7, 3), held_by="jobcenter"),
        interview(date(2025, 8, 3), held_by="jobcenter"),
    ]
    c = course(start, interviews)
    results = slot_results(c, rule_set_for(start, SHIPPED_RULE_SETS))
    assert [r.due for r in results] == [
        date(2025, 3, 17),
        date(2025, 5, 3),
        date(2025, 6, 3),
        date(2025, 7, 3),
        date(2025, 8, 3),
        date(2025, 9, 3),
    ]
    assert [r.held_by for r in results] == ["fund"] * 3 + ["jobcenter"] * 3
    assert met(results) == [1, 3, 4, 5]
    assert timeliness_sum(c, rule_set=RULE_SET_2025) == (4, 6)
    # The same offsets with every slot "either": the 3 May jobcenter interview meets slot 2,
    # and so on: 5 of 6. held_by is what made the difference.
    either = replace(
        RULE_SET_2025, slots=tuple(replace(s, held_by="either") for s in RULE_SET_2025.slots)
    )
    assert met(slot_results(c, either)) == [1, 2, 3, 4, 5]


def test_2025_rule_set_a_fund_slot_ignores_a_jobcenter_interview_in_its_window():
    # Start 3 Mar 2025: only a jobcenter interview on 10 Mar. The fund slots 1-3 do not accept
    # it: missed. No slot has been met, so slot 4 (jobcenter, due 3 Jul, deadline 17 Jul) may
    # use any jobcenter interview on or after the start: 10 Mar, long before its due date, is
    # on time (an early interview may meet a slot). 1 of 6.
    c = course(date(2025, 3, 3), [interview(date(2025, 3, 10), held_by="jobcenter")])
    assert met(slot_results(c, RULE_SET_2025)) == [4]


# --- ratios and totals ----------------------------------------------------------------------


def test_ratios_are_rounded_half_up_to_4_decimals_and_none_when_nothing_is_due():
    assert ratio(2, 3) == 0.6667
    assert ratio(1, 3) == 0.3333
    assert ratio(1, 32) == 0.0313  # 0.03125: half up (float round() would give 0.0312)
    assert ratio(9, 10) == 0.9
    assert ratio(0, 5) == 0.0
    assert ratio(0, 0) is None
    empty = MonthlyTotals("f", date(2018, 1, 1))
    assert (empty.timeliness, empty.job_club_by_3m, empty.self_supporting_26w) == (None,) * 3
    assert empty.budget_used_dkk == 0


def test_timeliness_of_a_month_over_several_courses():
    # Three courses starting 10 Jan; slot 1's deadline 24 Feb puts all three in February:
    # met, met, missed -> 2 of 3 = 0.6667.
    a = course(interviews=[interview(DUES[0])])
    b = course(course_id="b", interviews=[interview(date(2018, 2, 24))])
    c = course(course_id="c", interviews=[interview(date(2018, 2, 25))])
    feb = totals(a, b, c)[date(2018, 2, 1)]
    assert (feb.slots_due, feb.slots_on_time, feb.timeliness) == (3, 2, 0.6667)


def test_monthly_totals_add_and_subtract_only_within_one_fund_and_month():
    jan = date(2018, 1, 1)
    t = MonthlyTotals("f", jan) + Contribution(jan, slots_due=2, slots_on_time=1)
    t = t + MonthlyTotals("f", jan, slots_due=1, slots_on_time=1, budget_used_dkk=5)
    assert (t.slots_due, t.slots_on_time, t.budget_used_dkk, t.timeliness) == (3, 2, 5, 0.6667)
    assert t - Contribution(jan, slots_due=2, slots_on_time=1) == MonthlyTotals(
        "f", jan, slots_due=1, slots_on_time=1, budget_used_dkk=5
    )
    with pytest.raises(ValueError):
        t + Contribution(date(2018, 2, 1), slots_due=1)
    with pytest.raises(ValueError):
        t + MonthlyTotals("other", jan)


def test_contributions_are_one_per_month_in_month_order():
    # Start 10 Jan, interviews on the due dates, a job club 1 Feb (400 kr.), a 26-week outcome.
    c = course(
        interviews=[interview(d) for d in DUES],
        job_clubs=(JobClubFact(date(2018, 2, 1), 400),),
        outcomes=(OutcomeFact(26, True),),
    )
    contributions = course_contributions(c, RULE_SET_2015)
    periods = [x.period for x in contributions]
    assert periods == sorted(set(periods)) == [date(2018, m, 1) for m in range(2, 8)]
    by_month = {x.period: x for x in contributions}
    assert by_month[date(2018, 2, 1)] == Contribution(
        date(2018, 2, 1), slots_due=1, slots_on_time=1, budget_used_dkk=400
    )
    assert by_month[date(2018, 4, 1)].job_club_met == 1
    assert by_month[date(2018, 7, 1)].outcomes_26w_self_supporting == 1


# --- property: the walk against its specification ------------------------------------------


def random_course(rng, n):
    start = date(2018, 1, 1) + timedelta(days=rng.randrange(365))
    if rng.random() < 0.5:
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
    interviews = tuple(
        InterviewFact(
            held_on=start + timedelta(days=rng.randrange(-20, 230)),
            kind=rng.choice(["job", "job", "joint", "cv", "availability"]),
            held_by=rng.choice(["fund", "jobcenter"]),
            status=rng.choice(["held", "held", "held", "cancelled", "no_show"]),
            interview_id=f"{n}-{i}",
        )
        for i in range(rng.randrange(0, 12))
    )
    stop = start + timedelta(days=rng.randrange(0, 250)) if rng.random() < 0.4 else None
    return CourseFacts(
        course_id=str(n),
        unemployment_start=start,
        special_effort=rng.random() < 0.1,
        chose_jobcenter_on=stop if rng.random() < 0.5 else None,
        end_date=None if rng.random() < 0.5 else stop,
        interviews=interviews,
        job_clubs=tuple(
            JobClubFact(start + timedelta(days=rng.randrange(0, 200)), rng.randrange(0, 5000))
            for _ in range(rng.randrange(0, 3))
        ),
        outcomes=(OutcomeFact(26, rng.random() < 0.6),) if rng.random() < 0.5 else (),
    )


def test_the_walk_agrees_with_its_specification_on_random_courses():
    """For every slot, given the interview used by the latest met slot before it (date p):
    the slot is met exactly when some held job/joint interview the slot accepts lies in
    (p, deadline] (for the first met slot: [start, deadline]), and then by the earliest one.
    Plus invariants: on time <= due, an interview is used at most once, used dates strictly
    increase, the counting slots are exactly those due on or before the stop."""
    rng = random.Random(20260612)
    courses = []
    for n in range(600):
        c = random_course(rng, n)
        courses.append(c)
        rule_set = rule_set_for(c.unemployment_start, SHIPPED_RULE_SETS)
        tolerance = rng.choice([0, 7, 14, 30])
        results = slot_results(c, rule_set, tolerance)
        stop = course_stop(c)
        fillers = [i for i in c.interviews if i.status == "held" and i.kind in ("job", "joint")]
        previous = c.unemployment_start - timedelta(days=1)
        for slot, result in zip(rule_set.slots, results, strict=True):
            window = [
                i
                for i in fillers
                if previous < i.held_on <= result.deadline
                and (slot.held_by == "either" or slot.held_by == i.held_by)
            ]
            assert result.met == bool(window), (n, result)
            if window:
                assert result.held_on == min(i.held_on for i in window)
                previous = result.held_on
            assert result.counts == (not c.special_effort and (stop is None or result.due <= stop))
        used = [r.interview_id for r in results if r.met]
        assert len(used) == len(set(used))
        used_dates = [r.held_on for r in results if r.met]
        assert used_dates == sorted(set(used_dates))

        contributions = course_contributions(c, rule_set, tolerance)
        due = sum(x.slots_due for x in contributions)
        assert 0 <= sum(x.slots_on_time for x in contributions) <= due
        assert due == sum(r.counts for r in results)
        assert sum(x.budget_used_dkk for x in contributions) == sum(j.cost_dkk for j in c.job_clubs)
        assert all(x.job_club_met <= x.job_club_due <= 1 for x in contributions)

    # The fund's months are the sums of the courses' contributions, field by field, and the
    # total on-time count is the number of met counting slots.
    months = fund_monthly_totals("f", courses, SHIPPED_RULE_SETS)
    assert list(months) == sorted(months)
    added = {}
    for one in courses:
        rule_set = rule_set_for(one.unemployment_start, SHIPPED_RULE_SETS)
        for x in course_contributions(one, rule_set):
            added[x.period] = added.get(x.period, MonthlyTotals("f", x.period)) + x
    assert months == added
    assert sum(m.slots_on_time for m in months.values()) == sum(
        r.counts and r.met
        for one in courses
        for r in slot_results(one, rule_set_for(one.unemployment_start, SHIPPED_RULE_SETS))
    )
