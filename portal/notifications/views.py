"""The bell's list: read, open (which marks read) and mark everything read."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .presentation import notification_message, notification_target_url

NOTIFICATIONS_PER_PAGE = 25
UNREAD = "unread"


def _require_portal_member(user) -> None:
    if not rules.has_perm("core.use_portal", user):
        raise PermissionDenied


@login_required
@never_cache
def notification_list(request):
    _require_portal_member(request.user)
    unread_only = request.GET.get("show") == UNREAD
    notifications = selectors.notification_list_visible(user=request.user, unread_only=unread_only)
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {"notification": notification, "message": notification_message(notification)}
        for notification in page
    ]
    return render(
        request,
        "notifications/notification_list.html",
        {"page_obj": page, "items": items, "unread_only": unread_only, "unread_filter": UNREAD},
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def notification_open(request, notification_id: int):
    """Follow a notification: mark it read and go to what it is about."""
    _require_portal_member(request.user)
    notification = selectors.access_notification(user=request.user, notification_id=notification_id)
    services.notification_mark_read(user=request.user, notification_ids=[notification.pk])
    return redirect(notification_target_url(notification))


@login_required
@require_POST
def notification_mark_all_read(request):
    _require_portal_member(request.user)
    count = services.notification_mark_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:notification_list")
