"""Administrators must enrol a second factor before they can use the portal."""

import pytest
from allauth.mfa.models import Authenticator

from portal.conftest import make_user
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.totp import totp_code

pytestmark = pytest.mark.browser


def test_admin_enrols_an_authenticator_app_and_then_reaches_the_front_page(
    page, live_server, fund, password
):
    admin = make_user(organisation=fund, roles=["admin"], email="ny-admin@3f.example.dk")

    sign_in_with_password(page, email=admin.email, password=password)
    if "/konto/reauthenticate/" in page.url:
        # allauth asks for the password again before a second factor is added.
        assert_accessible(page)
        form = page.locator("form:has(input[name=password])")
        form.locator("input[name=password]").fill(password)
        form.locator("button[type=submit]").click()
    page.wait_for_url("**/konto/2fa/totp/activate/")
    assert_accessible(page)
    assert page.locator("img.portal-qr").get_attribute("src").startswith("data:image/svg+xml")
    secret = page.locator("#authenticator_secret").input_value()

    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill(totp_code(secret))
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/konto/2fa/**")
    assert "/totp/activate/" not in page.url
    assert_accessible(page)

    page.goto("/")
    assert page.url == f"{live_server.url}/"
    assert_accessible(page)
    assert Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists()


def test_admin_without_a_second_factor_is_sent_to_enrolment(page, live_server, fund, password):
    admin = make_user(organisation=fund, roles=["admin"], email="ny-admin@3f.example.dk")

    sign_in_with_password(page, email=admin.email, password=password)
    page.goto("/kolleger/")

    assert "/konto/" in page.url
    assert not Authenticator.objects.filter(user=admin).exists()
    assert_accessible(page)


def test_admin_with_an_authenticator_signs_in_with_password_and_code(
    page, live_server, fund_admin, password
):
    sign_in_with_password(page, email=fund_admin.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)

    secret = Authenticator.objects.get(user=fund_admin, type=Authenticator.Type.TOTP).data["secret"]
    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill(totp_code(secret))
    form.locator("button[type=submit]").first.click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.locator(".portal-user .user a").inner_text() == fund_admin.get_full_name()
    assert_accessible(page)
