"""The signed-in person's front page."""

from django.shortcuts import render

from portal.core import views as core_views
from portal.forum import services as forum_services

from . import selectors


def front_page(request):
    """What is new for the person; someone not signed in gets core's invitation to sign in."""
    if not request.user.is_authenticated:
        return core_views.front_page(request)
    since = forum_services.debate_visit_touch(user=request.user)
    return render(
        request, "home/front_page.html", selectors.front_page_for(user=request.user, since=since)
    )
