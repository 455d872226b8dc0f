"""Level of assurance and the portal's second factor; single logout (SAML and OIDC); OIDC
sign-in with only the provider's HTTP answers faked."""

import base64
import zlib
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, quote_plus, urlparse

import pytest
from django.core.management import call_command
from onelogin.saml2.constants import OneLogin_Saml2_Constants as C
from onelogin.saml2.utils import OneLogin_Saml2_Utils

from portal.accounts.sessions import MFA_SATISFIED_BY_IDP
from portal.conftest import make_user
from portal.core.models import AuditEvent, Role, User
from portal.sso import services
from portal.sso.models import SeenAssertion
from portal.testing.oidc_provider import (
    ACR_LOW,
    ACR_SUBSTANTIAL,
    FORGERIES,
    sign_in_without_browser,
)

from .conftest import HOST
from .saml_idp import IDP_ENTITY_ID, IDP_SLO_URL, LOA, ROLES, idp_keys
from .test_saml_flow import attributes, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinators(saml_idp, operator_admin):
    """The provider maps its "Koordinator" group to the coordinator role."""
    return services.identity_provider_update(
        identity_provider=saml_idp,
        by=operator_admin,
        role_attribute=ROLES,
        role_map={"Koordinator": ["coordinator"]},
    )


def coordinator_attributes(loa=None):
    extra = {ROLES: "Koordinator"}
    if loa:
        extra[LOA] = loa
    return attributes(**extra)


# --- Level of assurance ----------------------------------------------------------------------


def test_substantial_sign_in_is_the_coordinators_second_factor(client, coordinators):
    response, _ = sign_in(client, attributes=coordinator_attributes("Substantial"))
    assert response.status_code == 302
    assert User.objects.get(email="mette@3f.example.dk").has_role(Role.COORDINATOR)
    assert client.get("/").status_code == 200  # no TOTP enrolment asked
    event = AuditEvent.objects.get(action=AuditEvent.Action.SSO_LOGIN)
    assert event.detail["level_of_assurance"] == "Substantial"
    assert event.detail["second_factor_by_provider"] is True


@pytest.mark.parametrize("loa", ["Low", None], ids=["low", "none"])
def test_a_lower_level_still_asks_the_coordinator_to_enrol_totp(client, coordinators, loa):
    sign_in(client, attributes=coordinator_attributes(loa))
    assert client.get("/").url.startswith("/konto/2fa/totp/activate")


def test_substantial_sign_in_skips_the_totp_prompt_of_a_person_who_has_one(
    client, coordinators, fund
):
    make_user(organisation=fund, roles=[Role.COORDINATOR], email="mette@3f.example.dk", mfa=True)
    response, _ = sign_in(client, attributes=coordinator_attributes("High"))
    assert response.status_code == 302 and "2fa" not in response.url
    assert "_auth_user_id" in client.session


def test_a_low_sign_in_asks_for_the_totp_of_a_person_who_has_one(client, coordinators, fund):
    make_user(organisation=fund, roles=[Role.COORDINATOR], email="mette@3f.example.dk", mfa=True)
    response, _ = sign_in(client, attributes=coordinator_attributes("Low"))
    assert response.status_code == 302 and response.url.startswith("/konto/2fa/authenticate")
    assert "_auth_user_id" not in client.session


def test_the_idp_excuse_is_bound_to_the_person_it_was_given_for(client, fund):
    other = make_user(organisation=fund, roles=[Role.COORDINATOR], email="other@3f.example.dk")
    client.force_login(other)
    session = client.session
    session[MFA_SATISFIED_BY_IDP] = "mette@3f.example.dk"
    session.save()
    assert client.get("/").url.startswith("/konto/2fa/totp/activate")


# --- SAML single logout ---------------------------------------------------------------------


def _inflate(value: str) -> str:
    return zlib.decompress(base64.b64decode(value), -15).decode()


def test_log_ud_after_a_saml_sign_in_sends_a_logout_request_to_the_idp(client, saml_idp):
    sign_in(client, name_id="nameid-42", session_index="sess-42")
    response = client.post("/konto/logout/")
    assert response.status_code == 302
    assert response.url.startswith(IDP_SLO_URL)
    query = parse_qs(urlparse(response.url).query)
    assert "Signature" in query
    request_xml = _inflate(query["SAMLRequest"][0])
    assert "nameid-42" in request_xml and "sess-42" in request_xml
    assert "_auth_user_id" not in client.session


def test_log_ud_after_a_password_sign_in_stays_in_the_portal(client, saml_idp, caseworker):
    client.force_login(caseworker)
    response = client.post("/konto/logout/")
    assert response.status_code == 302 and not response.url.startswith("https://idp")


def _idp_logout_request(name_id="nameid-1"):
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    xml = (
        f'<samlp:LogoutRequest xmlns:samlp="{C.NS_SAMLP}" xmlns:saml="{C.NS_SAML}" '
        f'ID="_lr{now.replace(":", "")}" Version="2.0" IssueInstant="{now}" '
        'Destination="http://portal.test.example/konto/saml/3f/sls/">'
        f"<saml:Issuer>{IDP_ENTITY_ID}</saml:Issuer>"
        f'<saml:NameID Format="{C.NAMEID_PERSISTENT}">{name_id}</saml:NameID>'
        "<samlp:SessionIndex>session-1</samlp:SessionIndex></samlp:LogoutRequest>"
    )
    encoded = OneLogin_Saml2_Utils.deflate_and_base64_encode(xml)
    signed = f"SAMLRequest={quote_plus(encoded)}&SigAlg={quote_plus(C.RSA_SHA256)}"
    signature = OneLogin_Saml2_Utils.sign_binary(signed, idp_keys("idp")[0])
    return f"{signed}&Signature={quote_plus(base64.b64encode(signature).decode())}"


def test_an_idp_initiated_logout_request_ends_the_portal_session(client, saml_idp):
    sign_in(client)
    assert "_auth_user_id" in client.session
    response = client.get(f"/konto/saml/3f/sls/?{_idp_logout_request()}")
    assert response.status_code == 302 and response.url.startswith(IDP_SLO_URL)
    assert "SAMLResponse" in response.url
    assert "_auth_user_id" not in client.session


# --- The daily prune ------------------------------------------------------------------------


def test_seen_assertions_older_than_a_day_are_pruned(saml_idp):
    old = SeenAssertion.objects.create(identity_provider=saml_idp, assertion_id="_old")
    SeenAssertion.objects.filter(pk=old.pk).update(
        seen_at=datetime.now(UTC) - timedelta(days=1, minutes=1)
    )
    SeenAssertion.objects.create(identity_provider=saml_idp, assertion_id="_new")
    from portal.sso.tasks import seen_assertions_prune

    seen_assertions_prune.call_local()
    assert list(SeenAssertion.objects.values_list("assertion_id", flat=True)) == ["_new"]


# --- OpenID Connect -------------------------------------------------------------------------

# Against the real OpenID Connect provider on loopback (portal/testing/oidc_provider.py): the
# portal's side through Django's test client, the provider's login page through requests.

CALLBACK = f"http://{HOST}/konto/oidc/3f/login/callback/"


@pytest.fixture
def oidc_idp(fund, oidc_provider, settings):
    registered = oidc_provider.add_client(
        redirect_uris=[CALLBACK], post_logout_redirect_uris=[f"{settings.SITE_URL}/"]
    )
    identity_provider = services.identity_provider_add_oidc(
        organisation=fund,
        by=None,
        issuer=oidc_provider.issuer,
        client_id=registered.client_id,
        client_secret=registered.client_secret,
    )
    return identity_provider


def oidc_sign_in(client, oidc_provider, **claims):
    account = oidc_provider.add_account(**{"name": "Lars Løkke", **claims})
    response = client.post("/konto/oidc/3f/login/")
    assert response.status_code == 302
    query = parse_qs(urlparse(response.url).query)
    assert query["code_challenge_method"] == ["S256"]  # PKCE
    callback = sign_in_without_browser(response.url, account, stop_at=CALLBACK)
    return client.get(callback.removeprefix(f"http://{HOST}"))


def test_oidc_first_sign_in_creates_the_person_and_logout_ends_at_the_provider(
    client, oidc_idp, oidc_provider, fund
):
    response = oidc_sign_in(client, oidc_provider, email="lars@3f.example.dk", acr=ACR_SUBSTANTIAL)
    assert response.status_code == 302, response.content[:300]
    assert oidc_provider.token_requests()[-1]["pkce"]
    user = User.objects.get(email="lars@3f.example.dk")
    assert user.organisation == fund and user.full_name == "Lars Løkke"
    assert user.approved_at is not None and user.role_names == {Role.CASEWORKER}
    assert client.session[MFA_SATISFIED_BY_IDP] == "lars@3f.example.dk"

    response = client.post("/konto/logout/")
    assert response.url.startswith(oidc_provider.discovery()["end_session_endpoint"])
    query = parse_qs(urlparse(response.url).query)
    assert query["id_token_hint"] and query["post_logout_redirect_uri"] == [
        "http://127.0.0.1:8000/"
    ]
    assert "_auth_user_id" not in client.session


def test_oidc_email_outside_the_organisation_is_refused(client, oidc_idp, oidc_provider):
    response = oidc_sign_in(client, oidc_provider, email="lars@evil.example")
    assert response.status_code == 403
    assert not User.objects.filter(email="lars@evil.example").exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.SSO_LOGIN_REFUSED)
    assert event.detail["reason"] == "email_domain"


def test_oidc_low_acr_does_not_excuse_the_second_factor(client, oidc_idp, oidc_provider):
    response = oidc_sign_in(client, oidc_provider, email="lars@3f.example.dk", acr=ACR_LOW)
    assert response.status_code == 302
    assert MFA_SATISFIED_BY_IDP not in client.session


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forged_id_token_signs_nobody_in(client, oidc_idp, oidc_provider, forgery):
    """Signed with a key the provider never published, another issuer or audience, expired."""
    with oidc_provider.forging(forgery):
        response = oidc_sign_in(client, oidc_provider, email="lars@3f.example.dk")
    assert response.status_code in (401, 403)
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="lars@3f.example.dk").exists()


def test_sso_add_commands_exit_non_zero_on_error(fund):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command(
            "sso_add_oidc",
            "3f",
            "--issuer",
            "ftp://nope",
            "--client-id",
            "a",
            "--client-secret",
            "b",
        )


def test_a_password_sign_in_is_never_excused_by_a_key_left_in_the_session(client, fund, password):
    person = make_user(
        organisation=fund, roles=[Role.COORDINATOR], email="mette@3f.example.dk", mfa=True
    )
    session = client.session
    session[MFA_SATISFIED_BY_IDP] = person.email
    session.save()
    response = client.post("/konto/login/", {"login": person.email, "password": password})
    assert response.status_code == 302 and response.url.startswith("/konto/2fa/authenticate")
    assert "_auth_user_id" not in client.session
