"""What the debate keeps in the shared cache, and the version stamps that make it stale.

The thread list is the debate's busiest page and the same for every reader with the same
visibility (moderator or not, and which invitation-only networks they belong to). The page's
threads and the filter form's choices are cached per visibility, language and page (the page
itself is kept whole by core/kept_pages.py, the reader's read marks its holes). The cache is
dropped as a whole when anything shown in them changes: every save or delete of a thread, post,
topic or network bumps one version number. Personal filters ("only what I follow") are never
cached.

A thread page's facts are kept here too (docs/decisions/0053-one-round-trip.md): the thread's
row and its posts' order, shared by every reader (each request still asks the policy whether
this reader may read it); the reader's reactions and following; and the side panels' markup
for this reader, split at its CSRF token.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils.translation import get_language

from portal.core.cache import register_person_keys
from portal.core.kept_pages import kept_value, renew_on_change, stamp_missing, version_renew
from portal.core.models import RoleGrant, Topic

from . import access, selectors, services, signals
from .models import (
    Attachment,
    Network,
    NetworkMembership,
    Post,
    Reaction,
    Thread,
    ThreadFollow,
)

VERSION_KEY = "forum:thread-list:version"
# What a thread page shows besides threads and posts: reactions, attachments, the authors' roles
# (the jurist's tag). Thread pages kept whole (views._thread_page) are stale when either
# version is renewed; an author's new name shows within kept_pages.TIMEOUT.
THREAD_PAGE_VERSION_KEY = "forum:thread-page:version"
# The panels other modules add beside a thread (the hotline's, the guides'): renewed by those
# modules when their rows change (hotline/apps.py, guides/apps.py).
SIDE_PANELS_VERSION_KEY = "forum:thread-page:side-panels"
# What is kept of a thread's side panels for a person lives this long: time alone changes them
# (a hotline deadline passed).
SIDE_PANELS_TIMEOUT = 60
TIMEOUT = 300


def follows_version(user_id: int) -> str:
    """Renewed when the person follows or stops following a thread."""
    return f"forum:follows:{user_id}:version"


# --- A thread page's facts, kept (views._thread_page) ---------------------------------------


def thread_row_key(thread_id: int) -> str:
    return f"forum:thread-row:{thread_id}"


def thread_order_key(thread_id: int) -> str:
    return f"forum:thread-order:{thread_id}"


def thread_reader_key(user_id: int, thread_id: int) -> str:
    return f"forum:thread-reader:{user_id}:{thread_id}"


def side_panels_key(user_id: int, thread_id: int) -> str:
    return f"forum:side-panels:{user_id}:{thread_id}:{get_language()}"


def thread_page_keys(*, user_id: int, thread_id: int) -> tuple[str, ...]:
    """The cache keys a thread page reads for the person, to be read in one round trip."""
    return (
        thread_row_key(thread_id),
        thread_order_key(thread_id),
        thread_reader_key(user_id, thread_id),
        side_panels_key(user_id, thread_id),
        services.read_mark_key(user_id, thread_id),
    )


def readable_thread(*, user, thread_id: int):
    """selectors.thread_detail without related rows: the thread row kept while the debate's
    version holds, the policy's single check (access.thread_readable) on every request."""
    thread = kept_value(
        thread_row_key(thread_id),
        version=VERSION_KEY,
        compute=lambda: selectors.thread_row(thread_id=thread_id),
    )
    if thread is None or not access.thread_readable(user=user, thread=thread):
        raise Http404
    return thread


def thread_post_order(*, user, thread) -> list[tuple[int, int | None]]:
    """selectors.thread_post_order, kept while the debate's version holds (the order is the same
    for every reader: access.posts_in_place)."""
    return kept_value(
        thread_order_key(thread.pk),
        version=VERSION_KEY,
        compute=lambda: selectors.thread_post_order(user=user, thread=thread),
    )


def thread_of_the_reader(*, user, thread) -> tuple[bool, dict[int, frozenset]]:
    """selectors.thread_of_the_reader, kept while no reaction and none of the person's follows
    changed."""
    return kept_value(
        thread_reader_key(user.pk, thread.pk),
        version=(THREAD_PAGE_VERSION_KEY, follows_version(user.pk)),
        compute=lambda: selectors.thread_of_the_reader(user=user, thread=thread),
        # One per person and thread read: kept while they read on, not for the hour.
        timeout=TIMEOUT,
    )


def side_panels(*, user, thread, render) -> tuple[str, ...]:
    """The side panels' markup for this person and thread, split at its holes (the CSRF token):
    `render()` kept while the thread, roles and the panels' modules are unchanged, and at most
    SIDE_PANELS_TIMEOUT."""
    return kept_value(
        side_panels_key(user.pk, thread.pk),
        version=(VERSION_KEY, THREAD_PAGE_VERSION_KEY, SIDE_PANELS_VERSION_KEY),
        compute=render,
        timeout=SIDE_PANELS_TIMEOUT,
    )


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
    signature, the visit, the version stamps, the read marks of the list's first page), read
    with their session (core/cache.py)."""
    return (
        read_marks_key(user_id, "1"),
        VERSION_KEY,
        THREAD_PAGE_VERSION_KEY,
        SIDE_PANELS_VERSION_KEY,
        follows_version(user_id),
        reader_version(user_id),
        access.PRIVATE_NETWORKS_VERSION,
        access.networks_private_key(user_id),
        services.debate_visit_cache_key(user_id),
    )


def _follow_changed(sender, instance, **kwargs) -> None:
    version_renew(follows_version(instance.user_id))


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
    for action, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(_follow_changed, sender=ThreadFollow, dispatch_uid=f"forum-follow-{action}")
    renew_on_change(
        access.PRIVATE_NETWORKS_VERSION, Network, NetworkMembership, dispatch="forum-networks"
    )
