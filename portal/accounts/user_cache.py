"""The signed-in person from the shared cache: no database query for them on most requests.

Django's AuthenticationMiddleware loads the person's row on every request, and the portal then
their roles (permission checks) and, for admins and coordinators, whether they have a TOTP
authenticator (RequireMfaMiddleware). That is three or four queries before any view runs. Here
the person, their roles and the TOTP answer are kept in the cache (Redis in production, shared
by every process and server), under a version token per person:

- every change to the person's row, role grants or authenticators sets a new random token
  (signals below, both at once and when the transaction commits), so the next request of any
  of their sessions, in any process, misses and loads them from the database again, which is
  where Django's own checks run: a deactivated person is signed out on their next request, a
  changed password ends the other sessions, a revoked role is gone;
- the token is read before the database, and an entry is stored with the token it was read
  under, so a load that races with a change can only store an entry nobody reads again;
- a missing token (evicted, or Redis emptied) gets a fresh random one, so an old entry can never
  match it; entries also expire after ENTRY_SECONDS, which bounds how long a change made while
  this process could not reach Redis (portal/core/cache.py falls through to the database cache)
  can go unseen.

The entry never holds the password hash: the person is stored with `password` deferred (read
from the database only if something asks for it, such as the change-password form) and with
the session auth hash computed from it, which is what each request's session is checked against
(django.contrib.auth.get_user does the same check). Anything that does not match takes Django's
own path, unchanged.
"""

import secrets

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.core.cache import DEFAULT_CACHE_ALIAS, cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.crypto import constant_time_compare

from portal.core.cache import person_keys, warm
from portal.core.context_processors import BASE_PAGE_FACTS, base_page_facts
from portal.core.models import Organisation, RoleGrant, User

ENTRY_SECONDS = 300
VERSION_SECONDS = 7 * 24 * 3600
_PREFIX = "accounts:user"


# Renewed when any organisation is saved or deleted: the entries hold the person's organisation
# (the header shows its name, policies read its kind), which their own token does not cover.
ORGANISATIONS_KEY = f"{_PREFIX}:organisations:version"


def _version_key(user_id) -> str:
    return f"{_PREFIX}:{user_id}:version"


def _entry_key(user_id) -> str:
    return f"{_PREFIX}:{user_id}:entry"


def user_cache_invalidate(user_id) -> None:
    """A new version for the person: every cached copy of them is stale from now on (and again
    when the current transaction commits, so no request can cache what it read before)."""
    if user_id is None:
        return

    def bump():
        cache.set(_version_key(user_id), secrets.token_hex(8), VERSION_SECONDS)

    bump()
    transaction.on_commit(bump)


def _current_version(user_id, found: dict) -> str:
    version = found.get(_version_key(user_id))
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(_version_key(user_id), version, VERSION_SECONDS):
            version = cache.get(_version_key(user_id)) or version
    return version


def needs_totp(user) -> bool:
    return bool(user.role_names.intersection(settings.PORTAL_MFA_REQUIRED_ROLES))


def has_totp(user) -> bool:
    """Whether the person has a TOTP authenticator; the cached answer when the cache gave it."""
    known = getattr(user, "portal_has_totp", None)
    if known is None:
        known = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        user.portal_has_totp = known
    return known


def _entry_for(user: User) -> dict:
    """What is cached: the person without their password hash or any related object."""
    copy = User(**{f.attname: getattr(user, f.attname) for f in User._meta.concrete_fields})
    copy._state.adding = False
    copy._state.db = user._state.db
    del copy.__dict__["password"]  # deferred: loaded from the database if anything asks
    if user.organisation_id:
        organisation = user.organisation
        kept = Organisation(
            **{
                f.attname: getattr(organisation, f.attname)
                for f in Organisation._meta.concrete_fields
            }
        )
        kept._state.adding = False
        kept._state.db = organisation._state.db
        copy._state.fields_cache["organisation"] = kept
    copy.__dict__["role_names"] = user.role_names
    if needs_totp(user):
        copy.__dict__["portal_has_totp"] = has_totp(user)
    # Decided by the row, roles and organisation alone, which renew the entry when they change.
    copy.__dict__[BASE_PAGE_FACTS] = base_page_facts(copy)
    return {"user": copy, "session_auth_hash": user.get_session_auth_hash()}


# Whose each session key is, as this process last saw it: a fact that never changes (signing in
# gives the session a new key, signing out deletes it), used only to ask the cache for the
# session and the person's entry in one round trip. A wrong or missing guess costs one more.
_SESSION_USERS: dict[str, int] = {}
_SESSION_USERS_MAX = 100_000
_PREFETCHED = "_portal_user_cache_found"


def prefetch(request) -> None:
    """The session and, when this process has seen the session before, the person's version and
    entry, in one round trip to the cache (with cached_db sessions in the default cache)."""
    if not settings.PORTAL_REQUEST_CACHE:
        return
    session = request.session
    session_key = session.session_key
    user_id = _SESSION_USERS.get(session_key) if session_key else None
    if (
        user_id is None
        or not isinstance(session, cached_db.SessionStore)
        or settings.SESSION_CACHE_ALIAS != DEFAULT_CACHE_ALIAS
        or hasattr(session, "_session_cache")
    ):
        return
    session_cache_key = session.cache_key
    # With what the person's pages read of the cache on most requests (a bell's count, the
    # debate's version stamps: core/cache.py person_keys), offered to those reads.
    offered = person_keys(user_id)
    found = warm(
        [
            session_cache_key,
            _version_key(user_id),
            _entry_key(user_id),
            ORGANISATIONS_KEY,
            *offered,
        ],
        offer=offered,
    )
    for key in offered:
        found.pop(key, None)
    data = found.pop(session_cache_key, None)
    if data is not None:
        session._session_cache = data  # what cached_db's load() would have read
    setattr(request, _PREFETCHED, (user_id, found))


def _remember_session(session_key, user_id) -> None:
    if not session_key:
        return
    if len(_SESSION_USERS) >= _SESSION_USERS_MAX:
        _SESSION_USERS.clear()
    _SESSION_USERS[session_key] = user_id


def get_user(request):
    """django.contrib.auth.get_user, answered from the cache when the cache has the person."""
    if not settings.PORTAL_REQUEST_CACHE:
        return auth.get_user(request)
    session = request.session
    try:
        user_id = User._meta.pk.to_python(session[auth.SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except (KeyError, ValueError, TypeError):
        return auth.get_user(request)
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return auth.get_user(request)
    prefetched = getattr(request, _PREFETCHED, None)
    if prefetched is not None and prefetched[0] == user_id:
        found = prefetched[1]
    else:
        found = cache.get_many([_version_key(user_id), _entry_key(user_id), ORGANISATIONS_KEY])
    version = _current_version(user_id, found)
    organisations = found.get(ORGANISATIONS_KEY)
    entry = found.get(_entry_key(user_id))
    if (
        entry is not None
        and entry.get("version") == version
        and entry.get("organisations") == organisations
    ):
        session_hash = session.get(HASH_SESSION_KEY)
        user = entry["user"]
        if (
            session_hash
            and user.is_active
            and constant_time_compare(session_hash, entry["session_auth_hash"])
        ):
            _remember_session(session.session_key, user_id)
            return user
    # Django's own path: the row from the database, the backend's checks (an inactive person is
    # nobody), the session hash with the fallback secrets, the session flushed on a mismatch.
    user = auth.get_user(request)
    if user.is_authenticated and user.is_active and user.pk == user_id:
        entry = _entry_for(user)
        entry["version"] = version
        entry["organisations"] = organisations
        cache.set(_entry_key(user_id), entry, ENTRY_SECONDS)
        _remember_session(session.session_key, user_id)
    return user


@receiver(post_save, sender=User, dispatch_uid="accounts-user-cache-user-saved")
@receiver(post_delete, sender=User, dispatch_uid="accounts-user-cache-user-deleted")
def _user_changed(sender, instance, **kwargs):
    user_cache_invalidate(instance.pk)


@receiver(post_save, sender=RoleGrant, dispatch_uid="accounts-user-cache-role-saved")
@receiver(post_delete, sender=RoleGrant, dispatch_uid="accounts-user-cache-role-deleted")
def _role_changed(sender, instance, **kwargs):
    user_cache_invalidate(instance.user_id)


@receiver(post_save, sender=Authenticator, dispatch_uid="accounts-user-cache-mfa-saved")
@receiver(post_delete, sender=Authenticator, dispatch_uid="accounts-user-cache-mfa-deleted")
def _authenticator_changed(sender, instance, **kwargs):
    user_cache_invalidate(instance.user_id)


@receiver(post_save, sender=Organisation, dispatch_uid="accounts-user-cache-organisation-saved")
@receiver(post_delete, sender=Organisation, dispatch_uid="accounts-user-cache-org-deleted")
def _organisation_changed(sender, instance, **kwargs):
    """Every entry is stale: each holds its person's organisation (a rename, a new kind)."""

    def bump():
        cache.set(ORGANISATIONS_KEY, secrets.token_hex(8), VERSION_SECONDS)

    bump()
    transaction.on_commit(bump)
