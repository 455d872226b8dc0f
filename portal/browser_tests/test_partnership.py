"""The partnership pages as a fund's caseworker uses them: the dashboard with its charts and
tables, and the Monday work list behind its purpose question; axe-clean and without sideways
scrolling on a 320 px wide phone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.core.models import PersonalDataAccess
from portal.partnership import figures
from portal.partnership.models import ContactCourse, Interview, JobClubActivity
from portal.partnership.tests.factories import shipped_rule_sets_ensure
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


@pytest.fixture
def courses_of_3f(fund):
    shipped_rule_sets_ensure()
    today = timezone.localdate()
    # Slot 1 falls due in about five days: on the work list.
    soon = ContactCourse.objects.create(
        course_id="kf-1001",
        fund=fund,
        citizen_key="borger-a",
        unemployment_start=today - timedelta(days=25),
        age_band="30plus",
    )
    earlier = ContactCourse.objects.create(
        course_id="kf-1002",
        fund=fund,
        citizen_key="borger-b",
        unemployment_start=today.replace(month=1, day=5) - timedelta(days=60),
        age_band="under30",
    )
    Interview.objects.create(
        interview_id="s-1",
        course=earlier,
        kind="job",
        held_on=earlier.unemployment_start + timedelta(days=31),
        held_by="fund",
        channel="phone",
        status="held",
    )
    JobClubActivity.objects.create(
        activity_id="jk-1", course=earlier, start_date=today.replace(day=1), cost_dkk=45000
    )
    figures.kpis_refresh(fund_ids=[fund.pk])
    return soon


def _no_sideways_scroll(page):
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_a_caseworker_reads_the_dashboard_and_opens_the_work_list(
    page, caseworker, fund, password, courses_of_3f
):
    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)  # the front page, where signing in leads
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/partnerskab/{fund.slug}/")
    assert page.locator("svg[role=img]").count() == 4
    assert page.locator("[data-kpi=timeliness]").inner_text()
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.locator("#timeliness summary").click()
    assert_accessible(page)
    _no_sideways_scroll(page)

    page.goto(f"/partnerskab/{fund.slug}/frister/")
    assert page.locator("[data-course]").count() == 0  # the purpose comes first
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.locator("input[name=formaal][value=samtaler]").check()
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/frister/?formaal=samtaler")
    assert page.locator("[data-course=kf-1001]").count() == 1
    assert_accessible(page)
    _no_sideways_scroll(page)
    entry = PersonalDataAccess.objects.get(kind=PersonalDataAccess.Kind.PARTNERSHIP_WORK_LIST)
    assert entry.actor_id == caseworker.pk and "kf-1001" in entry.row_ids
