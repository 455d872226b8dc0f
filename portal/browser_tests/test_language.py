"""The header's language button switches the whole page between Danish and English."""

import pytest

from portal.testing.browser import assert_accessible

pytestmark = pytest.mark.browser


def test_language_button_switches_between_danish_and_english(page, live_server):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "da"
    assert_accessible(page)

    page.locator(".portal-user button[name=language][value=en]").click()
    page.wait_for_selector("html[lang=en]")
    assert page.url == f"{live_server.url}/"
    assert page.locator(".portal-user button[name=language]").get_attribute("value") == "da"
    assert_accessible(page)

    page.locator(".portal-user button[name=language][value=da]").click()
    page.wait_for_selector("html[lang=da]")
    assert page.locator(".portal-user button[name=language]").get_attribute("value") == "en"
    assert_accessible(page)


def test_chosen_language_stays_for_the_next_pages(page, live_server):
    page.goto("/")
    page.locator(".portal-user button[name=language][value=en]").click()
    page.wait_for_selector("html[lang=en]")
    assert_accessible(page)

    page.goto("/konto/login/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
