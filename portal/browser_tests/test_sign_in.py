"""Signing in as a person does it: with a password, or with a code sent by email."""

import pytest

from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.smtp import extract_login_code

pytestmark = pytest.mark.browser


def test_caseworker_signs_in_with_password_and_lands_on_the_front_page(
    page, live_server, caseworker, password
):
    sign_in_with_password(page, email=caseworker.email, password=password)

    assert page.url == f"{live_server.url}/"
    assert page.locator(".portal-user .user a").inner_text() == caseworker.get_full_name()
    assert_accessible(page)


def test_wrong_password_shows_the_error_and_keeps_the_person_signed_out(
    page, live_server, caseworker
):
    sign_in_with_password(page, email=caseworker.email, password="ikke-det-rigtige-kodeord")

    assert page.url == f"{live_server.url}/konto/login/"
    assert page.locator("form [role=alert]").is_visible()
    assert page.locator("input[name=login]").input_value() == caseworker.email
    assert page.locator("form[action='/konto/logout/']").count() == 0
    assert_accessible(page)


def test_caseworker_signs_in_with_a_code_from_an_email(page, live_server, caseworker, smtp_server):
    page.goto("/konto/login/")
    assert_accessible(page)
    page.locator("main a[href='/konto/login/code/']").click()
    page.wait_for_url("**/konto/login/code/")
    assert_accessible(page)
    form = page.locator("form:has(input[name=email])")
    form.locator("input[name=email]").fill(caseworker.email)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/konto/login/code/confirm/")
    assert_accessible(page)

    code = extract_login_code(smtp_server.wait_for_message(to=caseworker.email).text)
    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill(code)
    form.locator("button[type=submit]").first.click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.locator(".portal-user .user a").inner_text() == caseworker.get_full_name()
    assert_accessible(page)
