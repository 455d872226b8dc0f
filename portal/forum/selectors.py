"""Reads of the debate. Every read that lists or fetches threads goes through visibility here."""

import rules
from django.db.models import Q, QuerySet
from django.http import Http404

from portal.core.models import User

from .models import NetworkMembership, Thread


def network_ids_of(*, user: User) -> QuerySet:
    """The networks the person is a member of, as a subquery."""
    return NetworkMembership.objects.filter(user_id=user.pk).values("network_id")


def thread_visible_q(*, user: User, prefix: str = "") -> Q:
    """Who may read a thread: everyone signed in, unless it belongs to a network by invitation,
    whose threads only its members see. Hidden threads are for moderators only.

    `prefix` lets other models filter through their relation to a thread ("thread__").
    """
    if not (user and user.is_authenticated):
        return Q(pk__in=[])
    visible = (
        Q(**{f"{prefix}network__isnull": True})
        | Q(**{f"{prefix}network__is_open": True})
        | Q(**{f"{prefix}network_id__in": network_ids_of(user=user)})
    )
    if not rules.has_perm("forum.moderate", user):
        visible &= Q(**{f"{prefix}is_hidden": False})
    return visible


def thread_is_visible_to(*, user: User, thread: Thread) -> bool:
    """The same rule as thread_visible_q for one thread already in memory (no query if public)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if thread.is_hidden and not rules.has_perm("forum.moderate", user):
        return False
    if thread.network_id is None:
        return True
    if thread.network.is_open:
        return True
    return NetworkMembership.objects.filter(network_id=thread.network_id, user=user).exists()


def thread_list_visible(*, user: User) -> QuerySet[Thread]:
    return Thread.objects.filter(thread_visible_q(user=user), merged_into__isnull=True)


def access_thread(*, user: User, thread_id: int) -> Thread:
    """The thread if the person may read it; 404 whether it is missing or forbidden."""
    thread = (
        Thread.objects.filter(thread_visible_q(user=user), pk=thread_id)
        .select_related("topic", "network", "author__organisation", "accepted_answer")
        .first()
    )
    if thread is None:
        raise Http404
    return thread
