"""Bearer-token authentication for /api/v1/ (`Authorization: Bearer sp_…`)."""

from ninja.security import HttpBearer

from . import selectors, services


class ApiTokenAuth(HttpBearer):
    """Accepts a live token of an active, approved person and acts as that person.

    Everything an endpoint may show is then decided by request.user's permissions, exactly as
    in the browser: a token never sees more than its owner.
    """

    openapi_bearerFormat = "sp_…"
    openapi_description = (
        "A personal API token, created under Profile → API tokens (or with "
        "`manage.py create_api_token`), sent as `Authorization: Bearer <token>`."
    )

    def authenticate(self, request, token: str):
        api_token = selectors.api_token_for_key(key=token)
        if api_token is None:
            return None
        services.api_token_mark_used(token=api_token)
        request.user = api_token.user
        return api_token.user
