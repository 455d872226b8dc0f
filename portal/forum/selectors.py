"""Reads of the debate. Who may read what is forum/access.py's rule; every read here asks it."""

from datetime import datetime

import rules
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from portal.core.models import RoleGrant, Topic, User

from . import access
from .models import (
    Attachment,
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


def thread_list_visible(*, user: User) -> QuerySet[Thread]:
    return Thread.objects.filter(access.threads_listed(user=user))


def access_thread(*, user: User, thread_id: int) -> Thread:
    """The thread if the person may read it; 404 whether it is missing or forbidden."""
    thread = (
        Thread.objects.filter(access.threads_readable(user=user), pk=thread_id)
        .select_related(
            "topic", "network", "author__organisation", "accepted_answer", "hotline_case"
        )
        .first()
    )
    if thread is None:
        raise Http404
    return thread


# --- Networks ----------------------------------------------------------------------------


def can_moderate_network(*, user: User, network: Network) -> bool:
    """Its moderators; editors only an open one, so that nobody without an invitation can add
    themselves to a network by invitation (core/rules.py)."""
    if not (user and user.is_authenticated):
        return False
    return rules.has_perm("forum.moderate_network", user, network)


def network_list_for(*, user: User) -> QuerySet[Network]:
    """Every network (its name and purpose are no secret), with the person's membership."""
    return Network.objects.annotate(
        member_count=Count("memberships", distinct=True),
        is_member=Exists(NetworkMembership.objects.filter(network=OuterRef("pk"), user_id=user.pk)),
    ).order_by("name")


def networks_for_posting(*, user: User) -> QuerySet[Network]:
    return Network.objects.filter(access.networks_readable(user=user)).order_by("name")


def networks_for_posting_with_role(*, user: User) -> QuerySet[Network]:
    """networks_for_posting with the person's role in each (`my_role`; None when not a member)
    and the number of members, in one query however many networks there are."""
    mine = NetworkMembership.objects.filter(network=OuterRef("pk"), user_id=user.pk)
    members = (
        NetworkMembership.objects.filter(network=OuterRef("pk"))
        .order_by()
        .values("network")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return networks_for_posting(user=user).annotate(
        my_role=Subquery(mine.values("role")[:1]),
        member_count=Coalesce(Subquery(members[:1]), 0),
    )


def network_members(*, network: Network) -> QuerySet[NetworkMembership]:
    return (
        NetworkMembership.objects.filter(network=network)
        .select_related("user__organisation")
        .order_by("-role", "user__full_name", "user__email")
    )


def network_membership_of(*, network: Network, user: User) -> NetworkMembership | None:
    return NetworkMembership.objects.filter(network=network, user_id=user.pk).first()


# --- Threads -----------------------------------------------------------------------------


def thread_list(
    *,
    user: User,
    topic: Topic | None = None,
    kind: str | None = None,
    unanswered: bool = False,
    network: Network | None = None,
    followed: bool = False,
) -> QuerySet[Thread]:
    """Threads the person may read, newest activity first, pinned ones on top."""
    threads = thread_list_visible(user=user).select_related(
        "topic", "network", "author__organisation"
    )
    if topic is not None:
        threads = threads.filter(topic=topic)
    if kind:
        threads = threads.filter(kind=kind)
    if unanswered:
        threads = threads.filter(kind=Thread.Kind.QUESTION, accepted_answer__isnull=True)
    if network is not None:
        threads = threads.filter(network=network)
    if followed:
        threads = threads.filter(
            Q(pk__in=ThreadFollow.objects.filter(user_id=user.pk).values("thread_id"))
            | Q(topic_id__in=TopicFollow.objects.filter(user_id=user.pk).values("topic_id"))
        )
    return threads.order_by("-is_pinned", "-last_activity_at", "-id")


def unanswered_questions(*, user: User, topic: Topic | None = None) -> QuerySet[Thread]:
    """Open questions without an accepted answer, oldest first: the ones waiting longest."""
    return (
        thread_list(user=user, topic=topic, unanswered=True)
        .filter(is_closed=False)
        .order_by("reply_count", "created_at", "id")
    )


# --- What is new for the reader -----------------------------------------------------------


def _unread_posts(*, user: User, upto: OuterRef, thread: OuterRef) -> Coalesce:
    """The number of posts the person may read in `thread` after post `upto` (all of them when
    that post is gone)."""
    return Coalesce(
        Subquery(
            Post.objects.filter(
                access.posts_shown(user=user), thread_id=thread, pk__gt=Coalesce(upto, Value(0))
            )
            .order_by()
            .values("thread_id")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def thread_read_marks(*, user: User, threads, since: datetime | None) -> None:
    """Set on each thread `unread_count` (posts since the person last opened it; None when they
    never did) and `is_new` (never opened, started by someone else after `since`, the person's
    previous visit). One query however many threads: the list pages' rows may come from the
    shared cache, so the marks are added per request, not annotated in the cached query."""
    threads = list(threads)
    if not threads:
        return
    unread = dict(
        ThreadReadState.objects.filter(user_id=user.pk, thread_id__in=[t.pk for t in threads])
        .annotate(
            unread=_unread_posts(
                user=user, upto=OuterRef("last_read_post_id"), thread=OuterRef("thread_id")
            )
        )
        .values_list("thread_id", "unread")
    )
    for thread in threads:
        thread.unread_count = unread.get(thread.pk)
        thread.is_new = (
            thread.unread_count is None
            and since is not None
            and thread.created_at > since
            and thread.author_id != user.pk
        )


def threads_new_for(*, user: User, since: datetime | None) -> QuerySet[Thread]:
    """Threads the person follows (or whose topic they follow) with something new for them:
    posts since they last opened it (`unread_count`), or never opened and started after their
    previous visit. Newest activity first; annotated, so a page of them is one query."""
    read = ThreadReadState.objects.filter(user_id=user.pk, thread_id=OuterRef("pk"))
    # Only two small sets can hold something new: threads the person has opened (their read
    # marks) and threads started since their previous visit. Named first, they drive the query
    # through indexes; without them PostgreSQL checked every thread (107,776 at a million posts).
    candidates = ThreadReadState.objects.filter(user_id=user.pk).values("thread_id")
    if since is not None:
        candidates = candidates.union(
            Thread.objects.filter(created_at__gt=since).order_by().values("id")
        )
    threads = (
        thread_list(user=user, followed=True)
        .filter(pk__in=candidates)
        .annotate(has_read=Exists(read), read_upto=Subquery(read.values("last_read_post_id")[:1]))
        .annotate(
            unread_count=_unread_posts(user=user, upto=OuterRef("read_upto"), thread=OuterRef("pk"))
        )
    )
    new = Q(has_read=False) & ~Q(author_id=user.pk)
    new &= Q(created_at__gt=since) if since is not None else Q(pk__in=[])
    return threads.filter(Q(has_read=True, unread_count__gt=0) | new).order_by(
        "-last_activity_at", "-id"
    )


def questions_asked_by(*, user: User) -> QuerySet[Thread]:
    """The person's own questions, newest activity first, with whether one answer is accepted
    (`accepted_answer_id`) and how many replies they have (`reply_count`)."""
    return (
        thread_list_visible(user=user)
        .filter(author_id=user.pk, kind=Thread.Kind.QUESTION)
        .select_related("topic")
        .order_by("-last_activity_at", "-id")
    )


def unanswered_in_expertise(*, user: User) -> QuerySet[Thread]:
    """Open questions nobody has replied to yet in the topics the person knows (their
    expertise), by others, oldest first: the ones waiting longest."""
    return (
        unanswered_questions(user=user)
        .filter(reply_count=0, topic__in=user.expertise.values("pk"))
        .exclude(author_id=user.pk)
        .order_by("created_at", "id")
    )


def thread_row(*, thread_id: int) -> Thread | None:
    """The thread with its network (what the policy's single check reads), whoever asks: the
    caller checks access (list_cache.readable_thread keeps it and does)."""
    return Thread.objects.filter(pk=thread_id).select_related("network").order_by().first()


def thread_detail(*, user: User, thread_id: int) -> Thread:
    """access_thread plus what the thread page shows beside the posts. A thread page kept whole
    needs per request only the row and the policy's single check (list_cache.readable_thread):
    this filter's subquery cost ~5 ms of query building and the seven-table join 2 ms of
    planning."""
    thread = (
        Thread.objects.filter(access.threads_readable(user=user), pk=thread_id)
        .select_related(
            "topic",
            "network",
            "author__organisation",
            "addressed_to",
            "accepted_by",
            "hotline_case",
        )
        .first()
    )
    if thread is None:
        raise Http404
    return thread


def thread_post_ids(*, user: User, thread: Thread) -> list[int]:
    """The ids of the thread's posts in the order its pages show them: one small query.

    The accepted answer comes right after the question; posts hidden by an editor stay in
    place (access.posts_in_place), so a post is on the same page for every reader.
    """
    return [pk for pk, _author in thread_post_order(user=user, thread=thread)]


def thread_post_order(*, user: User, thread: Thread) -> list[tuple[int, int | None]]:
    """thread_post_ids with each post's author: (id, author id) in page order, one query."""
    rows = list(
        Post.objects.filter(access.posts_in_place(user=user), thread=thread)
        .order_by("created_at", "id")
        .values_list("id", "author_id")
    )
    accepted = thread.accepted_answer_id
    for index, row in enumerate(rows[1:], start=1):
        if row[0] == accepted:
            rows.insert(1, rows.pop(index))
            break
    return rows


def thread_post_position(*, user: User, post: Post) -> int:
    """Where the post is among its thread's posts as its pages show them (0 for the first)."""
    return thread_post_ids(user=user, thread=post.thread).index(post.pk)


def thread_post(*, user: User, thread: Thread, post_id: int) -> Post | None:
    """One post of a thread the person reads (None if it is not in this thread)."""
    return (
        Post.objects.filter(access.posts_in_place(user=user), thread=thread, pk=post_id)
        .select_related("author")
        .first()
    )


def thread_posts(*, user: User, thread: Thread, ids: list[int] | None = None) -> list[Post]:
    """The posts with these ids (a page of thread_post_ids; all of them without `ids`), in
    that order, with everything the page shows, in a fixed number of queries however many:
    authors with their organisation and roles (`author_role_grants`), attachments
    (`attachment_list`), reaction counts and the person's own reactions (`my_reactions`), and
    whether it is the accepted answer (`is_accepted`).
    Posts hidden by an editor are included (the page shows them as a notice for readers, with
    their text for moderators)."""
    if ids is None:
        ids = thread_post_ids(user=user, thread=thread)
    if not ids:
        return []
    by_id = {
        post.pk: post
        for post in Post.objects.filter(thread=thread, pk__in=ids).select_related(
            "author__organisation"
        )
    }
    # The authors' roles and the posts' attachments as dicts: one query each, and no query set
    # per post when the page reads them.
    grants: dict[int, list[RoleGrant]] = {}
    author_ids = {post.author_id for post in by_id.values() if post.author_id}
    for grant in RoleGrant.objects.filter(user_id__in=author_ids).order_by("role", "pk"):
        grants.setdefault(grant.user_id, []).append(grant)
    attachments: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(post_id__in=ids).order_by("pk"):
        attachments.setdefault(attachment.post_id, []).append(attachment)
    # The reactions of the page in one grouped query: how many of each kind, and the person's.
    counts: dict[tuple[int, str], int] = {}
    mine: dict[int, set[str]] = {}
    reactions = (
        Reaction.objects.filter(post_id__in=ids)
        .order_by()
        .values_list("post_id", "kind")
        .annotate(n=Count("pk"), own=Count("pk", filter=Q(user_id=user.pk)))
    )
    for post_id, kind, n, own in reactions:
        counts[(post_id, kind)] = n
        if own:
            mine.setdefault(post_id, set()).add(kind)
    posts = [by_id[pk] for pk in ids if pk in by_id]
    for post in posts:
        post.author_role_grants = grants.get(post.author_id, [])
        post.attachment_list = attachments.get(post.pk, [])
        post.thanks_count = counts.get((post.pk, Reaction.Kind.THANKS), 0)
        post.useful_count = counts.get((post.pk, Reaction.Kind.USEFUL), 0)
        post.my_reactions = mine.get(post.pk, set())
        post.is_accepted = post.pk == thread.accepted_answer_id
    return posts


def thread_of_the_reader(*, user: User, thread: Thread) -> tuple[bool, dict[int, frozenset]]:
    """Whether the person follows the thread, and the kinds of their own reactions per post of
    it: what a thread page kept whole (views._thread_page) needs of the reader. Two queries."""
    mine: dict[int, set] = {}
    rows = Reaction.objects.filter(user_id=user.pk, post__thread_id=thread.pk).values_list(
        "post_id", "kind"
    )
    for post_id, kind in rows:
        mine.setdefault(post_id, set()).add(kind)
    following = is_following_thread(user=user, thread=thread)
    return following, {post_id: frozenset(kinds) for post_id, kinds in mine.items()}


def post_with_reactions(*, user: User, post_id: int) -> Post:
    """One post with its reaction counts and the person's own reactions (for an htmx swap)."""
    post = Post.objects.annotate(
        thanks_count=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.THANKS)),
        useful_count=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.USEFUL)),
    ).get(pk=post_id)
    post.my_reactions = set(
        Reaction.objects.filter(post=post, user_id=user.pk).values_list("kind", flat=True)
    )
    return post


def is_following_thread(*, user: User, thread: Thread) -> bool:
    return ThreadFollow.objects.filter(user_id=user.pk, thread=thread).exists()


def is_following_topic(*, user: User, topic: Topic) -> bool:
    return TopicFollow.objects.filter(user_id=user.pk, topic=topic).exists()


def access_post(*, user: User, post_id: int) -> Post:
    """A post whose thread the person may read (404 otherwise)."""
    post = (
        Post.objects.filter(access.threads_readable(user=user, prefix="thread__"), pk=post_id)
        .select_related("thread__network", "thread__topic", "author")
        .first()
    )
    if post is None:
        raise Http404
    return post


def access_attachment(*, user: User, token: str) -> Attachment:
    """An attachment of a visible post; a hidden post's files are for moderators only."""
    attachment = (
        Attachment.objects.filter(
            access.threads_readable(user=user, prefix="post__thread__"), token=token
        )
        .select_related("post")
        .first()
    )
    if attachment is None:
        raise Http404
    if not access.post_shown(user=user, post=attachment.post):
        raise Http404
    return attachment


def post_revisions(*, post: Post) -> QuerySet[PostRevision]:
    return PostRevision.objects.filter(post=post).select_related("edited_by")


# --- Topics and reports ------------------------------------------------------------------


def topic_list_with_counts(*, user: User) -> QuerySet[Topic]:
    visible = thread_list_visible(user=user).filter(topic=OuterRef("pk"))
    return Topic.objects.annotate(
        thread_count=Coalesce(
            Subquery(visible.order_by().values("topic").annotate(n=Count("pk")).values("n")[:1]),
            0,
        ),
        is_followed=Exists(TopicFollow.objects.filter(topic=OuterRef("pk"), user_id=user.pk)),
    ).order_by("name")


def report_queue(*, resolved: bool = False) -> QuerySet[Report]:
    return (
        Report.objects.filter(resolved_at__isnull=not resolved)
        .select_related("post__thread", "post__author", "reporter", "resolved_by")
        .order_by("created_at" if not resolved else "-resolved_at", "id")
    )
