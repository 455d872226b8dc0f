import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts import services
from portal.accounts.models import Invitation
from portal.accounts.tests.factories import invite
from portal.conftest import make_user
from portal.core.models import AuditEvent, OutboxMessage, RoleGrant, User
from portal.core.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(fund):
    return User.objects.create_user(
        "ansoeger@3f.example.dk",
        "en-lang-hemmelig-saetning",
        full_name="Ansøger",
        organisation=fund,
    )


@pytest.fixture
def invitation(fund, fund_admin):
    return invite(organisation=fund, invited_by=fund_admin, email="ny@3f.example.dk")[0]


def _admin_requests(organisation, member, applicant, invitation):
    """Every people-administration URL of `organisation`, as (method, url)."""
    slug = organisation.slug
    return [
        ("get", reverse("accounts:people_list", args=[slug])),
        ("get", reverse("accounts:invitation_create", args=[slug])),
        ("post", reverse("accounts:invitation_create", args=[slug])),
        ("get", reverse("accounts:member_detail", args=[slug, member.pk])),
        ("post", reverse("accounts:member_detail", args=[slug, member.pk])),
        ("post", reverse("accounts:member_deactivate", args=[slug, member.pk])),
        ("post", reverse("accounts:signup_approve", args=[slug, applicant.pk])),
        ("post", reverse("accounts:signup_reject", args=[slug, applicant.pk])),
        ("post", reverse("accounts:invitation_revoke", args=[slug, invitation.pk])),
    ]


def test_a_funds_admin_gets_403_on_every_people_page_of_another_organisation(
    other_fund, fund_admin, client_for
):
    other_admin = make_user(organisation=other_fund, roles=["admin"], email="admin@foa.example.dk")
    member = make_user(organisation=other_fund, email="kollega@foa.example.dk")
    applicant = User.objects.create_user("ny@foa.example.dk", organisation=other_fund)
    invitation, _token = invite(organisation=other_fund, invited_by=other_admin)
    client = client_for(fund_admin)
    for method, url in _admin_requests(other_fund, member, applicant, invitation):
        response = getattr(client, method)(url, {"roles": ["admin"], "email": "x@example.dk"})
        assert response.status_code == 403, url
    member.refresh_from_db()
    assert member.is_active and member.role_names == {"caseworker"}
    assert User.objects.filter(pk=applicant.pk, approved_at__isnull=True).exists()
    assert Invitation.objects.filter(organisation=other_fund).count() == 1
    invitation.refresh_from_db()
    assert invitation.is_pending


def test_a_caseworker_gets_403_on_every_admin_page(
    fund, caseworker, applicant, invitation, client_for
):
    member = make_user(organisation=fund, email="kollega@3f.example.dk")
    client = client_for(caseworker)
    requests = _admin_requests(fund, member, applicant, invitation)
    requests += [
        ("get", reverse("accounts:organisation_list")),
        ("get", reverse("accounts:administration")),
    ]
    for method, url in requests:
        assert getattr(client, method)(url).status_code == 403, url
    assert Invitation.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(fund, client):
    response = client.get(reverse("accounts:people_list", args=[fund.slug]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_an_unknown_organisation_is_404(fund_admin, client_for):
    response = client_for(fund_admin).get(reverse("accounts:people_list", args=["findes-ikke"]))
    assert response.status_code == 404


def test_a_member_of_another_organisation_is_404_even_for_the_operator(
    fund, other_fund, operator_admin, client_for
):
    stranger = make_user(organisation=other_fund)
    url = reverse("accounts:member_detail", args=[fund.slug, stranger.pk])
    assert client_for(operator_admin).get(url).status_code == 404


def test_organisation_list_sends_an_ordinary_admin_to_their_own_people(
    fund, fund_admin, client_for
):
    response = client_for(fund_admin).get(reverse("accounts:organisation_list"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:people_list", args=[fund.slug])


def test_organisation_list_shows_the_operator_every_organisation(
    fund, other_fund, operator_admin, applicant, client_for
):
    response = client_for(operator_admin).get(reverse("accounts:organisation_list"))
    assert response.status_code == 200
    organisations = {o.slug: o for o in response.context["organisations"]}
    assert set(organisations) >= {fund.slug, other_fund.slug, "lo-hovedstaden"}
    assert organisations[fund.slug].pending_count == 1


def test_the_operators_admin_manages_any_organisations_people(
    fund, operator_admin, applicant, client_for
):
    client = client_for(operator_admin)
    assert client.get(reverse("accounts:people_list", args=[fund.slug])).status_code == 200
    response = client.post(reverse("accounts:signup_approve", args=[fund.slug, applicant.pk]))
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.is_approved


def test_people_list_shows_members_sign_ups_and_invitations(
    fund, fund_admin, caseworker, applicant, invitation, client_for
):
    response = client_for(fund_admin).get(reverse("accounts:people_list", args=[fund.slug]))
    assert response.status_code == 200
    assert set(response.context["page_obj"].object_list) == {fund_admin, caseworker}
    assert list(response.context["pending_signups"]) == [applicant]
    assert list(response.context["pending_invitations"]) == [invitation]
    page = response.content.decode()
    assert caseworker.email in page and applicant.email in page and invitation.email in page


def test_people_list_searches_by_name_and_email(fund, fund_admin, client_for):
    make_user(organisation=fund, full_name="Birthe Jensen", email="bj@3f.example.dk")
    make_user(organisation=fund, full_name="Carl Nielsen", email="cn@3f.example.dk")
    client = client_for(fund_admin)
    url = reverse("accounts:people_list", args=[fund.slug])
    by_name = client.get(url, {"q": "birthe"}).context["page_obj"].object_list
    by_email = client.get(url, {"q": "CN@3f"}).context["page_obj"].object_list
    assert [m.full_name for m in by_name] == ["Birthe Jensen"]
    assert [m.full_name for m in by_email] == ["Carl Nielsen"]


def test_people_list_is_paginated(fund, fund_admin, client_for):
    for n in range(30):
        make_user(organisation=fund, email=f"p{n}@3f.example.dk")
    client = client_for(fund_admin)
    url = reverse("accounts:people_list", args=[fund.slug])
    first = client.get(url).context["page_obj"]
    second = client.get(url, {"page": 2}).context["page_obj"]
    assert len(first.object_list) == 25
    assert len(second.object_list) == 6
    assert client.get(url, {"page": "nonsense"}).status_code == 200


def test_people_list_queries_do_not_grow_with_the_number_of_people(
    fund, fund_admin, client_for, django_assert_num_queries
):
    client = client_for(fund_admin)
    url = reverse("accounts:people_list", args=[fund.slug])

    def add_rows(start, count):
        for i in range(start, start + count):
            make_user(
                organisation=fund, roles=["caseworker", "jurist"], email=f"m{i}@3f.example.dk"
            )
            User.objects.create_user(f"s{i}@3f.example.dk", organisation=fund)
            invite(organisation=fund, invited_by=fund_admin, email=f"i{i}@example.dk")

    add_rows(0, 4)
    client.get(url)
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(url).status_code == 200
    add_rows(4, 4)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(url)
    assert len(response.context["page_obj"].object_list) == 9
    assert len(response.context["pending_signups"]) == 8


def test_invite_form_sends_the_invitation(
    fund, fund_admin, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fund_admin).post(
            reverse("accounts:invitation_create", args=[fund.slug]),
            {"email": "Ny@Example.dk", "roles": ["caseworker", "coordinator"]},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "ny@example.dk"
    assert invitation.roles == ["caseworker", "coordinator"]
    assert invitation.invited_by == fund_admin
    assert OutboxMessage.objects.get().recipients == "ny@example.dk"


def test_invite_form_shows_a_duplicate_address_at_the_email_field(
    fund, fund_admin, caseworker, client_for
):
    response = client_for(fund_admin).post(
        reverse("accounts:invitation_create", args=[fund.slug]),
        {"email": caseworker.email, "roles": ["caseworker"]},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("email", "email_taken")
    assert not Invitation.objects.exists()


def test_invite_form_shows_a_pending_invitation_at_the_email_field(
    fund, fund_admin, invitation, client_for
):
    response = client_for(fund_admin).post(
        reverse("accounts:invitation_create", args=[fund.slug]),
        {"email": invitation.email, "roles": ["caseworker"]},
    )
    assert response.context["form"].has_error("email", "invitation_pending")
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"email": "not-an-address", "roles": ["caseworker"]},
        {"email": "ny@example.dk", "roles": []},
        {"email": "ny@example.dk", "roles": ["king"]},
    ],
)
def test_invite_form_refuses_malformed_input_and_changes_nothing(
    fund, fund_admin, client_for, data
):
    response = client_for(fund_admin).post(
        reverse("accounts:invitation_create", args=[fund.slug]), data
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Invitation.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_SENT).exists()


def test_member_roles_are_edited_and_each_change_audited(fund, fund_admin, caseworker, client_for):
    response = client_for(fund_admin).post(
        reverse("accounts:member_detail", args=[fund.slug, caseworker.pk]),
        {"roles": ["caseworker", "coordinator"]},
    )
    assert response.status_code == 302
    assert set(caseworker.role_grants.values_list("role", flat=True)) == {
        "caseworker",
        "coordinator",
    }
    event = AuditEvent.objects.get(action=AuditEvent.Action.ROLE_GRANTED)
    assert event.detail == {"role": "coordinator"}
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_REVOKED).exists()


def test_member_roles_form_refuses_to_remove_the_last_admin(
    fund, fund_admin, operator_admin, client_for
):
    response = client_for(operator_admin).post(
        reverse("accounts:member_detail", args=[fund.slug, fund_admin.pk]),
        {"roles": ["caseworker"]},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert RoleGrant.objects.filter(user=fund_admin, role="admin").exists()


def test_member_roles_form_with_no_roles_changes_nothing(fund, fund_admin, caseworker, client_for):
    response = client_for(fund_admin).post(
        reverse("accounts:member_detail", args=[fund.slug, caseworker.pk]), {}
    )
    assert response.status_code == 200
    assert caseworker.role_names == {"caseworker"}


def test_approve_button_approves_and_emails_the_person(
    fund, fund_admin, applicant, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fund_admin).post(
            reverse("accounts:signup_approve", args=[fund.slug, applicant.pk])
        )
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.is_approved
    assert OutboxMessage.objects.get().recipients == applicant.email
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.USER_APPROVED, subject_user=applicant, actor=fund_admin
    ).exists()


def test_reject_button_deletes_the_sign_up(fund, fund_admin, applicant, client_for):
    response = client_for(fund_admin).post(
        reverse("accounts:signup_reject", args=[fund.slug, applicant.pk])
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=applicant.pk).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.USER_REJECTED).exists()


def test_approve_and_reject_do_not_apply_to_approved_members(
    fund, fund_admin, caseworker, client_for
):
    client = client_for(fund_admin)
    for name in ("accounts:signup_approve", "accounts:signup_reject"):
        assert client.post(reverse(name, args=[fund.slug, caseworker.pk])).status_code == 404
    assert User.objects.filter(pk=caseworker.pk).exists()


def test_admin_actions_refuse_get(fund, fund_admin, caseworker, applicant, client_for):
    client = client_for(fund_admin)
    for name, pk in [
        ("accounts:signup_approve", applicant.pk),
        ("accounts:signup_reject", applicant.pk),
        ("accounts:member_deactivate", caseworker.pk),
    ]:
        assert client.get(reverse(name, args=[fund.slug, pk])).status_code == 405
    applicant.refresh_from_db()
    assert not applicant.is_approved


def test_deactivate_button_deactivates_a_member(fund, fund_admin, caseworker, client_for):
    response = client_for(fund_admin).post(
        reverse("accounts:member_deactivate", args=[fund.slug, caseworker.pk])
    )
    assert response.status_code == 302
    caseworker.refresh_from_db()
    assert not caseworker.is_active
    assert AuditEvent.objects.filter(action=AuditEvent.Action.USER_DEACTIVATED).exists()


def test_an_admin_cannot_deactivate_themselves(fund, fund_admin, client_for):
    client = client_for(fund_admin)
    response = client.post(
        reverse("accounts:member_deactivate", args=[fund.slug, fund_admin.pk]), follow=True
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    fund_admin.refresh_from_db()
    assert fund_admin.is_active


def test_a_deactivated_member_is_signed_out(fund, fund_admin, caseworker, client):
    client.force_login(caseworker)
    services.member_deactivate(member=caseworker, actor=fund_admin)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_withdraw_button_revokes_a_pending_invitation(fund, fund_admin, invitation, client_for):
    response = client_for(fund_admin).post(
        reverse("accounts:invitation_revoke", args=[fund.slug, invitation.pk])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED


def test_an_invitation_of_another_organisation_cannot_be_withdrawn_through_mine(
    fund, other_fund, fund_admin, operator_admin, client_for
):
    foreign, _token = invite(organisation=other_fund, invited_by=operator_admin)
    response = client_for(fund_admin).post(
        reverse("accounts:invitation_revoke", args=[fund.slug, foreign.pk])
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.is_pending


def test_organisation_list_queries_do_not_grow_with_the_number_of_organisations(
    operator_admin, client_for, django_assert_num_queries
):
    client = client_for(operator_admin)
    url = reverse("accounts:organisation_list")

    def add_organisations(start, count):
        for i in range(start, start + count):
            organisation = OrganisationFactory(slug=f"org-x{i}")
            make_user(organisation=organisation, email=f"m{i}@example.dk")
            User.objects.create_user(f"s{i}@example.dk", organisation=organisation)

    add_organisations(0, 3)
    client.get(url)
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(url).status_code == 200
    add_organisations(3, 3)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(url)
    assert len(response.context["organisations"]) == 7
