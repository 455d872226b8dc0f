"""Every page of the portal, as its users reach it, passes axe-core."""

import pytest
from django.db import transaction

from portal.accounts.services import invitation_create
from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.email import email_send_rendered
from portal.core.models import OutboxMessage, User
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.totp import totp_code

pytestmark = pytest.mark.browser

FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives admins


def sign_in_with_code(page, *, user, password):
    sign_in_with_password(page, email=user.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code(FIXTURE_TOTP_SECRET))
    page.locator("form:has(input[name=code]) button.button-primary").click()
    page.wait_for_url(lambda url: "/konto/2fa/" not in url)


def visit(page, path, *, status=200):
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}"
    assert_accessible(page)


@pytest.fixture
def portal_content(fund, operator_admin):
    """A little of everything the admin pages list: a sign-up, an invitation, a token, an email."""
    pending = User.objects.create_user(
        "venter@3f.example.dk", "korrekt-hest-batteri", full_name="Vera Venter", organisation=fund
    )
    with transaction.atomic():
        invitation_create(
            organisation=fund,
            email="inviteret@3f.example.dk",
            roles=["caseworker"],
            invited_by=operator_admin,
        )
        email_send_rendered(
            to=operator_admin.email,
            template="test/hello",
            subject="Hej",
            text="En besked til udbakken.",
        )
    api_token_create(user=operator_admin, name="Fagsystem")
    member = make_user(organisation=fund, email="medlem@3f.example.dk")
    return {"pending": pending, "member": member}


def test_every_page_an_operator_admin_reaches_is_accessible(
    page, operator_admin, fund, portal_content, password
):
    sign_in_with_code(page, user=operator_admin, password=password)
    outbox_message = OutboxMessage.objects.latest("id")
    for path in [
        "/",
        "/debat/",
        "/arrangementer/",
        "/kolleger/",
        "/partnerskab/",
        "/register/",
        "/soeg/",
        "/profil/",
        "/profil/api-noegler/",
        "/administration/",
        "/administration/?action=login",
        "/organisationer/",
        f"/organisationer/{fund.slug}/personer/",
        f"/organisationer/{fund.slug}/personer/inviter/",
        f"/organisationer/{fund.slug}/personer/{portal_content['member'].pk}/",
        "/udbakke/",
        f"/udbakke/{outbox_message.pk}/",
        "/konto/sessions/",
        "/konto/2fa/",
    ]:
        visit(page, path)
    visit(page, "/findes-ikke/", status=404)
    # The outbox's table stacks its rows on a 320 px phone, filtered and paged, axe-clean.
    page.set_viewport_size({"width": 320, "height": 800})
    visit(page, "/udbakke/?status=sent")
    assert page.locator("table.table--responsive-headers tbody tr").count() >= 1
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_denied_page_is_accessible(page, caseworker, password):
    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)
    visit(page, "/administration/", status=403)


def test_anonymous_pages_are_accessible(page):
    for path in ["/", "/afventer-godkendelse/", "/konto/password/reset/"]:
        visit(page, path)
