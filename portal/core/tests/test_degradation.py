"""Redis down is a slower portal, not a broken one.

The cache and the queue are pointed at a closed port: sign-in, a reply and the debate answer
as usual, rate limits still hold (through the database cache), and queued work falls back.
"""

import logging
import os
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from huey.contrib.djhuey import HUEY
from huey.storage import RedisStorage
from redis.exceptions import ConnectionError as RedisConnectionError

from portal.conftest import PASSWORD
from portal.core import cache as resilient
from portal.core.middleware import QueueUnavailableMiddleware
from portal.core.queue import Fallback, enqueue
from portal.forum.models import Post, Thread
from portal.forum.tests.factories import make_thread
from portal.newsletters.models import Newsletter

pytestmark = pytest.mark.django_db

CLOSED = "redis://127.0.0.1:6390/0"  # nothing listens here


def _redis_down_caches(*, fallback: bool = True) -> dict:
    default = {
        "BACKEND": "portal.core.cache.ResilientRedisCache",
        "LOCATION": CLOSED,
        "OPTIONS": {"socket_connect_timeout": 1},
    }
    if not fallback:
        return {"default": default}
    return {
        "default": {**default, "FALLBACK": "fallback"},
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        },
    }


@pytest.fixture
def redis_down(settings):
    """The cache and the queue as production configures them, with Redis unreachable."""
    settings.CACHES = _redis_down_caches()
    call_command("createcachetable", verbosity=0)
    resilient._down_until.clear()
    saved = (HUEY._immediate, HUEY.storage)
    HUEY._immediate = False
    HUEY.storage = RedisStorage(name="portal-test-redis-down", url=CLOSED)
    yield
    HUEY._immediate, HUEY.storage = saved
    resilient._down_until.clear()


# --- The cache -----------------------------------------------------------------------------


def test_with_redis_down_the_cache_falls_through_to_the_fallback(redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="portal.core.cache")
    assert cache.get("nøgle") is None
    cache.set("nøgle", "værdi", 60)
    assert cache.get("nøgle") == "værdi"
    assert caches["fallback"].get("nøgle") == "værdi"
    assert cache.add("nøgle", "anden") is False
    assert cache.get_many(["nøgle", "ukendt"]) == {"nøgle": "værdi"}
    cache.set("tæller", 1)
    assert cache.incr("tæller") == 2
    cache.delete("nøgle")
    assert not cache.has_key("nøgle")
    # One warning for the outage, not one per call: Redis is skipped for a while.
    warnings = [r for r in caplog.records if "Redis unreachable" in r.getMessage()]
    assert len(warnings) == 1
    assert caches["default"].redis_is_skipped


def test_without_a_fallback_a_failed_call_is_a_miss(settings):
    settings.CACHES = _redis_down_caches(fallback=False)
    resilient._down_until.clear()
    try:
        cache.set("nøgle", "værdi")
        assert cache.get("nøgle") is None
        assert cache.get("nøgle", "standard") == "standard"
        assert cache.get_many(["nøgle"]) == {}
        assert cache.add("nøgle", "værdi") is True
        with pytest.raises(ValueError):
            cache.incr("nøgle")
    finally:
        resilient._down_until.clear()


def test_other_errors_are_not_swallowed(settings, monkeypatch):
    settings.CACHES = _redis_down_caches()
    resilient._down_until.clear()

    def broken(self, *args, **kwargs):
        raise TypeError("a bug, not an outage")

    monkeypatch.setattr("django.core.cache.backends.redis.RedisCache.get", broken)
    with pytest.raises(TypeError):
        cache.get("nøgle")


# --- Pages ---------------------------------------------------------------------------------


def test_with_redis_down_sign_in_works(redis_down, client, caseworker):
    response = client.post(
        reverse("account_login"), {"login": caseworker.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("core:front_page")).wsgi_request.user == caseworker


def test_with_redis_down_rate_limits_still_hold(redis_down, client, caseworker):
    for _attempt in range(5):
        response = client.post(
            reverse("account_login"), {"login": caseworker.email, "password": "forkert-kode-1"}
        )
        assert response.status_code == 200
    response = client.post(
        reverse("account_login"), {"login": caseworker.email, "password": PASSWORD}
    )
    # The sixth try is refused by the limit, even with the right password.
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_with_redis_down_the_debate_and_a_reply_work(redis_down, client_for, caseworker, colleague):
    thread = make_thread(author=colleague, title="Rådighed ved deltid")
    client = client_for(caseworker)
    listing = client.get(reverse("forum:thread_list"))
    assert listing.status_code == 200
    assert "Rådighed ved deltid" in listing.content.decode()
    response = client.post(reverse("forum:reply_create", args=[thread.pk]), {"body": "Sådan"})
    assert response.status_code == 302
    assert Post.objects.filter(thread=thread, is_opening=False).count() == 1
    # The cached list is rebuilt from the database: the new reply's thread count shows.
    assert client.get(reverse("forum:thread_list")).status_code == 200
    response = client.post(
        reverse("forum:thread_create"),
        {"kind": "discussion", "topic": thread.topic.slug, "title": "Ny tråd", "body": "Tekst"},
    )
    assert response.status_code == 302
    assert Thread.objects.filter(title="Ny tråd").exists()


def test_what_still_needs_redis_gets_a_danish_503():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    middleware = QueueUnavailableMiddleware(lambda request: HttpResponse())
    error = RedisConnectionError("Error 111 connecting to 127.0.0.1:6390.")
    response = middleware.process_exception(request, error)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Prøv igen om et minut" in response.content.decode()
    assert middleware.process_exception(request, ValueError("other")) is None


# --- The queue -----------------------------------------------------------------------------


@HUEY.task()
def _record(value, results):
    results.append(value)


def test_an_enqueue_that_fails_runs_inline_when_asked(redis_down, caplog):
    results = []
    assert enqueue(_record, "kørt", results, fallback=Fallback.INLINE) is False
    assert results == ["kørt"]
    assert "running it in this process" in caplog.text


def test_an_enqueue_that_fails_is_left_to_the_sweep_when_asked(redis_down, caplog):
    results = []
    assert enqueue(_record, "kørt", results, fallback=Fallback.SWEEP) is False
    assert results == []
    assert "periodic round will pick the work up" in caplog.text


def test_with_the_queue_up_enqueue_hands_the_task_over(settings):
    results = []
    assert enqueue(_record, "kørt", results, fallback=Fallback.SWEEP) is True
    assert results == ["kørt"]  # the test queue runs tasks at once


def test_with_redis_down_send_now_leaves_the_newsletter_to_the_minute_round(
    redis_down, editor, django_capture_on_commit_callbacks
):
    from portal.newsletters import selectors, services

    newsletter = services.newsletter_draft_create(by=editor)
    services.newsletter_update(
        newsletter=newsletter, by=editor, subject="Nyt", intro="Hej", segment="everyone"
    )
    thread = make_thread(author=editor, title="En tråd")
    services.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"/debat/traad/{thread.pk}/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send_now(newsletter=newsletter, by=editor)
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SCHEDULED
    assert newsletter.pk in list(selectors.newsletter_ids_due())


def test_a_missing_fallback_table_is_a_deploy_warning(settings):
    from portal.core.checks import cache_fallback_table

    settings.CACHES = _redis_down_caches()
    assert [w.id for w in cache_fallback_table(None, databases=["default"])] == ["portal.W101"]
    call_command("createcachetable", verbosity=0)
    assert cache_fallback_table(None, databases=["default"]) == []
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert cache_fallback_table(None, databases=["default"]) == []


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_with_redis_up_the_cache_is_redis(settings):
    settings.CACHES = {
        "default": {
            **_redis_down_caches()["default"],
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"portal-test-{uuid.uuid4().hex}",
        },
        "fallback": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    resilient._down_until.clear()
    try:
        cache.set("nøgle", "værdi", 60)
        assert cache.get("nøgle") == "værdi"
        assert caches["fallback"].get("nøgle") is None
        assert not caches["default"].redis_is_skipped
        # One redis.Redis serves every call (Django's client would build one per call).
        client = caches["default"]._cache
        assert client.get_client(write=True) is client.get_client("nøgle", write=False)
        assert cache.get_many(["nøgle"]) == {"nøgle": "værdi"}
    finally:
        cache.delete("nøgle")
