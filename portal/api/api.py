"""The portal's JSON API, /api/v1/: every module's api.py router is mounted here, in one place.

Here too, in one place, the API's error contract: every error answers `{"detail": "<Danish
text>"}`, and a 422 for invalid input adds `errors` (each field and what is wrong with it).
The schema documents it for every operation (401, 422, and 400 where there is a body), and
says that no text may hold a NUL character (the middleware refuses such requests).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from portal.core.api import ErrorOut
from portal.core.api import router as core_router
from portal.evaluation.api import router as evaluation_router
from portal.events.api import router as events_router
from portal.forum.api import router as forum_router
from portal.partnership.api import router as partnership_router
from portal.register.api import router as register_router
from portal.search.api import router as search_router

from .auth import ApiTokenAuth

# No stored text may hold a NUL character (PostgreSQL refuses them); see RefuseNulBytesMiddleware.
NO_NUL_PATTERN = "^[^\\u0000]*$"
ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}


class PortalApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_error_contract(schema)


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def _forbid_nul(node, components: dict, seen: set) -> None:
    """Add NO_NUL_PATTERN to every free-text string of an input schema (in place)."""
    if isinstance(node, list):
        for item in node:
            _forbid_nul(item, components, seen)
        return
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if ref and ref.startswith("#/components/schemas/") and ref not in seen:
        seen.add(ref)
        _forbid_nul(components[ref.rsplit("/", 1)[1]], components, seen)
    if node.get("type") == "string" and not {"enum", "format", "pattern", "const"} & set(node):
        node["pattern"] = NO_NUL_PATTERN
    for key in ("properties", "items", "anyOf", "oneOf", "allOf", "additionalProperties"):
        child = node.get(key)
        if isinstance(child, dict) and key == "properties":
            for value in child.values():
                _forbid_nul(value, components, seen)
        elif child is not None:
            _forbid_nul(child, components, seen)


def document_error_contract(schema: dict) -> dict:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in error_schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    components.setdefault("ErrorOut", error_schema)
    seen: set = set()
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            if operation.get("security"):
                responses.setdefault("401", _error_response("No valid API token"))
            body = operation.get("requestBody")
            # Any request may be refused for a NUL byte, even one with no parameters at all.
            responses.setdefault("422", _error_response("Invalid input"))
            if body:
                responses.setdefault("400", _error_response("The body is not valid JSON"))
                for media in body.get("content", {}).values():
                    _forbid_nul(media.get("schema"), components, seen)
            for parameter in operation.get("parameters", []):
                _forbid_nul(parameter.get("schema"), components, seen)
    return schema


api = PortalApi(
    title="Samarbejdsportalen API",
    version="1",
    description=(
        "The JSON API of Samarbejdsportalen for integrations. Every endpoint needs a personal "
        "API token and shows exactly what the token's owner may see in the portal. Every error "
        'answers `{"detail": "<Danish text>"}`; a 422 for invalid input adds `errors`, each '
        "field and what is wrong with it. No text may contain a NUL character."
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


# ninja's own messages, in the Danish the portal's other errors are in.
NINJA_MESSAGES = {"Cannot parse request body": _lazy("The body is not valid JSON.")}


@api.exception_handler(HttpError)
def http_error(request, exc):
    detail = str(NINJA_MESSAGES.get(exc.message, exc.message))
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


# The name every view gives its body argument; ninja puts it in an error's place (body.payload.
# title), where it means nothing to a client.
BODY_ARGUMENT = "payload"


def _loc(loc) -> list:
    loc = list(loc)
    if loc[:2] == ["body", BODY_ARGUMENT]:
        del loc[1]
    return loc


def _field(loc: list) -> str:
    """The field as people name it: `title`, `page`, `dietary_note`; `body` for the body."""
    return ".".join(str(part) for part in loc[1:]) or str(loc[0] if loc else "body")


@api.exception_handler(ValidationError)
def invalid_input(request, exc):
    """422 in the one error shape: a Danish summary naming the fields, and the details."""
    errors = [
        {
            "loc": _loc(error.get("loc", ())),
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors
    ]
    fields = ", ".join(dict.fromkeys(_field(error["loc"]) for error in errors)) or "body"
    detail = _("The request is invalid: %(fields)s.") % {"fields": fields}
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


api.add_router("/", core_router)
api.add_router("/", forum_router)
api.add_router("/", search_router)
api.add_router("/", events_router)
api.add_router("/", partnership_router)
api.add_router("/", register_router)
api.add_router("/", evaluation_router)
