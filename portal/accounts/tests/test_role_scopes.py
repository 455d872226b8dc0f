"""Roles scoped to where they apply (decision 0012): organisation roles by the organisation's
admins or an operator admin, portal roles by operator admins only, nobody their own."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.accounts import selectors, services
from portal.accounts.models import Invitation
from portal.accounts.tests.factories import invite
from portal.conftest import make_user
from portal.core.models import AuditEvent, RoleGrant, User
from portal.core.provisioning import user_create
from portal.core.rules import roles_grantable

pytestmark = pytest.mark.django_db


def grants(user) -> set[str]:
    return set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))


# --- Which roles whom -----------------------------------------------------------------------


def test_an_organisation_admin_may_give_organisation_roles_of_their_own_organisation_only(
    fund, other_fund, fund_admin, caseworker
):
    assert roles_grantable(by=fund_admin, organisation=fund, member=caseworker) == [
        "caseworker",
        "coordinator",
        "admin",
    ]
    assert roles_grantable(by=fund_admin, organisation=other_fund) == []


def test_an_operator_admin_gives_portal_roles_but_operator_admin_only_within_the_operator(
    fund, operator, operator_admin, caseworker, editor
):
    assert roles_grantable(by=operator_admin, organisation=fund, member=caseworker) == [
        "caseworker",
        "editor",
        "jurist",
        "coordinator",
        "admin",
    ]
    assert "operator_admin" in roles_grantable(
        by=operator_admin, organisation=operator, member=editor
    )


def test_nobody_may_change_their_own_roles(fund, operator, fund_admin, operator_admin):
    assert roles_grantable(by=fund_admin, organisation=fund, member=fund_admin) == []
    assert roles_grantable(by=operator_admin, organisation=operator, member=operator_admin) == []


def test_the_admin_of_the_operators_organisation_is_no_operator_admin(operator, editor):
    admin = make_user(organisation=operator, roles=["admin"], email="kontor@loh.example.dk")
    assert roles_grantable(by=admin, organisation=operator, member=editor) == [
        "caseworker",
        "coordinator",
        "admin",
    ]


# --- Services refuse and change nothing -----------------------------------------------------


def test_an_organisation_admin_cannot_grant_portal_roles(caseworker, fund_admin):
    with pytest.raises(ValidationError) as error:
        services.member_roles_set(
            member=caseworker, roles=["caseworker", "editor", "jurist"], actor=fund_admin
        )
    assert error.value.code == "role_not_grantable"
    assert grants(caseworker) == {"caseworker"}
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_GRANTED).exists()


def test_an_organisation_admin_cannot_take_a_portal_role_away(fund, fund_admin):
    jurist = make_user(organisation=fund, roles=["caseworker", "jurist"], email="j@3f.example.dk")
    with pytest.raises(ValidationError):
        services.member_roles_set(member=jurist, roles=["caseworker"], actor=fund_admin)
    assert grants(jurist) == {"caseworker", "jurist"}


def test_an_admin_cannot_grant_themselves_anything(fund_admin, operator_admin):
    for admin in (fund_admin, operator_admin):
        before = grants(admin)
        with pytest.raises(ValidationError) as error:
            services.member_roles_set(
                member=admin, roles=[*before, "editor", "jurist"], actor=admin
            )
        assert error.value.code == "self"
        assert grants(admin) == before


def test_operator_admin_is_refused_outside_the_operator(caseworker, operator_admin):
    with pytest.raises(ValidationError):
        services.member_roles_set(
            member=caseworker, roles=["caseworker", "operator_admin"], actor=operator_admin
        )
    assert grants(caseworker) == {"caseworker"}


def test_an_operator_admin_makes_another_operator_admin(operator, editor, operator_admin):
    services.member_roles_set(
        member=editor, roles=["editor", "operator_admin"], actor=operator_admin
    )
    assert grants(editor) == {"editor", "operator_admin"}


def test_an_invitation_with_a_portal_role_needs_an_operator_admin(fund, fund_admin, operator_admin):
    with pytest.raises(ValidationError) as error:
        invite(organisation=fund, invited_by=fund_admin, roles=["caseworker", "editor"])
    assert error.value.code == "role_not_grantable"
    assert not Invitation.objects.exists()
    invitation, _token = invite(
        organisation=fund, invited_by=operator_admin, roles=["caseworker", "editor"]
    )
    assert invitation.roles == ["caseworker", "editor"]


def test_an_invitation_stops_working_when_the_inviter_can_no_longer_give_its_roles(
    fund, fund_admin, operator_admin
):
    _invitation, token = invite(organisation=fund, invited_by=fund_admin, roles=["coordinator"])
    make_user(organisation=fund, roles=["admin"], email="admin2@3f.example.dk")
    services.member_roles_set(member=fund_admin, roles=["caseworker"], actor=operator_admin)
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(
            token=token, full_name="Ny Kollega", password="en-lang-hemmelig-saetning"
        )
    assert error.value.code == "invitation_unauthorised"
    assert not User.objects.filter(email="ny@example.dk").exists()


def test_approval_gives_organisation_roles_only(fund, fund_admin):
    applicant = User.objects.create_user("ny@3f.example.dk", "x-lang-hemmelig", organisation=fund)
    with pytest.raises(ValidationError):
        services.signup_approve(user=applicant, actor=fund_admin, roles=["caseworker", "jurist"])
    applicant.refresh_from_db()
    assert applicant.approved_at is None
    assert grants(applicant) == set()


def test_only_an_operator_admin_deactivates_an_operator_admin(operator, operator_admin):
    office_admin = make_user(organisation=operator, roles=["admin"], email="kontor@loh.example.dk")
    with pytest.raises(ValidationError) as error:
        services.member_deactivate(member=operator_admin, actor=office_admin)
    assert error.value.code == "operator_admin"
    operator_admin.refresh_from_db()
    assert operator_admin.is_active


def test_sign_ups_without_an_organisation_admin_go_to_the_operator_admins(
    fund, operator, operator_admin
):
    make_user(organisation=operator, roles=["admin"], email="kontor@loh.example.dk")
    assert list(selectors.signup_reviewer_list(organisation=fund)) == [operator_admin]


def test_create_user_gives_operator_admin_only_within_the_operator(fund, operator):
    with pytest.raises(ValidationError) as error:
        user_create(email="x@3f.example.dk", organisation=fund, roles=["operator_admin"])
    assert error.value.code == "operator_admin_outside_operator"
    assert not User.objects.filter(email="x@3f.example.dk").exists()
    user = user_create(
        email="x@loh.example.dk", organisation=operator, roles=["admin", "operator_admin"]
    )
    assert grants(user) == {"admin", "operator_admin"}


def test_create_user_on_behalf_of_someone_keeps_to_their_scope(fund, fund_admin):
    with pytest.raises(ValidationError) as error:
        user_create(email="x@3f.example.dk", organisation=fund, roles=["editor"], actor=fund_admin)
    assert error.value.code == "role_not_grantable"


def test_the_migration_makes_every_operator_organisation_admin_an_operator_admin(
    operator, fund, fund_admin
):
    office_admin = make_user(organisation=operator, roles=["admin"], email="kontor@loh.example.dk")
    migration = import_module("portal.core.migrations.0006_operator_admin_role")
    migration.grant_operator_admin(apps, None)
    migration.grant_operator_admin(apps, None)  # twice changes nothing
    assert grants(office_admin) == {"admin", "operator_admin"}
    assert grants(fund_admin) == {"admin"}


# --- The people page ------------------------------------------------------------------------


def test_the_people_page_offers_an_organisation_admin_only_organisation_roles(
    fund, fund_admin, caseworker, client_for
):
    response = client_for(fund_admin).get(
        reverse("accounts:member_detail", args=[fund.slug, caseworker.pk])
    )
    offered = [value for value, _label in response.context["form"].fields["roles"].choices]
    assert offered == ["caseworker", "coordinator", "admin"]
    assert 'value="editor"' not in response.content.decode()


def test_a_forged_portal_role_post_is_a_form_error_and_changes_nothing(
    fund, fund_admin, caseworker, client_for
):
    response = client_for(fund_admin).post(
        reverse("accounts:member_detail", args=[fund.slug, caseworker.pk]),
        {"roles": ["admin", "editor", "jurist"]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert grants(caseworker) == {"caseworker"}


def test_own_roles_are_shown_without_a_form_and_a_post_is_refused(fund, fund_admin, client_for):
    url = reverse("accounts:member_detail", args=[fund.slug, fund_admin.pk])
    client = client_for(fund_admin)
    page = client.get(url).content.decode()
    assert 'name="roles"' not in page
    assert "Du kan ikke ændre dine egne roller" in page
    response = client.post(url, {"roles": ["admin", "editor", "jurist"]})
    assert response.status_code == 403
    assert grants(fund_admin) == {"admin"}


def test_an_organisation_admin_changes_organisation_roles_and_keeps_portal_roles(
    fund, fund_admin, client_for
):
    editor = make_user(organisation=fund, roles=["caseworker", "editor"], email="r@3f.example.dk")
    response = client_for(fund_admin).post(
        reverse("accounts:member_detail", args=[fund.slug, editor.pk]), {"roles": ["coordinator"]}
    )
    assert response.status_code == 302
    assert grants(editor) == {"coordinator", "editor"}
