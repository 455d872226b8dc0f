"""The sign-in page's first step: the work email decides whether a person signs in at their
organisation's identity provider or continues with a password or a code; and the direct link
per organisation for intranets."""

import datetime

import pytest
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.urls import reverse

from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.sso import services
from portal.sso.models import IdentityProvider, Protocol

IDP_SSO_URL = "http://127.0.0.1:9/sso"
OIDC_AUTHORIZE_URL = "https://login.example.net/authorize"
LOGIN = "/konto/login/"


def _certificate() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "idp.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    return "".join(line for line in pem.splitlines() if "CERTIFICATE" not in line)


def saml_identity_provider(organisation, *, slug=None, is_active=True) -> IdentityProvider:
    """A SAML identity provider as the services leave it: one SocialApp, its client id the slug."""
    slug = slug or organisation.slug
    app = SocialApp.objects.create(
        provider="saml",
        provider_id=slug,
        client_id=slug,
        name=organisation.name,
        settings={
            "idp": {
                "entity_id": "http://127.0.0.1:9/idp",
                "sso_url": IDP_SSO_URL,
                "x509cert": _certificate(),
            },
        },
    )
    return IdentityProvider.objects.create(
        organisation=organisation,
        protocol=Protocol.SAML,
        slug=slug,
        name=organisation.name,
        app=app,
        is_active=is_active,
    )


def oidc_identity_provider(organisation, *, slug=None) -> IdentityProvider:
    slug = slug or organisation.slug
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=slug,
        client_id="portal-client",
        secret="hemmelig",
        name=organisation.name,
        settings={"server_url": "https://login.example.net"},
    )
    return IdentityProvider.objects.create(
        organisation=organisation,
        protocol=Protocol.OIDC,
        slug=slug,
        name=organisation.name,
        app=app,
    )


HOST = "portal.example.dk"


@pytest.fixture(autouse=True)
def _host_header(client, settings):
    # Browsers always send Host; python3-saml builds the ACS URL from it (and refuses a
    # single-label host such as Django's "testserver").
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    client.defaults["HTTP_HOST"] = HOST


@pytest.fixture
def municipality(db):
    return OrganisationFactory(
        slug="kk",
        name="Københavns Kommune",
        kind=OrganisationKind.JOBCENTER,
        email_domains="kk.example.dk bif.kk.example.dk",
    )


@pytest.fixture
def oidc_discovery(monkeypatch):
    """The OpenID Connect provider's discovery document, without fetching it over HTTP."""
    config = {
        "issuer": "https://login.example.net",
        "authorization_endpoint": OIDC_AUTHORIZE_URL,
        "token_endpoint": "https://login.example.net/token",
        "userinfo_endpoint": "https://login.example.net/userinfo",
        "jwks_uri": "https://login.example.net/jwks",
    }
    monkeypatch.setattr(OpenIDConnectOAuth2Adapter, "openid_config", property(lambda self: config))


def test_an_address_of_an_organisation_with_saml_goes_to_its_identity_provider(
    client, municipality
):
    saml_identity_provider(municipality)

    response = client.post(LOGIN, {"login": "anna@kk.example.dk", "password": ""})

    assert response.status_code == 302
    assert response["Location"].startswith(IDP_SSO_URL)
    assert "SAMLRequest=" in response["Location"]


def test_every_domain_of_the_organisation_is_discovered_whatever_its_case(client, municipality):
    saml_identity_provider(municipality)

    response = client.post(LOGIN, {"login": "Bo@BIF.kk.example.dk"})

    assert response["Location"].startswith(IDP_SSO_URL)


def test_an_address_of_an_organisation_with_openid_connect_goes_to_its_provider(
    client, municipality, oidc_discovery
):
    oidc_identity_provider(municipality)

    response = client.post(LOGIN, {"login": "anna@kk.example.dk", "next": "/debat/"})

    assert response.status_code == 302
    assert response["Location"].startswith(OIDC_AUTHORIZE_URL)
    assert "client_id=portal-client" in response["Location"]
    assert "state=" in response["Location"]


def test_a_typed_password_is_not_used_the_person_is_told_whose_login_comes_next(
    client, municipality
):
    identity_provider = saml_identity_provider(municipality)
    person = make_user(organisation=municipality, email="anna@kk.example.dk")
    person.set_password("Et-godt-kodeord-2026")
    person.save()

    response = client.post(LOGIN, {"login": person.email, "password": "Et-godt-kodeord-2026"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Københavns Kommune" in page
    assert reverse("sso:direct_sign_in", args=[identity_provider.slug]) in page


def test_an_address_without_single_sign_on_continues_with_the_password_step(client, caseworker):
    response = client.post(LOGIN, {"login": caseworker.email})

    assert response.status_code == 200
    assert response.context["password_step"] is True
    form = response.context["form"]
    assert not form.is_bound
    assert form.initial["login"] == caseworker.email
    assert "autofocus" in form.fields["password"].widget.attrs
    page = response.content.decode()
    assert 'name="password"' in page
    assert reverse("account_request_login_code") in page
    assert "_auth_user_id" not in client.session


def test_email_and_password_together_sign_in_as_before(client, caseworker, password):
    response = client.post(LOGIN, {"login": caseworker.email, "password": password})

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == caseworker.pk


def test_a_wrong_password_is_an_error_as_before(client, caseworker):
    response = client.post(LOGIN, {"login": caseworker.email, "password": "forkert-kodeord-1"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_a_deactivated_identity_provider_is_not_discovered(client, municipality):
    saml_identity_provider(municipality, is_active=False)

    response = client.post(LOGIN, {"login": "anna@kk.example.dk"})

    assert response.status_code == 200
    assert response.context["password_step"] is True


def test_an_unknown_domain_is_not_single_sign_on(client, municipality):
    saml_identity_provider(municipality)

    response = client.post(LOGIN, {"login": "anna@kk.example.dk.evil.example"})

    assert response.status_code == 200
    assert response.context["password_step"] is True


def test_the_first_step_asks_for_the_work_email_and_lists_no_identity_providers(
    client, municipality
):
    saml_identity_provider(municipality)

    response = client.get(LOGIN)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="login"' in page
    assert "Københavns Kommune" not in page
    assert "/konto/saml/" not in page


def test_the_third_party_accounts_page_lists_no_identity_providers(
    client_for, caseworker, municipality
):
    saml_identity_provider(municipality)

    response = client_for(caseworker).get(reverse("socialaccount_connections"))

    assert "Københavns Kommune" not in response.content.decode()


def test_a_get_never_starts_a_sign_in(client, municipality):
    saml_identity_provider(municipality)

    response = client.get(LOGIN, {"login": "anna@kk.example.dk"})

    assert response.status_code == 200


# --- The direct link --------------------------------------------------------------------


def test_the_direct_link_shows_one_button_for_the_organisations_login(client, municipality):
    identity_provider = saml_identity_provider(municipality)
    url = reverse("sso:direct_sign_in", args=[identity_provider.slug])

    response = client.get(url)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Københavns Kommune" in page
    assert f'action="{url}"' in page
    assert "csrfmiddlewaretoken" in page


def test_the_direct_links_button_posts_to_the_identity_provider(client, municipality):
    identity_provider = saml_identity_provider(municipality)

    response = client.post(reverse("sso:direct_sign_in", args=[identity_provider.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(IDP_SSO_URL)


def test_the_direct_link_needs_the_csrf_token(municipality):
    from django.test import Client

    identity_provider = saml_identity_provider(municipality)
    strict = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)

    response = strict.post(reverse("sso:direct_sign_in", args=[identity_provider.slug]))

    assert response.status_code == 403


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_direct_link_of_an_unknown_or_deactivated_provider_is_404(client, municipality, method):
    saml_identity_provider(municipality, is_active=False)

    assert getattr(client, method)(reverse("sso:direct_sign_in", args=["kk"])).status_code == 404
    assert (
        getattr(client, method)(reverse("sso:direct_sign_in", args=["ukendt"])).status_code == 404
    )


def test_no_code_by_email_for_an_address_of_an_organisation_with_single_sign_on(
    client, smtp_server, municipality
):
    from portal.conftest import make_user

    saml_identity_provider(municipality)
    anna = make_user(organisation=municipality, email="anna@kk.example.dk")
    response = client.post("/konto/login/code/", {"email": anna.email})
    assert response.status_code == 200
    assert "logger sine folk ind med sit eget login" in response.content.decode()
    assert not smtp_server.messages
    # Switched off, the organisation's people sign in by code (or password) again.
    services.identity_provider_deactivate(identity_provider=IdentityProvider.objects.get(), by=None)
    response = client.post("/konto/login/code/", {"email": anna.email})
    assert response.status_code == 302
