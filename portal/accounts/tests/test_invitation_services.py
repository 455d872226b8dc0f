import hashlib
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.accounts import services
from portal.accounts.models import Invitation
from portal.accounts.tests.factories import expire, invite
from portal.conftest import make_user
from portal.core.models import AuditEvent, OutboxMessage, User
from portal.core.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_invitation_create_keeps_only_a_hash_of_the_token(fund, fund_admin):
    invitation, token = invite(organisation=fund, invited_by=fund_admin)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invitation.token_hash
    assert len(token) >= 40


def test_invitation_create_emails_the_absolute_accept_url(
    fund, fund_admin, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invite(organisation=fund, invited_by=fund_admin, email="Ny@Example.dk")
    message = OutboxMessage.objects.get()
    url = settings.SITE_URL + reverse("accounts:invitation_accept", args=[token])
    assert message.recipients == "ny@example.dk"
    assert url in message.text_body
    assert url in message.html_body
    assert fund.name in message.subject


def test_invitation_create_normalises_the_email_and_orders_the_roles(fund, fund_admin):
    invitation, _token = invite(
        organisation=fund,
        invited_by=fund_admin,
        email=" Ny@Example.DK ",
        roles=["admin", "caseworker", "admin"],
    )
    assert invitation.email == "ny@example.dk"
    assert invitation.roles == ["caseworker", "admin"]


def test_invitation_expires_after_the_configured_number_of_days(fund, fund_admin, settings):
    settings.PORTAL_INVITATION_VALID_DAYS = 3
    invitation, _token = invite(organisation=fund, invited_by=fund_admin)
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)
    assert invitation.status == Invitation.Status.PENDING


def test_invitation_create_is_audited(fund, fund_admin):
    invitation, _token = invite(organisation=fund, invited_by=fund_admin, email="ny@example.dk")
    event = AuditEvent.objects.get(action=AuditEvent.Action.INVITATION_SENT)
    assert event.actor == fund_admin
    assert event.organisation == fund
    assert event.detail["email"] == "ny@example.dk"
    assert event.detail["invitation_id"] == invitation.pk


def test_invitation_create_refuses_an_address_that_already_has_an_account(
    fund, fund_admin, caseworker
):
    with pytest.raises(ValidationError) as error:
        invite(organisation=fund, invited_by=fund_admin, email=caseworker.email.upper())
    assert error.value.code == "email_taken"
    assert not Invitation.objects.exists()


def test_invitation_create_refuses_an_extra_address_of_an_existing_account(
    fund, fund_admin, caseworker
):
    EmailAddress.objects.create(user=caseworker, email="privat@example.dk", verified=True)
    with pytest.raises(ValidationError) as error:
        invite(organisation=fund, invited_by=fund_admin, email="privat@example.dk")
    assert error.value.code == "email_taken"


def test_invitation_create_refuses_a_second_pending_invitation_for_the_address(fund, fund_admin):
    invite(organisation=fund, invited_by=fund_admin, email="ny@example.dk")
    with pytest.raises(ValidationError) as error:
        invite(organisation=fund, invited_by=fund_admin, email="ny@example.dk")
    assert error.value.code == "invitation_pending"
    assert Invitation.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_SENT).count() == 1


def test_invitation_create_allows_a_new_invitation_once_the_old_one_expired(fund, fund_admin):
    old, _token = invite(organisation=fund, invited_by=fund_admin, email="ny@example.dk")
    expire(old)
    invite(organisation=fund, invited_by=fund_admin, email="ny@example.dk")
    assert Invitation.objects.count() == 2


@pytest.mark.parametrize(("roles", "code"), [([], "no_roles"), (["king"], "unknown_role")])
def test_invitation_create_refuses_bad_roles(fund, fund_admin, roles, code):
    with pytest.raises(ValidationError) as error:
        invite(organisation=fund, invited_by=fund_admin, roles=roles)
    assert error.value.code == code
    assert not Invitation.objects.exists()


def test_invitation_create_refuses_a_centre_of_another_organisation(fund, fund_admin):
    with pytest.raises(ValidationError) as error:
        invite(organisation=fund, invited_by=fund_admin, centre=CentreFactory())
    assert error.value.code == "centre_mismatch"


def test_invitation_accept_creates_an_approved_person_with_verified_email_and_roles(
    fund, operator_admin
):
    centre = CentreFactory(organisation=fund)
    invitation, token = invite(
        organisation=fund, invited_by=operator_admin, roles=["caseworker", "jurist"], centre=centre
    )
    user = services.invitation_accept(
        token=token, full_name="  Ny   Kollega ", password="en-lang-hemmelig-saetning"
    )
    assert user.email == "ny@example.dk"
    assert user.full_name == "Ny Kollega"
    assert user.organisation == fund
    assert user.centre == centre
    assert user.is_approved
    assert user.check_password("en-lang-hemmelig-saetning")
    assert user.role_names == {"caseworker", "jurist"}
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary and address.email == user.email
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED


def test_invitation_accept_records_accepted_and_created_events(fund, fund_admin):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin)
    user = services.invitation_accept(
        token=token, full_name="Ny Kollega", password="en-lang-hemmelig-saetning"
    )
    accepted = AuditEvent.objects.get(action=AuditEvent.Action.INVITATION_ACCEPTED)
    created = AuditEvent.objects.get(action=AuditEvent.Action.USER_CREATED)
    assert accepted.subject_user == user and accepted.organisation == fund
    assert accepted.detail["invited_by"] == fund_admin.email
    assert created.subject_user == user
    assert created.detail == {"via": "invitation", "roles": ["caseworker"]}


def _assert_accept_refused(token, code):
    users_before = User.objects.count()
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(
            token=token, full_name="Ny Kollega", password="en-lang-hemmelig-saetning"
        )
    assert error.value.code == code
    assert User.objects.count() == users_before
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_ACCEPTED).exists()


def test_invitation_accept_refuses_an_expired_invitation(fund, fund_admin):
    invitation, token = invite(organisation=fund, invited_by=fund_admin)
    expire(invitation)
    _assert_accept_refused(token, "invitation_expired")


def test_invitation_accept_refuses_a_revoked_invitation(fund, fund_admin):
    invitation, token = invite(organisation=fund, invited_by=fund_admin)
    services.invitation_revoke(invitation=invitation, actor=fund_admin)
    _assert_accept_refused(token, "invitation_revoked")


def test_invitation_accept_refuses_a_used_invitation(fund, fund_admin):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin)
    services.invitation_accept(
        token=token, full_name="Ny Kollega", password="en-lang-hemmelig-saetning"
    )
    users_before = User.objects.count()
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(
            token=token, full_name="Anden", password="en-anden-lang-saetning"
        )
    assert error.value.code == "invitation_accepted"
    assert User.objects.count() == users_before


@pytest.mark.parametrize("token", ["", "forged-token", "x" * 43])
def test_invitation_accept_refuses_an_unknown_or_forged_token(fund, fund_admin, token):
    invite(organisation=fund, invited_by=fund_admin)
    _assert_accept_refused(token, "invitation_unknown")


def test_invitation_accept_refuses_when_the_address_got_an_account_meanwhile(fund, fund_admin):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin, email="ny@example.dk")
    make_user(organisation=fund, email="ny@example.dk")
    _assert_accept_refused(token, "email_taken")


def test_invitation_accept_refuses_a_weak_password_and_changes_nothing(fund, fund_admin):
    invitation, token = invite(organisation=fund, invited_by=fund_admin)
    with pytest.raises(ValidationError):
        services.invitation_accept(token=token, full_name="Ny Kollega", password="12345678")
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_invitation_accept_refuses_a_blank_name(fund, fund_admin):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin)
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(token=token, full_name="   ", password="en-lang-saetning-x")
    assert error.value.code == "full_name_required"


def test_invitation_revoke_only_works_on_a_pending_invitation(fund, fund_admin):
    invitation, _token = invite(organisation=fund, invited_by=fund_admin)
    services.invitation_revoke(invitation=invitation, actor=fund_admin)
    with pytest.raises(ValidationError) as error:
        services.invitation_revoke(invitation=invitation, actor=fund_admin)
    assert error.value.code == "invitation_not_pending"
    invitation.refresh_from_db()
    assert invitation.revoked_at <= timezone.now()


def test_invitation_revoke_is_audited(fund, fund_admin):
    invitation, _token = invite(organisation=fund, invited_by=fund_admin)
    services.invitation_revoke(invitation=invitation, actor=fund_admin)
    event = AuditEvent.objects.get(action=AuditEvent.Action.INVITATION_REVOKED)
    assert event.actor == fund_admin
    assert event.organisation == fund
    assert event.detail == {"email": invitation.email}
