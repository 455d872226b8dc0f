import pytest
from django.core.exceptions import ValidationError

from portal.accounts import selectors, services
from portal.conftest import make_user
from portal.core.models import AuditEvent, OutboxMessage, RoleGrant, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(fund):
    """A self-signed-up person, as allauth leaves them: not approved, no roles."""
    user = User.objects.create_user(
        "ansoeger@3f.example.dk",
        "en-lang-hemmelig-saetning",
        full_name="Ansøger",
        organisation=fund,
    )
    return user


def test_signup_approve_lets_the_person_in_as_caseworker_and_emails_them(
    applicant, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_approve(user=applicant, actor=fund_admin)
    applicant.refresh_from_db()
    assert applicant.is_approved
    assert set(applicant.role_grants.values_list("role", flat=True)) == {"caseworker"}
    message = OutboxMessage.objects.get()
    assert message.recipients == applicant.email
    assert "/konto/login/" in message.text_body
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditEvent.Action.USER_APPROVED, AuditEvent.Action.ROLE_GRANTED} <= actions


def test_signup_approve_refuses_someone_already_approved(caseworker, fund_admin):
    with pytest.raises(ValidationError) as error:
        services.signup_approve(user=caseworker, actor=fund_admin)
    assert error.value.code == "already_approved"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.USER_APPROVED).exists()


def test_signup_reject_deletes_the_sign_up_and_audits_the_address(applicant, fund, fund_admin):
    services.signup_reject(user=applicant, actor=fund_admin)
    assert not User.objects.filter(email="ansoeger@3f.example.dk").exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.USER_REJECTED)
    assert event.detail["email"] == "ansoeger@3f.example.dk"
    assert event.organisation == fund
    assert event.actor == fund_admin


def test_signup_reject_refuses_an_approved_member(caseworker, fund_admin):
    with pytest.raises(ValidationError):
        services.signup_reject(user=caseworker, actor=fund_admin)
    assert User.objects.filter(pk=caseworker.pk).exists()


def test_signup_received_records_the_sign_up_but_tells_nobody_yet(
    applicant, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_received(user=applicant)
    assert not OutboxMessage.objects.exists()
    assert AuditEvent.objects.get(action=AuditEvent.Action.USER_CREATED).detail == {"via": "signup"}


def test_signup_email_verified_emails_the_organisations_admins(
    applicant, fund_admin, other_fund, django_capture_on_commit_callbacks
):
    make_user(organisation=other_fund, roles=["admin"], email="admin@foa.example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_email_verified(user=applicant, email=applicant.email)
    message = OutboxMessage.objects.get()
    assert message.recipients == fund_admin.email
    assert "/organisationer/3f/personer/" in message.text_body


def test_signup_email_verified_falls_back_to_the_operators_admins(
    applicant, operator_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_email_verified(user=applicant, email=applicant.email)
    assert OutboxMessage.objects.get().recipients == operator_admin.email


def test_signup_email_verified_tells_nobody_about_an_approved_person(
    caseworker, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_email_verified(user=caseworker, email=caseworker.email)
    assert not OutboxMessage.objects.exists()


def test_member_roles_set_audits_each_grant_and_revocation(caseworker, operator_admin):
    services.member_roles_set(member=caseworker, roles=["editor", "jurist"], actor=operator_admin)
    assert set(caseworker.role_grants.values_list("role", flat=True)) == {"editor", "jurist"}
    granted = AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_GRANTED)
    revoked = AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_REVOKED)
    assert sorted(e.detail["role"] for e in granted) == ["editor", "jurist"]
    assert [e.detail["role"] for e in revoked] == ["caseworker"]
    assert all(e.subject_user == caseworker and e.actor == operator_admin for e in granted)


def test_member_roles_set_keeps_the_last_administrator(fund_admin, operator_admin):
    with pytest.raises(ValidationError) as error:
        services.member_roles_set(member=fund_admin, roles=["caseworker"], actor=operator_admin)
    assert error.value.code == "last_admin"
    assert RoleGrant.objects.filter(user=fund_admin, role="admin").exists()


def test_member_roles_set_lets_an_admin_be_replaced_when_another_remains(fund, fund_admin):
    other_admin = make_user(organisation=fund, roles=["admin"], email="admin2@3f.example.dk")
    services.member_roles_set(member=fund_admin, roles=["caseworker"], actor=other_admin)
    assert not RoleGrant.objects.filter(user=fund_admin, role="admin").exists()


def test_member_roles_set_refuses_an_empty_role_set(caseworker, fund_admin):
    with pytest.raises(ValidationError):
        services.member_roles_set(member=caseworker, roles=[], actor=fund_admin)
    assert caseworker.role_grants.count() == 1


def test_member_deactivate_stops_sign_in_and_is_audited(caseworker, fund_admin):
    services.member_deactivate(member=caseworker, actor=fund_admin)
    caseworker.refresh_from_db()
    assert not caseworker.is_active
    event = AuditEvent.objects.get(action=AuditEvent.Action.USER_DEACTIVATED)
    assert event.subject_user == caseworker and event.actor == fund_admin


def test_member_deactivate_refuses_the_admin_themselves(fund_admin):
    with pytest.raises(ValidationError) as error:
        services.member_deactivate(member=fund_admin, actor=fund_admin)
    assert error.value.code == "self"
    fund_admin.refresh_from_db()
    assert fund_admin.is_active


def test_member_deactivate_keeps_the_last_administrator(fund_admin, operator_admin):
    with pytest.raises(ValidationError) as error:
        services.member_deactivate(member=fund_admin, actor=operator_admin)
    assert error.value.code == "last_admin"


def test_is_last_admin_ignores_deactivated_and_unapproved_admins(fund, fund_admin):
    make_user(organisation=fund, roles=["admin"], is_active=False)
    make_user(organisation=fund, roles=["admin"], approved_at=None)
    assert selectors.is_last_admin(user=fund_admin)
