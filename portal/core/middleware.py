"""Request middleware of the core app."""

import logging
import time

from allauth.usersessions.middleware import UserSessionsMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation

logger = logging.getLogger(__name__)

_SEEN_KEY = "portal_usersession_seen"
_SEEN_INTERVAL_SECONDS = 300


class ThrottledUserSessionsMiddleware(UserSessionsMiddleware):
    """allauth's session tracking, at most once per five minutes per session.

    allauth writes the session row on every request, which halved signed-in throughput in the
    benchmark; "last seen" to the minute is all the active-sessions page needs.
    """

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = time.time()
            if now - session.get(_SEEN_KEY, 0) < _SEEN_INTERVAL_SECONDS:
                return self.get_response(request)
            session[_SEEN_KEY] = now
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
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        if not isinstance(exception, RedisConnectionError | RedisTimeoutError):
            return None
        logger.error("Redis unreachable while answering %s", request.path, exc_info=exception)
        response = render(request, "core/service_unavailable.html", status=503)
        response["Retry-After"] = "60"
        return response
