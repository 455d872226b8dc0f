"""The portal's JSON API, /api/v1/: every module's api.py router is mounted here, in one place."""

from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from portal.core.api import router as core_router
from portal.events.api import router as events_router
from portal.forum.api import router as forum_router
from portal.search.api import router as search_router

from .auth import ApiTokenAuth

api = NinjaAPI(
    title="Samarbejdsportalen API",
    version="1",
    description=(
        "The JSON API of Samarbejdsportalen for integrations. Every endpoint needs a personal "
        "API token and shows exactly what the token's owner may see in the portal."
    ),
    urls_namespace="api-v1",
    auth=ApiTokenAuth(),
    # The interactive docs page loads Swagger UI from a CDN, which the portal's CSP forbids;
    # the OpenAPI schema itself (openapi.json) is served without a token.
    docs_url=None,
)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    """401 with the challenge header RFC 6750 asks for, so clients know to send a token."""
    response = api.create_response(request, {"detail": "Unauthorized"}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


api.add_router("/", core_router)
api.add_router("/", forum_router)
api.add_router("/", search_router)
api.add_router("/", events_router)
