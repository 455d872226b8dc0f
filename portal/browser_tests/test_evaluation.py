"""The evaluation dashboard on a 390 px phone and a 1280 px screen: axe-clean, no sideways
scroll, the charts drawn, a bad period refused in Danish and a good one applied."""

import pytest

from portal.conftest import make_user
from portal.insights.services import visit_record
from portal.search.services import search_miss_record
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_the_editor_reads_the_dashboard_on_a_phone_and_a_screen(page, operator, fund, password):
    editor = make_user(organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk")
    make_user(organisation=fund, email="medlem@3f.example.dk")
    for channel in ("email", "email", "direct"):
        visit_record(channel=channel)
    search_miss_record(words="seniorjob fleksjob")

    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_with_password(page, email=editor.email, password=password)
    assert_accessible(page)
    page.goto("/indsigt/")
    assert_accessible(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.set_viewport_size({"width": 390, "height": 844})
    # One chart a section; no survey sent yet, so none for the surveys.
    assert page.locator("main svg[role=img]").count() == 5
    assert page.locator("#visits-email").inner_text() == "2"
    assert "seniorjob fleksjob" in page.locator("#search-misses").inner_text()

    page.locator("input[name=date_from]").fill("2026-05-01")
    page.locator("input[name=date_to]").fill("2026-01-01")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert page.locator("main .alert-error").is_visible()
    assert "slutdatoen" in page.locator("main .alert-error").inner_text().lower()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("input[name=date_to]").fill("2026-06-30")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert page.locator("main .alert-error").count() == 0
    assert "juni 2026" in page.locator("#evaluation-period").inner_text()
