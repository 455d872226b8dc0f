"""The register as its three kinds of people use it: a caseworker of the jobcenter reports a
burdensome rule (and is shown the item that may be the same while typing the title), the
jobcenter's coordinator triages it, a member of the responsible office handles it, and the
coordinator makes the committee report with it. Every page
axe-clean, and the list and the item without sideways scrolling on a 320 px wide phone."""

import io
import zipfile
from pathlib import Path

import pytest

from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.register.models import Office, RegisterItem, Status
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser

FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives make_user(mfa=True)


def _no_sideways_scroll(page):
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def _sign_in(page, person, password, *, totp=False, step_ahead=0):
    """`step_ahead`: sign in again within the same 30 s with the next code (the portal accepts
    one step either way and never the same code twice)."""
    import time

    from portal.testing.totp import totp_code

    page.context.clear_cookies()
    sign_in_with_password(page, email=person.email, password=password)
    if totp:
        page.wait_for_url("**/konto/2fa/authenticate/")
        assert_accessible(page)
        code = totp_code(FIXTURE_TOTP_SECRET, at=time.time() + 30 * step_ahead)
        page.locator("input[name=code]").fill(code)
        page.locator("form:has(input[name=code]) button.button-primary").click()
        page.wait_for_url(lambda url: "/konto/2fa/" not in url)
    assert_accessible(page)  # the front page, with the register in the menu


def test_an_item_is_reported_triaged_and_handled(page, password):
    jobcenter = OrganisationFactory(
        slug="jobcenter-kbh", name="Jobcenter København", kind=OrganisationKind.JOBCENTER
    )
    caseworker = make_user(organisation=jobcenter, email="sb@jobcenter.example.dk")
    coordinator = make_user(
        organisation=jobcenter, roles=["coordinator"], mfa=True, email="ko@jobcenter.example.dk"
    )
    jurist = make_user(organisation=jobcenter, email="jurist@1kontor.example.dk")
    office = Office.objects.create(name="1. kontor", slug="1-kontor")
    office.members.add(jurist)
    RegisterItem.objects.create(
        title="Dobbelt dokumentation af samtaler", problem="Samme oplysning to steder."
    )

    # The caseworker reports, and is shown the item that may be the same.
    _sign_in(page, caseworker, password)
    page.locator("nav.nav a", has_text="Register").click()
    page.wait_for_url("**/register/")
    assert_accessible(page)
    page.goto("/register/ny/")
    assert_accessible(page)
    page.locator("input[name=title]").press_sequentially("Dokumentation af samtaler i to systemer")
    page.locator("#similar-items [data-similar] a", has_text="Dobbelt dokumentation").wait_for()
    assert_accessible(page)
    page.locator("textarea[name=problem]").fill("Hver samtale skrives ind to gange.")
    page.locator("select[name=main_topic]").select_option("5")
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/register/*/")
    item = RegisterItem.objects.get(title="Dokumentation af samtaler i to systemer")
    assert item.status == Status.REPORTED
    assert_accessible(page)

    # The coordinator triages it.
    _sign_in(page, coordinator, password, totp=True)
    page.goto(f"/register/{item.pk}/")
    form = page.locator("form[data-form=triage]")
    form.locator("select[name=section]").select_option("2")
    form.locator("select[name=office]").select_option(str(office.pk))
    form.locator("input[name=timeline]").fill("2027K2")
    assert_accessible(page)
    form.locator("button[type=submit]").click()
    page.locator("[data-status=triaged]").wait_for()
    assert_accessible(page)

    # The office's jurist handles it, from the office's work list; a phone is enough.
    _sign_in(page, jurist, password)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/register/kontor/1-kontor/")
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.locator(f"[data-item='{item.pk}'] a").click()
    page.wait_for_url(f"**/register/{item.pk}/")
    form = page.locator("form[data-form=step]")
    form.locator("select[name=status]").select_option("in_handling")
    form.locator("textarea[name=handling]").fill("Vi samler registreringen ét sted.")
    form.locator("button[type=submit]").click()
    page.locator("[data-status=in_handling]").wait_for()
    form = page.locator("form[data-form=step]")
    form.locator("select[name=status]").select_option("handled")
    form.locator("button[type=submit]").click()
    page.locator("[data-status=handled]").wait_for()
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.goto("/register/")
    assert_accessible(page)
    _no_sideways_scroll(page)
    item.refresh_from_db()
    assert item.status == Status.HANDLED
    assert item.handling == "Vi samler registreringen ét sted."

    # The coordinator makes the committee report: the item is in it.
    _sign_in(page, coordinator, password, totp=True, step_ahead=1)
    page.goto("/register/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.locator("button[data-report=docx]").click()
    word = Path(download.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        text = archive.read("word/document.xml").decode()
    assert item.title in text
