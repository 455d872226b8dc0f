from unittest import mock

import pytest
import requests
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from portal.conftest import make_user
from portal.core.models import AuditEvent, EmailDelivery, Role
from portal.sso import services
from portal.sso.models import IdentityProvider

from .saml_idp import IDP_ENTITY_ID, IDP_SLO_URL, IDP_SSO_URL, metadata_xml

pytestmark = pytest.mark.django_db

DISCOVERY = {
    "issuer": "https://login.example.com/tenant/v2.0",
    "authorization_endpoint": "https://login.example.com/authorize",
    "token_endpoint": "https://login.example.com/token",
    "jwks_uri": "https://login.example.com/keys",
    "userinfo_endpoint": "https://login.example.com/userinfo",
    "end_session_endpoint": "https://login.example.com/logout",
}


def _discovery(payload=DISCOVERY, status=200):
    response = mock.Mock(status_code=status)
    response.json.return_value = payload
    response.raise_for_status.side_effect = (
        None if status == 200 else requests.HTTPError(f"{status} Error")
    )
    return mock.patch("portal.sso.services.requests.get", return_value=response)


def test_add_saml_stores_the_parsed_metadata_and_an_sp_key_pair(fund, operator_admin):
    provider = services.identity_provider_add_saml(
        organisation=fund, by=operator_admin, metadata_xml=metadata_xml()
    )
    assert provider.slug == "3f" and provider.name == "3F A-kasse"
    app = provider.app
    assert (app.provider, app.provider_id, app.client_id) == ("saml", "3f", "3f")
    idp = app.settings["idp"]
    assert idp["entity_id"] == IDP_ENTITY_ID
    assert idp["sso_url"] == IDP_SSO_URL and idp["slo_url"] == IDP_SLO_URL
    assert idp["x509cert"] and "metadata_url" not in idp
    advanced = app.settings["advanced"]
    assert advanced["want_assertion_signed"] and advanced["authn_request_signed"]
    assert advanced["reject_idp_initiated_sso"] and advanced["strict"]
    assert "PRIVATE KEY" in advanced["private_key"] and "CERTIFICATE" in advanced["x509cert"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.IDENTITY_PROVIDER_ADDED)
    assert event.actor == operator_admin and event.organisation == fund


@pytest.mark.parametrize(
    ("xml", "code"),
    [
        ("<not xml", "metadata_invalid"),
        (metadata_xml(with_cert=False), "metadata_no_certificate"),
        (metadata_xml(with_sso=False), "metadata_no_sso"),
    ],
    ids=["garbage", "no-cert", "no-sso"],
)
def test_add_saml_refuses_unusable_metadata(fund, operator_admin, xml, code):
    with pytest.raises(ValidationError) as exc:
        services.identity_provider_add_saml(organisation=fund, by=operator_admin, metadata_xml=xml)
    assert exc.value.code == code
    assert not IdentityProvider.objects.exists()


def test_add_saml_says_when_the_metadata_url_cannot_be_fetched(fund, operator_admin):
    with (
        mock.patch(
            "portal.sso.services.OneLogin_Saml2_IdPMetadataParser.parse_remote",
            side_effect=requests.ConnectionError("no route"),
        ),
        pytest.raises(ValidationError) as exc,
    ):
        services.identity_provider_add_saml(
            organisation=fund, by=operator_admin, metadata_url="https://idp.example/md"
        )
    assert exc.value.code == "metadata_unreachable"


def test_only_operator_admins_manage_identity_providers(fund, fund_admin):
    with pytest.raises(PermissionDenied):
        services.identity_provider_add_saml(
            organisation=fund, by=fund_admin, metadata_xml=metadata_xml()
        )


def test_slug_is_taken_once(fund, operator_admin):
    services.identity_provider_add_saml(organisation=fund, by=None, metadata_xml=metadata_xml())
    with pytest.raises(ValidationError) as exc:
        services.identity_provider_add_saml(organisation=fund, by=None, metadata_xml=metadata_xml())
    assert exc.value.code == "slug_taken"


def test_add_oidc_checks_discovery_and_enables_pkce(fund, operator_admin):
    with _discovery() as get:
        provider = services.identity_provider_add_oidc(
            organisation=fund,
            by=operator_admin,
            issuer="https://login.example.com/tenant/v2.0",
            client_id="abc",
            client_secret="s3cret",
        )
    assert get.call_args.args[0] == (
        "https://login.example.com/tenant/v2.0/.well-known/openid-configuration"
    )
    app = provider.app
    assert (app.provider, app.provider_id, app.client_id, app.secret) == (
        "openid_connect",
        "3f",
        "abc",
        "s3cret",
    )
    assert app.settings["server_url"] == "https://login.example.com/tenant/v2.0"
    assert app.settings["oauth_pkce_enabled"] is True


def test_add_oidc_refuses_an_issuer_without_discovery(fund, operator_admin):
    with _discovery(status=404), pytest.raises(ValidationError) as exc:
        services.identity_provider_add_oidc(
            organisation=fund,
            by=operator_admin,
            issuer="https://nowhere.example",
            client_id="abc",
            client_secret="x",
        )
    assert exc.value.code == "discovery_unreachable"
    with _discovery(payload={"issuer": "x"}), pytest.raises(ValidationError) as exc:
        services.identity_provider_add_oidc(
            organisation=fund,
            by=operator_admin,
            issuer="https://nowhere.example",
            client_id="abc",
            client_secret="x",
        )
    assert exc.value.code == "discovery_incomplete"


@pytest.fixture
def saml_provider(fund):
    return services.identity_provider_add_saml(
        organisation=fund, by=None, metadata_xml=metadata_xml()
    )


def test_update_maps_only_organisation_roles(saml_provider, operator_admin):
    provider = services.identity_provider_update(
        identity_provider=saml_provider,
        by=operator_admin,
        role_attribute="groups",
        role_map={"Ledere": ["admin", "coordinator"], "Alle": "caseworker"},
        name="3F's AD FS",
    )
    provider.refresh_from_db()
    assert provider.role_map == {"Ledere": ["coordinator", "admin"], "Alle": ["caseworker"]}
    assert provider.app.name == "3F's AD FS"
    for bad in ({"x": ["operator_admin"]}, {"x": ["editor"]}, {"x": ["nonsense"]}, ["x"]):
        with pytest.raises(ValidationError):
            services.identity_provider_update(
                identity_provider=saml_provider, by=operator_admin, role_map=bad
            )
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.IDENTITY_PROVIDER_CHANGED).count() == 1
    )


def test_deactivation_asks_everyone_without_a_password_to_choose_one(
    saml_provider, fund, other_fund, operator_admin
):
    sso_admin = make_user(organisation=fund, roles=[Role.ADMIN], email="chef@3f.example.dk")
    sso_admin.set_unusable_password()
    sso_admin.save()
    sso_caseworker = make_user(organisation=fund, email="cw@3f.example.dk")
    sso_caseworker.set_unusable_password()
    sso_caseworker.save()
    with_password = make_user(organisation=fund, email="pw@3f.example.dk")
    gone = make_user(organisation=fund, email="gone@3f.example.dk", is_active=False)
    gone.set_unusable_password()
    gone.save()
    elsewhere = make_user(organisation=other_fund, email="x@foa.example.dk")
    elsewhere.set_unusable_password()
    elsewhere.save()

    services.identity_provider_deactivate(identity_provider=saml_provider, by=operator_admin)

    saml_provider.refresh_from_db()
    assert saml_provider.is_active is False
    mails = EmailDelivery.objects.filter(template="sso/emails/password_set")
    assert sorted(mails.values_list("recipient", flat=True)) == [
        "chef@3f.example.dk",
        "cw@3f.example.dk",
    ]
    assert with_password.email not in mails.values_list("recipient", flat=True)
    assert "/konto/password/reset/key/" in mails.get(recipient="chef@3f.example.dk").text_body
    event = AuditEvent.objects.get(action=AuditEvent.Action.IDENTITY_PROVIDER_DEACTIVATED)
    assert event.detail["people_asked_to_set_password"] == 2
    with pytest.raises(ValidationError):
        services.identity_provider_deactivate(identity_provider=saml_provider, by=operator_admin)
    services.identity_provider_activate(identity_provider=saml_provider, by=operator_admin)
    saml_provider.refresh_from_db()
    assert saml_provider.is_active


def test_the_password_link_lets_an_sso_admin_in_with_password_then_totp(
    client, saml_provider, fund, operator_admin
):
    admin = make_user(organisation=fund, roles=[Role.ADMIN], email="chef@3f.example.dk")
    admin.set_unusable_password()
    admin.save()
    services.identity_provider_deactivate(identity_provider=saml_provider, by=operator_admin)
    body = EmailDelivery.objects.get(template="sso/emails/password_set").text_body
    link = next(line for line in body.splitlines() if "/konto/password/reset/key/" in line)
    path = link.split("testserver")[-1].split("127.0.0.1:8000")[-1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url,
        {"password1": "Et-langt-nyt-kodeord-42", "password2": "Et-langt-nyt-kodeord-42"},
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.has_usable_password()
    # Signed in with the new password, the admin must first enrol TOTP.
    client.force_login(admin)
    assert client.get("/").url.startswith("/konto/2fa/")


def test_sp_details_name_the_portal_urls(saml_provider, settings):
    settings.SITE_URL = "https://portal.example.dk"
    details = services.sp_details(identity_provider=saml_provider)
    assert details["metadata_url"] == "https://portal.example.dk/konto/saml/3f/metadata/"
    assert details["entity_id"] == details["metadata_url"]
    assert details["acs_url"] == "https://portal.example.dk/konto/saml/3f/acs/"
    assert details["slo_url"] == "https://portal.example.dk/konto/saml/3f/sls/"


def test_sso_add_saml_command_prints_what_the_idp_needs(fund, tmp_path, capsys):
    path = tmp_path / "idp.xml"
    path.write_text(metadata_xml())
    call_command("sso_add_saml", "3f", "--metadata-file", str(path), "--broker")
    out = capsys.readouterr().out
    assert "/konto/saml/3f/metadata/" in out and "/konto/saml/3f/acs/" in out
    assert IdentityProvider.objects.get(slug="3f").is_broker


def test_sso_add_saml_command_fails_with_the_danish_reason(fund, tmp_path):
    path = tmp_path / "idp.xml"
    path.write_text(metadata_xml(with_cert=False))
    with pytest.raises(CommandError):
        call_command("sso_add_saml", "3f", "--metadata-file", str(path))
    with pytest.raises(CommandError):
        call_command("sso_add_saml", "nobody", "--metadata-file", str(path))
    assert not IdentityProvider.objects.exists()


def test_sso_add_oidc_command_prints_the_redirect_uri(fund, capsys):
    with _discovery():
        call_command(
            "sso_add_oidc",
            "3f",
            "--issuer",
            "https://login.example.com/tenant/v2.0",
            "--client-id",
            "abc",
            "--client-secret",
            "s",
        )
    assert "/konto/oidc/3f/login/callback/" in capsys.readouterr().out
