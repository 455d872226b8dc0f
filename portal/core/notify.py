"""How the content apps notify people without importing the notifications app above them.

The forum, guides, hotline and partnership decide who should hear of what; the notifications
app stores it (the bell, the batched emails) and checks each recipient against what they may
read. It sits above them (README, "Layout"), so it hands its writer to this port when it starts
(`NotificationsConfig.ready`). `notify` is then an ordinary call in the caller's transaction:
the same rows and the same queries as the direct call it replaces.

The kinds live here, below every app that names one: the content apps notify with them and the
digests app offers them as email choices.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Reply to a thread you follow")
    MENTION = "mention", _("Mention")
    NEW_THREAD = "new_thread", _("New thread in a topic you follow")
    ANSWER = "answer", _("Answer to your question")
    ANSWER_ACCEPTED = "answer_accepted", _("Your answer was accepted")
    QUESTION_FOR_YOU = "question_for_you", _("A question for you")
    HOTLINE_NEW = "hotline_new", _("New hotline question")
    HOTLINE_DEADLINE = "hotline_deadline", _("Hotline deadline approaching")
    HOTLINE_OVERDUE = "hotline_overdue", _("Hotline question overdue")
    NETWORK_ADDED = "network_added", _("Added to a network")
    GUIDE_REVIEW = "guide_review", _("Guide needs review")
    PARTNERSHIP_BELOW_GOAL = "partnership_below_goal", _("Timeliness of a fund below its goal")
    PARTNERSHIP_IMPORT_DONE = "partnership_import_done", _("Your partnership import has finished")
    REGISTER_ITEM_MOVED = "register_item_moved", _("A register item you reported or endorsed moved")
    REGISTER_ITEM_OVERDUE = (
        "register_item_overdue",
        _("A register item of your office is past its timeline"),
    )


# Kinds whose email the notifying app sends itself, with more than a bell line can say (a
# finished import's rows and errors): the bell's email round leaves them out, and they are no
# email choice in the person's settings.
SELF_MAILED_KINDS = frozenset({NotificationKind.PARTNERSHIP_IMPORT_DONE})


Notifier = Callable[..., list[Any]]

_notifier: Notifier | None = None


def notifier_register(notifier: Notifier) -> None:
    """Called once by the notifications app when it starts."""
    global _notifier
    _notifier = notifier


def notify(
    *,
    recipients: Iterable[Any],
    kind: NotificationKind,
    actor: Any = None,
    thread: Any = None,
    post: Any = None,
    network: Any = None,
    guide: Any = None,
    partnership_import: Any = None,
    register_item: Any = None,
    organisation: Any = None,
    period: Any = None,
) -> list[Any]:
    """Notify each recipient once (never the actor, never about a thread they may not read).

    Raises when no notifications app has registered: a notification must not vanish silently.
    """
    if _notifier is None:
        raise RuntimeError("No notifier registered: is portal.notifications installed?")
    return _notifier(
        recipients=recipients,
        kind=kind,
        actor=actor,
        thread=thread,
        post=post,
        network=network,
        guide=guide,
        partnership_import=partnership_import,
        register_item=register_item,
        organisation=organisation,
        period=period,
    )
