"""Reads of API tokens."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from portal.core.models import User

from .models import TOKEN_PREFIX, ApiToken, hash_token


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """The person's own tokens, revoked ones included (they show when a token stopped working)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def access_api_token(*, user: User, token_id: int) -> ApiToken:
    """The person's own token; 404 whether it is missing or someone else's."""
    return get_object_or_404(ApiToken, pk=token_id, user=user)


def api_token_for_key(*, key: str) -> ApiToken | None:
    """The live token for a presented key, with its owner and organisation, or None.

    Revoked tokens and owners who may not use the portal (inactive, not approved) give None.
    """
    if not key.startswith(TOKEN_PREFIX):
        return None
    return (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(
            key_hash=hash_token(key),
            revoked_at__isnull=True,
            user__is_active=True,
            user__approved_at__isnull=False,
        )
        .first()
    )
