"""Request middleware of the core app."""

import time

from allauth.usersessions.middleware import UserSessionsMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
