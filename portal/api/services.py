"""Writes of API tokens."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.core.models import AuditEvent, User
from portal.core.services import audit_record

from .models import DISPLAY_PREFIX_LENGTH, TOKEN_PREFIX, ApiToken, hash_token

# last_used_at is for people judging whether a token is still in use; minute precision is plenty
# and saves a database write on every API request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@transaction.atomic
def api_token_create(*, user: User, name: str, request=None) -> tuple[ApiToken, str]:
    """Create a token for `user`. Returns the token record and the full token, which is never
    stored and so can be shown only this once."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=key[:DISPLAY_PREFIX_LENGTH], key_hash=hash_token(key)
    )
    audit_record(
        action=AuditEvent.Action.TOKEN_CREATED,
        subject_user=user,
        request=request,
        token_id=token.pk,
        token_name=token.name,
        token_prefix=token.prefix,
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int, request=None) -> ApiToken:
    """Revoke one of `user`'s own tokens; ApiToken.DoesNotExist for anyone else's.

    Revoking twice is harmless and records nothing the second time.
    """
    token = ApiToken.objects.select_for_update().get(pk=token_id, user=user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            action=AuditEvent.Action.TOKEN_REVOKED,
            subject_user=user,
            request=request,
            token_id=token.pk,
            token_name=token.name,
            token_prefix=token.prefix,
        )
    return token


def api_token_mark_used(*, token: ApiToken) -> None:
    """Note that the token was used, at most once per LAST_USED_RESOLUTION.

    The conditional UPDATE makes concurrent requests write once between them, without a lock.
    """
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).exclude(
        last_used_at__gt=now - LAST_USED_RESOLUTION
    ).update(last_used_at=now)
    token.last_used_at = now
