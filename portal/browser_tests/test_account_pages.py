"""allauth's pages in the portal's DKFDS layout pass axe-core, signed out and signed in."""

import pytest

from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path",
    ["/konto/login/", "/konto/login/code/", "/konto/signup/", "/konto/password/reset/"],
)
def test_sign_in_pages_use_the_portal_layout_and_pass_axe(page, path):
    page.goto(path)

    assert page.locator("main#main-content h1").count() == 1
    assert page.locator("main form label.form-label").count() >= 1
    assert page.locator("main form .button.button-primary").count() >= 1
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/konto/email/", "/konto/password/change/", "/konto/2fa/", "/konto/sessions/"]
)
def test_account_settings_pages_have_the_account_menu_and_pass_axe(
    page, path, caseworker, password
):
    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)

    page.goto(path)

    assert page.locator("main#main-content h1").count() == 1
    current = page.locator("nav ul.sidemenu li.current a")
    assert current.get_attribute("href") == path
    assert_accessible(page)


def test_sign_up_errors_are_summarised_and_shown_at_each_field(page):
    page.goto("/konto/signup/")
    assert_accessible(page)
    form = page.locator("form:has(input[name=password1])")
    form.locator("input[name=email]").fill("nogen@ukendt.example.dk")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")

    summary = page.locator("main form [role=alert]")
    assert summary.is_visible()
    assert summary.locator("a[href='#id_email']").count() == 1
    email_input = page.locator("input[name=email]")
    assert email_input.get_attribute("aria-invalid") == "true"
    assert "id_email_error" in email_input.get_attribute("aria-describedby")
    assert page.locator("#id_email_error.form-error-message").is_visible()
    assert_accessible(page)
