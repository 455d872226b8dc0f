import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from portal.conftest import PASSWORD, make_user
from portal.core.models import AuditEvent, User
from portal.core.tests.factories import CentreFactory, TopicFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def test_profile_page_links_to_the_security_pages(caseworker, client_for):
    response = client_for(caseworker).get(PROFILE)
    assert response.status_code == 200
    page = response.content.decode()
    for name in (
        "account_change_password",
        "account_email",
        "mfa_index",
        "usersessions_list",
        "api:token_list",
        "accounts:profile_export",
    ):
        assert f'href="{reverse(name)}"' in page or f'action="{reverse(name)}"' in page, name


def test_profile_offers_only_centres_of_the_persons_organisation(fund, caseworker, client_for):
    own = CentreFactory(organisation=fund)
    foreign = CentreFactory()
    form = client_for(caseworker).get(PROFILE).context["profile_form"]
    assert list(form.fields["centre"].queryset) == [own]
    assert foreign not in form.fields["centre"].queryset


def test_profile_without_centres_has_no_centre_field(caseworker, client_for):
    form = client_for(caseworker).get(PROFILE).context["profile_form"]
    assert "centre" not in form.fields


def test_saving_the_profile_updates_the_person_and_switches_language(fund, caseworker, client_for):
    centre = CentreFactory(organisation=fund)
    topic = TopicFactory()
    client = client_for(caseworker)
    response = client.post(
        PROFILE,
        {
            "full_name": "Kim Hansen",
            "title": "Sagsbehandler",
            "phone": "+45 12 34 56 78",
            "centre": centre.pk,
            "expertise": [topic.pk],
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    caseworker.refresh_from_db()
    assert caseworker.full_name == "Kim Hansen"
    assert caseworker.centre == centre
    assert list(caseworker.expertise.all()) == [topic]
    assert caseworker.preferred_language == "en"
    assert '<html lang="en">' in client.get(PROFILE).content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"full_name": "  "},
        {"phone": "ring til mig"},
        {"preferred_language": "xx"},
        {"expertise": ["999999"]},
        {"centre": "foreign"},
    ],
)
def test_a_malformed_profile_form_changes_nothing(fund, caseworker, client_for, changes):
    CentreFactory(organisation=fund)
    if changes.get("centre") == "foreign":
        changes = {"centre": CentreFactory().pk}
    data = {"full_name": "Nyt Navn", "title": "Ny titel", "preferred_language": "da", **changes}
    response = client_for(caseworker).post(PROFILE, data)
    assert response.status_code == 400
    assert response.context["profile_form"].errors
    caseworker.refresh_from_db()
    assert caseworker.title == ""
    assert caseworker.full_name != "Nyt Navn"


def test_export_downloads_the_persons_data_as_json(caseworker, client_for):
    response = client_for(caseworker).post(reverse("accounts:profile_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert {
        "profile",
        "organisation",
        "roles",
        "email_addresses",
        "mfa",
        "api_tokens",
        "audit_events",
    } <= set(data)
    assert data["profile"]["email"] == caseworker.email
    assert caseworker.password not in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DATA_EXPORTED, actor=caseworker
    ).exists()


def test_export_and_delete_refuse_get(caseworker, client_for):
    client = client_for(caseworker)
    assert client.get(reverse("accounts:profile_export")).status_code == 405
    assert client.get(reverse("accounts:account_delete")).status_code == 405
    assert User.objects.filter(pk=caseworker.pk).exists()


def test_export_needs_a_signed_in_person(client):
    response = client.post(reverse("accounts:profile_export"))
    assert response.status_code == 302


def test_delete_with_the_right_password_deletes_and_signs_out(caseworker, client_for):
    client = client_for(caseworker)
    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("accounts:account_deleted")
    assert not User.objects.filter(pk=caseworker.pk).exists()
    assert "_auth_user_id" not in client.session
    assert client.get(response.url).status_code == 200
    event = AuditEvent.objects.get(action=AuditEvent.Action.USER_DELETED)
    assert event.actor_email == "sagsbehandler@3f.example.dk"


@pytest.mark.parametrize("password", ["", "forkert-adgangskode"])
def test_delete_with_a_wrong_password_changes_nothing(caseworker, client_for, password):
    client = client_for(caseworker)
    response = client.post(reverse("accounts:account_delete"), {"password": password})
    assert response.status_code == 400
    assert response.context["delete_form"].errors
    assert User.objects.filter(pk=caseworker.pk).exists()
    assert client.get(PROFILE).status_code == 200


def test_the_last_admin_cannot_delete_their_account(fund_admin, client_for):
    response = client_for(fund_admin).post(
        reverse("accounts:account_delete"), {"password": PASSWORD}
    )
    assert response.status_code == 400
    assert response.context["delete_form"].has_error("__all__", "last_admin")
    assert User.objects.filter(pk=fund_admin.pk).exists()


def test_delete_needs_the_csrf_token(caseworker):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(caseworker)
    response = csrf_client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert response.status_code == 403
    assert User.objects.filter(pk=caseworker.pk).exists()


def test_awaiting_approval_page_is_public(client):
    assert client.get(reverse("accounts:awaiting_approval")).status_code == 200


def test_a_second_admin_may_delete_their_account(fund, fund_admin, client_for):
    make_user(organisation=fund, roles=["admin"], email="admin2@3f.example.dk")
    response = client_for(fund_admin).post(
        reverse("accounts:account_delete"), {"password": PASSWORD}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=fund_admin.pk).exists()
