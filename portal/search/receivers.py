"""Hooks into other apps' writes: each notes what to reindex, and after commit the queue
indexes it (see indexing.py)."""

import threading
from collections import defaultdict

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.core.models import Organisation, User
from portal.core.queue import Fallback, enqueue
from portal.events.models import Event, EventSession
from portal.forum import signals as forum_signals
from portal.forum.models import Post, Thread
from portal.guides.models import Guide
from portal.register.models import RegisterItem

from .indexing import THREAD_FIELDS_NOT_INDEXED, USER_FIELDS_NOT_INDEXED
from .tasks import search_index

_state = threading.local()


def index_pending() -> None:
    """Hand everything noted in this transaction to the queue (runs after commit).

    If the queue cannot take it, the indexing runs here: a search that misses a new post is
    worse than a slower answer while Redis is down.
    """
    pending: dict[str, set[int]] = getattr(_state, "pending", None) or {}
    if not pending:
        return
    _state.pending = defaultdict(set)
    payload = {kind: sorted(ids) for kind, ids in pending.items() if ids}
    enqueue(search_index, payload, fallback=Fallback.INLINE)


def schedule(kind: str, object_id: int) -> None:
    """Note an object to index after the current transaction commits.

    Every note registers a callback, and the first to run hands everything noted to the
    queue, so the rest find nothing to do. Notes of a rolled-back transaction wait for the
    next commit, which indexes their objects as they are then (indexing is idempotent).
    """
    if not hasattr(_state, "pending"):
        _state.pending = defaultdict(set)
    _state.pending[kind].add(object_id)
    # robust: a failure to index is logged and must not fail the write that was committed.
    transaction.on_commit(index_pending, robust=True)


def _only(update_fields, fields: frozenset) -> bool:
    return bool(update_fields) and set(update_fields) <= fields


def thread_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and not _only(update_fields, THREAD_FIELDS_NOT_INDEXED):
        schedule("thread", instance.pk)


def thread_deleted(sender, instance, **kwargs):
    schedule("thread", instance.pk)


def thread_changed(sender, thread, **kwargs):
    """Moderation (hide, merge, move) may change replies without saving each of them."""
    schedule("thread_full", thread.pk)


def post_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule("post", instance.pk)


def post_deleted(sender, instance, **kwargs):
    schedule("post", instance.pk)


def post_changed(sender, post, **kwargs):
    schedule("post", post.pk)


def answer_accepted(sender, thread, **kwargs):
    schedule("thread", thread.pk)


def guide_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule("guide", instance.pk)


def user_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and not _only(update_fields, USER_FIELDS_NOT_INDEXED):
        schedule("person", instance.pk)


def user_deleted(sender, instance, **kwargs):
    schedule("person", instance.pk)


def expertise_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        schedule("person", instance.pk)
    else:
        for user_id in pk_set or ():
            schedule("person", user_id)


def organisation_saved(sender, instance, created=False, raw=False, **kwargs):
    """People are found by their organisation's name."""
    if raw or created:
        return
    for user_id in instance.members.values_list("pk", flat=True):
        schedule("person", user_id)


def event_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule("event", instance.pk)


def register_item_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule("register_item", instance.pk)


def event_session_changed(sender, instance, raw=False, **kwargs):
    """The programme's titles and descriptions are part of the event's document."""
    if not raw and instance.event_id:
        schedule("event", instance.event_id)


def connect() -> None:
    uid = "portal.search"
    post_save.connect(thread_saved, sender=Thread, dispatch_uid=f"{uid}.thread_saved")
    post_delete.connect(thread_deleted, sender=Thread, dispatch_uid=f"{uid}.thread_deleted")
    post_save.connect(post_saved, sender=Post, dispatch_uid=f"{uid}.post_saved")
    post_delete.connect(post_deleted, sender=Post, dispatch_uid=f"{uid}.post_deleted")
    post_save.connect(guide_changed, sender=Guide, dispatch_uid=f"{uid}.guide_saved")
    post_save.connect(
        register_item_changed, sender=RegisterItem, dispatch_uid=f"{uid}.register_item_saved"
    )
    post_delete.connect(
        register_item_changed, sender=RegisterItem, dispatch_uid=f"{uid}.register_item_deleted"
    )
    post_delete.connect(guide_changed, sender=Guide, dispatch_uid=f"{uid}.guide_deleted")
    post_save.connect(user_saved, sender=User, dispatch_uid=f"{uid}.user_saved")
    post_delete.connect(user_deleted, sender=User, dispatch_uid=f"{uid}.user_deleted")
    post_save.connect(
        organisation_saved, sender=Organisation, dispatch_uid=f"{uid}.organisation_saved"
    )
    m2m_changed.connect(
        expertise_changed, sender=User.expertise.through, dispatch_uid=f"{uid}.expertise"
    )
    forum_signals.thread_changed.connect(thread_changed, dispatch_uid=f"{uid}.thread_changed")
    forum_signals.post_edited.connect(post_changed, dispatch_uid=f"{uid}.post_edited")
    post_save.connect(event_changed, sender=Event, dispatch_uid=f"{uid}.event_saved")
    post_delete.connect(event_changed, sender=Event, dispatch_uid=f"{uid}.event_deleted")
    post_save.connect(
        event_session_changed, sender=EventSession, dispatch_uid=f"{uid}.event_session_saved"
    )
    post_delete.connect(
        event_session_changed, sender=EventSession, dispatch_uid=f"{uid}.event_session_deleted"
    )
    forum_signals.answer_accepted.connect(answer_accepted, dispatch_uid=f"{uid}.answer_accepted")
