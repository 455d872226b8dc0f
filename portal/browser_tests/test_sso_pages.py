"""Single sign-on's pages in a browser, axe-clean: the sign-in page's two steps, the direct link
per organisation, and the operator admin's pages for an organisation's identity provider."""

import pytest

from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.sso import services
from portal.sso.tests.saml_idp import IDP_SSO_URL, metadata_xml
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.totp import totp_code

pytestmark = pytest.mark.browser

FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives make_user(mfa=True)


@pytest.fixture
def municipality(db):
    return OrganisationFactory(
        slug="kk",
        name="Københavns Kommune",
        kind=OrganisationKind.JOBCENTER,
        email_domains="kk.example.dk",
    )


def test_an_address_without_single_sign_on_continues_to_the_password_step(
    page, live_server, caseworker, password
):
    page.goto("/konto/login/")
    assert_accessible(page)
    page.locator("input[name=login]").fill(caseworker.email)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")

    assert page.locator("input[name=login]").input_value() == caseworker.email
    assert page.evaluate("document.activeElement.name") == "password"
    assert page.locator("main a[href='/konto/login/code/']").count() == 1
    assert_accessible(page)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")
    assert_accessible(page)


def test_an_address_of_an_organisation_with_single_sign_on_leaves_for_its_login(
    page, live_server, municipality
):
    services.identity_provider_add_saml(
        organisation=municipality, by=None, metadata_xml=metadata_xml()
    )
    page.route(f"{IDP_SSO_URL}**", lambda route: route.abort())

    page.goto("/konto/login/")
    assert_accessible(page)
    page.locator("input[name=login]").fill("anna@kk.example.dk")
    with page.expect_request(f"{IDP_SSO_URL}**") as leaving:
        page.locator("main form button[type=submit]").click()

    assert "SAMLRequest=" in leaving.value.url


def test_the_direct_link_names_the_organisation_and_signs_in_by_a_button(
    page, live_server, municipality
):
    services.identity_provider_add_saml(
        organisation=municipality, by=None, metadata_xml=metadata_xml()
    )
    page.route(f"{IDP_SSO_URL}**", lambda route: route.abort())

    page.goto("/log-ind/kk/")
    assert page.locator("h1").inner_text().endswith("Københavns Kommune")
    assert_accessible(page)
    with page.expect_request(f"{IDP_SSO_URL}**"):
        page.locator("main form button[type=submit]").click()


def test_the_operator_admin_manages_an_identity_provider(
    page, live_server, operator_admin, password, municipality
):
    provider = services.identity_provider_add_saml(
        organisation=municipality, by=None, metadata_xml=metadata_xml()
    )
    sign_in_with_password(page, email=operator_admin.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code(FIXTURE_TOTP_SECRET))
    page.locator("form:has(input[name=code]) button.button-primary").click()
    page.wait_for_url(lambda url: "/konto/2fa/" not in url)
    assert_accessible(page)

    for path in [
        "/administration/single-sign-on/",
        "/organisationer/kk/single-sign-on/",
        "/organisationer/kk/single-sign-on/saml/",
        "/organisationer/kk/single-sign-on/oidc/",
        f"/organisationer/kk/single-sign-on/{provider.pk}/",
        f"/organisationer/kk/single-sign-on/{provider.pk}/aktivering/",
        "/organisationer/kk/cvr/",
    ]:
        page.goto(path)
        assert page.locator("main#main-content h1").count() == 1, path
        assert_accessible(page)

    page.goto("/organisationer/kk/cvr/")
    page.locator("input[name=cvr]").fill("1234")
    page.locator("main form button.button-primary").click()
    page.wait_for_load_state("load")
    assert page.locator("[role=alert]").count() >= 1
    assert_accessible(page)
