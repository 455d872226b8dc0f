"""Writes of notifications. Every notification is checked against what its recipient may see."""

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from portal.core.models import User
from portal.core.notify import SELF_MAILED_KINDS
from portal.forum import access
from portal.register import access as register_access

from . import selectors
from .models import Notification


@transaction.atomic
def notification_create_many(
    *,
    recipients: Iterable[User],
    kind: str,
    actor: User | None = None,
    thread=None,
    post=None,
    network=None,
    guide=None,
    partnership_import=None,
    register_item=None,
    organisation=None,
    period=None,
) -> list[Notification]:
    """Notify each recipient once; never the actor, never about a thread they may not read.
    A kind its app mails itself (SELF_MAILED_KINDS) is marked emailed at once: the email round
    has nothing left to do."""
    emailed_at = timezone.now() if kind in SELF_MAILED_KINDS else None
    seen: set[int] = set()
    people = []
    for recipient in recipients:
        if recipient is None or recipient.pk in seen:
            continue
        seen.add(recipient.pk)
        if actor is not None and recipient.pk == actor.pk:
            continue
        if not recipient.is_active:
            continue
        people.append(recipient)
    if thread is not None:
        # Who may read the thread is decided for all recipients at once (a fixed number of
        # queries, however many follow it), by the same rule as for one person.
        people = access.thread_readers(thread=thread, users=people)
    if register_item is not None:
        people = register_access.item_readers(item=register_item, users=people)
    notifications = [
        Notification(
            recipient=recipient,
            kind=kind,
            actor=actor,
            thread=thread,
            post=post,
            network=network,
            guide=guide,
            partnership_import=partnership_import,
            register_item=register_item,
            emailed_at=emailed_at,
            organisation=organisation,
            period=period,
        )
        for recipient in people
    ]
    created = Notification.objects.bulk_create(notifications)
    unread_count_forget(user_ids=[recipient.pk for recipient in people])
    return created


@transaction.atomic
def notification_mark_read(*, user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the person's own notifications read (all of them when no ids are given).

    Others' ids are ignored, so a guessed id changes nothing. Returns how many were unread.
    """
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    marked = unread.update(read_at=timezone.now())
    if marked:
        unread_count_forget(user_ids=[user.pk])
    return marked


def unread_count_forget(*, user_ids: Iterable[int]) -> None:
    """The bells of these people count again on their next page: at once, and again when the
    transaction commits (a page loaded in between may have cached the count before it)."""
    keys = [selectors.bell_count_cache_key(user_id) for user_id in user_ids]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
