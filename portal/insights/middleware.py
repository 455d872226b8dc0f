"""Counts signed-in visits by channel: did the person come from an email or directly?

A visit is a session's first signed-in request of the day. The session remembers the day and
the channel it was counted for, so later requests that day cost nothing (the session is loaded
anyway for sign-in). A session already counted as direct that day that then arrives through a
link in an email (the click view marks the session) counts once more, as a visit from email;
the mark is used up, so the next day's visit is direct unless it starts from an email again.
"""

from django.utils import timezone

from .models import VISIT_CHANNEL_SESSION_KEY, VisitChannel
from .services import visit_record

COUNTED_SESSION_KEY = "insights_visit_counted"
API_PREFIX = "/api/"


class VisitCountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # An integration's API call is no person's visit, and a client that keeps no cookies
        # would otherwise leave a new session row behind on every call.
        if request.path_info.startswith(API_PREFIX):
            return response
        # After the view: the click view has marked the session, and a sign-in has set the user.
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated:
            return response
        today = timezone.localdate().isoformat()
        counted = session.get(COUNTED_SESSION_KEY)
        if counted == f"{today}:{VisitChannel.EMAIL.value}":
            return response
        from_email = session.get(VISIT_CHANNEL_SESSION_KEY) == VisitChannel.EMAIL
        channel = VisitChannel.EMAIL if from_email else VisitChannel.DIRECT
        if counted == f"{today}:{channel.value}":
            return response
        visit_record(channel=channel)
        session[COUNTED_SESSION_KEY] = f"{today}:{channel.value}"
        if from_email:
            del session[VISIT_CHANNEL_SESSION_KEY]
        return response
