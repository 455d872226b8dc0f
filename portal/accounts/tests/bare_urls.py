"""A bare view for the signed-in request's tests: what the middleware made of the person."""

from django.http import HttpResponse
from django.urls import include, path

from portal.core.context_processors import portal


def whoami(request):
    user = request.user
    if not user.is_authenticated:
        return HttpResponse("anonymous")
    return HttpResponse(f"{user.email}:{','.join(sorted(user.role_names))}")


def organisation(request):
    """The person's organisation as the header shows it."""
    return HttpResponse(request.user.organisation.name)


def navigation(request):
    """The modules and links the base page shows the person (core.context_processors.portal)."""
    shown = portal(request)
    names = [item["url_name"] for item in shown["portal_navigation"]]
    return HttpResponse(f"{','.join(names)}:{shown['can_administer']}")


urlpatterns = [
    path("bare/", whoami),
    path("bare/navigation/", navigation),
    path("bare/organisation/", organisation),
    # The rest of the portal, for the redirects the middleware sends (MFA set-up, sign-in).
    path("", include("config.urls")),
]
