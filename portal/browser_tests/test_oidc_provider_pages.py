"""The OpenID Connect test provider's own pages in Chromium: login and logout are accessible
(axe-core, WCAG 2.1 AA) and work through the browser's real redirects and cookies.

The relying party here is a stub answered by Playwright (no portal involved); the portal's own
single sign-on tests use the same provider against live_server.
"""

import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from portal.testing.browser import assert_accessible

pytestmark = pytest.mark.browser

RP = "http://127.0.0.1:9"
REDIRECT_URI = f"{RP}/konto/oidc/kommune/login/callback/"
LOGGED_OUT_URI = f"{RP}/logget-ud/"


@pytest.fixture
def idp_tab(browser, oidc_provider):
    """A tab whose requests to the stub relying party are answered with a plain page."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.route(
        f"{RP}/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!DOCTYPE html><html lang="da"><title>RP</title><main><h1>RP</h1></main></html>',
        ),
    )
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors in the browser: {errors}"


def _sign_in(tab, oidc_provider, client, account) -> dict:
    state = secrets.token_urlsafe(8)
    query = urlencode(
        {
            "client_id": client.client_id,
            "redirect_uri": REDIRECT_URI,
            "response_type": "code",
            "scope": "openid profile email",
            "state": state,
        }
    )
    tab.goto(f"{oidc_provider.discovery()['authorization_endpoint']}?{query}")
    assert tab.url.startswith(f"{oidc_provider.issuer}/interaction/")
    assert_accessible(tab)
    tab.get_by_label("Brugernavn").fill(account.username)
    tab.get_by_label("Adgangskode").fill(account.password)
    tab.get_by_role("button", name="Log ind").click()
    tab.wait_for_url(f"{REDIRECT_URI}**")
    returned = parse_qs(urlsplit(tab.url).query)
    assert returned["state"] == [state] and returned["code"]
    return returned


def test_login_page_in_chromium_is_accessible_and_shows_a_wrong_password(idp_tab, oidc_provider):
    client = oidc_provider.add_client(redirect_uris=[REDIRECT_URI])
    account = oidc_provider.add_account(email="hanne@kommune.example.dk")
    query = urlencode(
        {
            "client_id": client.client_id,
            "redirect_uri": REDIRECT_URI,
            "response_type": "code",
            "scope": "openid profile email",
        }
    )
    idp_tab.goto(f"{oidc_provider.discovery()['authorization_endpoint']}?{query}")
    idp_tab.get_by_label("Brugernavn").fill(account.username)
    idp_tab.get_by_label("Adgangskode").fill("forkert")
    idp_tab.get_by_role("button", name="Log ind").click()

    assert idp_tab.get_by_role("alert").inner_text() == "Forkert brugernavn eller adgangskode."
    assert_accessible(idp_tab)
    assert _sign_in(idp_tab, oidc_provider, client, account)["code"]


def test_logout_page_in_chromium_is_accessible_and_returns_to_the_relying_party(
    idp_tab, oidc_provider
):
    client = oidc_provider.add_client(
        redirect_uris=[REDIRECT_URI], post_logout_redirect_uris=[LOGGED_OUT_URI]
    )
    account = oidc_provider.add_account(email="ida@kommune.example.dk")
    _sign_in(idp_tab, oidc_provider, client, account)
    end_session = oidc_provider.discovery()["end_session_endpoint"]
    query = urlencode({"client_id": client.client_id, "post_logout_redirect_uri": LOGGED_OUT_URI})

    idp_tab.goto(f"{end_session}?{query}&state=ud-1")
    assert_accessible(idp_tab)
    idp_tab.get_by_role("button", name="Ja, log mig ud").click()

    idp_tab.wait_for_url(f"{LOGGED_OUT_URI}?state=ud-1")
    # Signed out at the IdP: the next sign-in asks for the password again.
    _sign_in(idp_tab, oidc_provider, client, account)

    oidc_provider.auto_confirm_logout()
    idp_tab.goto(f"{end_session}?{query}")
    idp_tab.wait_for_url(LOGGED_OUT_URI)
