"""Reads of the directory: who works where, on what, and what they have contributed."""

from django.db.models import (
    BooleanField,
    CharField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Concat
from django.http import Http404

from portal.core.models import Organisation, Topic, User
from portal.core.text import Folded, fold_danish_query
from portal.forum import access
from portal.forum.models import Network, Post
from portal.guides import access as guide_access
from portal.guides.models import Guide

RECENT_ANSWERS = 10
OWNED_GUIDES = 20


def person_list_listed() -> QuerySet[User]:
    """Everyone the directory shows: active people whose account has been approved."""
    return User.objects.filter(is_active=True, approved_at__isnull=False)


def person_search(
    *,
    user: User,
    q: str = "",
    organisation: Organisation | None = None,
    organisation_kind: str = "",
    topic: Topic | None = None,
) -> QuerySet[User]:
    """People matching every word of `q` (name, email, title, organisation) and the filters.

    Words are compared folded (portal/core/text.py), so case, accents and Danish letters typed as
    "aa"/"oe"/"ae" do not matter on either database. Today every member may find every other;
    `user` (the asker) is in the signature so that a later rule needs no change in callers.
    """
    people = (
        person_list_listed()
        .select_related("organisation", "centre")
        .prefetch_related(Prefetch("expertise", queryset=Topic.objects.order_by("name")))
        .order_by("full_name", "email", "id")
    )
    words = [fold_danish_query(word) for word in q.split()]
    words = [word for word in words if word]
    if words:
        people = people.annotate(
            search_text=Folded(
                Concat(
                    "full_name",
                    Value(" "),
                    "email",
                    Value(" "),
                    "title",
                    Value(" "),
                    "organisation__name",
                    Value(" "),
                    "centre__name",
                    output_field=CharField(),
                )
            )
        )
        for word in words:
            people = people.filter(search_text__contains=word)
    if organisation is not None:
        people = people.filter(organisation=organisation)
    if organisation_kind:
        people = people.filter(organisation__kind=organisation_kind)
    if topic is not None:
        people = people.filter(expertise=topic)
    return people


def access_person(*, user: User, person_id: int) -> User:
    """A person listed in the directory, with organisation, centre and expertise; 404 otherwise."""
    person = (
        person_list_listed()
        .select_related("organisation", "centre")
        .prefetch_related(Prefetch("expertise", queryset=Topic.objects.order_by("name")))
        .filter(pk=person_id)
        .first()
    )
    if person is None:
        raise Http404
    return person


def person_recent_answer_list(
    *, viewer: User, person: User, limit: int = RECENT_ANSWERS
) -> list[Post]:
    """The person's latest replies in threads the viewer may read; accepted answers marked."""
    return list(
        Post.objects.filter(
            access.threads_listed(user=viewer, prefix="thread__"),
            access.posts_shown(),
            author=person,
            is_opening=False,
        )
        .select_related("thread", "thread__topic")
        .defer("body", "body_html")
        .annotate(
            is_accepted=ExpressionWrapper(
                Q(thread__accepted_answer_id=F("pk")), output_field=BooleanField()
            )
        )
        .order_by("-created_at", "-id")[:limit]
    )


def person_guide_list(*, person: User, limit: int = OWNED_GUIDES) -> list[Guide]:
    """Published guides the person owns (and so keeps up to date)."""
    return list(
        Guide.objects.filter(guide_access.guides_published(), owner=person)
        .select_related("topic")
        .defer("body", "body_html")
        .order_by("title", "id")[:limit]
    )


def person_network_list(*, viewer: User, person: User) -> list[Network]:
    """The person's networks that the viewer may know of: open ones and those they share."""
    return list(
        Network.objects.filter(memberships__user=person)
        .filter(access.networks_readable(user=viewer))
        .order_by("name")
        .distinct()
    )


def organisation_list_with_people() -> QuerySet[Organisation]:
    """Organisations for the directory's filter: only those with someone listed."""
    return Organisation.objects.filter(
        pk__in=person_list_listed().values("organisation_id")
    ).order_by("name")
