"""Pages of search results, shared by the searches of readers who may see the same documents.

A search costs some 5–25 ms of queries and highlighting at a million documents; the same words
are searched again and again (paging back and forth, the same question asked by colleagues).
A page of results (SearchResults: the ranked, highlighted hits and the count) is cached per
reader signature, query, filters and page, never the markup: each request renders it itself.

The signature is the facts `selectors.document_visible_q` reads about the person (docs/
decisions/0048-search-at-scale.md): whether they may sign in and see events, whether they
manage events, their organisation (an event's audience by kind), the networks they belong to
(invitation-only threads; events for a network's members) and the events they organise. Readers
with the same signature see the same documents. The cache is dropped as a whole (a new version,
not a delete of many keys) when the index changes (indexing.index_objects / index_rebuild) and
when a network, an organisation or a topic is saved or deleted (a network opened or closed, an
organisation's kind changed: facts of the rule that are not the person's own; a topic's name
shown with a result).
"""

import hashlib
import time

import rules
from django.core.cache import cache
from django.db.models import IntegerField, Value
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.core.access import may_sign_in
from portal.core.cache import register_person_keys
from portal.core.kept_pages import kept_value, renew_on_change, version_renew
from portal.core.models import Organisation, Topic, User
from portal.events import access as events_access
from portal.events.models import Event
from portal.forum import access as forum_access
from portal.forum.models import Network, NetworkMembership

VERSION_KEY = "search:results:version"
# Renewed when any network membership or event organiser changes (connect below).
MEMBERSHIPS_VERSION = "search:memberships:version"
TIMEOUT = 300


def reader_signature(*, user: User) -> str:
    """Readers with the same signature may see exactly the same search documents. One query
    (the person's networks and organised events), or none while the request cache has it."""
    if not may_sign_in(user):
        return "none"
    networks, events = _memberships_cached(user=user)
    manages = "m" if user.approved_at and rules.has_perm("events.manage", user) else "r"
    approved = "a" if user.approved_at else "u"
    return f"{approved}{manages}:{user.organisation_id or 0}:{networks}:{events}"


def _memberships_cached(*, user: User) -> tuple[str, str]:
    """The person's networks and organised events, from the shared cache (with the request
    cache on) while no membership or organiser changed anywhere (MEMBERSHIPS_VERSION)."""
    return kept_value(
        _memberships_key(user.pk),
        version=MEMBERSHIPS_VERSION,
        compute=lambda: _memberships(user=user),
    )


def _memberships(*, user: User) -> tuple[str, str]:
    memberships = (
        forum_access.member_network_ids(user=user)
        .annotate(tag=Value(0, output_field=IntegerField()))
        .values_list("tag", "network_id")
    )
    organised = (
        events_access.events_organised_ids(user=user)
        .annotate(tag=Value(1, output_field=IntegerField()))
        .values_list("tag", "event_id")
    )
    ids = sorted(memberships.union(organised, all=True))
    networks = ",".join(str(pk) for tag, pk in ids if tag == 0)
    events = ",".join(str(pk) for tag, pk in ids if tag == 1)
    return networks, events


def _memberships_changed(**kwargs) -> None:
    version_renew(MEMBERSHIPS_VERSION)


def _key(signature: str, arguments: tuple) -> str:
    digest = hashlib.sha256(repr((signature, arguments)).encode()).hexdigest()[:32]
    return f"search:results:{digest}"


def lookup(*, user: User, arguments: tuple):
    """(the cached results or None, the key, the current version)."""
    key = _key(reader_signature(user=user), arguments)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(VERSION_KEY, version, None)
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1], key, version
    return None, key, version


def store(*, key: str, version: int, results) -> None:
    cache.set(key, (version, results), TIMEOUT)


def invalidate(**kwargs) -> None:
    """Make every cached page of results stale."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def _memberships_key(user_id: int) -> str:
    return f"search:memberships:{user_id}"


def person_keys(user_id: int) -> tuple[str, ...]:
    """What the search page reads of the cache for the person, read with their session."""
    return (VERSION_KEY, MEMBERSHIPS_VERSION, _memberships_key(user_id))


def connect() -> None:
    register_person_keys(person_keys)
    renew_on_change(MEMBERSHIPS_VERSION, NetworkMembership, Event, dispatch="search-memberships")
    m2m_changed.connect(
        _memberships_changed, sender=Event.organisers.through, dispatch_uid="search-organisers"
    )
    for model in (Network, Organisation, Topic):
        post_save.connect(
            invalidate, sender=model, dispatch_uid=f"search-results-save-{model.__name__}"
        )
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"search-results-delete-{model.__name__}"
        )
