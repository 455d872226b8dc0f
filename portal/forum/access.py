"""Who may read what in the debate: networks, threads and the posts in them. The one place.

A network's name and purpose are no secret; what is said in one by invitation is for its
members. A thread outside any network, or in an open one, is for everyone signed in; in a
network by invitation for its members. A hidden thread is for the moderators (core/rules.py,
"forum.moderate"); a merged one stays readable (its page points on to the thread it went into)
but is listed nowhere. A hidden post stays in its thread as a notice; its text and files are for
moderators only.

Every answer comes in the three forms of docs/decisions/0020-access-policy.md: a filter
(`threads_readable`), a check of one (`thread_readable`) and a bulk form (`thread_readers`). The
checks and the bulk forms share one function of the facts (`_thread_readable_given`); the
filters say the same in SQL, and forum/tests/test_access.py holds the two to each other for
every kind of person and thread.
"""

from collections.abc import Iterable

import rules
from django.db.models import Q, QuerySet

from portal.core.access import may_sign_in, nothing, roles_preload
from portal.core.kept_pages import kept_value
from portal.core.models import User

from .models import Network, NetworkMembership, Post, Thread

# --- Networks ----------------------------------------------------------------------------


def member_network_ids(*, user: User) -> QuerySet:
    """The networks the person is a member of, as a subquery."""
    return NetworkMembership.objects.filter(user_id=user.pk).values("network_id")


def member_network_ids_of(*, user_ids: Iterable[int]) -> dict[int, set[int]]:
    """The networks each of these people is a member of, in one query."""
    result: dict[int, set[int]] = {pk: set() for pk in user_ids}
    rows = NetworkMembership.objects.filter(user_id__in=list(result)).values_list(
        "user_id", "network_id"
    )
    for user_id, network_id in rows:
        result[user_id].add(network_id)
    return result


def networks_readable(*, user: User, prefix: str = "") -> Q:
    """Networks whose threads the person may read (and post in): open ones and their own."""
    if not may_sign_in(user):
        return nothing()
    return Q(**{f"{prefix}is_open": True}) | Q(**{f"{prefix}pk__in": member_network_ids(user=user)})


def network_readable(*, user: User, network: Network) -> bool:
    """networks_readable for one network: no query when it is open."""
    if not may_sign_in(user):
        return False
    if network.is_open:
        return True
    return NetworkMembership.objects.filter(network_id=network.pk, user_id=user.pk).exists()


def may_post_in_network(*, user: User, network: Network) -> bool:
    """Whoever may read a network may start a thread in it."""
    return network_readable(user=user, network=network)


def network_readable_with_membership(*, network: Network, membership) -> bool:
    """network_readable when the person's membership (or None) is already at hand."""
    return network.is_open or membership is not None


# Renewed whenever a network or a membership is saved or deleted (list_cache.connect): each
# reader's networks by invitation are then asked of the database again.
PRIVATE_NETWORKS_VERSION = "forum:private-networks:version"


def networks_private_key(user_id: int) -> str:
    return f"forum:private-networks:{user_id}"


def networks_private_of(*, user: User) -> list[int]:
    """The networks by invitation the person belongs to: with being a moderator, all that sets
    one reader's threads apart from another's (the thread list's cache is shared by those alike).
    Asked on every page of the debate (the signature), so kept in the shared cache with the
    request cache on (accounts/user_cache.py's setting) while no network or membership changed.
    """
    return kept_value(
        networks_private_key(user.pk),
        version=PRIVATE_NETWORKS_VERSION,
        compute=lambda: _networks_private_query(user=user),
    )


def _networks_private_query(*, user: User) -> list[int]:
    return list(
        NetworkMembership.objects.filter(user_id=user.pk, network__is_open=False)
        .order_by("network_id")
        .values_list("network_id", flat=True)
    )


def reader_signature(*, user: User) -> str:
    """Readers with the same signature may read exactly the same threads."""
    ids = ",".join(str(pk) for pk in networks_private_of(user=user))
    return f"{'m' if rules.has_perm('forum.moderate', user) else 'r'}:{ids}"


# --- Threads ------------------------------------------------------------------------------


def threads_readable(*, user: User, prefix: str = "") -> Q:
    """Threads the person may read. `prefix` lets other models filter through their relation to
    a thread ("thread__", "post__thread__")."""
    if not may_sign_in(user):
        return nothing()
    # One subquery of readable networks, not a join: the thread list can then walk its
    # ordering index and stop after a page (measured: 170 ms → under 1 ms at 100.000 threads).
    readable_networks = Network.objects.filter(networks_readable(user=user)).values("pk")
    visible = Q(**{f"{prefix}network__isnull": True}) | Q(
        **{f"{prefix}network_id__in": readable_networks}
    )
    if not rules.has_perm("forum.moderate", user):
        visible &= Q(**{f"{prefix}is_hidden": False})
    return visible


def _thread_readable_given(
    *, thread: Thread, network_is_open: bool, member_of: set[int] | None, moderator: bool
) -> bool:
    """The rule on facts already loaded; `member_of` is needed (not None) only when the thread
    is in a network by invitation."""
    if thread.is_hidden and not moderator:
        return False
    if thread.network_id is None or network_is_open:
        return True
    return member_of is not None and thread.network_id in member_of


def thread_readable(*, user: User, thread: Thread) -> bool:
    """threads_readable for one thread already in memory (no query if it is public)."""
    if not may_sign_in(user):
        return False
    moderator = rules.has_perm("forum.moderate", user) if thread.is_hidden else False
    network_is_open = thread.network_id is None or thread.network.is_open
    # A network by invitation: the person's, kept with the reader signature (no query then).
    member_of = None if network_is_open else set(networks_private_of(user=user))
    return _thread_readable_given(
        thread=thread, network_is_open=network_is_open, member_of=member_of, moderator=moderator
    )


def thread_readers(*, thread: Thread, users: Iterable[User]) -> list[User]:
    """Of these people, those who may read the thread: thread_readable for many at once.

    A fixed number of queries however many people: their roles (for a hidden thread) and
    memberships (for a thread in a network by invitation) are loaded for all of them together.
    """
    people = [user for user in users if may_sign_in(user) and user.pk]
    if not people:
        return []
    if thread.is_hidden:
        roles_preload(people)
    network_is_open = thread.network_id is None or thread.network.is_open
    members: set[int] = set()
    if not network_is_open:
        members = set(
            NetworkMembership.objects.filter(
                network_id=thread.network_id, user_id__in=[person.pk for person in people]
            ).values_list("user_id", flat=True)
        )
    member_of = {thread.network_id}
    return [
        person
        for person in people
        if _thread_readable_given(
            thread=thread,
            network_is_open=network_is_open,
            member_of=member_of if person.pk in members else set(),
            moderator=thread.is_hidden and rules.has_perm("forum.moderate", person),
        )
    ]


def thread_readable_by_reader(
    *, network_id: int | None, network_is_open: bool, reader_network_ids: set[int]
) -> bool:
    """The rule for a thread that is neither hidden nor merged (a digest's rows), when the
    reader's networks are already loaded (member_network_ids_of)."""
    return (network_id is None) or network_is_open or network_id in reader_network_ids


def threads_listed(*, user: User, prefix: str = "") -> Q:
    """Threads the person may read that are listed: not merged into another."""
    return threads_readable(user=user, prefix=prefix) & Q(**{f"{prefix}merged_into__isnull": True})


def threads_shown_everywhere(*, prefix: str = "") -> Q:
    """Threads that leave the forum at all (digests, the search index): not hidden, not merged.
    Which reader may then see one is still threads_readable's rule."""
    return Q(**{f"{prefix}is_hidden": False}) & Q(**{f"{prefix}merged_into__isnull": True})


def thread_shown_everywhere(*, thread: Thread) -> bool:
    return not thread.is_hidden and thread.merged_into_id is None


def threads_public(*, prefix: str = "") -> Q:
    """Threads every signed-in member may read, listed ones only: outside networks by
    invitation, not hidden, not merged (what a newsletter to all members may propose)."""
    return (
        Q(**{f"{prefix}network__isnull": True}) | Q(**{f"{prefix}network__is_open": True})
    ) & threads_shown_everywhere(prefix=prefix)


def thread_public(*, thread: Thread) -> bool:
    """threads_public for one thread in memory."""
    if not thread_shown_everywhere(thread=thread):
        return False
    return thread.network_id is None or thread.network.is_open


# --- Posts --------------------------------------------------------------------------------


def posts_shown(*, user: User | None = None, prefix: str = "") -> Q:
    """Posts whose text the person may read in a thread they may read: a hidden post's text is
    for moderators. Without a user: what everyone may read (digests, newsletters, search)."""
    if user is not None and rules.has_perm("forum.moderate", user):
        # Every post, said so that it can be combined with | (an empty Q() would vanish).
        return Q(**{f"{prefix}pk__isnull": False})
    return Q(**{f"{prefix}is_hidden": False})


def posts_in_place(*, user: User, prefix: str = "") -> Q:
    """Posts that take their place on the pages of a thread the person may read: every one. A
    hidden post stays where it was, as a notice (its text is posts_shown's rule), so that the
    page a post is on, and a link to it, are the same for every reader."""
    return Q(**{f"{prefix}pk__isnull": False})


def post_shown(*, user: User | None, post: Post) -> bool:
    """posts_shown for one post in memory."""
    if not post.is_hidden:
        return True
    return user is not None and rules.has_perm("forum.moderate", user)


# --- What the person may do with what they read -------------------------------------------


def can_edit_post(*, user: User, post: Post) -> bool:
    """Its author, and the moderators."""
    return bool(
        user.is_authenticated
        and ((post.author_id == user.pk) or rules.has_perm("forum.moderate", user))
    )


def can_accept_answer(*, user: User, thread: Thread) -> bool:
    """The question's author, and the moderators."""
    return bool(
        thread.is_question
        and user.is_authenticated
        and (thread.author_id == user.pk or rules.has_perm("forum.moderate", user))
    )
