"""Admins and coordinators must enrol a second factor before they can use the portal."""

import pytest
from django.urls import reverse

from portal.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_roles_that_require_mfa_are_sent_to_totp_setup(role, fund, client_for):
    user = make_user(organisation=fund, roles=[role], mfa=False)
    response = client_for(user).get(reverse("core:front_page"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_mfa_setup_page_itself_is_reachable(fund, client, password):
    user = make_user(organisation=fund, roles=["admin"], mfa=False)
    login = client.post(
        reverse("account_login"), {"login": user.email, "password": password}, follow=True
    )
    # allauth asks for the password once more before security settings change.
    assert login.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    reauth = client.post(login.redirect_chain[-1][0], {"password": password}, follow=True)
    assert reauth.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert 'name="code"' in reauth.content.decode()


def test_admin_with_totp_uses_the_portal(fund_admin, client_for):
    assert client_for(fund_admin).get(reverse("core:front_page")).status_code == 200


def test_caseworker_needs_no_mfa(caseworker, client_for):
    assert client_for(caseworker).get(reverse("core:front_page")).status_code == 200
