"""The data of thread-list pages, shared by everyone who may read the same threads.

The thread list is the debate's busiest page and the same for every reader with the same
visibility (moderator or not, and which invitation-only networks they belong to). The page's
threads and the filter form's choices are cached per visibility, language and page, never the
markup: each request renders them itself, so anything added to the page for one reader cannot
be served to another from here. The cache is dropped as a whole when
anything shown in them changes: every save or delete of a thread, post, topic or network bumps
one version number. Personal filters ("only what I follow") are never cached.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from portal.core.cache import register_person_keys
from portal.core.kept_pages import renew_on_change, stamp_missing, version_renew
from portal.core.models import RoleGrant, Topic

from . import access, selectors, services, signals
from .models import Attachment, Network, NetworkMembership, Post, Reaction, Thread

VERSION_KEY = "forum:thread-list:version"
# What a thread page shows besides threads and posts: reactions, attachments, the authors' roles
# (the jurist's tag). Thread pages kept whole (views._thread_page) are stale when either
# version is renewed; an author's new name shows within kept_pages.TIMEOUT.
THREAD_PAGE_VERSION_KEY = "forum:thread-page:version"
TIMEOUT = 300


def cached_parts(*, user, page: str, parts: tuple[str, ...]) -> tuple[dict, dict, int]:
    """The cached data of each part that is still current, the keys, and the current version."""
    signature = access.reader_signature(user=user)
    keys = {part: f"forum:thread-list:{part}:{signature}:{get_language()}:{page}" for part in parts}
    found = cache.get_many([VERSION_KEY, *keys.values()])
    version = found.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(VERSION_KEY, version, None)
    current = {}
    for part, key in keys.items():
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            current[part] = entry[1]
    return current, keys, version


def store_parts(*, keys: dict, version: int, data: dict) -> None:
    cache.set_many({keys[part]: (version, value) for part, value in data.items()}, TIMEOUT)


def reader_version(user_id: int) -> str:
    """Renewed when the person's read marks move (signals.thread_read)."""
    return f"forum:reader:{user_id}:version"


def read_marks_key(user_id: int, page: str) -> str:
    return f"forum:thread-list:marks:{user_id}:{get_language()}:{page}"


def read_marks(*, user, page: str, threads: list, since) -> None:
    """selectors.thread_read_marks for a page of the shared list, kept per person and page
    while neither the debate (VERSION_KEY) nor the person's read marks changed, and their
    previous visit is the same. With the request cache off, always the query."""
    if not settings.PORTAL_REQUEST_CACHE:
        selectors.thread_read_marks(user=user, threads=threads, since=since)
        return
    key = read_marks_key(user.pk, page)
    found = cache.get_many([VERSION_KEY, reader_version(user.pk), key])
    stamp = (found.get(VERSION_KEY), found.get(reader_version(user.pk)), since)
    entry = found.get(key)
    ids = tuple(thread.pk for thread in threads)
    if None not in stamp[:2] and entry is not None and entry[0] == (stamp, ids):
        for thread in threads:
            thread.is_new, thread.unread_count = entry[1][thread.pk]
        return
    selectors.thread_read_marks(user=user, threads=threads, since=since)
    if stamp[1] is None:
        stamp = (stamp[0], stamp_missing(reader_version(user.pk)), since)
    if stamp[0] is not None:
        marks = {thread.pk: (thread.is_new, thread.unread_count) for thread in threads}
        cache.set(key, ((stamp, ids), marks), TIMEOUT)


def _reader_read(sender, user_id: int, **kwargs) -> None:
    version_renew(reader_version(user_id))


def invalidate(**kwargs) -> None:
    """Make every cached thread-list page stale (a new version, not a delete of many keys), and
    every page kept whole under this version (kept_pages.version_renew: again on commit)."""
    version_renew(VERSION_KEY)


def person_keys(user_id: int) -> tuple[str, ...]:
    """What the debate's pages read of the cache for the person on most requests (the reader's
    signature, the visit, the version stamps), read with their session (core/cache.py)."""
    return (
        VERSION_KEY,
        THREAD_PAGE_VERSION_KEY,
        reader_version(user_id),
        access.PRIVATE_NETWORKS_VERSION,
        access.networks_private_key(user_id),
        services.debate_visit_cache_key(user_id),
    )


def connect() -> None:
    register_person_keys(person_keys)
    for model in (Thread, Post, Topic, Network):
        post_save.connect(
            invalidate, sender=model, dispatch_uid=f"forum-list-save-{model.__name__}"
        )
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"forum-list-delete-{model.__name__}"
        )
    for signal in (signals.thread_changed, signals.answer_accepted, signals.post_created):
        signal.connect(invalidate, dispatch_uid=f"forum-list-{id(signal)}")
    renew_on_change(
        THREAD_PAGE_VERSION_KEY, Reaction, Attachment, RoleGrant, dispatch="forum-thread-page"
    )
    signals.thread_read.connect(_reader_read, dispatch_uid="forum-list-reader-read")
    renew_on_change(
        access.PRIVATE_NETWORKS_VERSION, Network, NetworkMembership, dispatch="forum-networks"
    )
