"""Reads of the newsletter: who gets it, what each reader sees, the archive and the figures."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.http import Http404
from django.utils import timezone

from portal.core.models import EmailDelivery, EmailSuppression, User
from portal.digests.models import EmailClick, EmailPreference
from portal.forum import access
from portal.forum.models import TopicFollow
from portal.guides import access as guide_access
from portal.insights.selectors import visits_by_channel

from .access import may_manage, require_manage
from .models import Newsletter, NewsletterItem, NewsletterRecipient
from .sources import Proposal, content_identity, content_search

# --- The editorial desk ------------------------------------------------------------------


def access_newsletter_for_editing(*, user: User, newsletter_id: int) -> Newsletter:
    """The newsletter for an editor; 403 for others, 404 when it does not exist."""
    require_manage(user)
    newsletter = (
        Newsletter.objects.select_related("segment_topic", "created_by", "sent_by")
        .filter(pk=newsletter_id)
        .first()
    )
    if newsletter is None:
        raise Http404
    return newsletter


def last_sent_contents() -> set[tuple]:
    """What the last sent newsletter carried (sources.content_identity), so that a new draft
    does not propose it again."""
    last = (
        Newsletter.objects.filter(status=Newsletter.Status.SENT, sent_at__isnull=False)
        .order_by("-sent_at", "-pk")
        .values("pk")[:1]
    )
    return {
        content_identity(kind=kind, thread_id=thread_id, guide_id=guide_id, url=url)
        for kind, thread_id, guide_id, url in NewsletterItem.objects.filter(
            newsletter_id__in=last
        ).values_list("kind", "thread_id", "guide_id", "url")
    }


@dataclass
class Addable:
    proposal: Proposal
    added: bool


def addable_content(*, newsletter: Newsletter, query: str) -> list[Addable]:
    """The editor's search box: public threads, guides and events by title (sources.py),
    each marked when the newsletter already carries it."""
    carried = {
        content_identity(kind=kind, thread_id=thread_id, guide_id=guide_id, url=url)
        for kind, thread_id, guide_id, url in newsletter.items.values_list(
            "kind", "thread_id", "guide_id", "url"
        )
    }
    return [
        Addable(proposal=proposal, added=proposal.identity in carried)
        for proposal in content_search(query)
    ]


def newsletter_items(*, newsletter: Newsletter) -> QuerySet[NewsletterItem]:
    return newsletter.items.select_related("thread__network", "guide").order_by("position", "pk")


def _delivery_count(reference, **filters) -> Coalesce:
    deliveries = (
        EmailDelivery.objects.filter(reference=reference, **filters)
        .order_by()
        .values("reference")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(deliveries, output_field=IntegerField()), 0)


def _recipients_done_count() -> Coalesce:
    """Recipients of the round whose copy is through: left the outbox (sent, or failed for
    good) or skipped at send time (turned off, left: handled without a copy)."""
    done = (
        NewsletterRecipient.objects.filter(newsletter_id=OuterRef("pk"), handled_at__isnull=False)
        .filter(
            Q(delivery__isnull=True)
            | Q(delivery__status__in=[EmailDelivery.Status.SENT, EmailDelivery.Status.FAILED])
        )
        .order_by()
        .values("newsletter_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(done, output_field=IntegerField()), 0)


def newsletter_list_for_editors(*, user: User) -> QuerySet[Newsletter]:
    """Drafts, scheduled and sent newsletters with their figures, in one query; a round being
    sent with how many of its recipients are through (`done_count` of `recipient_count`)."""
    require_manage(user)
    reference = Concat(Value("newsletter:"), Cast(OuterRef("pk"), CharField()))
    return (
        Newsletter.objects.select_related("created_by", "sent_by")
        .annotate(
            item_count=Count("items", distinct=True),
            sent_count=_delivery_count(reference, status=EmailDelivery.Status.SENT),
            opened_count=_delivery_count(reference, opened_at__isnull=False),
            clicked_count=_delivery_count(reference, clicked_at__isnull=False),
            done_count=_recipients_done_count(),
        )
        .order_by("-created_at", "-pk")
    )


def newsletter_ids_sending(*, stalled_before) -> list[tuple[int, bool]]:
    """Newsletters in "sending", each with whether it made no progress since `stalled_before`."""
    return [
        (pk, updated_at < stalled_before)
        for pk, updated_at in Newsletter.objects.filter(
            status=Newsletter.Status.SENDING
        ).values_list("pk", "updated_at")
    ]


# --- Recipients --------------------------------------------------------------------------


def newsletter_recipients(*, newsletter: Newsletter) -> QuerySet[User]:
    """The people the newsletter goes to: active, approved members of the chosen segment who
    have not turned the newsletter off and whose address has not bounced for good."""
    people = User.objects.filter(is_active=True, approved_at__isnull=False).exclude(email="")
    if newsletter.segment == Newsletter.Segment.ORGANISATION_KIND:
        people = people.filter(organisation__kind=newsletter.segment_organisation_kind)
    elif newsletter.segment == Newsletter.Segment.TOPIC_FOLLOWERS:
        people = people.filter(
            pk__in=TopicFollow.objects.filter(topic_id=newsletter.segment_topic_id).values(
                "user_id"
            )
        )
    opted_out = EmailPreference.objects.filter(newsletter=False).values("user_id")
    suppressed = EmailSuppression.objects.filter(
        address__iexact=OuterRef("email"), suppressed_at__isnull=False
    )
    return people.exclude(pk__in=opted_out).exclude(Exists(suppressed)).order_by("pk")


def newsletter_recipient_count(*, newsletter: Newsletter) -> int:
    return newsletter_recipients(newsletter=newsletter).count()


def items_visible_to(*, items: list[NewsletterItem], user: User) -> list[NewsletterItem]:
    """The items this reader may open: a thread that has since gone into a network by
    invitation or been hidden is left out of their copy, as is an unpublished guide."""
    return items_visible_to_many(items=items, users=[user])[user.pk]


def items_visible_to_many(
    *, items: list[NewsletterItem], users: list[User]
) -> dict[int, list[NewsletterItem]]:
    """items_visible_to for many readers at once: each reader's items by their id, in a fixed
    number of queries per thread item however many readers there are."""
    readers_of = {
        item.pk: {person.pk for person in access.thread_readers(thread=item.thread, users=users)}
        for item in items
        if item.thread_id is not None
    }
    return {
        person.pk: [
            item
            for item in items
            if (item.thread_id is None or person.pk in readers_of[item.pk])
            and (item.guide_id is None or guide_access.guide_published(guide=item.guide))
        ]
        for person in users
    }


# --- The archive -------------------------------------------------------------------------


def newsletter_archive() -> QuerySet[Newsletter]:
    return Newsletter.objects.filter(status=Newsletter.Status.SENT).order_by("-sent_at", "-pk")


def access_sent_newsletter(*, user: User, newsletter_id: int) -> Newsletter:
    """A sent newsletter's web version; drafts only for editors (404 for anyone else)."""
    newsletter = Newsletter.objects.filter(pk=newsletter_id).first()
    if newsletter is None or (newsletter.status != Newsletter.Status.SENT and not may_manage(user)):
        raise Http404
    return newsletter


# --- Figures -----------------------------------------------------------------------------


@dataclass
class ItemFigures:
    item: NewsletterItem
    clicks: int
    people: int


@dataclass
class NewsletterFigures:
    sent: int
    failed: int
    # Copies not written yet, or waiting in the outbox (being sent, or retried after a failure).
    pending: int
    opened: int
    clicked: int
    items: list[ItemFigures]
    # Clicks on "read the newsletter on the portal" (item key "web").
    web_clicks: int = 0

    @property
    def click_rate(self) -> float | None:
        """Unique clickers per sent copy, in per cent (None before anything was sent)."""
        return round(100 * self.clicked / self.sent, 1) if self.sent else None

    @property
    def open_rate(self) -> float | None:
        return round(100 * self.opened / self.sent, 1) if self.sent else None


def newsletter_figures(*, newsletter: Newsletter) -> NewsletterFigures:
    """Sent, opened (where the reader's mail program loaded images), clicked (people), and
    clicks per item. Opening is a lower bound: a click counts as an open too."""
    deliveries = EmailDelivery.objects.filter(reference=newsletter.reference)
    totals = deliveries.aggregate(
        sent=Count("pk", filter=Q(status=EmailDelivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=EmailDelivery.Status.FAILED)),
        in_outbox=Count(
            "pk",
            filter=Q(status__in=[EmailDelivery.Status.PENDING, EmailDelivery.Status.SENDING]),
        ),
        opened=Count("pk", filter=Q(opened_at__isnull=False)),
        clicked=Count("pk", filter=Q(clicked_at__isnull=False)),
    )
    totals["pending"] = (
        totals.pop("in_outbox") + newsletter.recipients.filter(handled_at__isnull=True).count()
    )
    per_item = {
        row["item"]: row
        for row in EmailClick.objects.filter(delivery__reference=newsletter.reference)
        .values("item")
        .annotate(clicks=Count("pk"), people=Count("delivery", distinct=True))
    }
    items = [
        ItemFigures(
            item=item,
            clicks=per_item.get(item.key, {}).get("clicks", 0),
            people=per_item.get(item.key, {}).get("people", 0),
        )
        for item in newsletter.items.order_by("position", "pk")
    ]
    return NewsletterFigures(
        items=items, web_clicks=per_item.get("web", {}).get("clicks", 0), **totals
    )


def newsletter_ids_due() -> list[int]:
    """Scheduled newsletters whose time has come."""
    return list(
        Newsletter.objects.filter(
            status=Newsletter.Status.SCHEDULED, scheduled_for__lte=timezone.now()
        ).values_list("pk", flat=True)
    )


@dataclass
class WeekVisits:
    start: date
    end: date
    email: int
    direct: int


def newsletter_week_visits(*, newsletter: Newsletter) -> WeekVisits | None:
    """Signed-in visits to the portal from email and direct in the week from the sending day.

    The portal-wide split (every email counts, digests too): it shows whether the newsletter's
    week moved people to the portal, beside the newsletter's own clicks.
    """
    if newsletter.sent_at is None:
        return None
    start = timezone.localdate(newsletter.sent_at)
    end = start + timedelta(days=6)
    visits = visits_by_channel(start=start, end=end)
    return WeekVisits(
        start=start, end=end, email=visits.get("email", 0), direct=visits.get("direct", 0)
    )
