from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from portal.core.models import AuditEvent, User
from portal.core.provisioning import user_create

pytestmark = pytest.mark.django_db


def create_user(*args):
    call_command("create_user", *args, stdout=StringIO())


def counts():
    return (User.objects.count(), EmailAddress.objects.count(), AuditEvent.objects.count())


def test_create_user_makes_an_approved_person_ready_to_sign_in(fund):
    create_user(
        "Ny.Person@3F.example.dk",
        "--organisation",
        "3f",
        "--role",
        "caseworker",
        "--role",
        "jurist",
        "--password",
        "lang-og-sikker-adgang",
        "--name",
        "Ny Person",
    )
    user = User.objects.get(email="ny.person@3f.example.dk")
    assert user.organisation == fund
    assert user.full_name == "Ny Person"
    assert user.is_approved and user.is_active
    assert user.role_names == {"caseworker", "jurist"}
    assert user.check_password("lang-og-sikker-adgang")
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary
    assert address.email == user.email


def test_create_user_records_user_created_without_an_actor(fund):
    create_user("ny@3f.example.dk", "--organisation", "3f", "--role", "admin")
    event = AuditEvent.objects.get(action=AuditEvent.Action.USER_CREATED)
    assert event.actor is None
    assert event.subject_user.email == "ny@3f.example.dk"
    assert event.organisation == fund
    assert event.detail["roles"] == ["admin"]


def test_create_user_without_a_password_leaves_sign_in_to_login_codes(fund):
    create_user("ny@3f.example.dk", "--organisation", "3f", "--role", "caseworker")
    assert not User.objects.get(email="ny@3f.example.dk").has_usable_password()


def test_create_user_requires_organisation_and_role(fund):
    with pytest.raises(CommandError):
        create_user("ny@3f.example.dk", "--role", "caseworker")
    with pytest.raises(CommandError):
        create_user("ny@3f.example.dk", "--organisation", "3f")
    assert not User.objects.filter(email="ny@3f.example.dk").exists()


@pytest.mark.parametrize(
    ("args", "mentioned"),
    [
        (
            ["ny@3f.example.dk", "--organisation", "findes-ikke", "--role", "caseworker"],
            "findes-ikke",
        ),
        (
            ["ny@3f.example.dk", "--organisation", "3f", "--role", "caseworker", "--role", "boss"],
            "boss",
        ),
        (
            ["sagsbehandler@3f.example.dk", "--organisation", "3f", "--role", "caseworker"],
            "sagsbehandler@3f.example.dk",
        ),
        (
            ["SAGSBEHANDLER@3f.example.dk", "--organisation", "3f", "--role", "caseworker"],
            "sagsbehandler@3f.example.dk",
        ),
        (["ikke-en-adresse", "--organisation", "3f", "--role", "caseworker"], "ikke-en-adresse"),
        (
            [
                "ny@3f.example.dk",
                "--organisation",
                "3f",
                "--role",
                "caseworker",
                "--password",
                "123",
            ],
            None,
        ),
        (
            [
                "ny@3f.example.dk",
                "--organisation",
                "3f",
                "--role",
                "caseworker",
                "--password",
                "password123",
            ],
            None,
        ),
    ],
    ids=[
        "unknown-organisation",
        "unknown-role",
        "duplicate-email",
        "duplicate-email-case",
        "invalid-email",
        "short-password",
        "common-password",
    ],
)
def test_create_user_errors_are_clear_and_create_nothing(caseworker, args, mentioned):
    before = counts()
    with pytest.raises(CommandError) as error:
        create_user(*args)
    assert str(error.value).strip()
    if mentioned:
        assert mentioned in str(error.value)
    assert counts() == before


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"organisation": "findes-ikke"}, "unknown_organisation"),
        ({"roles": ["boss"]}, "unknown_role"),
        ({"email": "sagsbehandler@3f.example.dk"}, "duplicate_email"),
        ({"email": "ikke-en-adresse"}, "invalid_email"),
        ({"password": "ny@3f.example.dk"}, "password_too_similar"),
    ],
)
def test_user_create_rejects_bad_input_with_a_code(caseworker, kwargs, code):
    arguments = {
        "email": "ny@3f.example.dk",
        "organisation": "3f",
        "roles": ["caseworker"],
        **kwargs,
    }
    before = counts()
    with pytest.raises(ValidationError) as error:
        user_create(**arguments)
    assert code in [e.code for e in error.value.error_list]
    assert counts() == before


def test_user_create_can_leave_a_person_awaiting_approval(fund):
    user = user_create(
        email="ny@3f.example.dk", organisation=fund, roles=["caseworker"], approved=False
    )
    assert user.approved_at is None
