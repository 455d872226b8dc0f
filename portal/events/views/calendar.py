"""Calendars: one event as an .ics file, and the personal feed with its secret address."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from .. import calendar
from ..selectors import events_visible_to

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _ics_response(content: str, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS_CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_required
@require_safe
def event_ics(request, pk: int):
    """The event for one's calendar (METHOD:PUBLISH); a 404 for an event one may not see."""
    event = get_object_or_404(events_visible_to(user=request.user), pk=pk)
    return _ics_response(
        calendar.event_ics(event, method="PUBLISH"),
        filename=f"arrangement-{event.pk}.ics",
        attachment=True,
    )


def _feed_url(feed) -> str:
    return f"{settings.SITE_URL}{reverse('events:calendar_feed', args=[feed.token])}"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def calendar_feed_settings(request):
    """The personal feed's address, and a button that replaces it with a new one."""
    if request.method == "POST":
        calendar.calendar_feed_reset(request.user)
        messages.success(
            request,
            _(
                "Your calendar address has been replaced. The old address no longer works: "
                "add the new one to your calendar program."
            ),
        )
        return redirect("events:calendar_feed_settings")
    feed = calendar.calendar_feed_of(request.user)
    feed_url = _feed_url(feed)
    return render(
        request,
        "events/calendar_feed_settings.html",
        {
            "feed": feed,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        },
    )


@never_cache
@require_safe
def calendar_feed(request, token: str):
    """The feed itself, fetched by calendar programs without signing in: the token is the key.

    Never cached by anyone in between (the response is personal); an unknown or replaced
    token is a 404."""
    feed = calendar.calendar_feed_by_token(token)
    if feed is None:
        raise Http404
    calendar.calendar_feed_touch(feed)
    response = _ics_response(
        calendar.calendar_feed_ics(feed.user), filename="samarbejdsportalen.ics", attachment=False
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
