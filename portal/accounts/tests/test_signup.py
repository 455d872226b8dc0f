"""Self-sign-up through allauth: domain check, approval before first sign-in, emails."""

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.urls import reverse

from portal.accounts import services
from portal.core.models import AuditEvent, OutboxMessage, User
from portal.testing.smtp import extract_login_code

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-hemmelig-saetning"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth's rate limits live in the cache, which outlives a single test."""
    cache.clear()
    yield
    cache.clear()


def _sign_up(client, email):
    return client.post(
        reverse("account_signup"),
        {"full_name": "Ny Kollega", "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def _sign_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def test_sign_up_with_an_unknown_domain_is_refused(client, fund):
    response = _sign_up(client, "person@gmail.example.com")
    assert response.status_code == 200
    assert response.context["form"].has_error("email", "unknown_domain")
    assert not User.objects.filter(email="person@gmail.example.com").exists()


def test_sign_up_with_a_known_domain_waits_for_approval_and_tells_nobody_before_verification(
    client, fund, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "ny@3f.example.dk")
    user = User.objects.get(email="ny@3f.example.dk")
    assert user.organisation == fund
    assert user.full_name == "Ny Kollega"
    assert not user.is_approved
    assert not OutboxMessage.objects.filter(recipients=fund_admin.email).exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.USER_CREATED, subject_user=user, detail__via="signup"
    ).exists()


def test_a_pending_person_cannot_sign_in_until_approved(
    client, fund, fund_admin, django_capture_on_commit_callbacks
):
    _sign_up(client, "ny@3f.example.dk")
    client.logout()
    EmailAddress.objects.filter(email="ny@3f.example.dk").update(verified=True)

    response = _sign_in(client, "ny@3f.example.dk")
    assert response.status_code == 302
    assert response.url == reverse("accounts:awaiting_approval")
    assert "_auth_user_id" not in client.session

    user = User.objects.get(email="ny@3f.example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_approve(user=user, actor=fund_admin)
    approval = OutboxMessage.objects.get(recipients="ny@3f.example.dk")
    assert reverse("account_login") in approval.text_body

    response = _sign_in(client, "ny@3f.example.dk")
    assert response.status_code == 302
    assert response.url != reverse("accounts:awaiting_approval")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_sends_the_person_an_email_verification_code(
    client, fund, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_up(client, "ny@3f.example.dk")
    verification = OutboxMessage.objects.get(recipients="ny@3f.example.dk")
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    code = EmailAddress.objects.get(email="ny@3f.example.dk")
    assert not code.verified
    assert verification.subject


def test_after_verifying_the_email_the_person_waits_for_approval(
    client, fund, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "ny@3f.example.dk")
    code = extract_login_code(OutboxMessage.objects.get(recipients="ny@3f.example.dk").text_body)

    response = client.post(reverse("account_email_verification_sent"), {"code": code})

    assert response.status_code == 302
    assert response.url == reverse("accounts:awaiting_approval")
    assert EmailAddress.objects.get(email="ny@3f.example.dk").verified
    assert "_auth_user_id" not in client.session


def test_verifying_the_email_address_tells_the_admins_once(
    client, fund, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "ny@3f.example.dk")
    code = extract_login_code(OutboxMessage.objects.get(recipients="ny@3f.example.dk").text_body)
    assert not OutboxMessage.objects.filter(recipients=fund_admin.email).exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_email_verification_sent"), {"code": code})

    notice = OutboxMessage.objects.get(recipients=fund_admin.email)
    assert "Ny Kollega" in notice.text_body


def test_a_wrong_verification_code_tells_the_admins_nothing(
    client, fund, fund_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "ny@3f.example.dk")
        client.post(reverse("account_email_verification_sent"), {"code": "XXXX-XXXX"})
    assert not EmailAddress.objects.get(email="ny@3f.example.dk").verified
    assert not OutboxMessage.objects.filter(recipients=fund_admin.email).exists()
