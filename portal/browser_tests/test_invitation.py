"""An invited person follows the emailed link, creates the account and is signed in."""

import pytest

from portal.accounts.services import invitation_create
from portal.core.models import User
from portal.testing.browser import assert_accessible
from portal.testing.smtp import extract_url

pytestmark = pytest.mark.browser


def test_invited_person_creates_the_account_from_the_email_and_lands_signed_in(
    page, live_server, fund, fund_admin, smtp_server
):
    invitation_create(
        organisation=fund,
        email="ny.kollega@3f.example.dk",
        roles=["caseworker"],
        invited_by=fund_admin,
    )
    email = smtp_server.wait_for_message(to="ny.kollega@3f.example.dk")
    link = extract_url(email.text, contains="/invitation/")
    assert link.startswith(live_server.url)

    page.goto(link)
    assert_accessible(page)
    form = page.locator("form:has(input[name=password1])")
    form.locator("input[name=full_name]").fill("Ny Kollega")
    form.locator("input[name=password1]").fill("et-langt-og-godt-kodeord")
    form.locator("input[name=password2]").fill("et-langt-og-godt-kodeord")
    form.locator("button[type=submit]").click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.locator(".portal-user .user a").inner_text() == "Ny Kollega"
    assert_accessible(page)
    person = User.objects.get(email="ny.kollega@3f.example.dk")
    assert person.organisation == fund
    assert person.role_names == {"caseworker"}
    assert person.is_approved
