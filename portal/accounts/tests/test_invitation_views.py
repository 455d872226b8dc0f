import pytest
from django.urls import reverse

from portal.accounts import services
from portal.accounts.models import Invitation
from portal.accounts.tests.factories import expire, invite
from portal.conftest import make_user
from portal.core.models import AuditEvent, User

pytestmark = pytest.mark.django_db

GOOD = {
    "full_name": "Ny Kollega",
    "password1": "en-lang-hemmelig-saetning",
    "password2": "en-lang-hemmelig-saetning",
}


def _url(token):
    return reverse("accounts:invitation_accept", args=[token])


def test_accept_page_shows_the_organisation_and_the_form(fund, fund_admin, client):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin)
    response = client.get(_url(token))
    assert response.status_code == 200
    page = response.content.decode()
    assert fund.name in page
    assert 'name="password1"' in page and 'name="password2"' in page


def test_accepting_creates_the_account_signs_in_and_goes_to_the_front_page(
    fund, fund_admin, client
):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin)
    response = client.post(_url(token), GOOD)
    assert response.status_code == 302
    assert response.url == reverse("core:front_page")
    user = User.objects.get(email="ny@example.dk")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN, actor=user).exists()


def test_an_invited_admin_is_sent_on_to_two_factor_set_up(fund, fund_admin, client):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin, roles=["admin"])
    client.post(_url(token), GOOD)
    response = client.get(reverse("core:front_page"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_a_forged_token_is_404(fund, fund_admin, client):
    invite(organisation=fund, invited_by=fund_admin)
    assert client.get(_url("forged-token")).status_code == 404
    assert client.post(_url("forged-token"), GOOD).status_code == 404
    assert not User.objects.filter(email="ny@example.dk").exists()


@pytest.mark.parametrize("case", ["expired", "revoked", "accepted", "email_taken"])
def test_an_unusable_invitation_explains_why_and_changes_nothing(fund, fund_admin, client, case):
    invitation, token = invite(organisation=fund, invited_by=fund_admin)
    if case == "expired":
        expire(invitation)
    elif case == "revoked":
        services.invitation_revoke(invitation=invitation, actor=fund_admin)
    elif case == "accepted":
        services.invitation_accept(token=token, full_name="Første", password=GOOD["password1"])
    else:
        make_user(organisation=fund, email=invitation.email)
    users_before = User.objects.count()
    response = client.post(_url(token), GOOD)
    assert response.status_code == 410
    expected = "email_taken" if case == "email_taken" else f"invitation_{case}"
    assert response.context["code"] == expected
    assert User.objects.count() == users_before
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "data",
    [
        {},
        {**GOOD, "password2": "noget-helt-andet-her"},
        {**GOOD, "password1": "12345678901", "password2": "12345678901"},
        {**GOOD, "password1": "password123", "password2": "password123"},
        {**GOOD, "full_name": "   "},
    ],
)
def test_a_malformed_accept_form_shows_errors_and_changes_nothing(fund, fund_admin, client, data):
    invitation, token = invite(organisation=fund, invited_by=fund_admin)
    response = client.post(_url(token), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_a_signed_in_person_is_asked_to_sign_out_first(fund, fund_admin, caseworker, client_for):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin)
    client = client_for(caseworker)
    response = client.post(_url(token), GOOD)
    assert response.status_code == 409
    assert not User.objects.filter(email="ny@example.dk").exists()
