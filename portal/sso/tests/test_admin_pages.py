"""The operator admins' pages for an organisation's identity providers and its CVR number."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal.conftest import make_user
from portal.core.models import AuditEvent
from portal.core.tests.factories import OrganisationFactory
from portal.sso import forms, services
from portal.sso.models import IdentityProvider

from .saml_idp import metadata_xml


@pytest.fixture
def saml_provider(fund, operator_admin):
    return services.identity_provider_add_saml(
        organisation=fund, by=operator_admin, metadata_xml=metadata_xml()
    )


def _pages(fund, provider):
    slug = fund.slug
    return [
        reverse("sso:organisation_list"),
        reverse("sso:identity_provider_list", args=[slug]),
        reverse("sso:identity_provider_add_saml", args=[slug]),
        reverse("sso:identity_provider_add_oidc", args=[slug]),
        reverse("sso:identity_provider_detail", args=[slug, provider.pk]),
        reverse("sso:identity_provider_switch", args=[slug, provider.pk]),
        reverse("sso:organisation_cvr", args=[slug]),
    ]


def test_operator_admins_see_every_page(client_for, operator_admin, fund, saml_provider):
    client = client_for(operator_admin)
    for url in _pages(fund, saml_provider):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["fund_admin", "editor", "caseworker", "jurist"])
def test_nobody_else_sees_them(request, client_for, who, fund, saml_provider):
    client = client_for(request.getfixturevalue(who))
    for url in _pages(fund, saml_provider):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"cvr": "12345678", "name": "X"}).status_code == 403, url
    saml_provider.refresh_from_db()
    fund.refresh_from_db()
    assert saml_provider.is_active and saml_provider.name == "3F A-kasse" and fund.cvr == ""


def test_signed_out_people_are_sent_to_sign_in(client, fund, saml_provider):
    for url in _pages(fund, saml_provider):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_an_unknown_organisation_or_provider_is_404(client_for, operator_admin, other_fund, fund):
    provider = services.identity_provider_add_saml(
        organisation=other_fund, by=operator_admin, metadata_xml=metadata_xml()
    )
    client = client_for(operator_admin)
    assert client.get(reverse("sso:identity_provider_list", args=["ukendt"])).status_code == 404
    # Another organisation's provider under this organisation's address.
    url = reverse("sso:identity_provider_detail", args=[fund.slug, provider.pk])
    assert client.get(url).status_code == 404


def test_the_list_pages_cost_the_same_queries_however_many_organisations_and_providers(
    client_for, operator_admin, fund, django_assert_num_queries
):
    client = client_for(operator_admin)
    overview = reverse("sso:organisation_list")
    list_url = reverse("sso:identity_provider_list", args=[fund.slug])
    services.identity_provider_add_saml(
        organisation=fund, by=operator_admin, metadata_xml=metadata_xml()
    )
    services.identity_provider_add_saml(
        organisation=OrganisationFactory(), by=operator_admin, metadata_xml=metadata_xml()
    )
    client.get(overview)
    overview_queries, list_queries = _count(client, overview), _count(client, list_url)
    for n in range(3):
        services.identity_provider_add_saml(
            organisation=fund, by=operator_admin, metadata_xml=metadata_xml(), slug=f"3f-{n}"
        )
        services.identity_provider_add_saml(
            organisation=OrganisationFactory(), by=operator_admin, metadata_xml=metadata_xml()
        )

    with django_assert_num_queries(overview_queries):
        response = client.get(overview)
    assert sum(o.active_count for o in response.context["organisations"]) == 8
    with django_assert_num_queries(list_queries):
        response = client.get(list_url)
    assert len(response.context["identity_providers"]) == 4


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_adding_saml_from_an_uploaded_file_shows_what_the_idps_administrator_needs(
    client_for, operator_admin, fund
):
    client = client_for(operator_admin)
    upload = SimpleUploadedFile("idp.xml", metadata_xml().encode(), content_type="text/xml")

    response = client.post(
        reverse("sso:identity_provider_add_saml", args=[fund.slug]),
        {"metadata_file": upload, "name": "3F's Entra ID"},
    )

    provider = IdentityProvider.objects.get(organisation=fund)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "sso:identity_provider_detail", args=[fund.slug, provider.pk]
    )
    assert provider.name == "3F's Entra ID" and provider.created_by == operator_admin
    page = client.get(response["Location"]).content.decode()
    details = services.sp_details(identity_provider=provider, request_or_site_url=None)
    for key in ("metadata_url", "entity_id", "acs_url", "slo_url"):
        assert f'value="{details[key]}"' in page, key
    assert "/log-ind/3f/" in page


def _upload_error(client, fund, upload, **data):
    response = client.post(
        reverse("sso:identity_provider_add_saml", args=[fund.slug]),
        {"metadata_file": upload, **data} if upload else data,
    )
    assert response.status_code == 200
    assert not IdentityProvider.objects.exists()
    form = response.context["form"]
    return [e.code for errors in form.errors.as_data().values() for e in errors]


def test_the_upload_is_checked_before_the_service_sees_it(
    client_for, operator_admin, fund, monkeypatch
):
    client = client_for(operator_admin)
    monkeypatch.setattr(forms, "METADATA_MAX_BYTES", 100)
    big = SimpleUploadedFile("idp.xml", b"<x/>" * 100, content_type="text/xml")
    assert _upload_error(client, fund, big) == ["too_large"]
    monkeypatch.undo()

    pdf = SimpleUploadedFile("idp.pdf", metadata_xml().encode(), content_type="application/pdf")
    assert _upload_error(client, fund, pdf) == ["not_xml"]
    broken = SimpleUploadedFile("idp.xml", b"<md:EntityDescriptor", content_type="text/xml")
    assert _upload_error(client, fund, broken) == ["invalid_xml"]
    bomb = SimpleUploadedFile(
        "idp.xml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        content_type="text/xml",
    )
    assert _upload_error(client, fund, bomb) == ["invalid_xml"]
    other = SimpleUploadedFile("idp.xml", b"<html/>", content_type="text/xml")
    assert _upload_error(client, fund, other) == ["not_metadata"]
    assert _upload_error(client, fund, None) == ["one_source"]
    both = SimpleUploadedFile("idp.xml", metadata_xml().encode(), content_type="text/xml")
    assert _upload_error(client, fund, both, metadata_url="https://idp.example/md") == [
        "one_source"
    ]


def test_adding_openid_connect_never_shows_the_secret_again(
    client_for, operator_admin, fund, monkeypatch
):
    monkeypatch.setattr(services, "_oidc_discovery_check", lambda issuer: {})
    client = client_for(operator_admin)

    response = client.post(
        reverse("sso:identity_provider_add_oidc", args=[fund.slug]),
        {
            "issuer": "https://login.microsoftonline.com/tenant/v2.0",
            "client_id": "app-id",
            "client_secret": "meget-hemmelig-vaerdi",
        },
    )

    provider = IdentityProvider.objects.get(organisation=fund)
    assert response.status_code == 302
    assert provider.app.secret == "meget-hemmelig-vaerdi"
    page = client.get(response["Location"]).content.decode()
    assert "meget-hemmelig-vaerdi" not in page
    assert "/konto/oidc/3f/login/callback/" in page


def test_an_issuer_without_https_is_refused(client_for, operator_admin, fund):
    response = client_for(operator_admin).post(
        reverse("sso:identity_provider_add_oidc", args=[fund.slug]),
        {"issuer": "http://login.example.net", "client_id": "a", "client_secret": "b"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("issuer", "https")
    # The secret typed is not sent back in the page.
    assert 'value="b"' not in response.content.decode()


def test_the_role_mapping_is_saved_through_the_service(
    client_for, operator_admin, fund, saml_provider
):
    url = reverse("sso:identity_provider_detail", args=[fund.slug, saml_provider.pk])
    data = {
        "name": "3F",
        "role_attribute": "groups",
        "roles-TOTAL_FORMS": "3",
        "roles-INITIAL_FORMS": "0",
        "roles-0-value": "sg-portal-koordinatorer",
        "roles-0-roles": ["coordinator", "caseworker"],
        "roles-1-value": "sg-portal-admins",
        "roles-1-roles": ["admin"],
        "roles-2-value": "",
    }

    response = client_for(operator_admin).post(url, data)

    assert response.status_code == 302
    saml_provider.refresh_from_db()
    assert saml_provider.role_attribute == "groups"
    assert {value: sorted(roles) for value, roles in saml_provider.role_map.items()} == {
        "sg-portal-koordinatorer": ["caseworker", "coordinator"],
        "sg-portal-admins": ["admin"],
    }
    assert AuditEvent.objects.filter(action=AuditEvent.Action.IDENTITY_PROVIDER_CHANGED).exists()


def test_only_organisation_roles_are_offered_and_accepted(
    client_for, operator_admin, fund, saml_provider
):
    client = client_for(operator_admin)
    url = reverse("sso:identity_provider_detail", args=[fund.slug, saml_provider.pk])
    page = client.get(url).content.decode()
    offered = set(re.findall(r'name="roles-0-roles" value="([a-z_]+)"', page))
    assert offered == {"caseworker", "coordinator", "admin"}

    response = client.post(
        url,
        {
            "name": "3F",
            "role_attribute": "groups",
            "roles-TOTAL_FORMS": "1",
            "roles-INITIAL_FORMS": "0",
            "roles-0-value": "alle",
            "roles-0-roles": ["operator_admin"],
        },
    )
    assert response.status_code == 200
    saml_provider.refresh_from_db()
    assert saml_provider.role_map == {}


def test_switching_off_asks_first_and_explains_the_fallback(
    client_for, operator_admin, fund, saml_provider
):
    client = client_for(operator_admin)
    url = reverse("sso:identity_provider_switch", args=[fund.slug, saml_provider.pk])

    page = client.get(url)
    saml_provider.refresh_from_db()
    assert saml_provider.is_active
    assert "totrinsbekræftelse" in page.content.decode()

    assert client.post(url).status_code == 302
    saml_provider.refresh_from_db()
    assert not saml_provider.is_active
    assert client.post(url).status_code == 302
    saml_provider.refresh_from_db()
    assert saml_provider.is_active


def test_the_cvr_number_is_saved_with_an_audit_entry(client_for, operator_admin, fund):
    response = client_for(operator_admin).post(
        reverse("sso:organisation_cvr", args=[fund.slug]), {"cvr": "3171 0158"}
    )

    assert response.status_code == 302
    fund.refresh_from_db()
    assert fund.cvr == "31710158"
    assert AuditEvent.objects.get(action="organisation_cvr_set").actor == operator_admin


@pytest.mark.parametrize(
    ("cvr", "code"), [("1234567", "format"), ("1234567a", "format"), ("12345678", "taken")]
)
def test_a_wrong_cvr_number_is_refused_in_danish(client_for, operator_admin, fund, cvr, code):
    OrganisationFactory(name="FOA", cvr="12345678")

    response = client_for(operator_admin).post(
        reverse("sso:organisation_cvr", args=[fund.slug]), {"cvr": cvr}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("cvr", code)
    fund.refresh_from_db()
    assert fund.cvr == ""


@pytest.mark.parametrize(
    "msgid",
    [
        "A CVR number is 8 digits.",
        "The file is too large: at most 512 KB.",
        "Choose an XML file (ending in .xml).",
        "The file is not valid XML.",
        "The file is not SAML metadata (no EntityDescriptor).",
        "Give either the metadata URL or a metadata file, not both.",
        "The issuer must use https.",
        "Choose at least one role for this value.",
        "Write the value that gives these roles.",
        "Leave it empty if your organisation signs you in with its own login.",
        "Work email",
    ],
)
def test_the_messages_have_danish(msgid):
    with translation.override("da"):
        assert gettext(msgid) != msgid


def test_the_taken_cvr_message_names_the_other_organisation(client_for, operator_admin, fund):
    OrganisationFactory(name="FOA A-kasse", cvr="12345678", slug="foa-2")
    response = client_for(operator_admin).post(
        reverse("sso:organisation_cvr", args=[fund.slug]), {"cvr": "12345678"}
    )
    assert "FOA A-kasse" in response.content.decode()
    with translation.override("da"):
        taken = gettext("%(organisation)s already has this CVR number.")
    assert taken % {"organisation": "FOA A-kasse"} in response.content.decode()


def test_an_org_admin_of_the_organisation_is_refused_even_with_mfa(client_for, fund):
    admin = make_user(organisation=fund, roles=["admin"], email="it@3f.example.dk", mfa=True)
    assert client_for(admin).get(reverse("sso:organisation_list")).status_code == 403
