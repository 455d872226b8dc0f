"""The partnership pages: who gets which page, the dashboard's numbers for a hand-made fund,
the deadline work list's rows and the access-log entry every view of it writes."""

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from portal.conftest import make_user
from portal.core.models import OrganisationKind, PersonalDataAccess
from portal.core.tests.factories import OrganisationFactory
from portal.partnership import charts, display, figures, selectors
from portal.partnership.models import (
    ContactCourse,
    EffectBenchmark,
    Interview,
    JobClubActivity,
    Outcome,
    PartnershipAgreement,
)

pytestmark = pytest.mark.django_db

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# A Monday: the work list is the page the fund's caseworkers open on Monday morning.
MONDAY = datetime(2016, 5, 2, 9, 0, tzinfo=COPENHAGEN)


def _course(fund, course_id, start, **extra):
    return ContactCourse.objects.create(
        course_id=course_id,
        fund=fund,
        citizen_key=f"pseudo-{course_id}",
        unemployment_start=start,
        age_band="30plus",
        **extra,
    )


def _interview(course, interview_id, held_on, *, kind="job"):
    return Interview.objects.create(
        interview_id=interview_id,
        course=course,
        kind=kind,
        held_on=held_on,
        held_by="fund",
        channel="in_person",
        status="held",
    )


@pytest.fixture
def jobcenter_coordinator(db):
    jobcenter = OrganisationFactory(slug="jc", name="Jobcenter", kind=OrganisationKind.JOBCENTER)
    return make_user(organisation=jobcenter, roles=("coordinator",), mfa=True)


@pytest.fixture
def union_member(db):
    union = OrganisationFactory(slug="hk", name="HK", kind=OrganisationKind.UNION)
    return make_user(organisation=union)


# --- Who gets which page ----------------------------------------------------------------------


def test_a_funds_people_see_their_own_dashboard_and_404_for_another(
    client_for, caseworker, fund, other_fund
):
    client = client_for(caseworker)
    assert client.get(reverse("partnership:dashboard", args=[fund.slug])).status_code == 200
    assert client.get(reverse("partnership:dashboard", args=[other_fund.slug])).status_code == 404
    work_list = reverse("partnership:work_list", args=[other_fund.slug])
    assert client.get(work_list, {"formaal": "samtaler"}).status_code == 404
    assert client.get(work_list).status_code == 404  # not even the purpose form
    assert not PersonalDataAccess.objects.exists()


def test_the_overview_sends_a_funds_person_to_their_dashboard(client_for, caseworker, fund):
    response = client_for(caseworker).get(reverse("partnership:overview"))
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:dashboard", args=[fund.slug])


def test_a_union_sees_no_partnership_page_and_no_menu_item(client_for, union_member, fund):
    client = client_for(union_member)
    assert client.get(reverse("partnership:overview")).status_code == 404
    assert client.get(reverse("partnership:dashboard", args=[fund.slug])).status_code == 404
    assert 'href="/partnerskab/"' not in client.get("/").content.decode()


def test_the_menu_item_shows_for_those_who_follow_a_fund(client_for, caseworker):
    assert 'href="/partnerskab/"' in client_for(caseworker).get("/").content.decode()


def test_the_jobcenter_sees_every_fund_side_by_side(
    client_for, jobcenter_coordinator, fund, other_fund
):
    client = client_for(jobcenter_coordinator)
    page = client.get(reverse("partnership:overview")).content.decode()
    assert 'data-fund="3f"' in page and 'data-fund="foa"' in page
    assert client.get(reverse("partnership:dashboard", args=[other_fund.slug])).status_code == 200


def test_anonymous_is_sent_to_sign_in(client, fund):
    response = client.get(reverse("partnership:dashboard", args=[fund.slug]))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


# --- The dashboard's numbers ------------------------------------------------------------------


@pytest.fixture
def year_of_3f(fund):
    """One course of 2016 (2015 rule set, 14 days' tolerance): slot 1 (due 15 Feb) met on 16
    Feb; slot 2 (due 15 Mar, deadline 29 Mar) missed, its candidate of 10 Apr meets slot 3 (due
    15 Apr); slots 4–6 (May, Jun, Jul) missed. Job clubs: 120.000 kr. on 1 Mar (before the
    3-month day 15 Apr: met, counted in April) and 30.000 kr. on 10 Jun. Self-supporting at 26
    weeks (15 Jul), against a benchmark of 45 % in July."""
    PartnershipAgreement.objects.create(
        fund=fund,
        year=2016,
        timeliness_target=Decimal("0.9"),
        job_club_share_target=Decimal("0.5"),
        budget_frame_dkk=Decimal("500000"),
        effect_target=Decimal("0.4"),
    )
    course = _course(fund, "c1", date(2016, 1, 15))
    _interview(course, "i1", date(2016, 2, 16))
    _interview(course, "i2", date(2016, 4, 10))
    JobClubActivity.objects.create(
        activity_id="j1", course=course, start_date=date(2016, 3, 1), cost_dkk=120000
    )
    JobClubActivity.objects.create(
        activity_id="j2", course=course, start_date=date(2016, 6, 10), cost_dkk=30000
    )
    Outcome.objects.create(course=course, weeks_after_start=26, self_supporting=True)
    EffectBenchmark.objects.create(period=date(2016, 7, 1), value=Decimal("0.45"))
    figures.kpis_refresh(fund_ids=[fund.pk])


def _table(page: str, key: str) -> list[list[str]]:
    section = page[page.index(f'id="{key}"') :]
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    ]


def _summary(page: str, key: str) -> str:
    return re.search(rf'data-kpi="{key}">(.*?)</p>', page, flags=re.S).group(1)


def test_the_dashboard_shows_the_months_against_the_goals(client_for, caseworker, year_of_3f):
    page = (
        client_for(caseworker)
        .get(reverse("partnership:dashboard", args=["3f"]), {"year": 2016})
        .content.decode()
    )
    timeliness = _table(page, "timeliness")
    assert len(timeliness) == 12
    # January: nothing due is "–", not 0 %; February 1 of 1; March 0 of 1; April 1 of 1.
    assert timeliness[0][1:] == ["0", "0", "–"]
    assert timeliness[1][1:] == ["1", "1", "100 %"]
    assert timeliness[2][1:] == ["1", "0", "0 %"]
    assert timeliness[3][1:] == ["1", "1", "100 %"]
    assert timeliness[7][1:] == ["0", "0", "–"]
    # The headline is the last month with interviews due: July, 0 % against the 90 % goal.
    summary = _summary(page, "timeliness")
    assert "juli" in summary and "0 %" in summary and "90 %" in summary
    job_club = _table(page, "job-club")
    assert job_club[3][1:] == ["1", "1", "100 %"]
    budget = _table(page, "budget")
    assert budget[2][1:] == ["120.000 kr.", "120.000 kr."]
    assert budget[5][1:] == ["30.000 kr.", "150.000 kr."]
    assert budget[11][1:] == ["0 kr.", "150.000 kr."]
    budget_summary = _summary(page, "budget")
    assert "150.000 kr." in budget_summary and "500.000 kr." in budget_summary
    effect = _table(page, "effect")
    assert effect[6][1:] == ["1", "100 %", "45 %"]
    assert effect[5][1:] == ["0", "–", "–"]
    assert "40 %" in _summary(page, "effect")
    assert page.count('role="img"') == 4


def test_the_dashboard_forecasts_the_budget_linearly(fund, year_of_3f):
    # Through May 2016: 120.000 kr. in 5 months → 288.000 kr. for the year, within the frame.
    year = selectors.fund_year(fund=fund, year=2016, today=date(2016, 5, 20))
    assert year.forecast.spent_dkk == 120000
    assert year.forecast.forecast_dkk == 288000
    assert year.forecast.over_frame is False
    assert year.latest.period == date(2016, 5, 1)
    # A month after `today` has nothing to say yet, even though its slots are stored.
    with translation.override("da"):
        rows = display.dashboard_panels(year)[0].rows
    assert rows[5][3] == "–" and rows[4][3] == "0 %"


def test_the_year_selector_refuses_a_year_before_the_first_rule_set(client_for, caseworker):
    page = client_for(caseworker).get(reverse("partnership:dashboard", args=["3f"]), {"year": 1999})
    assert page.status_code == 200
    assert 'class="form-group form-error"' in page.content.decode()


def test_a_percent_is_danish_and_nothing_due_is_a_dash():
    with translation.override("da"):
        assert display.percent(0.875) == "87,5 %"
        assert display.percent(0.9) == "90 %"
        assert display.percent(None) == "–"
        assert display.kroner(500000) == "500.000 kr."


def test_a_chart_is_an_accessible_svg_without_inline_style_or_script():
    svg = charts.month_chart(
        chart_id="c",
        title="Rettidighed <2016>",
        desc="Andel",
        labels=["jan", "feb", "mar"],
        series=[charts.Series("R", [0.5, None, 1.0])],
        y_max=1,
        target=0.9,
    )
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="c-title">Rettidighed &lt;2016&gt;</title>' in svg
    assert "style" not in svg and "<script" not in svg
    # A month with nothing due breaks the line: two lone points, no polyline.
    assert "<polyline" not in svg and svg.count("<circle") == 2


# --- The comparison ---------------------------------------------------------------------------


def test_the_comparison_marks_each_fund_against_its_goals(
    client_for, jobcenter_coordinator, fund, other_fund, year_of_3f
):
    rows = {
        row.fund.slug: row
        for row in selectors.funds_comparison(user=jobcenter_coordinator, period=date(2016, 6, 1))
    }
    three_f = rows["3f"]
    assert (three_f.totals.slots_due, three_f.totals.slots_on_time) == (1, 0)
    assert three_f.timeliness_met is False
    assert three_f.budget_year_to_date_dkk == 150000 and three_f.budget_within
    assert three_f.budget_share == 0.3
    assert rows["foa"].totals.timeliness is None and rows["foa"].timeliness_met is None
    page = (
        client_for(jobcenter_coordinator)
        .get(reverse("partnership:overview"), {"period": "2016-06"})
        .content.decode()
    )
    assert "150.000 kr." in page


def test_the_comparison_reads_a_fixed_number_of_queries(
    client_for, jobcenter_coordinator, django_assert_num_queries
):
    client = client_for(jobcenter_coordinator)
    url = reverse("partnership:overview")

    def funds(n, offset):
        for i in range(offset, offset + n):
            OrganisationFactory(slug=f"fund-{i}", name=f"A-kasse {i}")

    funds(3, 0)
    client.get(url, {"period": "2016-06"})
    # The page frame (session, user, roles, MFA, the header's organisation, the unread count);
    # the funds, their months, their agreements, the year's spend, the benchmark.
    with django_assert_num_queries(11):
        client.get(url, {"period": "2016-06"})
    funds(3, 3)
    with django_assert_num_queries(11):
        assert client.get(url, {"period": "2016-06"}).content.decode().count("data-fund=") == 6


# --- The deadline work list -------------------------------------------------------------------


@pytest.fixture
def courses_on_monday(fund, other_fund):
    """Courses as they stand on Monday 2 May 2016 (2015 rule set, deadline = due + 14 days)."""
    # Slot 1 due 10 May: within two weeks; 22 days left to its deadline (24 May).
    _course(fund, "soon", date(2016, 4, 10))
    # Slot 1 met; slot 2 due 20 Apr, deadline 4 May: 2 days left.
    due = _course(fund, "due", date(2016, 2, 20))
    _interview(due, "due-1", date(2016, 3, 25))
    # Slots 1–2 met; slot 3 due 5 Apr, deadline 19 Apr missed; slot 4 not due until 5 May:
    # 13 days overdue.
    late = _course(fund, "late", date(2016, 1, 5))
    _interview(late, "late-1", date(2016, 2, 6))
    _interview(late, "late-2", date(2016, 3, 6))
    # Not on the list: slot 1 met early and slot 2 a month away; stopped; special effort;
    # chose the jobcenter; slot 1 more than two weeks away; another fund's course.
    met = _course(fund, "met", date(2016, 4, 10))
    _interview(met, "met-1", date(2016, 5, 1))
    _course(fund, "ended", date(2016, 4, 10), end_date=date(2016, 4, 30))
    _course(fund, "special", date(2016, 4, 10), special_effort=True)
    _course(fund, "chose", date(2016, 4, 10), chose_jobcenter_on=date(2016, 5, 1))
    _course(fund, "later", date(2016, 4, 25))
    _course(other_fund, "foa-soon", date(2016, 4, 10))


def test_the_work_list_asks_why_before_it_shows_anything(client_for, caseworker, courses_on_monday):
    client = client_for(caseworker)
    url = reverse("partnership:work_list", args=["3f"])
    with time_machine.travel(MONDAY, tick=False):
        first = client.get(url).content.decode()
        refused = client.get(url, {"formaal": "nysgerrighed"}).content.decode()
    assert 'name="formaal"' in first and "pseudo-soon" not in first
    assert "form-error" in refused and "pseudo-soon" not in refused
    assert not PersonalDataAccess.objects.exists()


def test_the_work_list_shows_due_and_overdue_courses_and_logs_the_read(
    client_for, caseworker, courses_on_monday
):
    with time_machine.travel(MONDAY, tick=False):
        page = (
            client_for(caseworker)
            .get(reverse("partnership:work_list", args=["3f"]), {"formaal": "samtaler"})
            .content.decode()
        )
    assert re.findall(r'data-course="([^"]+)"', page) == ["late", "due", "soon"]
    rows = {row[0]: row for row in _table(page, "work-list")}
    assert rows["late"][1] == "pseudo-late" and rows["late"][3] == "3"
    assert "13" in rows["late"][6]
    assert rows["due"][3] == "2" and "2" in rows["due"][6]
    assert rows["soon"][3] == "1" and "22" in rows["soon"][6]
    (entry,) = PersonalDataAccess.objects.all()
    assert entry.kind == PersonalDataAccess.Kind.PARTNERSHIP_WORK_LIST
    assert entry.actor == caseworker
    assert entry.row_ids == ["late", "due", "soon"]
    assert entry.person_count == 3
    assert entry.purpose in {"Follow-up on interviews", "Opfølgning på samtaler"}
    assert entry.object_id == str(caseworker.organisation_id)


def test_the_work_list_reads_a_fixed_number_of_queries(
    client_for, caseworker, fund, django_assert_num_queries
):
    client = client_for(caseworker)
    url = reverse("partnership:work_list", args=["3f"])

    def courses(n, offset):
        for i in range(offset, offset + n):
            course = _course(fund, f"c{i}", date(2016, 4, 10))
            _interview(course, f"i{i}", date(2016, 3, 1))  # before the start: fills no slot

    courses(4, 0)
    with time_machine.travel(MONDAY, tick=False):
        client.get(url, {"formaal": "kvalitet"})
        # The page frame (session, user, roles, the header's organisation, the unread count),
        # the fund; the horizon (the latest slot, the largest tolerance); the rule sets and
        # their slots, the agreements; the fund's recent courses, interviews, job clubs,
        # outcomes; the page's courses; the log entry.
        with django_assert_num_queries(17):
            client.get(url, {"formaal": "kvalitet"})
        courses(4, 4)
        with django_assert_num_queries(17):
            page = client.get(url, {"formaal": "kvalitet"}).content.decode()
    assert page.count("data-course=") == 8


def test_the_access_log_exports_the_rows_and_purpose(
    client_for, caseworker, operator_admin, courses_on_monday
):
    with time_machine.travel(MONDAY, tick=False):
        client_for(caseworker).get(
            reverse("partnership:work_list", args=["3f"]), {"formaal": "support"}
        )
    response = client_for(operator_admin).get(reverse("core:access_log_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    (line,) = [line for line in text.splitlines()[1:] if caseworker.email in line]
    assert "late due soon" in line and "Support" in line


def test_the_work_list_reads_recent_courses_only_yet_keeps_the_last_overdue_slot(fund):
    """Slot 6 of a course started 20 Sep 2015 fell due 20 Mar 2016 (deadline 3 Apr): 29 days
    overdue on Monday 2 May, still on the list; three days earlier, 32 days: off it. The horizon
    that keeps older courses out of the read must not cut the first one off."""
    _course(fund, "last-slot", date(2015, 9, 20))
    _course(fund, "too-late", date(2015, 9, 17))
    _course(fund, "ancient", date(2015, 1, 5))
    today = MONDAY.date()
    assert [item.course_pk for item in selectors.work_list(fund=fund, today=today)] == [
        ContactCourse.objects.get(course_id="last-slot").pk
    ]
    horizon = selectors._work_list_horizon(fund, today)
    assert date(2015, 9, 17) > horizon > date(2015, 1, 5)
