"""The notification port: content apps notify through core; the notifications app writes."""

import pytest

from portal.core import notify as port
from portal.core.notify import NotificationKind, notify
from portal.notifications.models import Notification


def test_notify_writes_through_the_notifications_app(caseworker, colleague):
    created = notify(
        recipients=[colleague, caseworker], kind=NotificationKind.MENTION, actor=caseworker
    )

    assert [n.recipient for n in created] == [colleague]
    assert Notification.objects.get().kind == Notification.Kind.MENTION


def test_the_kinds_are_the_notification_model_s_kinds():
    assert Notification.Kind is NotificationKind


def test_notify_without_a_notifications_app_raises_rather_than_drop_the_notification(
    monkeypatch, caseworker
):
    monkeypatch.setattr(port, "_notifier", None)

    with pytest.raises(RuntimeError):
        notify(recipients=[caseworker], kind=NotificationKind.MENTION)
