"""The signed-in person's front page."""

from portal.core import views as core_views
from portal.core.kept_pages import render_kept
from portal.forum import list_cache
from portal.forum import services as forum_services

from . import kept, selectors


def front_page(request):
    """What is new for the person; someone not signed in gets core's invitation to sign in.
    Kept whole per person while nothing it shows has changed (home/kept.py)."""
    if not request.user.is_authenticated:
        return core_views.front_page(request)
    user = request.user
    since = forum_services.debate_visit_touch(user=user)
    return render_kept(
        request,
        "home/front_page.html",
        key=lambda: (user.pk, since),
        versions=(list_cache.VERSION_KEY, kept.MODULES_VERSION, kept.person_version(user.pk)),
        build=lambda keeping: (selectors.front_page_for(user=user, since=since), None),
        fill=lambda meta: {},
        params=frozenset(),
        timeout=kept.TIMEOUT,
    )
