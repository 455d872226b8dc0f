"""The signed-in request: the session and the person from the shared cache, no write per request,
and every way of ending a session or changing a person still taking effect at once
(docs/decisions/0046-signed-in-request.md)."""

import pickle

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.accounts import services, user_cache
from portal.accounts.session_engine import CACHE_SECONDS, _CappedCache
from portal.conftest import make_user
from portal.core import middleware
from portal.core.models import RoleGrant

pytestmark = [pytest.mark.django_db, pytest.mark.urls("portal.accounts.tests.bare_urls")]

DB_SESSIONS = "django.contrib.sessions.backends.db"
CACHED_SESSIONS = "portal.accounts.session_engine"


@pytest.fixture(params=[DB_SESSIONS, CACHED_SESSIONS])
def engine(request, settings):
    """Both session set-ups: the database alone (no Redis) and the database read through the
    cache, with the session tracking's mark in the cache (Redis)."""
    settings.SESSION_ENGINE = request.param
    settings.PORTAL_SESSION_SEEN_IN_CACHE = request.param == CACHED_SESSIONS
    settings.PORTAL_REQUEST_CACHE = True
    return request.param


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = CACHED_SESSIONS
    settings.PORTAL_SESSION_SEEN_IN_CACHE = True
    settings.PORTAL_REQUEST_CACHE = True


def writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def signed_in(client, user):
    """A client signed in as `user` whose first request (session tracking, the day's visit,
    filling the caches) is behind it."""
    client.force_login(user)
    assert client.get("/bare/").status_code == 200
    return client


def test_a_second_signed_in_request_writes_nothing(engine, client, caseworker):
    signed_in(client, caseworker)
    with CaptureQueriesContext(connection) as second:
        client.get("/bare/")
    with CaptureQueriesContext(connection) as page:
        client.get("/profil/")
    assert writes(second.captured_queries) == []
    assert writes(page.captured_queries) == []


def test_with_sessions_in_the_cache_a_bare_signed_in_request_asks_the_database_nothing(
    cached_sessions, client, caseworker, fund_admin, django_assert_num_queries
):
    # A caseworker, and an admin whose TOTP the MFA middleware checks.
    for user in (caseworker, fund_admin):
        signed_in(client, user)
        with django_assert_num_queries(0):
            response = client.get("/bare/")
        assert response.content.decode() == f"{user.email}:{','.join(sorted(user.role_names))}"


def test_the_session_is_tracked_again_after_the_interval(cached_sessions, client, caseworker):
    signed_in(client, caseworker)
    tracked = UserSession.objects.get(user=caseworker)
    UserSession.objects.filter(pk=tracked.pk).update(ip="10.0.0.1")
    client.get("/bare/")
    assert UserSession.objects.get(pk=tracked.pk).ip == "10.0.0.1"
    # Five minutes on: the cache's mark and this process's memory of it have expired.
    cache.delete(f"core:usersession-seen:{client.session.session_key}")
    middleware._seen_here.clear()
    client.get("/bare/")
    assert UserSession.objects.get(pk=tracked.pk).ip == "127.0.0.1"


def test_a_deactivated_person_is_signed_out_on_their_next_request(
    engine, client, caseworker, fund_admin
):
    signed_in(client, caseworker)
    services.member_deactivate(member=caseworker, actor=fund_admin)
    assert client.get("/bare/").content == b"anonymous"


def test_a_granted_or_revoked_role_counts_on_the_next_request(
    engine, client, caseworker, fund_admin, django_assert_max_num_queries
):
    signed_in(client, caseworker)
    services.roles_apply(
        member=caseworker, roles=["caseworker", "coordinator"], actor=fund_admin, request=None
    )
    Authenticator.objects.create(
        user=caseworker, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker,coordinator"
    services.roles_apply(member=caseworker, roles=["caseworker"], actor=fund_admin, request=None)
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker"


def test_a_role_given_outside_the_services_is_seen_too(engine, client, caseworker):
    signed_in(client, caseworker)
    RoleGrant.objects.create(user=caseworker, role="editor")
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker,editor"


def test_the_base_pages_modules_and_links_follow_a_role_at_once(engine, client, caseworker):
    """What the header shows by the person's roles is cached with the person: a role given
    (even outside the services) shows on the next page."""
    signed_in(client, caseworker)
    before = client.get("/bare/navigation/").content.decode()
    assert "evaluation:dashboard" not in before
    assert before.endswith(":False")
    RoleGrant.objects.create(user=caseworker, role="editor")
    assert "evaluation:dashboard" in client.get("/bare/navigation/").content.decode()
    Authenticator.objects.create(  # the admins' second factor
        user=caseworker, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    RoleGrant.objects.create(user=caseworker, role="admin")
    assert client.get("/bare/navigation/").content.decode().endswith(":True")


def test_a_second_factor_removed_sends_an_admin_back_to_set_it_up(engine, client, fund_admin):
    signed_in(client, fund_admin)
    Authenticator.objects.filter(user=fund_admin).delete()
    response = client.get("/bare/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"


def test_a_password_changed_elsewhere_ends_this_session(engine, client, caseworker, password):
    signed_in(client, caseworker)
    caseworker.set_password("et-helt-andet-kodeord")
    caseworker.save()
    assert client.get("/bare/").content == b"anonymous"


def test_signing_out_ends_the_session_for_whoever_still_has_its_cookie(engine, client, caseworker):
    from django.test import Client

    signed_in(client, caseworker)
    cookie = client.cookies["sessionid"].value
    assert client.post("/konto/logout/").status_code == 302
    copy = Client()
    copy.cookies["sessionid"] = cookie
    assert copy.get("/bare/").content == b"anonymous"


def test_ending_another_session_from_the_session_list_ends_it(engine, client, caseworker):
    from django.test import Client

    other = signed_in(Client(), caseworker)
    signed_in(client, caseworker)
    UserSession.objects.get(session_key=other.session.session_key).end()
    assert other.get("/bare/").content == b"anonymous"
    assert client.get("/bare/").content.decode().startswith(caseworker.email)


def test_a_copy_cached_from_before_a_change_is_never_used(cached_sessions, client, caseworker):
    signed_in(client, caseworker)
    stale = cache.get(user_cache._entry_key(caseworker.pk))
    RoleGrant.objects.create(user=caseworker, role="editor")
    cache.set(user_cache._entry_key(caseworker.pk), stale)  # a slow request stores what it read
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker,editor"


def test_a_lost_version_never_revives_an_old_copy(cached_sessions, client, caseworker):
    signed_in(client, caseworker)
    stale = cache.get(user_cache._entry_key(caseworker.pk))
    RoleGrant.objects.create(user=caseworker, role="editor")
    cache.delete(user_cache._version_key(caseworker.pk))  # evicted, or Redis emptied
    cache.set(user_cache._entry_key(caseworker.pk), stale)
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker,editor"


def test_the_cache_holds_no_password_hash_and_the_password_is_still_there_when_asked(
    cached_sessions, client, caseworker, password
):
    signed_in(client, caseworker)
    entry = cache.get(user_cache._entry_key(caseworker.pk))
    assert caseworker.password.encode() not in pickle.dumps(entry)
    assert entry["user"].check_password(password)


def test_a_cached_person_saved_keeps_their_password(cached_sessions, client, caseworker, password):
    signed_in(client, caseworker)
    person = cache.get(user_cache._entry_key(caseworker.pk))["user"]
    person.full_name = "Ny Navn"
    person.save()
    caseworker.refresh_from_db()
    assert caseworker.full_name == "Ny Navn"
    assert caseworker.check_password(password)


def test_a_session_of_a_person_who_is_gone_is_nobody(engine, client, fund):
    person = make_user(organisation=fund, email="kortvarig@3f.example.dk")
    signed_in(client, person)
    person.delete()
    assert client.get("/bare/").content == b"anonymous"


def test_the_session_cache_keeps_a_session_ten_minutes_at_most():
    class Recorder:
        def set(self, key, value, timeout=None):
            self.timeout = timeout

    recorder = Recorder()
    capped = _CappedCache(recorder, CACHE_SECONDS)
    capped.set("k", 1, 14 * 24 * 3600)
    assert recorder.timeout == CACHE_SECONDS
    capped.set("k", 1, 30)
    assert recorder.timeout == 30


def test_a_wrong_guess_of_whose_session_it_is_costs_nothing_but_a_round_trip(
    cached_sessions, client, caseworker, colleague
):
    signed_in(client, colleague)
    signed_in(client, caseworker)
    session_key = client.session.session_key
    assert user_cache._SESSION_USERS[session_key] == caseworker.pk
    user_cache._SESSION_USERS[session_key] = colleague.pk
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker"
    assert user_cache._SESSION_USERS[session_key] == caseworker.pk


def test_the_session_and_the_person_come_in_one_round_trip(
    cached_sessions, client, caseworker, monkeypatch
):
    signed_in(client, caseworker)
    client.get("/bare/")
    calls = []
    depth = [0]  # the test cache's get_many asks get for each key: count the outer call only
    for name in ("get", "get_many", "add", "set"):
        original = getattr(cache, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, counted)
    assert client.get("/bare/").content.decode() == f"{caseworker.email}:caseworker"
    assert calls == ["get_many"]


def test_the_organisation_comes_with_the_person_and_a_rename_shows_at_once(
    engine, client, caseworker, django_assert_num_queries
):
    signed_in(client, caseworker)
    client.get("/bare/organisation/")
    queries = 0 if engine == CACHED_SESSIONS else 1  # the session row, without Redis
    with django_assert_num_queries(queries):
        assert client.get("/bare/organisation/").content.decode() == caseworker.organisation.name
    organisation = caseworker.organisation
    organisation.name = "3F Fagligt Fælles Forbund"
    organisation.save()
    assert client.get("/bare/organisation/").content.decode() == "3F Fagligt Fælles Forbund"
