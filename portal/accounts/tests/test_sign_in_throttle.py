"""Sign-in throttle: growing delays per account and per client IP, never a site-wide lockout."""

import time

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from portal.accounts import sign_in_throttle
from portal.conftest import make_user
from portal.core.http import client_ip
from portal.core.models import AuditEvent, OutboxMessage
from portal.testing.smtp import extract_login_code

pytestmark = pytest.mark.django_db

PASSWORD = "korrekt-hest-batteri"
WRONG = "forkert-gaet-1234"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"
JOBCENTER = "192.0.2.10"


@pytest.fixture
def clock():
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        yield traveller


@pytest.fixture
def target(fund):
    return make_user(organisation=fund, email="maal@3f.example.dk")


def _try(client, email, password, ip):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip
    )


def _signed_in(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def _refusal(response) -> str:
    errors = response.context["form"].non_field_errors().as_data()
    refusals = [e for e in errors if e.code == "too_many_login_attempts"]
    return str(refusals[0].message % refusals[0].params) if refusals else ""


def _fail(client, email, ip, times):
    for _ in range(times):
        response = _try(client, email, WRONG, ip)
        assert response.status_code == 200
        assert not _refusal(response), "refused before the free attempts were used"


def test_after_five_failures_the_next_attempt_waits_and_says_how_long_in_danish(
    client, target, clock
):
    _fail(client, target.email, ATTACKER, 5)

    response = _try(client, target.email, PASSWORD, ATTACKER)

    assert not _signed_in(client, target)
    assert _refusal(response) == (
        "For mange mislykkede forsøg på at logge ind. Vent 30 sekunder, før du prøver igen."
    )
    assert "Vent 30 sekunder" in response.content.decode()


def test_after_the_wait_the_right_password_signs_in(client, target, clock):
    _fail(client, target.email, ATTACKER, 5)
    clock.shift(31)
    response = _try(client, target.email, PASSWORD, OWNER)
    assert response.status_code == 302
    assert _signed_in(client, target)


def test_the_delay_doubles_per_failure_and_stops_at_fifteen_minutes(client, target, clock):
    _fail(client, target.email, ATTACKER, 5)
    waits = []
    for _ in range(8):
        refused = _refusal(_try(client, target.email, WRONG, ATTACKER))
        waits.append(refused.split("Vent ")[1].split(",")[0])
        clock.shift(16 * 60)
        response = _try(client, target.email, WRONG, ATTACKER)
        assert not _refusal(response)
    assert waits == [
        "30 sekunder",
        "1 minut",
        "2 minutter",
        "4 minutter",
        "8 minutter",
        "15 minutter",
        "15 minutter",
        "15 minutter",
    ]


def test_an_attacker_does_not_block_other_accounts_from_the_same_ip(
    client, target, colleague, clock
):
    _fail(client, target.email, ATTACKER, 5)
    assert _refusal(_try(client, target.email, WRONG, ATTACKER))

    response = _try(client, colleague.email, PASSWORD, ATTACKER)

    assert response.status_code == 302
    assert _signed_in(client, colleague)


def test_the_accounts_delay_applies_to_its_owner_on_another_ip_too(client, target, clock):
    """Decision 0015: per account the delay applies to everyone, capped; the owner's way round
    is an emailed login code."""
    _fail(client, target.email, ATTACKER, 5)
    response = _try(client, target.email, PASSWORD, OWNER)
    assert "Vent 30 sekunder" in _refusal(response)
    assert not _signed_in(client, target)


def test_the_owner_signs_in_by_emailed_code_while_the_password_is_throttled(
    client, target, clock, django_capture_on_commit_callbacks
):
    _fail(client, target.email, ATTACKER, 5)
    assert _refusal(_try(client, target.email, PASSWORD, OWNER))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_request_login_code"), {"email": target.email}, REMOTE_ADDR=OWNER
        )
    mail = OutboxMessage.objects.filter(recipients=target.email).last()
    code = extract_login_code(mail.text_body)

    response = client.post(reverse("account_confirm_login_code"), {"code": code}, REMOTE_ADDR=OWNER)

    assert response.status_code == 302
    assert _signed_in(client, target)


def test_a_whole_jobcenter_behind_one_address_is_not_locked_out(fund, client, clock):
    people = [make_user(organisation=fund, email=f"kollega{i}@3f.example.dk") for i in range(30)]
    for person in people:
        _fail(client, person.email, JOBCENTER, 2)
    for person in people:
        client.logout()
        response = _try(client, person.email, PASSWORD, JOBCENTER)
        assert response.status_code == 302, _refusal(response)
        assert _signed_in(client, person)


def test_one_address_spraying_many_accounts_is_slowed_down(fund, client, clock, settings):
    settings.PORTAL_SIGN_IN_THROTTLE = {
        **settings.PORTAL_SIGN_IN_THROTTLE,
        "ip": {"free": 6, "base_seconds": 1, "cap_seconds": 60, "memory_seconds": 3600},
    }
    people = [make_user(organisation=fund, email=f"offer{i}@3f.example.dk") for i in range(4)]
    for person in people[:3]:
        _fail(client, person.email, ATTACKER, 2)

    refused = _refusal(_try(client, people[3].email, PASSWORD, ATTACKER))
    assert refused == (
        "For mange mislykkede forsøg på at logge ind. Vent 1 sekund, før du prøver igen."
    )
    response = _try(client, people[3].email, PASSWORD, OWNER)
    assert response.status_code == 302
    assert _signed_in(client, people[3])


def test_a_success_clears_the_accounts_count(client, target, clock):
    _fail(client, target.email, OWNER, 4)
    assert _try(client, target.email, PASSWORD, OWNER).status_code == 302
    client.logout()
    _fail(client, target.email, OWNER, 5)


def test_a_successful_sign_in_does_not_clear_the_ips_count(fund, client, clock, settings):
    """Otherwise an attacker could sign in to an account of their own between guesses."""
    settings.PORTAL_SIGN_IN_THROTTLE = {
        **settings.PORTAL_SIGN_IN_THROTTLE,
        "ip": {"free": 3, "base_seconds": 1, "cap_seconds": 60, "memory_seconds": 3600},
    }
    own = make_user(organisation=fund, email="egen@3f.example.dk")
    victims = [make_user(organisation=fund, email=f"v{i}@3f.example.dk") for i in range(3)]
    for victim in victims[:2]:
        _fail(client, victim.email, ATTACKER, 1)
        assert _try(client, own.email, PASSWORD, ATTACKER).status_code == 302
        client.logout()
    _fail(client, victims[2].email, ATTACKER, 1)
    assert _refusal(_try(client, victims[0].email, WRONG, ATTACKER))


def test_unknown_addresses_are_throttled_like_real_ones(client, fund, clock):
    _fail(client, "findes-ikke@3f.example.dk", ATTACKER, 5)
    assert "Vent 30 sekunder" in _refusal(_try(client, "findes-ikke@3f.example.dk", WRONG, OWNER))


def test_the_slow_down_is_audited_with_the_account_and_the_address(client, target, clock):
    _fail(client, target.email, ATTACKER, 4)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_THROTTLED).exists()
    _fail(client, target.email, ATTACKER, 1)

    event = AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_THROTTLED)
    assert event.subject_user == target
    assert event.organisation == target.organisation
    assert event.ip_address == ATTACKER
    assert event.detail == {"scope": "account", "failures": 5, "wait_seconds": 30}


def test_refused_attempts_are_logged_but_not_audited_one_by_one(client, target, clock, caplog):
    _fail(client, target.email, ATTACKER, 5)
    with caplog.at_level("WARNING", logger="portal.accounts.sign_in_throttle"):
        for _ in range(10):
            _try(client, target.email, WRONG, ATTACKER)
    assert sum("refused" in record.getMessage() for record in caplog.records) == 10
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_THROTTLED).count() == 1


def test_a_completed_password_reset_clears_the_accounts_count(client, target, clock):
    from portal.accounts.adapter import PortalAccountAdapter

    _fail(client, target.email, ATTACKER, 5)
    request = RequestFactory().post("/", REMOTE_ADDR=OWNER)
    request.user = AnonymousUser()
    PortalAccountAdapter(request)._delete_login_attempts_cached_email(request, email=target.email)
    response = _try(client, target.email, PASSWORD, OWNER)
    assert _signed_in(client, target), _refusal(response)


def test_parallel_attempts_cannot_share_one_slot(target, clock):
    """Two requests that both saw the delay run out: only the first gets its try."""
    request = RequestFactory().post("/", REMOTE_ADDR=ATTACKER)
    request.user = AnonymousUser()
    for _ in range(5):
        attempt = sign_in_throttle.password_attempt_begin(request=request, email=target.email)
        sign_in_throttle.attempt_failed(attempt)
    clock.shift(31)
    bucket = sign_in_throttle.Bucket(sign_in_throttle.ACCOUNT, target.email)
    seen, _at = sign_in_throttle._state(bucket)
    assert sign_in_throttle._claim(bucket, seen, time.time())
    assert not sign_in_throttle._claim(bucket, seen, time.time())


def test_wrong_login_codes_count_against_the_ip(
    client, target, clock, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_SIGN_IN_THROTTLE = {
        **settings.PORTAL_SIGN_IN_THROTTLE,
        "ip": {"free": 1, "base_seconds": 60, "cap_seconds": 600, "memory_seconds": 3600},
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_request_login_code"), {"email": target.email}, REMOTE_ADDR=ATTACKER
        )
    mail = OutboxMessage.objects.filter(recipients=target.email).last()
    code = extract_login_code(mail.text_body)
    confirm = reverse("account_confirm_login_code")
    assert client.post(confirm, {"code": "BCDF-GHJK"}, REMOTE_ADDR=ATTACKER).status_code == 200

    response = client.post(confirm, {"code": code}, REMOTE_ADDR=ATTACKER)

    assert not _signed_in(client, target)
    assert "Vent 1 minut," in response.content.decode()
    clock.shift(61)
    response = client.post(confirm, {"code": code}, REMOTE_ADDR=ATTACKER)
    assert _signed_in(client, target)


# The client's address ------------------------------------------------------------------------


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("10.0.0.1", "203.0.113.9")) == "10.0.0.1"


def test_behind_one_proxy_the_address_it_added_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("10.0.0.1", "203.0.113.9")) == "203.0.113.9"


def test_a_spoofed_extra_forwarded_entry_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("10.0.0.1", "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_behind_two_proxies_the_outer_ones_entry_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = _request("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1")
    assert client_ip(request) == "203.0.113.9"


def test_a_port_or_garbage_in_the_header_is_handled(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("10.0.0.1", "203.0.113.9:51234")) == "203.0.113.9"
    assert client_ip(_request("10.0.0.1", "[2001:db8::1]:443")) == "2001:db8::1"
    assert client_ip(_request("10.0.0.1", "not-an-address")) is None


def test_throttle_and_audit_log_see_the_forwarded_client(client, target, clock, settings):
    """Spoofing the left part of X-Forwarded-For neither escapes the throttle nor the log."""
    settings.TRUSTED_PROXY_COUNT = 1
    for i in range(5):
        client.post(
            reverse("account_login"),
            {"login": target.email, "password": WRONG},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{i}, {ATTACKER}",
        )
    failed = AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED)
    assert set(failed.values_list("ip_address", flat=True)) == {ATTACKER}
    throttled = AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_THROTTLED)
    assert throttled.ip_address == ATTACKER


def test_allauth_uses_the_same_client_ip(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = _request("10.0.0.1", "1.2.3.4, 203.0.113.9")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.9"


def test_behind_a_proxy_a_request_without_the_header_is_its_remote_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("203.0.113.9")) == "203.0.113.9"


def test_ipv6_addresses_of_one_network_share_a_count(target, clock, settings):
    """Rotating through one's /64 does not buy fresh free attempts."""
    settings.PORTAL_SIGN_IN_THROTTLE = {
        **settings.PORTAL_SIGN_IN_THROTTLE,
        "ip": {"free": 2, "base_seconds": 60, "cap_seconds": 600, "memory_seconds": 3600},
    }
    for suffix in ("1", "2"):
        request = RequestFactory().post("/", REMOTE_ADDR=f"2001:db8:1:2::{suffix}")
        request.user = AnonymousUser()
        attempt = sign_in_throttle.password_attempt_begin(request=request, email=f"x{suffix}@a.dk")
        sign_in_throttle.attempt_failed(attempt)
    same_network = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::99")
    with pytest.raises(ValidationError):
        sign_in_throttle.password_attempt_begin(request=same_network, email="y@a.dk")
    other_network = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:3::1")
    sign_in_throttle.password_attempt_begin(request=other_network, email="y@a.dk")
