"""Reads of guides and law references."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from portal.core import lawrefs
from portal.core.models import Role, User
from portal.forum import access
from portal.forum.models import Post, Thread

from . import access as guide_access
from .models import Guide, LawReference


def stale_q(*, today: date | None = None) -> Q:
    return Q(needs_review=True) | Q(review_by__lt=today or timezone.localdate())


def guide_list_visible(*, user: User, topic=None, stale_only: bool = False) -> QuerySet[Guide]:
    """Guides by topic; drafts (unpublished) only for editors."""
    guides = (
        Guide.objects.filter(guide_access.guides_readable(user=user))
        .select_related("topic", "owner")
        .order_by("topic__name", "title", "pk")
    )
    if topic is not None:
        guides = guides.filter(topic=topic)
    if stale_only:
        guides = guides.filter(stale_q())
    return guides


def access_guide(*, user: User, slug: str) -> Guide:
    """The guide if the person may read it; 404 if it is missing or a draft they may not see."""
    guide = (
        guide_list_visible(user=user)
        .select_related("source_thread__network", "created_by")
        .prefetch_related("law_references")
        .filter(slug=slug)
        .first()
    )
    if guide is None:
        raise Http404
    return guide


def guide_owner_candidates() -> QuerySet[User]:
    return (
        User.objects.filter(role_grants__role__in=[Role.EDITOR, Role.JURIST], is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


def law_reference_list() -> QuerySet[LawReference]:
    """Every cited law reference with how many guides and accepted answers rest on it."""
    accepted = Thread.objects.filter(accepted_answer__isnull=False).values("accepted_answer")
    return LawReference.objects.annotate(
        guide_count=Count("guides", distinct=True),
        answer_count=Count("cited_in_posts", filter=Q(cited_in_posts__in=accepted), distinct=True),
    ).order_by("law", "paragraph")


@dataclass(frozen=True)
class LawGroup:
    """One law on the laws page, with its cited paragraphs in numeric order."""

    abbreviation: str
    law: lawrefs.Law | None  # None for an abbreviation the portal no longer knows
    references: list[LawReference]


def law_reference_groups() -> list[LawGroup]:
    """The cited references by law (abbreviations alphabetically), each law's paragraphs in
    numeric order ("§ 2" before "§ 10", "§ 16 a" after "§ 16"), which the database's text
    ordering cannot give; one query."""
    by_law: dict[str, list[LawReference]] = {}
    for reference in law_reference_list():
        by_law.setdefault(reference.law, []).append(reference)
    return [
        LawGroup(
            abbreviation=abbreviation,
            law=lawrefs.LAWS_BY_ABBREVIATION.get(abbreviation),
            references=sorted(
                references, key=lambda ref: lawrefs.paragraph_sort_key(ref.paragraph)
            ),
        )
        for abbreviation, references in sorted(by_law.items())
    ]


def guides_needing_review() -> QuerySet[Guide]:
    return Guide.objects.filter(stale_q()).select_related("topic", "owner").order_by("review_by")


def guides_to_review_of(*, owner: User) -> QuerySet[Guide]:
    """The guides the person owns (and may read) that are due for review, most overdue first."""
    return (
        guide_list_visible(user=owner, stale_only=True)
        .filter(owner_id=owner.pk)
        .order_by("review_by", "pk")
    )


def answers_needing_review(*, user: User) -> QuerySet[Post]:
    """Accepted answers flagged by a law change, in threads the editor may read."""
    accepted = Thread.objects.filter(accepted_answer__isnull=False).values("accepted_answer")
    return (
        Post.objects.filter(
            access.threads_readable(user=user, prefix="thread__"),
            needs_review=True,
            pk__in=accepted,
        )
        .select_related("thread", "author")
        .order_by("thread__title", "pk")
    )


def guides_from_thread(*, thread: Thread, user: User) -> list[Guide]:
    """The guides made from a thread (one query), for the panel beside it."""
    guides = Guide.objects.filter(guide_access.guides_readable(user=user), source_thread=thread)
    return list(guides.only("title", "slug").order_by("title"))


def guide_ids_newly_stale(*, today: date) -> list[int]:
    return list(
        Guide.objects.filter(review_by__lt=today, stale_notified_at__isnull=True).values_list(
            "pk", flat=True
        )
    )


def law_references_prefetch() -> Prefetch:
    return Prefetch("law_references", queryset=LawReference.objects.order_by("law", "paragraph"))
