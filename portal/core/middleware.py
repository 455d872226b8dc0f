"""Request middleware of the core app."""

import json
import logging
import time

from allauth.usersessions.middleware import UserSessionsMiddleware
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseBadRequest, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .views import healthz

logger = logging.getLogger(__name__)

_SEEN_INTERVAL_SECONDS = 300
_SEEN_SESSION_KEY = "portal_usersession_seen"
# When this process last asked the cache about each session (a throttle: nothing to invalidate).
_seen_here: dict[str, float] = {}
_SEEN_HERE_MAX = 100_000


def _seen_cache_key(session_key: str) -> str:
    return f"core:usersession-seen:{session_key}"


def _seen_recently(session) -> bool:
    """Whether the session was tracked in the last five minutes; if not, it is marked now.

    With Redis (PORTAL_SESSION_SEEN_IN_CACHE) the mark is a key in the shared cache: a mark in
    the session would make Django write the session back, to the database and the cache. With
    the database as the cache, a cache mark would cost queries on every request, and the
    session (in the database anyway) is written once per interval instead.
    """
    now = time.time()
    if settings.PORTAL_SESSION_SEEN_IN_CACHE:
        # This process asks the cache at most once per interval and session: a round trip
        # saved on every other request. Each process may then track a session once per
        # interval at most when the cache's mark has expired.
        if now - _seen_here.get(session.session_key, 0) < _SEEN_INTERVAL_SECONDS:
            return True
        if len(_seen_here) >= _SEEN_HERE_MAX:
            _seen_here.clear()
        _seen_here[session.session_key] = now
        return not cache.add(_seen_cache_key(session.session_key), 1, _SEEN_INTERVAL_SECONDS)
    if now - session.get(_SEEN_SESSION_KEY, 0) < _SEEN_INTERVAL_SECONDS:
        return True
    session[_SEEN_SESSION_KEY] = now
    return False


class ThrottledUserSessionsMiddleware(UserSessionsMiddleware):
    """allauth's session tracking, at most once per five minutes per session.

    allauth writes the session row on every request, which halved signed-in throughput in the
    benchmark; "last seen" to the minute is all the active-sessions page needs. A new session
    (the key changes at sign-in) is tracked on its first request.
    """

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if (
            session is not None
            and session.session_key
            and user is not None
            and user.is_authenticated
            and _seen_recently(session)
        ):
            return self.get_response(request)
        return super().__call__(request)


class DanishFirstLocaleMiddleware(LocaleMiddleware):
    """Danish unless the person chose English (cookie, set by the switch or at sign-in).

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a caseworker whose
    browser happens to be set to English would get an English portal they never asked for.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


NUL_MESSAGE = gettext_lazy("The request contains a NUL character (\\u0000), which is not allowed.")
BROKEN_FORM_MESSAGE = gettext_lazy("The form data could not be read.")


def _holds_nul(value) -> bool:
    """Whether a string, or any key or string inside parsed JSON, holds a NUL character."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def request_holds_nul(request) -> bool:
    """A NUL character in the path, the query string, a form field or a JSON body.

    No text the portal stores or looks up may hold one: PostgreSQL refuses it ("A string literal
    cannot contain NUL"), so it would end as a 500. Files (multipart uploads) may hold any byte
    and are not looked at (Django already takes NUL out of their names).
    """
    if "\x00" in request.path or any(
        _holds_nul(key) or _holds_nul(values) for key, values in request.GET.lists()
    ):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    if request.content_type == "application/json":
        body = request.body  # too big: Django answers 400, as it would in the view
        # JSON carries a NUL as an escape; only a body that has one is parsed here.
        if b"\\u0000" not in body and b"\x00" not in body:
            return False
        try:
            return _holds_nul(json.loads(body))
        except ValueError:
            return b"\x00" in body  # not JSON: the API answers that on its own
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        # An oversized form raises here as it would in the CSRF check (Django's 400); a broken
        # one (MultiPartParserError) is answered by the middleware.
        fields = request.POST
        return any(_holds_nul(key) or _holds_nul(values) for key, values in fields.lists())
    return False


class RefuseNulBytesMiddleware:
    """Refuses any request with a NUL character in its text, before anything reads it: 422 with
    the API's error shape under /api/, 400 with a Danish page elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            if not request_holds_nul(request):
                return self.get_response(request)
        except MultiPartParserError:
            # Read here first, a broken multipart body must not become a 500.
            return _refuse(request, status=400, message=BROKEN_FORM_MESSAGE)
        status = 422 if request.path.startswith("/api/") else 400
        return _refuse(request, status=status, message=NUL_MESSAGE)


def _refuse(request, *, status: int, message: str):
    """The API's error shape under /api/, a Danish page (400) elsewhere."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        text = str(message)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": text}, status=status)
        # Rendered without the request: the context processors would read the session.
        return HttpResponseBadRequest(render_to_string("400.html", {"message": text}))


class HealthCheckMiddleware:
    """Answers /healthz before the session and sign-in middleware run.

    Those read the database as soon as a session cookie is sent; with the database down they
    would answer 500 where the load balancer must see the health check's 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)


class QueueUnavailableMiddleware:
    """The last line when Redis is down: a 503 with a Danish explanation instead of a 500.

    The cache falls through to the database (portal/core/cache.py) and enqueues have their
    fallbacks (portal/core/queue.py); what still needs Redis and finds it gone ends here, so
    the person learns that the portal, not their input, is the problem, and to try again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RedisConnectionError | RedisTimeoutError):
            return None
        logger.error("Redis unreachable while answering %s", request.path, exc_info=exception)
        response = render(request, "core/service_unavailable.html", status=503)
        response["Retry-After"] = "60"
        return response
