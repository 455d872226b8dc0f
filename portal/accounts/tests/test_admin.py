import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from portal.accounts.models import Invitation
from portal.accounts.tests.factories import invite, sign_in_with_second_factor
from portal.core.models import AuditEvent, User
from portal.core.services import audit_record

pytestmark = pytest.mark.django_db

ROOT_PASSWORD = "en-lang-hemmelig-saetning"


def _superuser(operator, *, totp=True):
    superuser = User.objects.create_superuser(
        "root@loh.example.dk",
        ROOT_PASSWORD,
        organisation=operator,
        full_name="Drift",
        approved_at="2026-01-01T00:00:00Z",
    )
    EmailAddress.objects.create(user=superuser, email=superuser.email, verified=True, primary=True)
    if totp:
        Authenticator.objects.create(
            user=superuser, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
        )
    return superuser


@pytest.fixture
def superuser_client(client, operator):
    """Operations staff signed in through the portal with password and second factor."""
    superuser = _superuser(operator)
    sign_in_with_second_factor(client, email=superuser.email, password=ROOT_PASSWORD)
    return client


def test_admin_login_page_sends_the_visitor_to_the_portals_sign_in(client):
    response = client.get(reverse("admin:login") + "?next=/django-admin/core/user/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=/django-admin/core/user/" in response.url


def test_admin_login_form_cannot_be_posted_to(client, operator):
    _superuser(operator)
    response = client.post(
        reverse("admin:login"), {"username": "root@loh.example.dk", "password": ROOT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_anonymous_visitors_of_the_admin_end_at_the_portals_sign_in(client):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_staff_signed_in_without_a_second_factor_are_refused(client, operator):
    superuser = _superuser(operator, totp=False)
    client.post(reverse("account_login"), {"login": superuser.email, "password": ROOT_PASSWORD})
    assert client.session["_auth_user_id"] == str(superuser.pk)

    response = client.get(reverse("admin:core_user_changelist"), follow=True)

    assert response.status_code == 403
    assert "logget ind med totrinsbekræftelse" in response.content.decode()


def test_staff_with_a_second_factor_but_a_session_without_it_are_refused(client, operator):
    superuser = _superuser(operator)
    client.force_login(superuser)
    response = client.get(reverse("admin:core_user_changelist"), follow=True)
    assert response.status_code == 403


def test_people_who_are_not_staff_are_refused_even_with_a_second_factor(client, fund_admin):
    sign_in_with_second_factor(client, email=fund_admin.email, password="korrekt-hest-batteri")
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403


def test_staff_signed_in_with_a_second_factor_reach_the_admin(superuser_client):
    assert superuser_client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("model", ["organisation", "centre", "topic", "user", "auditevent"])
def test_admin_lists_open(superuser_client, caseworker, model):
    assert superuser_client.get(reverse(f"admin:core_{model}_changelist")).status_code == 200


@pytest.mark.parametrize("model", ["organisation", "centre", "topic", "user"])
def test_admin_add_pages_open(superuser_client, model):
    assert superuser_client.get(reverse(f"admin:core_{model}_add")).status_code == 200


def test_admin_user_page_shows_roles_inline(superuser_client, caseworker):
    response = superuser_client.get(reverse("admin:core_user_change", args=[caseworker.pk]))
    assert response.status_code == 200
    assert "role_grants" in response.content.decode()


def test_admin_creates_a_user_by_email_but_gives_no_roles(superuser_client, fund):
    """Roles are given in the portal, where each grant is scoped and audited (decision 0012)."""
    response = superuser_client.post(
        reverse("admin:core_user_add"),
        {
            "email": "ny@3f.example.dk",
            "usable_password": "true",
            "password1": "en-lang-hemmelig-saetning",
            "password2": "en-lang-hemmelig-saetning",
            "role_grants-TOTAL_FORMS": "1",
            "role_grants-INITIAL_FORMS": "0",
            "role_grants-0-role": "caseworker",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(email="ny@3f.example.dk").role_names == frozenset()


def test_admin_audit_events_are_read_only(superuser_client, caseworker):
    event = audit_record(action=AuditEvent.Action.LOGIN, actor=caseworker)
    assert superuser_client.get(reverse("admin:core_auditevent_add")).status_code == 403
    change_url = reverse("admin:core_auditevent_change", args=[event.pk])
    response = superuser_client.post(change_url, {"action": "logout"})
    assert response.status_code == 403
    delete_url = reverse("admin:core_auditevent_delete", args=[event.pk])
    assert superuser_client.post(delete_url, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.action == AuditEvent.Action.LOGIN


def test_admin_invitations_hide_the_token_hash_and_can_be_withdrawn(
    superuser_client, fund, fund_admin
):
    invitation, _token = invite(organisation=fund, invited_by=fund_admin)
    changelist = reverse("admin:accounts_invitation_changelist")
    assert superuser_client.get(changelist).status_code == 200
    page = superuser_client.get(reverse("admin:accounts_invitation_change", args=[invitation.pk]))
    assert invitation.token_hash not in page.content.decode()
    superuser_client.post(changelist, {"action": "revoke", "_selected_action": [invitation.pk]})
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
