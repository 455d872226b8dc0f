"""Reads of notifications. What a person may no longer see is left out when read, not deleted:
a thread moved into a network by invitation, hidden by the editors or a hidden post."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import Http404

from portal.core.models import User
from portal.forum import access
from portal.partnership import access as partnership_access
from portal.register import access as register_access

from .models import Notification


def notification_visible_q(*, user: User) -> Q:
    """Notifications whose thread, post and network the person may still read."""
    visible = Q(thread__isnull=True) | access.threads_readable(user=user, prefix="thread__")
    visible &= Q(post__isnull=True) | access.posts_shown(user=user, prefix="post__")
    visible &= Q(network__isnull=True) | access.networks_readable(user=user, prefix="network__")
    visible &= Q(organisation__isnull=True) | partnership_access.funds_readable(
        user=user, prefix="organisation__"
    )
    visible &= Q(register_item__isnull=True) | register_access.items_readable(
        user=user, prefix="register_item__"
    )
    return visible


def notification_list_visible(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    """The person's notifications, newest first, with what their texts and links need."""
    notifications = (
        Notification.objects.filter(notification_visible_q(user=user), recipient=user)
        .select_related(
            "actor",
            "thread",
            "thread__topic",
            "thread__hotline_case",
            "network",
            "guide",
            "partnership_import",
            "register_item",
            "organisation",
        )
        .defer("guide__body", "guide__body_html")
        .order_by("-created_at", "-id")
    )
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications


# The bell counts no further: beyond it the badge says "99+", and the query stays cheap for
# someone with thousands of unread notifications (each is checked against the thread's rules).
UNREAD_COUNT_LIMIT = 100


def notification_unread_count(*, user: User, limit: int = UNREAD_COUNT_LIMIT) -> int:
    """The number on the bell, up to `limit`: one COUNT over the (recipient, read_at) index."""
    unread = Notification.objects.filter(
        notification_visible_q(user=user), recipient=user, read_at__isnull=True
    )
    return unread.order_by()[:limit].count()


# The bell's count is kept in the shared cache per person. The notification services forget it
# when the person gets a notification or reads one (services.unread_count_forget); what changes
# it from elsewhere (a thread hidden, moved or deleted, a network left) shows within this long.
BELL_COUNT_CACHE_SECONDS = 60


def bell_count_cache_key(user_id: int) -> str:
    return f"notifications:bell-count:{user_id}"


def notification_bell_count(*, user: User) -> int:
    """notification_unread_count for the bell on every page, from the cache while it has it."""
    if not settings.PORTAL_REQUEST_CACHE:
        return notification_unread_count(user=user)
    key = bell_count_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = notification_unread_count(user=user)
        cache.set(key, count, BELL_COUNT_CACHE_SECONDS)
    return count


def access_notification(*, user: User, notification_id: int) -> Notification:
    """The person's own notification, if they may still see what it is about; 404 otherwise."""
    notification = (
        Notification.objects.filter(notification_visible_q(user=user), recipient=user)
        .select_related("thread", "network", "guide", "partnership_import")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None:
        raise Http404
    return notification
