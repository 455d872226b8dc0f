"""Reads of the register. Readability is access.py's; every query here starts from it."""

import re

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from portal.core.models import Organisation, User

from . import access
from .models import (
    Endorsement,
    ItemAttachment,
    ItemChange,
    ItemComment,
    Office,
    RegisterItem,
    Status,
)


def items_visible(*, user: User) -> QuerySet[RegisterItem]:
    return (
        RegisterItem.objects.filter(access.items_readable(user=user))
        .select_related("responsible_office", "reporting_organisation")
        .annotate(endorsement_count=Count("endorsements", distinct=True))
    )


def item_get(*, user: User, pk: int) -> RegisterItem:
    item = items_visible(user=user).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


# --- The list's filters and their counts ----------------------------------------------------

# The filters of the list (and the exports): GET name → the item's field.
FILTER_FIELDS = {
    "section": "section",
    "main_topic": "main_topic",
    "office": "responsible_office__slug",
    "status": "status",
    "origin": "origin",
    "organisation": "reporting_organisation__slug",
}


def items_filtered(*, user: User, filters: dict) -> QuerySet[RegisterItem]:
    """The readable items narrowed by the list's filters (already cleaned by the form: empty
    values mean "any") and a free-text `q` over title, problem and sub topic."""
    items = items_visible(user=user)
    for name, field in FILTER_FIELDS.items():
        value = filters.get(name)
        if value not in (None, ""):
            items = items.filter(**{field: value})
    text = (filters.get("q") or "").strip()
    if text:
        items = items.filter(
            Q(title__icontains=text) | Q(problem__icontains=text) | Q(sub_topic__icontains=text)
        )
    return items.order_by("section", "main_topic", "pk")


def items_counts(*, items: QuerySet[RegisterItem]) -> dict[str, dict]:
    """How many of these items there are per status, section, main topic, origin and office:
    the list's facets, in one grouping query rather than one per value."""
    fields = ("status", "section", "main_topic", "origin", "responsible_office__name")
    rows = items.order_by().values(*fields).annotate(n=Count("pk", distinct=True))
    counts: dict[str, dict] = {name: {} for name in fields}
    for row in rows:
        for name in counts:
            counts[name][row[name]] = counts[name].get(row[name], 0) + row["n"]
    return counts


def offices_active() -> QuerySet[Office]:
    return Office.objects.filter(is_active=True).order_by("name")


def organisations_reporting() -> QuerySet[Organisation]:
    """The organisations that have reported an item (the list's organisation filter)."""
    return Organisation.objects.filter(register_items__isnull=False).distinct().order_by("name")


# --- One item's page ------------------------------------------------------------------------


def item_page(*, user: User, pk: int) -> RegisterItem:
    """The item with what its page shows, each list in one query."""
    items = (
        items_visible(user=user)
        .select_related("reported_by")
        .prefetch_related(
            Prefetch(
                "changes",
                queryset=ItemChange.objects.select_related("actor").order_by("created_at", "pk"),
            ),
            Prefetch(
                "endorsements", queryset=Endorsement.objects.select_related("user", "organisation")
            ),
            Prefetch(
                "comments", queryset=ItemComment.objects.select_related("author__organisation")
            ),
            Prefetch("attachments", queryset=ItemAttachment.objects.all()),
        )
    )
    item = items.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def attachment_get(*, user: User, item_pk: int, pk: int) -> ItemAttachment:
    """An attachment of an item the person may read, or 404."""
    item = item_get(user=user, pk=item_pk)
    attachment = ItemAttachment.objects.filter(item=item, pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


# --- Similar items while reporting ---------------------------------------------------------

SIGNIFICANT = re.compile(r"[^\W\d_]{4,}")
SIMILAR_MAX = 5


def significant_words(text: str) -> set[str]:
    """The words of four letters or more, lower-cased: what two titles must share to be alike."""
    return {word.lower() for word in SIGNIFICANT.findall(text or "")}


def items_similar(*, user: User, title: str, limit: int = SIMILAR_MAX) -> list[RegisterItem]:
    """Up to `limit` readable items whose titles share significant words with `title`, the
    most shared first (then the newest): the duplicates a reporter should endorse instead."""
    words = sorted(significant_words(title))[:12]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word)
    candidates = (
        RegisterItem.objects.filter(access.items_readable(user=user))
        .filter(condition)
        .only("pk", "title", "status")
        .order_by("-created_at", "-pk")[:200]
    )
    wanted = set(words)
    ranked = []
    for item in candidates:
        shared = len(wanted & significant_words(item.title))
        if shared:
            ranked.append((shared, item))
    ranked.sort(key=lambda pair: -pair[0])  # stable: the newest first among equals
    return [item for _shared, item in ranked[:limit]]


# --- The offices ---------------------------------------------------------------------------


def office_for_work_list(*, user: User, slug: str) -> Office:
    """The office whose work list the person may see (its members and the coordinators)."""
    office = Office.objects.filter(slug=slug).first()
    if office is None:
        raise Http404
    if not (access.may_triage(user=user) or access.is_office_member(user=user, office=office)):
        raise Http404
    return office


def office_work_list(*, user: User, office: Office) -> list[RegisterItem]:
    """The office's items not closed, those past their timeline first (the oldest due first),
    then those with a due day, then the rest."""
    items = list(
        items_visible(user=user)
        .filter(responsible_office=office)
        .exclude(status__in=CLOSED_STATUSES)
        .order_by(F("timeline_due").asc(nulls_last=True), "pk")
    )
    today = timezone.localdate()
    for item in items:
        item.is_overdue = item.timeline_due is not None and item.timeline_due < today
    return sorted(items, key=lambda item: not item.is_overdue)


CLOSED_STATUSES = (Status.HANDLED, Status.NOT_PURSUED)


def offices_all() -> QuerySet[Office]:
    return Office.objects.prefetch_related(
        Prefetch("members", queryset=User.objects.select_related("organisation").order_by("email"))
    ).order_by("name")


def office_member_choices() -> QuerySet[User]:
    """Who can be a member of an office: the approved people signed in to the portal."""
    return (
        User.objects.filter(is_active=True, approved_at__isnull=False)
        .select_related("organisation")
        .order_by("full_name", "email")
    )
