"""The notification email round: the bell's notifications, batched into one email per person.

Nobody gets a storm: a person's notifications wait PORTAL_NOTIFICATION_EMAIL_DELAY_MINUTES
after the oldest of them, then go out together in one email, coalesced per thread ("3 new
replies in «…»"), and a person gets at most one such email per delay window. Hotline deadline
warnings are the exception: a jurist must hear of them at once. What the person already read
under the bell, turned off in their email settings, or may no longer see is not mailed, nor a
hotline notification whose question another jurist has answered (or the asker withdrew) in the
meantime: the jurists' pending emails about it are settled unsent.

An email is enough on its own (as Discourse's are): each entry carries the full text of the
new posts (the sanitised HTML in the HTML part, the Markdown in the text part), and a hotline
question carries the question, the asker's organisation, the deadline and the reply address.

Every notification is dealt with exactly once: `emailed_at` is set in the same transaction that
writes the email to the outbox (with `email_delivery` for those that were mailed); the emails
are sent after commit, and what a killed worker or a dead SMTP server leaves, the outbox sweep
sends (docs/decisions/0014-durable-outbox.md). Notifications are claimed
with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite the transaction takes the
database's write lock before reading, so a second worker waits and then finds nothing left.
"""

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.email import OutgoingEmail, email_record_batch, email_render
from portal.core.mail_addresses import reply_address
from portal.core.models import EmailCategory, EmailDelivery, RoleGrant, User
from portal.core.outbox import email_deliver
from portal.digests.links import absolute, unsubscribe_url
from portal.digests.preferences import email_preferences_for, wants_email
from portal.forum.models import Post

from .models import Notification
from .presentation import notification_message, notification_target_url
from .selectors import notification_visible_q

TEMPLATE = "notifications/emails/notification_batch"
REFERENCE = "notifications"
# Kinds a jurist must hear of at once: they bypass the delay and the one-per-window limit.
URGENT_KINDS = (Notification.Kind.HOTLINE_DEADLINE, Notification.Kind.HOTLINE_OVERDUE)
# Kinds about a hotline case: news only while the case is open.
HOTLINE_KINDS = (Notification.Kind.HOTLINE_NEW, *URGENT_KINDS)
# Notifications older than this when the round first meets them are history, not news (a new
# deployment, or a queue that was down for days): they are marked, never mailed.
STALE_AFTER = timedelta(days=2)
# Recipients per transaction. The visibility check is one query with a clause per recipient,
# which keeps SQLite well below its expression depth limit.
CHUNK_SIZE = 50
ACTOR_NAMES_SHOWN = 3
# Relative links and images in a post's HTML (mentions, attachments) made absolute for email.
_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


@dataclass
class EmailPost:
    """One post, whole: who wrote it, when, and its text (HTML part and text part)."""

    author: str
    organisation: str
    created_at: str
    html: str
    text: str


@dataclass
class EmailHotline:
    """What a jurist needs to take a hotline question from the email alone."""

    organisation: str
    deadline: str


@dataclass
class EmailItem:
    """One entry of the email: a thread with everything new in it, or a single notification."""

    key: str
    heading: str
    url: str
    messages: list[str] = field(default_factory=list)
    actors: str = ""
    posts: list[EmailPost] = field(default_factory=list)
    hotline: EmailHotline | None = None
    reply_mailto: str = ""
    reply_address: str = ""


def _delay() -> timedelta:
    return timedelta(minutes=settings.PORTAL_NOTIFICATION_EMAIL_DELAY_MINUTES)


def recipients_due(*, now: datetime, after: int = 0, limit: int = CHUNK_SIZE) -> list[int]:
    """People whose notifications should be mailed now, in id order from `after` on.

    Due: the oldest un-emailed notification waited the delay and no notification email went to
    the person within the delay window; or an urgent notification waits.
    """
    cutoff = now - _delay()
    pending = Notification.objects.filter(emailed_at__isnull=True)
    waited = pending.filter(created_at__lte=cutoff).values("recipient_id")
    urgent = pending.filter(kind__in=URGENT_KINDS).values("recipient_id")
    recently_mailed = EmailDelivery.objects.filter(
        category=EmailCategory.NOTIFICATION, created_at__gt=cutoff, user_id__isnull=False
    ).values("user_id")
    due = (Q(pk__in=waited) & ~Q(pk__in=recently_mailed)) | Q(pk__in=urgent)
    return list(
        User.objects.filter(due, pk__gt=after).order_by("pk").values_list("pk", flat=True)[:limit]
    )


def notification_email_round(*, now: datetime | None = None) -> int:
    """Mail everyone whose notifications are due; returns the number of emails sent.

    Safe to run at any time and from several workers at once: what one run dealt with, the next
    does not touch.
    """
    now = now or timezone.now()
    sent = 0
    after = 0
    while True:
        user_ids = recipients_due(now=now, after=after)
        if not user_ids:
            return sent
        delivery_ids = _mail_chunk(user_ids=user_ids, now=now)
        email_deliver(delivery_ids)
        sent += len(delivery_ids)
        after = user_ids[-1]


def _claim(*, user_ids: list[int]) -> list[Notification]:
    """The pending notifications of `user_ids` that this worker now holds (in a transaction).

    A person some of whose notifications another worker holds is left to that worker, so
    nobody gets two emails about one batch.
    """
    pending = Notification.objects.filter(recipient_id__in=user_ids, emailed_at__isnull=True)
    if connection.features.has_select_for_update_skip_locked:
        locked_ids = list(
            pending.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)
        )
    else:
        # SQLite: a write statement takes the database's write lock for the whole transaction;
        # a concurrent round waits here and afterwards sees these notifications as dealt with.
        Notification.objects.filter(pk=0).update(emailed_at=None)
        locked_ids = list(pending.values_list("pk", flat=True))
    counts = dict(
        pending.values("recipient_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("recipient_id", "n")
    )
    notifications = list(
        Notification.objects.filter(pk__in=locked_ids)
        .select_related(
            "recipient",
            "recipient__organisation",  # the partnership's rule asks the reader's organisation
            "actor",
            "thread",
            "thread__topic",
            "thread__hotline_case",
            "thread__author__organisation",  # a hotline question names the asker's organisation
            "post",
            "post__author__organisation",
            "network",
            "guide",
            "partnership_import",
            "register_item",
            "organisation",
        )
        .defer("guide__body", "guide__body_html")
        .order_by("recipient_id", "created_at", "pk")
    )
    held: dict[int, int] = {}
    for notification in notifications:
        held[notification.recipient_id] = held.get(notification.recipient_id, 0) + 1
    complete = {uid for uid, n in held.items() if counts.get(uid) == n}
    return [n for n in notifications if n.recipient_id in complete]


def _load_roles(users: list[User]) -> None:
    """Fill each person's role cache in one query (the visibility rule asks about editors)."""
    roles: dict[int, set[str]] = {user.pk: set() for user in users}
    for user_id, role in RoleGrant.objects.filter(user_id__in=list(roles)).values_list(
        "user_id", "role"
    ):
        roles[user_id].add(role)
    for user in users:
        user.__dict__["role_names"] = frozenset(roles[user.pk])


def _visible_ids(*, notifications: list[Notification], users: list[User]) -> set[int]:
    """The notifications whose reader may still see what they are about, in one query."""
    clauses = Q(pk__in=[])
    for user in users:
        if user.is_active:
            clauses |= Q(recipient_id=user.pk) & notification_visible_q(user=user)
    return set(
        Notification.objects.filter(clauses, pk__in=[n.pk for n in notifications]).values_list(
            "pk", flat=True
        )
    )


@transaction.atomic
def _mail_chunk(*, user_ids: list[int], now: datetime) -> list[int]:
    """Claim one chunk of people's notifications, write their emails to the outbox and mark the
    notifications, in one transaction (a constant number of queries); the messages' ids.

    The caller sends them after commit; whatever it does not send (SMTP down, a worker
    killed), the outbox sweep does, so a notification email is never lost.
    """
    notifications = _claim(user_ids=user_ids)
    if not notifications:
        return []
    users = list({n.recipient_id: n.recipient for n in notifications}.values())
    _load_roles(users)
    visible = _visible_ids(notifications=notifications, users=users)
    preferences = email_preferences_for(user_ids=[u.pk for u in users])
    stale_before = now - STALE_AFTER

    to_mail: dict[int, list[Notification]] = OrderedDict()
    for notification in notifications:
        user = notification.recipient
        if (
            notification.pk in visible
            and notification.read_at is None  # already seen under the bell
            and not _hotline_settled(notification)
            and user.email
            and notification.created_at >= stale_before
            and wants_email(
                preference=preferences[user.pk],
                category=EmailCategory.NOTIFICATION,
                kind=notification.kind,
            )
        ):
            to_mail.setdefault(user.pk, []).append(notification)

    people = {u.pk: u for u in users}
    opening_posts = _opening_posts(to_mail.values())
    messages = [
        _outgoing(user=people[uid], notifications=batch, opening_posts=opening_posts)
        for uid, batch in to_mail.items()
    ]
    deliveries = email_record_batch(messages)
    delivery_of = {
        uid: delivery
        for uid, delivery in zip(to_mail, deliveries, strict=True)
        if delivery is not None
    }
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=now,
        email_delivery=Case(
            *[
                When(pk__in=[n.pk for n in to_mail[uid]], then=Value(delivery.pk))
                for uid, delivery in delivery_of.items()
            ],
            default=Value(None),
            output_field=IntegerField(),
        ),
    )
    return [delivery.pk for delivery in delivery_of.values()]


def _hotline_settled(notification: Notification) -> bool:
    """A hotline notification whose case is answered or withdrawn is no news any more: the
    jurist who answered has done it, and the others must not start on it."""
    if notification.kind not in HOTLINE_KINDS or notification.thread_id is None:
        return False
    case = getattr(notification.thread, "hotline_case", None)
    return case is not None and not case.is_open


def _opening_posts(batches) -> dict[int, Post]:
    """The opening post of each thread whose notifications carry no post (a hotline question),
    in one query for the whole chunk: its text is what the email must show."""
    threads_with_post: set[int] = set()
    thread_ids: set[int] = set()
    for batch in batches:
        for notification in batch:
            if notification.thread_id is None:
                continue
            thread_ids.add(notification.thread_id)
            if notification.post_id is not None:
                threads_with_post.add(notification.thread_id)
    wanted = thread_ids - threads_with_post
    if not wanted:
        return {}
    return {
        post.thread_id: post
        for post in Post.objects.filter(thread_id__in=wanted, is_opening=True).select_related(
            "author__organisation"
        )
    }


def _outgoing(
    *, user: User, notifications: list[Notification], opening_posts: dict[int, Post]
) -> OutgoingEmail:
    language = user.preferred_language or settings.LANGUAGE_CODE
    thread_ids = {n.thread_id for n in notifications}
    single_thread_id = notifications[0].thread_id if len(thread_ids) == 1 else None
    reply_to = (
        reply_address(user_id=user.pk, thread_id=single_thread_id)
        if single_thread_id and not notifications[0].thread.is_closed
        else None
    )

    # One signed link for the header and the body (two signings a second apart would differ).
    unsubscribe = unsubscribe_url(user_id=user.pk, category=EmailCategory.NOTIFICATION)

    def render(delivery: EmailDelivery):
        with translation.override(language):
            items = email_items(user=user, notifications=notifications, opening_posts=opening_posts)
            subject = email_subject(items=items, count=len(notifications))
        return email_render(
            TEMPLATE,
            {
                "delivery": delivery,
                "recipient": user,
                "subject": subject,
                "items": items,
                "preferences_url": absolute(reverse("digests:preferences")),
                "unsubscribe_url": unsubscribe,
            },
            language,
        )

    return OutgoingEmail(
        to=user.email,
        template=TEMPLATE,
        category=EmailCategory.NOTIFICATION,
        render=render,
        user_id=user.pk,
        reference=REFERENCE,
        reply_to=reply_to,
        unsubscribe_url=unsubscribe,
    )


def _email_post(post: Post) -> EmailPost:
    author = post.author
    return EmailPost(
        author=author.get_full_name() if author else _("Former user"),
        organisation=author.organisation.name if author and author.organisation_id else "",
        created_at=formats.date_format(timezone.localtime(post.created_at), "DATETIME_FORMAT"),
        html=_RELATIVE_URL.sub(lambda m: m.group(1) + absolute("/"), post.body_html),
        # The Markdown reads well as plain text; indented under its author line.
        text="\n".join(
            f"  {line}" if line.strip() else "" for line in post.body.strip().splitlines()
        ),
    )


def _posts(group: list[Notification], opening_posts: dict[int, Post]) -> list[EmailPost]:
    """The new posts of a thread's notifications, whole and in order (each once); for
    notifications about the thread itself, its opening post. Hidden posts stay out."""
    posts: list[Post] = []
    for notification in group:
        post = notification.post
        if post is not None and all(post.pk != seen.pk for seen in posts):
            posts.append(post)
    if not posts and group[0].thread_id in opening_posts:
        posts.append(opening_posts[group[0].thread_id])
    return [_email_post(post) for post in posts if not post.is_hidden and post.body_html]


def _hotline(group: list[Notification]) -> EmailHotline | None:
    if not any(n.kind in HOTLINE_KINDS for n in group):
        return None
    thread = group[-1].thread
    case = getattr(thread, "hotline_case", None)
    if case is None:
        return None
    author = thread.author
    return EmailHotline(
        organisation=author.organisation.name if author and author.organisation_id else "",
        deadline=formats.date_format(timezone.localtime(case.deadline), "DATETIME_FORMAT"),
    )


def _names(notifications: list[Notification]) -> str:
    """ "Mette Hansen, Karen Kollega and 2 others", newest first."""
    names: list[str] = []
    for notification in reversed(notifications):
        if notification.actor_id is None:
            continue
        name = notification.actor.get_full_name()
        if name not in names:
            names.append(name)
    if not names:
        return ""
    shown = ", ".join(names[:ACTOR_NAMES_SHOWN])
    rest = len(names) - ACTOR_NAMES_SHOWN
    if rest > 0:
        return ngettext("%(names)s and %(count)d other", "%(names)s and %(count)d others", rest) % {
            "names": shown,
            "count": rest,
        }
    return shown


def _thread_heading(notifications: list[Notification]) -> str:
    if len(notifications) == 1:
        return notification_message(notifications[0])
    title = notifications[-1].thread.title
    count = len(notifications)
    if all(n.kind == Notification.Kind.REPLY for n in notifications):
        return ngettext(
            "%(count)d new reply in «%(title)s»", "%(count)d new replies in «%(title)s»", count
        ) % {"count": count, "title": title}
    return ngettext(
        "%(count)d update in «%(title)s»", "%(count)d updates in «%(title)s»", count
    ) % {"count": count, "title": title}


def email_items(
    *,
    user: User,
    notifications: list[Notification],
    opening_posts: dict[int, Post] | None = None,
) -> list[EmailItem]:
    """The email's entries in the reader's language: one per thread, then the others."""
    by_thread: dict[int, list[Notification]] = OrderedDict()
    others: list[Notification] = []
    for notification in notifications:
        if notification.thread_id:
            by_thread.setdefault(notification.thread_id, []).append(notification)
        else:
            others.append(notification)
    items = []
    for thread_id, group in by_thread.items():
        latest = group[-1]
        thread = latest.thread
        messages = []
        if len(group) > 1 and any(n.kind != Notification.Kind.REPLY for n in group):
            for notification in group:
                message = notification_message(notification)
                if message not in messages:
                    messages.append(message)
        item = EmailItem(
            key=f"notification:{latest.pk}",
            heading=_thread_heading(group),
            url=notification_target_url(latest),
            messages=messages,
            actors=_names(group),
            posts=_posts(group, opening_posts or {}),
            hotline=_hotline(group),
        )
        if not thread.is_closed:
            address = reply_address(user_id=user.pk, thread_id=thread_id)
            subject = quote(_("Re: %(title)s") % {"title": thread.title})
            item.reply_address = address
            item.reply_mailto = f"mailto:{address}?subject={subject}"
        items.append(item)
    for notification in others:
        items.append(
            EmailItem(
                key=f"notification:{notification.pk}",
                heading=notification_message(notification),
                url=notification_target_url(notification),
            )
        )
    return items


def email_subject(*, items: list[EmailItem], count: int) -> str:
    if len(items) == 1:
        return items[0].heading
    return ngettext(
        "%(count)d new notification on Samarbejdsportalen",
        "%(count)d new notifications on Samarbejdsportalen",
        count,
    ) % {"count": count}
