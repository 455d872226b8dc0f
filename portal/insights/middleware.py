"""Counts signed-in visits by channel: did the person come from an email or directly?

A visit is a session's first signed-in request. The session remembers which channel it was
counted for, so later requests cost nothing (the session is loaded anyway for sign-in). A
session first counted as direct that later arrives through a link in an email (the click view
marks the session) counts once more, as a visit from email.
"""

from portal.digests.views import VISIT_CHANNEL_SESSION_KEY

from .models import VisitChannel
from .services import visit_record

COUNTED_SESSION_KEY = "insights_visit_counted"


class VisitCountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # After the view: the click view has marked the session, and a sign-in has set the user.
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None:
            return response
        counted = session.get(COUNTED_SESSION_KEY)
        if counted == VisitChannel.EMAIL:
            return response
        channel = (
            VisitChannel.EMAIL
            if session.get(VISIT_CHANNEL_SESSION_KEY) == VisitChannel.EMAIL
            else VisitChannel.DIRECT
        )
        if counted == channel or not user.is_authenticated:
            return response
        visit_record(channel=channel)
        session[COUNTED_SESSION_KEY] = channel.value
        return response
