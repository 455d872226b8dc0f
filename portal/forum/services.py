"""Writes of the debate. Every text passes the CPR guard; every write checks who may make it."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

import rules
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.cpr import redact_cpr_numbers, validate_no_cpr_number
from portal.core.markdown import render_markdown
from portal.core.models import AuditEvent, Role, Topic, User
from portal.core.notify import NotificationKind, notify
from portal.core.services import audit_record

from . import access, signals
from .attachment_limits import attachment_limits_check
from .attachments import attachment_check
from .mentions import mention_link_source, mention_resolve
from .models import (
    Attachment,
    DebateVisit,
    Mention,
    Network,
    NetworkMembership,
    Post,
    PostRevision,
    Reaction,
    Report,
    Thread,
    ThreadFollow,
    ThreadReadState,
    TopicFollow,
)
from .selectors import can_moderate_network

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 50_000
_UNCHANGED = object()


# --- Guards ------------------------------------------------------------------------------


def _require_moderator(user: User) -> None:
    if not rules.has_perm("forum.moderate", user):
        raise PermissionDenied


def _check_texts(**texts: str) -> None:
    """Required, not too long and free of CPR numbers; all problems at once, by field."""
    errors: dict[str, list[ValidationError]] = {}
    for field, text in texts.items():
        text = text or ""
        limit = TITLE_MAX_LENGTH if field in ("title", "name") else BODY_MAX_LENGTH
        if not text.strip():
            errors.setdefault(field, []).append(
                ValidationError(_("This field is required."), code="required")
            )
        elif len(text) > limit:
            errors.setdefault(field, []).append(
                ValidationError(
                    _("The text is too long (at most %(limit)d characters)."),
                    code="too_long",
                    params={"limit": limit},
                )
            )
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors.setdefault(field, []).append(error)
    if errors:
        raise ValidationError(errors)


def _check_attachments(
    files: Iterable[UploadedFile], *, user: User, post: Post | None = None
) -> list:
    files = list(files or ())
    try:
        attachment_limits_check(user=user, files=files, post=post)
    except ValidationError as error:
        raise ValidationError({"attachments": [error]}) from error
    checked, errors = [], []
    for upload in files:
        try:
            checked.append(attachment_check(upload))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError({"attachments": errors})
    return checked


def _store_attachments(*, post: Post, checked: list, user: User) -> None:
    for item in checked:
        attachment = Attachment(
            post=post,
            uploaded_by=user,
            token=item.token,
            original_name=(item.upload.name or "bilag")[:255],
            content_type=item.content_type,
            size=item.size,
        )
        attachment.file.save(item.token, item.upload, save=False)
        attachment.save()


def _render(*, post: Post, thread: Thread) -> list[User]:
    """Render the post's Markdown with mention links; store who is mentioned."""
    people = mention_resolve(source=post.body, thread=thread)
    post.body_html = render_markdown(mention_link_source(source=post.body, people=people))
    return list({person.pk: person for person in people.values()}.values())


def _store_mentions(*, post: Post, people: list[User]) -> list[User]:
    """Replace the post's mentions; answer the people mentioned for the first time."""
    before = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    wanted = {person.pk for person in people}
    Mention.objects.filter(post=post).exclude(user_id__in=wanted).delete()
    Mention.objects.bulk_create(
        [Mention(post=post, user=person) for person in people if person.pk not in before]
    )
    return [person for person in people if person.pk not in before]


def _follow(*, user: User, thread: Thread) -> None:
    ThreadFollow.objects.get_or_create(user=user, thread=thread)


# --- What a person has read ---------------------------------------------------------------

# A visit ends after this long without a page; the next page starts a new one.
VISIT_GAP = timedelta(hours=1)
# last_seen_at is written at most this often, so that reading pages does not write on each one.
VISIT_SEEN_EVERY = timedelta(minutes=1)
# How long the shared cache keeps a person's visit (PORTAL_REQUEST_CACHE): a visit it has not
# seen for this long has ended anyway, and the next page writes the database.
VISIT_CACHE_SECONDS = int(VISIT_GAP.total_seconds())


def thread_read_record(*, user: User, thread: Thread, post_ids: Sequence[int]) -> None:
    """Remember the newest post the person was shown. Never back: an earlier page of a long
    thread, opened after a later one, leaves how far they read where it was. One UPDATE once
    the person has opened the thread before (an INSERT the first time).

    Not audited: like following a thread, it is the reader's own bookkeeping, not a change to
    the debate."""
    last_post_id = max(post_ids, default=None)
    now = timezone.now()
    if _read_mark_recorded(user=user, thread=thread, last_post_id=last_post_id, now=now):
        return
    changes: dict = {"last_read_at": now}
    if last_post_id is not None:
        changes["last_read_post_id"] = Greatest(Coalesce("last_read_post_id", 0), last_post_id)
    if not ThreadReadState.objects.filter(user_id=user.pk, thread_id=thread.pk).update(**changes):
        ThreadReadState.objects.bulk_create(
            [
                ThreadReadState(
                    user_id=user.pk,
                    thread_id=thread.pk,
                    last_read_post_id=last_post_id,
                    last_read_at=now,
                )
            ],
            update_conflicts=True,
            unique_fields=["user", "thread"],
            update_fields=["last_read_post", "last_read_at"],
        )
    # After the write: what is kept of the person's marks is renewed only once the new mark
    # can be read (a page built in between would be kept under the newest stamp).
    signals.thread_read.send(sender=ThreadReadState, user_id=user.pk)
    if settings.PORTAL_REQUEST_CACHE and last_post_id is not None:
        cache.set(read_mark_key(user.pk, thread.pk), (last_post_id, now), _READ_MARK_SECONDS)


# A thread page opened again within this time, showing no post past the person's mark, writes
# nothing (the mark cannot move; `last_read_at` is then up to this much older than the visit).
_READ_MARK_SECONDS = int(VISIT_SEEN_EVERY.total_seconds())


def read_mark_key(user_id: int, thread_id: int) -> str:
    return f"forum:read-mark:{user_id}:{thread_id}"


def _read_mark_recorded(*, user: User, thread: Thread, last_post_id, now: datetime) -> bool:
    """Whether this process may skip the write: the cache (request cache on) says the mark
    was written within _READ_MARK_SECONDS at or past `last_post_id`. Marks never move back,
    so the database's is at least as far."""
    if not settings.PORTAL_REQUEST_CACHE or last_post_id is None:
        return False
    recorded = cache.get(read_mark_key(user.pk, thread.pk))
    return bool(
        recorded
        and recorded[0] >= last_post_id
        and (now - recorded[1]).total_seconds() < _READ_MARK_SECONDS
    )


def debate_visit_cache_key(user_id: int) -> str:
    return f"forum:debate-visit:{user_id}"


def debate_visit_touch(*, user: User, now: datetime | None = None) -> datetime | None:
    """Note that the person is here; return when their previous visit was (None before their
    second visit: then nothing is "new since last time").

    With the request cache on, the person's row as last written is read from the shared cache
    (no query on most pages); the database is written exactly when it would be without the
    cache, and only if its row is still the one the cache holds, so a stale cache (another
    server wrote in between, or this one could not reach Redis) is never written back: that
    touch, and one that finds nothing in the cache, reads the row from the database."""
    now = now or timezone.now()
    if not settings.PORTAL_REQUEST_CACHE:
        return _debate_visit_touch_database(user_id=user.pk, now=now)[1]
    key = debate_visit_cache_key(user.pk)
    cached = cache.get(key)
    if cached is not None:
        last_seen_at, previous_visit_at = cached
        away = now - last_seen_at
        if away < VISIT_SEEN_EVERY:
            return previous_visit_at
        if away >= VISIT_GAP:
            previous_visit_at = last_seen_at
        written = DebateVisit.objects.filter(user_id=user.pk, last_seen_at=last_seen_at).update(
            last_seen_at=now, previous_visit_at=previous_visit_at
        )
        if written:
            cache.set(key, (now, previous_visit_at), VISIT_CACHE_SECONDS)
            return previous_visit_at
    seen = _debate_visit_touch_database(user_id=user.pk, now=now)
    cache.set(key, seen, VISIT_CACHE_SECONDS)
    return seen[1]


def _debate_visit_touch_database(
    *, user_id: int, now: datetime
) -> tuple[datetime, datetime | None]:
    """debate_visit_touch from the database: the row's (last_seen_at, previous_visit_at) as it
    is after this touch."""
    visit = DebateVisit.objects.filter(user_id=user_id).first()
    if visit is None:
        DebateVisit.objects.bulk_create(
            [DebateVisit(user_id=user_id, last_seen_at=now)], ignore_conflicts=True
        )
        return now, None
    away = now - visit.last_seen_at
    if away >= VISIT_SEEN_EVERY:
        if away >= VISIT_GAP:
            visit.previous_visit_at = visit.last_seen_at
        visit.last_seen_at = now
        DebateVisit.objects.filter(pk=visit.pk).update(
            last_seen_at=now, previous_visit_at=visit.previous_visit_at
        )
    return visit.last_seen_at, visit.previous_visit_at


# --- Threads and posts -------------------------------------------------------------------


@transaction.atomic
def thread_create(
    *,
    author: User,
    topic: Topic,
    title: str,
    body: str,
    kind: str = Thread.Kind.DISCUSSION,
    network: Network | None = None,
    addressed_to: User | None = None,
    attachments: Sequence[UploadedFile] = (),
) -> Thread:
    """A discussion or a question with its opening post; the author follows it from the start."""
    if kind not in Thread.Kind.values:
        raise ValidationError({"kind": _("Choose discussion or question.")})
    if network is not None and not access.may_post_in_network(user=author, network=network):
        raise PermissionDenied
    _check_texts(title=title, body=body)
    checked = _check_attachments(attachments, user=author)
    now = timezone.now()
    thread = Thread.objects.create(
        kind=kind,
        topic=topic,
        network=network,
        title=title.strip(),
        author=author,
        addressed_to=addressed_to,
        created_at=now,
        last_activity_at=now,
    )
    post = Post(
        thread=thread,
        author=author,
        is_opening=True,
        body=body,
        author_is_jurist=author.has_role(Role.JURIST),
        created_at=now,
    )
    mentioned = _render(post=post, thread=thread)
    post.save()
    _store_mentions(post=post, people=mentioned)
    _store_attachments(post=post, checked=checked, user=author)
    _follow(user=author, thread=thread)
    notified: set[int] = set()
    if mentioned:
        notify(
            recipients=mentioned,
            kind=NotificationKind.MENTION,
            actor=author,
            thread=thread,
            post=post,
        )
        notified.update(person.pk for person in mentioned)
    if addressed_to is not None and addressed_to.pk not in notified:
        notify(
            recipients=[addressed_to],
            kind=NotificationKind.QUESTION_FOR_YOU,
            actor=author,
            thread=thread,
            post=post,
        )
        notified.add(addressed_to.pk)
    topic_followers = User.objects.filter(topic_follows__topic=topic, is_active=True).exclude(
        pk__in=notified
    )
    notify(
        recipients=topic_followers,
        kind=NotificationKind.NEW_THREAD,
        actor=author,
        thread=thread,
        post=post,
    )
    signals.post_created.send(sender=Post, post=post)
    return thread


@transaction.atomic
def reply_create(
    *,
    author: User,
    thread: Thread,
    body: str,
    quoted_post: Post | None = None,
    attachments: Sequence[UploadedFile] = (),
) -> Post:
    """A reply; followers, the asker and the people mentioned hear of it, each once."""
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("network").get(pk=thread.pk)
    )
    if not access.thread_readable(user=author, thread=thread) or thread.merged_into_id:
        raise PermissionDenied
    if thread.is_closed and not rules.has_perm("forum.moderate", author):
        raise ValidationError(
            _("The thread is closed; new replies are not possible."), code="thread_closed"
        )
    if quoted_post is not None and quoted_post.thread_id != thread.pk:
        raise ValidationError({"quoted_post": _("Only posts of the same thread can be quoted.")})
    _check_texts(body=body)
    checked = _check_attachments(attachments, user=author)
    now = timezone.now()
    post = Post(
        thread=thread,
        author=author,
        body=body,
        quoted_post=quoted_post,
        author_is_jurist=author.has_role(Role.JURIST),
        created_at=now,
    )
    mentioned = _render(post=post, thread=thread)
    post.save()
    _store_mentions(post=post, people=mentioned)
    _store_attachments(post=post, checked=checked, user=author)
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    _follow(user=author, thread=thread)

    # One notification per person and post: a mention beats an answer, an answer beats a reply.
    notified = {person.pk for person in mentioned}
    if mentioned:
        notify(
            recipients=mentioned,
            kind=NotificationKind.MENTION,
            actor=author,
            thread=thread,
            post=post,
        )
    if thread.is_question and thread.author_id and thread.author_id not in notified:
        notify(
            recipients=[thread.author],
            kind=NotificationKind.ANSWER,
            actor=author,
            thread=thread,
            post=post,
        )
        notified.add(thread.author_id)
    followers = User.objects.filter(thread_follows__thread=thread, is_active=True).exclude(
        pk__in=notified
    )
    notify(
        recipients=followers, kind=NotificationKind.REPLY, actor=author, thread=thread, post=post
    )
    signals.post_created.send(sender=Post, post=post)
    return post


@transaction.atomic
def post_edit(
    *,
    post: Post,
    editor: User,
    body: str,
    title: str | None = None,
    attachments: Sequence[UploadedFile] = (),
) -> Post:
    """Change a post's text, keeping the old text as a revision everyone can read."""
    if not access.can_edit_post(user=editor, post=post):
        raise PermissionDenied
    thread = post.thread
    texts = {"body": body}
    if post.is_opening and title is not None:
        texts["title"] = title
    _check_texts(**texts)
    checked = _check_attachments(attachments, user=editor, post=post)
    now = timezone.now()
    if body != post.body:
        # The history keeps the old text, but never a CPR number written before the guard knew
        # the trick: the edit that removes the number would otherwise leave it in the history.
        PostRevision.objects.create(
            post=post, body=redact_cpr_numbers(post.body), edited_by=editor, created_at=now
        )
        post.body = body
        mentioned = _render(post=post, thread=thread)
        post.edited_at = now
        post.edit_count = F("edit_count") + 1
        post.save(update_fields=["body", "body_html", "edited_at", "edit_count"])
        post.refresh_from_db(fields=["edit_count"])
        new_people = _store_mentions(post=post, people=mentioned)
        if new_people:
            notify(
                recipients=new_people,
                kind=NotificationKind.MENTION,
                actor=editor,
                thread=thread,
                post=post,
            )
    if "title" in texts and title.strip() != thread.title:
        thread.title = title.strip()
        thread.save(update_fields=["title"])
    _store_attachments(post=post, checked=checked, user=editor)
    signals.post_edited.send(sender=Post, post=post)
    return post


@transaction.atomic
def answer_accept(*, thread: Thread, post: Post, by: User) -> Thread:
    if not access.can_accept_answer(user=by, thread=thread):
        raise PermissionDenied
    if post.thread_id != thread.pk or post.is_opening or post.is_hidden:
        raise ValidationError(
            _("Only a reply to the question can be accepted."), code="not_a_reply"
        )
    thread.accepted_answer = post
    thread.accepted_at = timezone.now()
    thread.accepted_by = by
    thread.save(update_fields=["accepted_answer", "accepted_at", "accepted_by"])
    if post.author_id:
        notify(
            recipients=[post.author],
            kind=NotificationKind.ANSWER_ACCEPTED,
            actor=by,
            thread=thread,
            post=post,
        )
    signals.answer_accepted.send(sender=Thread, thread=thread, post=post, by=by)
    return thread


@transaction.atomic
def answer_unaccept(*, thread: Thread, by: User) -> Thread:
    if not access.can_accept_answer(user=by, thread=thread):
        raise PermissionDenied
    thread.accepted_answer = None
    thread.accepted_at = None
    thread.accepted_by = None
    thread.save(update_fields=["accepted_answer", "accepted_at", "accepted_by"])
    return thread


@transaction.atomic
def reaction_toggle(*, post: Post, user: User, kind: str) -> bool:
    """Add or take back a "Thanks" or "Useful"; answers whether the reaction now stands."""
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Unknown reaction."), code="invalid")
    if post.author_id == user.pk:
        raise ValidationError(_("You cannot react to your own post."), code="own_post")
    deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.create(post=post, user=user, kind=kind)
    return True


# --- Following ---------------------------------------------------------------------------


@transaction.atomic
def thread_follow(*, thread: Thread, user: User) -> None:
    _follow(user=user, thread=thread)


@transaction.atomic
def thread_unfollow(*, thread: Thread, user: User) -> None:
    ThreadFollow.objects.filter(user=user, thread=thread).delete()


@transaction.atomic
def topic_follow(*, topic: Topic, user: User) -> None:
    TopicFollow.objects.get_or_create(user=user, topic=topic)


@transaction.atomic
def topic_unfollow(*, topic: Topic, user: User) -> None:
    TopicFollow.objects.filter(user=user, topic=topic).delete()


# --- Reports and moderation --------------------------------------------------------------


@transaction.atomic
def report_create(*, post: Post, reporter: User, reason: str) -> Report:
    _check_texts(reason=reason)
    return Report.objects.create(post=post, reporter=reporter, reason=reason.strip())


@transaction.atomic
def report_resolve(*, report: Report, by: User, resolution: str = "") -> Report:
    _require_moderator(by)
    validate_no_cpr_number(resolution)
    report.resolved_at = timezone.now()
    report.resolved_by = by
    report.resolution = resolution.strip()[:200]
    report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return report


def _post_set_hidden(*, post: Post, by: User, hidden: bool) -> Post:
    _require_moderator(by)
    changed = post.is_hidden != hidden
    post.is_hidden = hidden
    post.hidden_by = by if hidden else None
    post.hidden_at = timezone.now() if hidden else None
    post.save(update_fields=["is_hidden", "hidden_by", "hidden_at"])
    if changed:
        # A post has no title: the entry names it by its thread's.
        thread = Thread.objects.only("title").get(pk=post.thread_id)
        audit_record(
            action=AuditEvent.Action.POST_HIDDEN if hidden else AuditEvent.Action.POST_SHOWN,
            actor=by,
            target=post,
            target_label=thread.title,
            thread_id=post.thread_id,
        )
    return post


@transaction.atomic
def post_hide(*, post: Post, by: User) -> Post:
    return _post_set_hidden(post=post, by=by, hidden=True)


@transaction.atomic
def post_show(*, post: Post, by: User) -> Post:
    return _post_set_hidden(post=post, by=by, hidden=False)


def _thread_set(*, thread: Thread, by: User, action: str, **values) -> Thread:
    """Set the fields and record the action, when it changed anything, in the audit log."""
    _require_moderator(by)
    changed = any(getattr(thread, field) != value for field, value in values.items())
    for field, value in values.items():
        setattr(thread, field, value)
    thread.save(update_fields=list(values))
    if changed:
        audit_record(action=action, actor=by, target=thread)
    signals.thread_changed.send(sender=Thread, thread=thread)
    return thread


@transaction.atomic
def thread_hide(*, thread: Thread, by: User) -> Thread:
    return _thread_set(thread=thread, by=by, action=AuditEvent.Action.THREAD_HIDDEN, is_hidden=True)


@transaction.atomic
def thread_show(*, thread: Thread, by: User) -> Thread:
    return _thread_set(thread=thread, by=by, action=AuditEvent.Action.THREAD_SHOWN, is_hidden=False)


@transaction.atomic
def thread_close(*, thread: Thread, by: User) -> Thread:
    return _thread_set(thread=thread, by=by, action=AuditEvent.Action.THREAD_LOCKED, is_closed=True)


@transaction.atomic
def thread_reopen(*, thread: Thread, by: User) -> Thread:
    return _thread_set(
        thread=thread, by=by, action=AuditEvent.Action.THREAD_UNLOCKED, is_closed=False
    )


@transaction.atomic
def thread_pin(*, thread: Thread, by: User) -> Thread:
    return _thread_set(thread=thread, by=by, action=AuditEvent.Action.THREAD_PINNED, is_pinned=True)


@transaction.atomic
def thread_unpin(*, thread: Thread, by: User) -> Thread:
    return _thread_set(
        thread=thread, by=by, action=AuditEvent.Action.THREAD_UNPINNED, is_pinned=False
    )


def _place(topic: Topic | None, network: Network | None) -> dict:
    """Where a thread is, for the audit entry of a move: names as they were at the time."""
    return {
        "topic": topic.name if topic else None,
        "network": network.name if network else None,
    }


@transaction.atomic
def thread_move(
    *, thread: Thread, by: User, topic: Topic | None = None, network=_UNCHANGED
) -> Thread:
    """Move a thread to another topic and/or network (None: out of any network)."""
    _require_moderator(by)
    values = {}
    if topic is not None and topic.pk != thread.topic_id:
        values["topic"] = topic
    if network is not _UNCHANGED and getattr(network, "pk", None) != thread.network_id:
        values["network"] = network
    if not values:
        return thread
    before = _place(thread.topic, thread.network)
    for field, value in values.items():
        setattr(thread, field, value)
    thread.save(update_fields=list(values))
    after = _place(thread.topic, thread.network)
    audit_record(
        action=AuditEvent.Action.THREAD_MOVED,
        actor=by,
        target=thread,
        **{f"{key}_from": before[key] for key in values},
        **{f"{key}_to": after[key] for key in values},
    )
    signals.thread_changed.send(sender=Thread, thread=thread)
    return thread


@transaction.atomic
def thread_merge(*, source: Thread, target: Thread, by: User) -> Thread:
    """Move every post of `source` into `target`; the source's URL then leads to the target."""
    _require_moderator(by)
    if source.pk == target.pk or target.merged_into_id:
        raise ValidationError(_("Choose another thread to merge into."), code="invalid_target")
    Post.objects.filter(thread=source).update(thread=target, is_opening=False)
    for follow in ThreadFollow.objects.filter(thread=source):
        ThreadFollow.objects.get_or_create(user_id=follow.user_id, thread=target)
    replies = Post.objects.filter(thread=target, is_opening=False).count()
    latest = max(source.last_activity_at, target.last_activity_at)
    Thread.objects.filter(pk=target.pk).update(reply_count=replies, last_activity_at=latest)
    target.reply_count, target.last_activity_at = replies, latest
    source.merged_into = target
    source.accepted_answer = None
    source.save(update_fields=["merged_into", "accepted_answer"])
    audit_record(
        action=AuditEvent.Action.THREADS_MERGED,
        actor=by,
        target=source,
        into_thread_id=target.pk,
        into_thread=target.title,
    )
    signals.thread_changed.send(sender=Thread, thread=source)
    signals.thread_changed.send(sender=Thread, thread=target)
    return target


# --- Topics ------------------------------------------------------------------------------


def _require_topic_manager(user: User) -> None:
    if not rules.has_perm("forum.manage_topics", user):
        raise PermissionDenied


@transaction.atomic
def topic_create(*, by: User, name: str, slug: str, description: str = "") -> Topic:
    _require_topic_manager(by)
    _check_texts(name=name)
    validate_no_cpr_number(description)
    if Topic.objects.filter(slug=slug).exists() or Topic.objects.filter(name=name).exists():
        raise ValidationError({"name": _("A topic with this name already exists.")})
    return Topic.objects.create(name=name.strip(), slug=slug, description=description.strip())


@transaction.atomic
def topic_update(*, topic: Topic, by: User, name: str, description: str = "") -> Topic:
    _require_topic_manager(by)
    _check_texts(name=name)
    validate_no_cpr_number(description)
    if Topic.objects.filter(name=name).exclude(pk=topic.pk).exists():
        raise ValidationError({"name": _("A topic with this name already exists.")})
    topic.name = name.strip()
    topic.description = description.strip()
    topic.save(update_fields=["name", "description"])
    return topic


# --- Networks ----------------------------------------------------------------------------


@transaction.atomic
def network_create(
    *, by: User, name: str, slug: str, description: str = "", is_open: bool = True
) -> Network:
    """A network; the editor who makes it becomes its first moderator."""
    if not rules.has_perm("forum.manage_networks", by):
        raise PermissionDenied
    _check_texts(name=name)
    validate_no_cpr_number(description)
    if Network.objects.filter(slug=slug).exists() or Network.objects.filter(name=name).exists():
        raise ValidationError({"name": _("A network with this name already exists.")})
    network = Network.objects.create(
        name=name.strip(),
        slug=slug,
        description=description.strip(),
        is_open=is_open,
        created_by=by,
    )
    NetworkMembership.objects.create(
        network=network, user=by, role=NetworkMembership.Role.MODERATOR, added_by=by
    )
    return network


@transaction.atomic
def network_update(
    *, network: Network, by: User, name: str, description: str = "", is_open: bool = True
) -> Network:
    if not can_moderate_network(user=by, network=network):
        raise PermissionDenied
    _check_texts(name=name)
    validate_no_cpr_number(description)
    if Network.objects.filter(name=name).exclude(pk=network.pk).exists():
        raise ValidationError({"name": _("A network with this name already exists.")})
    network.name = name.strip()
    network.description = description.strip()
    network.is_open = is_open
    network.save(update_fields=["name", "description", "is_open"])
    return network


@transaction.atomic
def network_join(*, network: Network, user: User) -> NetworkMembership:
    if not network.is_open:
        raise ValidationError(
            _("This network is by invitation only; ask one of its moderators."), code="closed"
        )
    membership, _created = NetworkMembership.objects.get_or_create(network=network, user=user)
    return membership


@transaction.atomic
def network_leave(*, network: Network, user: User) -> None:
    NetworkMembership.objects.filter(network=network, user=user).delete()


@transaction.atomic
def network_member_add(
    *, network: Network, user: User, by: User, role: str = NetworkMembership.Role.MEMBER
) -> NetworkMembership:
    """Add a person (networks by invitation grow this way); they are told in the bell.
    Nobody adds themselves: a network by invitation is joined when invited."""
    if not can_moderate_network(user=by, network=network):
        raise PermissionDenied
    if user.pk == by.pk and not network.is_open:
        raise ValidationError(
            {"email": _("You cannot add yourself to a network by invitation.")}, code="self"
        )
    if not user.is_active:
        raise ValidationError({"email": _("This person is not active in the portal.")})
    try:
        with transaction.atomic():
            membership = NetworkMembership.objects.create(
                network=network, user=user, role=role, added_by=by
            )
    except IntegrityError:
        raise ValidationError(
            {"email": _("This person is already a member.")}, code="already_member"
        ) from None
    audit_record(
        action=AuditEvent.Action.NETWORK_MEMBER_ADDED,
        actor=by,
        subject_user=user,
        organisation=by.organisation,
        target=network,
        role=role,
    )
    notify(recipients=[user], kind=NotificationKind.NETWORK_ADDED, actor=by, network=network)
    return membership


@transaction.atomic
def network_member_remove(*, network: Network, user: User, by: User) -> None:
    if not can_moderate_network(user=by, network=network):
        raise PermissionDenied
    removed, _rows = NetworkMembership.objects.filter(network=network, user=user).delete()
    if removed:
        audit_record(
            action=AuditEvent.Action.NETWORK_MEMBER_REMOVED,
            actor=by,
            subject_user=user,
            organisation=by.organisation,
            target=network,
        )
