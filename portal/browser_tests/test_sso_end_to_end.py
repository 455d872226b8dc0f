"""Single sign-on end to end in Chromium, against real identity providers on loopback: a SAML
2.0 IdP (pysaml2, portal/testing/saml_idp.py) and an OpenID Connect provider (Node's
oidc-provider, portal/testing/oidc_provider.py), through the browser's real redirects and
auto-submitted forms. The portal's pages are checked with axe-core; the providers' own pages
are the test harness's, not the portal's.

A municipal caseworker types her work email on the sign-in page, signs in at her
municipality's IdP and lands in the portal in the right organisation with the mapped role, no
portal password; every forged, tampered or replayed answer is refused with a Danish page, an
audit entry and nobody signed in.
"""

from datetime import UTC, datetime

import pytest
from allauth.socialaccount.models import SocialApp

from portal.core.models import AuditEvent, OrganisationKind, Role, User
from portal.core.tests.factories import OrganisationFactory
from portal.sso import services
from portal.testing.browser import assert_accessible
from portal.testing.oidc_provider import ACR_SUBSTANTIAL, callback_url
from portal.testing.saml_idp import ATTR_GROUPS, oiosaml_attributes

pytestmark = pytest.mark.browser

CVR = "29189846"
IDP_PASSWORD = "idp-adgangskode-1"


@pytest.fixture
def municipality(db):
    return OrganisationFactory(
        slug="kk",
        name="Københavns Kommune",
        kind=OrganisationKind.JOBCENTER,
        email_domains="kk.example.dk",
        cvr=CVR,
    )


@pytest.fixture
def kk_saml(municipality, saml_idp, live_server):
    """Københavns Kommune signs its people in at its own SAML IdP (OIOSAML attributes,
    encrypted assertions); its group "jobcenter-ledere" makes coordinators."""
    provider = services.identity_provider_add_saml(
        organisation=municipality, by=None, metadata_url=saml_idp.metadata_url
    )
    services.identity_provider_update(
        identity_provider=provider,
        by=None,
        role_attribute=ATTR_GROUPS,
        role_map={"sagsbehandlere": [Role.CASEWORKER], "jobcenter-ledere": [Role.COORDINATOR]},
    )
    # live_server answers on "localhost", a single-label host python3-saml refuses by default.
    app = SocialApp.objects.get(pk=provider.app_id)
    app.settings["advanced"]["allow_single_label_domains"] = True
    app.save(update_fields=["settings"])
    saml_idp.set_sp(metadata_url=f"{live_server.url}/konto/saml/{provider.slug}/metadata/")
    saml_idp.options.encrypt_assertion = True
    return provider


def _add_anna(saml_idp, **attributes):
    values = {
        "email": "anna@kk.example.dk",
        "full_name": "Anna Holm",
        "cvr": CVR,
        "groups": ["sagsbehandlere", "jobcenter-ledere"],
        **attributes,
    }
    saml_idp.add_user("anna", oiosaml_attributes(**values), password=IDP_PASSWORD)


def _sign_in_from_the_portal(page, email: str, idp_login_url: str, username: str):
    """The portal's sign-in page: the work email, then the identity provider's own login."""
    page.goto("/konto/login/")
    assert_accessible(page)
    page.locator("input[name=login]").fill(email)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: url.startswith(idp_login_url))
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(IDP_PASSWORD)
    page.get_by_role("button", name="Log ind").click()


def _signed_in_as(page, live_server, email: str) -> User:
    """Landed on the front page, signed in as the person with this address: that person."""
    page.wait_for_url(f"{live_server.url}/")
    person = User.objects.get(email=email)
    assert page.locator(".portal-user .user a").inner_text() == person.get_full_name()
    assert_accessible(page)
    return person


def _refused(page, live_server, reason: str) -> None:
    page.wait_for_load_state("load")
    assert page.url.startswith(live_server.url)
    assert page.locator("h1").inner_text() == "Du kunne ikke logges ind"
    assert page.locator("form[action='/konto/logout/']").count() == 0
    assert_accessible(page)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.SSO_LOGIN_REFUSED).latest("pk")
    assert event.detail["reason"] == reason, event.detail


# --- SAML: the municipality's IdP ----------------------------------------------------------


def test_a_caseworker_signs_in_at_her_municipality_twice_and_logs_out_at_both(
    page, live_server, saml_idp, kk_saml, municipality
):
    _add_anna(saml_idp)

    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")

    anna = _signed_in_as(page, live_server, "anna@kk.example.dk")
    assert anna.organisation == municipality and anna.full_name == "Anna Holm"
    assert anna.approved_at is not None and not anna.has_usable_password()
    assert anna.role_names == {Role.CASEWORKER, Role.COORDINATOR}
    # The IdP asserted "Substantial": a coordinator needs no TOTP of the portal's.
    assert page.url == f"{live_server.url}/"

    # "Log ud" ends the portal session and, through a LogoutRequest, the IdP's.
    page.locator("form[action='/konto/logout/'] button").first.click()
    page.wait_for_url(f"{live_server.url}/**")
    assert page.locator("form[action='/konto/logout/']").count() == 0
    assert saml_idp.requests_of("LogoutRequest"), [r.kind for r in saml_idp.requests]
    assert_accessible(page)

    # The second sign-in finds her: no second account.
    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")
    _signed_in_as(page, live_server, "anna@kk.example.dk")
    assert User.objects.filter(email="anna@kk.example.dk").count() == 1


def test_the_idp_ends_the_portal_session_by_single_logout(page, live_server, saml_idp, kk_saml):
    _add_anna(saml_idp, groups=["sagsbehandlere"])
    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")
    _signed_in_as(page, live_server, "anna@kk.example.dk")

    page.goto(saml_idp.logout_request_url("anna"))  # the IdP's own "log out everywhere"
    page.wait_for_url(f"{saml_idp.base_url}/**")
    page.goto("/")
    page.wait_for_url(f"{live_server.url}/**")
    assert page.locator("form[action='/konto/logout/']").count() == 0
    assert_accessible(page)


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        ({"unsigned": True}, "invalid_response"),
        ({"wrong_key": True}, "invalid_response"),
        ({"tamper_after_signing": "anna.holm@kk.example.dk"}, "invalid_response"),
        ({"audience": "https://someone-else.example.dk/metadata"}, "invalid_response"),
        ({"recipient": "https://someone-else.example.dk/acs"}, "invalid_response"),
        ({"not_on_or_after": datetime(2020, 1, 1, tzinfo=UTC)}, "invalid_response"),
    ],
    ids=["unsigned", "wrong-key", "tampered", "wrong-audience", "wrong-recipient", "expired"],
)
def test_a_forged_or_tampered_answer_signs_nobody_in(
    page, live_server, saml_idp, kk_saml, tamper, reason
):
    _add_anna(saml_idp)
    if "tamper_after_signing" in tamper:
        # An edit inside an encrypted assertion is impossible; an IdP that does not encrypt
        # (many AD FS set-ups) relies on the signature alone, which must catch it.
        app = SocialApp.objects.get(pk=kk_saml.app_id)
        app.settings["advanced"]["want_assertion_encrypted"] = False
        app.save(update_fields=["settings"])
        saml_idp.options.encrypt_assertion = False
    saml_idp.next_response(**tamper)

    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")

    _refused(page, live_server, reason)
    assert not User.objects.filter(email__endswith="@kk.example.dk").exists()


@pytest.mark.parametrize(
    ("attributes", "reason"),
    [
        ({"email": "anna@gmail.example.com"}, "email_domain"),
        ({"cvr": "11111111"}, "cvr_unknown"),
    ],
    ids=["email-outside-the-domains", "unknown-cvr"],
)
def test_a_well_signed_answer_the_organisation_cannot_vouch_for_is_refused(
    page, live_server, saml_idp, kk_saml, attributes, reason
):
    _add_anna(saml_idp, **attributes)

    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")

    _refused(page, live_server, reason)
    assert User.objects.count() == 0


def test_a_replayed_answer_is_refused(page, live_server, saml_idp, kk_saml):
    _add_anna(saml_idp, groups=["sagsbehandlere"])
    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")
    _signed_in_as(page, live_server, "anna@kk.example.dk")
    page.locator("form[action='/konto/logout/'] button").first.click()
    page.wait_for_url(f"{live_server.url}/**")
    assert_accessible(page)

    # Someone posts the very same answer again (captured from the first sign-in).
    saml_idp.next_response(replay=True)
    _sign_in_from_the_portal(page, "anna@kk.example.dk", saml_idp.base_url, "anna")

    # The replay guard sees the ids before allauth's one-use state is asked.
    _refused(page, live_server, "replayed")


# --- OpenID Connect: a fund's Entra ID ------------------------------------------------------


@pytest.fixture
def foa(db):
    return OrganisationFactory(
        slug="foa", name="FOA A-kasse", kind=OrganisationKind.UFUND, email_domains="foa.example.dk"
    )


@pytest.fixture
def foa_oidc(foa, oidc_provider, live_server):
    registered = oidc_provider.add_client(
        redirect_uris=[callback_url(live_server.url, "foa")],
        post_logout_redirect_uris=[f"{live_server.url}/"],
    )
    provider = services.identity_provider_add_oidc(
        organisation=foa,
        by=None,
        issuer=oidc_provider.issuer,
        client_id=registered.client_id,
        client_secret=registered.client_secret,
    )
    services.identity_provider_update(
        identity_provider=provider, by=None, role_attribute="groups", role_map={"ledere": ["admin"]}
    )
    return provider


def test_a_fund_admin_signs_in_through_openid_connect_and_logs_out_at_the_provider(
    page, live_server, oidc_provider, foa_oidc, foa
):
    oidc_provider.add_account(
        email="bo@foa.example.dk", password=IDP_PASSWORD, name="Bo Madsen", groups=["ledere"],
        acr=ACR_SUBSTANTIAL,
    )  # fmt: skip

    _sign_in_from_the_portal(page, "bo@foa.example.dk", oidc_provider.issuer, "bo@foa.example.dk")

    bo = _signed_in_as(page, live_server, "bo@foa.example.dk")
    # An admin without a TOTP of the portal's: the provider's "Substantial" is the second factor.
    assert bo.organisation == foa and Role.ADMIN in bo.role_names

    oidc_provider.auto_confirm_logout(True)
    page.locator("form[action='/konto/logout/'] button").first.click()
    page.wait_for_url(f"{live_server.url}/**")
    assert page.locator("form[action='/konto/logout/']").count() == 0
    assert_accessible(page)


def test_an_id_token_signed_with_another_key_signs_nobody_in(
    page, live_server, oidc_provider, foa_oidc
):
    oidc_provider.add_account(email="bo@foa.example.dk", password=IDP_PASSWORD, name="Bo Madsen")
    with oidc_provider.forging("wrong_key"):
        _sign_in_from_the_portal(
            page, "bo@foa.example.dk", oidc_provider.issuer, "bo@foa.example.dk"
        )
        _refused(page, live_server, "invalid_response")
    assert not User.objects.filter(email="bo@foa.example.dk").exists()
