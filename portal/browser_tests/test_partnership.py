"""The partnership pages as a fund's caseworker uses them: the dashboard with its charts and
tables, and the Monday work list behind its purpose question; and as the jobcenter's coordinator
does: a queued import's progress bar, the agreement and the rule sets. Axe-clean and without
sideways scrolling on a 320 px wide phone."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from portal.core.models import OrganisationKind, PersonalDataAccess
from portal.core.tests.factories import OrganisationFactory
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


FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives make_user(mfa=True)
COURSES_CSV = (
    "\ufeffcourse_id;fund;citizen_key;unemployment_start;age_band;special_effort;"
    "chose_jobcenter_on;end_date;end_reason\r\n"
    "kf-2001;3f;borger-x;2026-01-05;30plus;0;;;\r\n"
    "kf-2002;3f;borger-y;2026-02-02;under30;0;;;\r\n"
)


def test_a_coordinator_follows_a_queued_import_and_sets_the_goals(
    page, fund, password, settings, monkeypatch
):
    """The progress bar of a file the queue runs, followed by htmx until it is done; then the
    fund's agreement made on its page. Axe-clean at every step, the forms on a phone too."""
    from portal.conftest import make_user
    from portal.partnership import services
    from portal.partnership.models import PartnershipAgreement, PartnershipImport
    from portal.testing.totp import totp_code

    shipped_rule_sets_ensure()
    jobcenter = OrganisationFactory(
        slug="jobcenter-kbh", name="Jobcenter København", kind=OrganisationKind.JOBCENTER
    )
    coordinator = make_user(
        organisation=jobcenter, roles=["coordinator"], mfa=True, email="ko@jobcenter.example.dk"
    )
    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 1  # two rows: the queue's
    held = []  # the queue holds the job until the test runs it, so the bar can be seen
    monkeypatch.setattr(services, "enqueue", lambda task, *args, **kwargs: held.append(args))

    sign_in_with_password(page, email=coordinator.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code(FIXTURE_TOTP_SECRET))
    page.locator("form:has(input[name=code]) button.button-primary").click()
    page.wait_for_url(lambda url: "/konto/2fa/" not in url)
    assert_accessible(page)  # the front page, with the partnership in the menu

    page.goto("/partnerskab/import/")
    assert_accessible(page)
    page.locator("select[name=kind]").select_option("courses")
    page.locator("input[name=file]").set_input_files(
        {"name": "forloeb.csv", "mimeType": "text/csv", "buffer": COURSES_CSV.encode()}
    )
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url("**/partnerskab/import/*/")
    assert page.locator("progress#import-progress").count() == 1
    assert_accessible(page)
    (import_id,) = held[0]
    services.import_run(import_id=import_id)
    # htmx asks every 2 seconds; the bar gives way to the result by itself.
    page.locator("#import-status .alert-success").wait_for()
    assert page.locator("progress").count() == 0
    assert PartnershipImport.objects.get(pk=import_id).created == 2
    assert_accessible(page)

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/partnerskab/{fund.slug}/aftale/2026/rediger/")
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.locator("input[name=timeliness_target]").fill("85")
    page.locator("input[name=tolerance_days]").fill("10")
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(f"**/partnerskab/{fund.slug}/aftale/2026/")
    assert page.locator("dd", has_text="85 %").count() == 1
    assert_accessible(page)
    _no_sideways_scroll(page)
    agreement = PartnershipAgreement.objects.get(fund=fund, year=2026)
    assert (agreement.timeliness_target, agreement.tolerance_days) == (Decimal("0.85"), 10)

    page.goto("/partnerskab/regelsaet/")
    assert page.locator("table[data-rule-set]").count() == 2
    assert_accessible(page)
    _no_sideways_scroll(page)
