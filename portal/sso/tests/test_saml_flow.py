"""SAML sign-in end to end through the portal's URLs, with responses signed by a test IdP."""

from datetime import UTC, datetime, timedelta

import pytest
from allauth.socialaccount.models import SocialAccount
from django.db.models import Q
from django.utils import translation
from django.utils.html import escape

from portal.conftest import make_user
from portal.core.models import AuditEvent, Organisation, OrganisationKind, Role, User
from portal.sso import services
from portal.sso.models import IdentityProvider, SeenAssertion
from portal.sso.refusals import MESSAGES

from .saml_idp import CVR, EMAIL, FULL_NAME, LOA, ROLES, saml_response

pytestmark = pytest.mark.django_db

SP_ENTITY = "http://portal.test.example/konto/saml/3f/metadata/"
ACS = "http://portal.test.example/konto/saml/3f/acs/"


def start(client, slug="3f") -> str:
    """Click "sign in at the identity provider": the AuthnRequest's id (allauth's state)."""
    response = client.post(f"/konto/saml/{slug}/login/")
    assert response.status_code == 302 and response.url.startswith("https://idp.test.example/")
    assert "Signature=" in response.url  # the AuthnRequest is signed
    (state_id,) = client.session["socialaccount_states"].keys()
    return state_id


def body(state, slug="3f", **kwargs):
    """The IdP's answer to `state`, encrypted to the provider's SP certificate when it wants."""
    advanced = IdentityProvider.objects.get(slug=slug).app.settings["advanced"]
    if advanced["want_assertion_encrypted"]:
        kwargs.setdefault("encrypt_for", advanced["x509cert"])
    kwargs.setdefault("attributes", attributes())
    return saml_response(
        sp_entity_id=f"http://portal.test.example/konto/saml/{slug}/metadata/",
        acs_url=f"http://portal.test.example/konto/saml/{slug}/acs/",
        in_response_to=state,
        **kwargs,
    )


def attributes(email="mette@3f.example.dk", **extra):
    return {EMAIL: email, FULL_NAME: "Mette Frederiksen", **extra}


def post(client, saml_b64, slug="3f"):
    """The browser posts the IdP's answer to the ACS; allauth forwards it to the finish view."""
    response = client.post(f"/konto/saml/{slug}/acs/", {"SAMLResponse": saml_b64})
    assert response.status_code == 302
    return client.get(response.url)


def sign_in(client, **kwargs):
    state = start(client)
    saml = body(state, **kwargs)
    return post(client, saml), saml


def refused(response, reason):
    assert response.status_code == 403
    assert "_auth_user_id" not in response.wsgi_request.session
    event = AuditEvent.objects.filter(action=AuditEvent.Action.SSO_LOGIN_REFUSED).latest("pk")
    assert event.detail["reason"] == reason
    return event


def test_first_sign_in_creates_the_person_approved_in_the_providers_organisation(
    client, saml_idp, fund
):
    cpr = "https://data.gov.dk/model/core/eid/cprNumber"
    response, _ = sign_in(client, attributes=attributes(**{cpr: "0101011234"}))
    assert response.status_code == 302, response.content[:500]
    user = User.objects.get(email="mette@3f.example.dk")
    assert user.organisation == fund and user.approved_at is not None
    assert user.full_name == "Mette Frederiksen"
    assert user.role_names == {Role.CASEWORKER}
    assert not user.has_usable_password()
    assert int(client.session["_auth_user_id"]) == user.pk
    actions = set(
        AuditEvent.objects.filter(Q(subject_user=user) | Q(actor=user)).values_list(
            "action", flat=True
        )
    )
    assert {"user_created", "role_granted", "sso_login", "login"} <= actions
    account = SocialAccount.objects.get(user=user)
    assert account.provider == "3f"
    assert EMAIL in account.extra_data
    assert not [key for key in account.extra_data if "cpr" in key.lower()]


def test_second_sign_in_finds_the_person_and_follows_name_and_roles(
    client, saml_idp, fund, operator_admin
):
    services.identity_provider_update(
        identity_provider=saml_idp,
        by=operator_admin,
        role_attribute=ROLES,
        role_map={"Portal-koordinator": ["coordinator"], "Portal-admin": ["admin"]},
    )
    sign_in(client, attributes=attributes(**{ROLES: ["Portal-koordinator", "Andet"]}))
    user = User.objects.get(email="mette@3f.example.dk")
    assert user.role_names == {Role.COORDINATOR}
    client.logout()
    response, _ = sign_in(
        client,
        attributes={
            EMAIL: "mette@3f.example.dk",
            FULL_NAME: "Mette Hansen",
            ROLES: ["Portal-admin"],
            LOA: "Substantial",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="mette@3f.example.dk").count() == 1
    user.refresh_from_db()
    assert user.full_name == "Mette Hansen"
    assert User.objects.get(pk=user.pk).role_names == {Role.ADMIN}


def test_an_existing_person_of_the_organisation_is_connected_by_email(client, saml_idp, fund):
    person = make_user(organisation=fund, email="mette@3f.example.dk", full_name="Mette F")
    response, _ = sign_in(client)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == person.pk
    assert SocialAccount.objects.get(user=person)


def test_a_person_of_another_organisation_with_the_address_is_refused(client, saml_idp, other_fund):
    make_user(organisation=other_fund, email="mette@3f.example.dk")
    response, _ = sign_in(client)
    refused(response, "organisation_mismatch")
    assert not SocialAccount.objects.exists()


def test_a_deactivated_person_is_refused(client, saml_idp, fund):
    make_user(organisation=fund, email="mette@3f.example.dk", is_active=False)
    response, _ = sign_in(client)
    refused(response, "person_inactive")


def test_a_switched_off_provider_is_refused(client, saml_idp):
    state = start(client)
    saml_idp.is_active = False
    saml_idp.save()
    saml = body(state)
    refused(post(client, saml), "provider_inactive")
    assert not User.objects.filter(email="mette@3f.example.dk").exists()


def test_an_email_outside_the_organisations_domains_is_refused(client, saml_idp):
    response, _ = sign_in(client, attributes=attributes(email="boss@foa.example.dk"))
    event = refused(response, "email_domain")
    assert event.detail["email"] == "boss@foa.example.dk"
    with translation.override("da"):
        assert escape(str(MESSAGES["email_domain"])) in response.content.decode()
    assert not User.objects.filter(email="boss@foa.example.dk").exists()


@pytest.mark.parametrize(
    ("cvr", "reason"),
    [("99999999", "cvr_unknown"), ("87654321", "cvr_mismatch")],
    ids=["unknown", "another-organisation"],
)
def test_a_cvr_number_not_the_organisations_is_refused(client, saml_idp, other_fund, cvr, reason):
    other_fund.cvr = "87654321"
    other_fund.save()
    response, _ = sign_in(client, attributes=attributes(**{CVR: cvr}))
    refused(response, reason)


def test_the_organisations_own_cvr_number_is_accepted(client, saml_idp):
    response, _ = sign_in(client, attributes=attributes(**{CVR: "12345678"}))
    assert response.status_code == 302


def test_a_broker_signs_in_the_organisation_its_cvr_number_names(client, fund, operator):
    broker_org = Organisation.objects.create(
        slug="nemlog-in", name="NemLog-in", kind=OrganisationKind.OPERATOR
    )
    from .saml_idp import metadata_xml

    services.identity_provider_add_saml(
        organisation=broker_org, by=None, metadata_xml=metadata_xml(), is_broker=True
    )
    fund.cvr = "12345678"
    fund.save()
    state = start(client, "nemlog-in")
    response = post(
        client, body(state, "nemlog-in", attributes=attributes(**{CVR: "12345678"})), "nemlog-in"
    )
    assert response.status_code == 302
    assert User.objects.get(email="mette@3f.example.dk").organisation == fund
    # Without a CVR number a broker's assertion names no organisation.
    client.logout()
    state = start(client, "nemlog-in")
    refused(post(client, body(state, "nemlog-in"), "nemlog-in"), "cvr_missing")


# --- The protocol: signatures, audience, recipient, validity, replay -----------------------


def test_an_unsigned_assertion_is_refused(client, saml_idp):
    response, _ = sign_in(client, signed_by=None)
    refused(response, "invalid_response")
    assert not User.objects.filter(email="mette@3f.example.dk").exists()


def test_an_assertion_signed_by_another_key_is_refused(client, saml_idp):
    response, _ = sign_in(client, signed_by="forger")
    refused(response, "invalid_response")


def test_a_tampered_signed_assertion_is_refused(client, saml_idp):
    response, _ = sign_in(
        client, tamper=lambda xml: xml.replace("mette@3f.example.dk", "chef@3f.example.dk")
    )
    refused(response, "invalid_response")
    assert not User.objects.filter(email="chef@3f.example.dk").exists()


def test_a_wrong_audience_is_refused(client, saml_idp):
    response, _ = sign_in(client, audience="https://another-sp.example/metadata")
    refused(response, "invalid_response")


def test_a_wrong_recipient_is_refused(client, saml_idp):
    response, _ = sign_in(client, recipient="https://another-sp.example/acs")
    refused(response, "invalid_response")


def test_an_expired_assertion_is_refused(client, saml_idp):
    response, _ = sign_in(client, now=datetime.now(UTC) - timedelta(hours=1))
    event = refused(response, "invalid_response")
    assert event.detail["saml_errors"]


def test_idp_initiated_sign_in_is_refused(client, saml_idp):
    saml = body(None)
    refused(post(client, saml), "invalid_response")


def test_a_replayed_response_is_refused_in_the_same_browser(client, saml_idp):
    response, saml = sign_in(client)
    assert response.status_code == 302
    assert SeenAssertion.objects.count() == 2  # the response's and the assertion's id
    client.logout()
    refused(post(client, saml), "replayed")


def test_a_replayed_response_is_refused_in_another_browser(client, saml_idp, client_factory):
    response, saml = sign_in(client)
    assert response.status_code == 302
    attacker = client_factory()
    refused(post(attacker, saml), "replayed")


def test_allauth_alone_refuses_an_answer_to_a_request_this_browser_did_not_send(
    client, saml_idp, client_factory
):
    """Without a replay (fresh ids) the stashed-state check is what stops a captured answer
    being used in another browser."""
    state = start(client)
    saml = body(state)
    attacker = client_factory()
    refused(post(attacker, saml), "state_missing")


def test_the_acs_finish_query_count_is_pinned(client, saml_idp, django_assert_num_queries):
    state = start(client)
    saml = body(state)
    response = client.post("/konto/saml/3f/acs/", {"SAMLResponse": saml})
    # A first sign-in: the person, their address, social account, role, audit, session.
    with django_assert_num_queries(56):
        assert client.get(response.url).status_code == 302


def test_the_sp_metadata_offers_signing_and_encryption_keys(client, saml_idp):
    response = client.get("/konto/saml/3f/metadata/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'use="signing"' in text and 'use="encryption"' in text
    assert 'AuthnRequestsSigned="true"' in text and 'WantAssertionsSigned="true"' in text


def test_a_plain_assertion_is_refused_when_encryption_is_wanted(client, saml_idp):
    response, _ = sign_in(client, encrypt_for=None)
    refused(response, "invalid_response")


def test_a_provider_that_cannot_encrypt_may_send_signed_plain_assertions(client, other_fund):
    from .saml_idp import metadata_xml

    services.identity_provider_add_saml(
        organisation=other_fund,
        by=None,
        metadata_xml=metadata_xml(),
        want_assertion_encrypted=False,
    )
    state = start(client, "foa")
    response = post(client, body(state, "foa", attributes=attributes("x@foa.example.dk")), "foa")
    assert response.status_code == 302
    assert User.objects.get(email="x@foa.example.dk").organisation == other_fund


def test_a_known_uid_with_another_email_is_refused(client, saml_idp):
    sign_in(client, name_id="nameid-7")
    client.logout()
    response, _ = sign_in(client, name_id="nameid-7", attributes=attributes("ny@3f.example.dk"))
    refused(response, "email_changed")
    assert not User.objects.filter(email="ny@3f.example.dk").exists()
