"""Writes of the newsletter: the portal drafts it, an editor shapes and sends it.

The goal is an editor publishing in minutes: the draft arrives with a subject and items chosen
from the period's most read and most useful content (see sources.py), so the editor's work is
to reorder, trim, write two lines of introduction and press send.

Sending is a status machine — draft → scheduled → sending → sent — whose step into "sending"
is taken under a row lock, so a newsletter goes out once however often the queue's periodic
task or an impatient editor asks for it. Its round is a row per recipient, marked in the same
transaction as the person's copy is written to the outbox: a round whose chunk task was lost
(a worker killed midway) is resumed for the people not yet handled, and nobody gets two copies
except, at worst, the one message in flight when a worker died (docs/decisions/0014). It says
"sent" only when no copy waits in the outbox any more.
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import partial
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, IntegerField, Max, Value, When
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.email import OutgoingEmail, email_record_batch, email_render, email_send
from portal.core.markdown import render_markdown
from portal.core.models import (
    AuditEvent,
    EmailCategory,
    EmailDelivery,
    OrganisationKind,
    Topic,
    User,
)
from portal.core.outbox import email_deliver
from portal.core.queue import Fallback, enqueue
from portal.core.services import audit_record
from portal.digests.links import absolute, portal_path, unsubscribe_url
from portal.digests.preferences import email_preferences_for, wants_email
from portal.forum import access
from portal.forum.models import Post, Thread
from portal.guides import access as guide_access
from portal.guides.models import Guide

from . import access as newsletter_access
from . import selectors, sources
from .models import Newsletter, NewsletterItem, NewsletterRecipient

EMAIL_TEMPLATE = "newsletters/emails/newsletter"
DEFAULT_PERIOD_DAYS = 30
MAX_PROPOSED_ITEMS = 10
# Recipients per queue task: one SMTP connection each, small enough to retry cheaply.
CHUNK_SIZE = 500

EDITABLE = (Newsletter.Status.DRAFT, Newsletter.Status.SCHEDULED)


def _require_editable(newsletter: Newsletter) -> None:
    if newsletter.status not in EDITABLE:
        raise ValidationError(
            _("This newsletter has been sent and can no longer be changed."), code="not_editable"
        )


# --- The draft ---------------------------------------------------------------------------


def default_period(*, today: date | None = None) -> tuple[date, date]:
    """Since the last sent newsletter, or the last 30 days when none was sent."""
    today = today or timezone.localdate()
    last = (
        Newsletter.objects.filter(status=Newsletter.Status.SENT, sent_at__isnull=False)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    start = timezone.localdate(last) if last else today - timedelta(days=DEFAULT_PERIOD_DAYS)
    return min(start, today), today


def default_subject(*, today: date) -> str:
    return _("Newsletter from Samarbejdsportalen – %(month)s") % {
        "month": date_format(today, "F Y")
    }


@transaction.atomic
def newsletter_draft_create(
    *, by: User, period_start: date | None = None, period_end: date | None = None
) -> Newsletter:
    """A new draft for the period, with a subject and the portal's proposed items: threads,
    guides and events (sources.py), leaving out what the last sent newsletter carried."""
    newsletter_access.require_manage(by)
    default_start, default_end = default_period()
    period_start = period_start or default_start
    period_end = period_end or default_end
    if period_start > period_end:
        raise ValidationError(
            {"period_end": _("The period must end on or after the day it starts.")},
            code="period",
        )
    newsletter = Newsletter.objects.create(
        subject=default_subject(today=timezone.localdate()),
        period_start=period_start,
        period_end=period_end,
        created_by=by,
    )
    carried = selectors.last_sent_contents()
    proposals = [
        proposal
        for proposal in sources.proposals_for(start=period_start, end=period_end)
        if proposal.identity not in carried
    ][:MAX_PROPOSED_ITEMS]
    NewsletterItem.objects.bulk_create(
        NewsletterItem(
            newsletter=newsletter,
            position=position,
            kind=proposal.kind,
            thread=proposal.thread,
            guide=proposal.guide,
            url=proposal.url[:500],
            title=proposal.title[:200],
            summary=proposal.summary,
            reason=proposal.reason[:200],
        )
        for position, proposal in enumerate(proposals)
    )
    return newsletter


@transaction.atomic
def newsletter_update(
    *,
    newsletter: Newsletter,
    by: User,
    subject: str,
    intro: str,
    segment: str,
    segment_organisation_kind: str = "",
    segment_topic: Topic | None = None,
) -> Newsletter:
    """Subject, introduction (Markdown) and recipients. A CPR number anywhere changes nothing."""
    newsletter_access.require_manage(by)
    _require_editable(newsletter)
    errors: dict[str, list] = {}
    subject = subject.strip()
    if not subject:
        errors["subject"] = [_("Write a subject.")]
    for field, text in (("subject", subject), ("intro", intro)):
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors.setdefault(field, []).append(error)
    if segment not in Newsletter.Segment.values:
        errors["segment"] = [_("Choose who receives the newsletter.")]
    if segment == Newsletter.Segment.ORGANISATION_KIND and (
        segment_organisation_kind not in OrganisationKind.values
    ):
        errors["segment_organisation_kind"] = [_("Choose a kind of organisation.")]
    if segment == Newsletter.Segment.TOPIC_FOLLOWERS and segment_topic is None:
        errors["segment_topic"] = [_("Choose a topic.")]
    if errors:
        raise ValidationError(errors)
    newsletter.subject = subject
    newsletter.intro = intro
    newsletter.intro_html = render_markdown(intro)
    newsletter.segment = segment
    newsletter.segment_organisation_kind = (
        segment_organisation_kind if segment == Newsletter.Segment.ORGANISATION_KIND else ""
    )
    newsletter.segment_topic = (
        segment_topic if segment == Newsletter.Segment.TOPIC_FOLLOWERS else None
    )
    newsletter.save(
        update_fields=[
            "subject",
            "intro",
            "intro_html",
            "segment",
            "segment_organisation_kind",
            "segment_topic",
            "updated_at",
        ]
    )
    _edit_counted(newsletter.pk)
    return newsletter


@transaction.atomic
def newsletter_delete(*, newsletter: Newsletter, by: User) -> None:
    """Drafts and scheduled newsletters may be thrown away; the archive keeps what was sent."""
    newsletter_access.require_manage(by)
    _require_editable(newsletter)
    newsletter.delete()


# --- Items -------------------------------------------------------------------------------


def _edit_counted(newsletter_id: int) -> None:
    """One more edit of the draft by the editor (Newsletter.editor_edits)."""
    Newsletter.objects.filter(pk=newsletter_id).update(editor_edits=F("editor_edits") + 1)


def _renumber(items: Sequence[NewsletterItem]) -> None:
    for position, item in enumerate(items):
        item.position = position
    NewsletterItem.objects.bulk_update(items, ["position"])


def _locked_items(newsletter: Newsletter) -> list[NewsletterItem]:
    Newsletter.objects.select_for_update().filter(pk=newsletter.pk).first()
    return list(newsletter.items.order_by("position", "pk"))


@transaction.atomic
def newsletter_item_move(*, item: NewsletterItem, by: User, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down")."""
    newsletter_access.require_manage(by)
    _require_editable(item.newsletter)
    items = _locked_items(item.newsletter)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    _renumber(items)
    _edit_counted(item.newsletter_id)


@transaction.atomic
def newsletter_item_remove(*, item: NewsletterItem, by: User) -> None:
    newsletter_access.require_manage(by)
    _require_editable(item.newsletter)
    newsletter = item.newsletter
    item.delete()
    _renumber(_locked_items(newsletter))
    _edit_counted(newsletter.pk)


@transaction.atomic
def newsletter_item_update(*, item: NewsletterItem, by: User, title: str, summary: str) -> None:
    """The editor's own words for an item; the CPR guard applies as to anything one writes."""
    newsletter_access.require_manage(by)
    _require_editable(item.newsletter)
    errors: dict[str, list] = {}
    title = title.strip()
    if not title:
        errors["title"] = [_("Write a title.")]
    for field, text in (("title", title), ("summary", summary)):
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors.setdefault(field, []).append(error)
    if errors:
        raise ValidationError(errors)
    item.title = title
    item.summary = summary.strip()
    item.save(update_fields=["title", "summary"])
    _edit_counted(item.newsletter_id)


def _not_addable(code: str) -> ValidationError:
    messages = {
        "not_portal": _("Paste the address of a thread, a guide or an event on the portal."),
        "not_found": _("There is nothing at this address."),
        "not_public": _(
            "Only content every member may read can go in the newsletter; this is private "
            "to a network or a kind of organisation, hidden or unpublished."
        ),
        "duplicate": _("This is already in the newsletter."),
    }
    return ValidationError({"url": [ValidationError(messages[code], code=code)]})


def _thread_at(*, thread_id: int) -> sources.Proposal:
    """The thread (or the one it was merged into), if it is public."""
    thread = Thread.objects.filter(pk=thread_id).first()
    if thread is not None and thread.merged_into_id:
        thread = Thread.objects.filter(pk=thread.merged_into_id).first()
    if thread is None:
        raise _not_addable("not_found")
    if not access.thread_public(thread=thread):
        raise _not_addable("not_public")
    summaries = sources._opening_summaries([thread.pk])
    return sources._thread_proposal(thread, summaries.get(thread.pk, ""), _("Added by the editor."))


def _content_at(url: str) -> sources.Proposal:
    """The public thread (also by the address of one of its posts), guide (or other module's
    page, see sources.pasted_address) a pasted portal address points at."""
    try:
        path = urlsplit(portal_path(url.strip())).path
        match = resolve(path)
    except (ValueError, Resolver404):
        raise _not_addable("not_portal") from None
    if match.view_name == "forum:thread_detail":
        return _thread_at(thread_id=match.kwargs["thread_id"])
    if match.view_name == "forum:post_detail":
        # A link to one post (copied from a notification, an email or the post's own link): the
        # thread it is in, if everyone may read the post too.
        post = Post.objects.filter(pk=match.kwargs["post_id"]).first()
        if post is None:
            raise _not_addable("not_found")
        if not access.post_shown(user=None, post=post):
            raise _not_addable("not_public")
        return _thread_at(thread_id=post.thread_id)
    if match.view_name == "guides:guide_detail":
        guide = Guide.objects.filter(slug=match.kwargs["slug"]).first()
        if guide is None:
            raise _not_addable("not_found")
        if not guide_access.guide_published(guide=guide):
            raise _not_addable("not_public")
        return sources.Proposal(
            kind=NewsletterItem.Kind.GUIDE,
            title=guide.title,
            summary=guide.summary or sources.summary_of(guide.body_html, guide.body),
            reason=_("Added by the editor."),
            guide=guide,
            url=guide.get_absolute_url(),
        )
    resolver = sources.pasted_address_resolver(match.view_name)
    if resolver is not None:
        proposal = resolver(match.kwargs)
        if isinstance(proposal, str):
            raise _not_addable(proposal)
        return proposal
    raise _not_addable("not_portal")


@transaction.atomic
def newsletter_item_add_by_url(*, newsletter: Newsletter, by: User, url: str) -> NewsletterItem:
    """Add a thread, guide or event by its portal address (it must exist and be public)."""
    newsletter_access.require_manage(by)
    _require_editable(newsletter)
    proposal = _content_at(url)
    items = _locked_items(newsletter)
    if any(
        (proposal.thread is not None and item.thread_id == proposal.thread.pk)
        or (proposal.guide is not None and item.guide_id == proposal.guide.pk)
        or (proposal.thread is None and proposal.guide is None and item.url == proposal.url)
        for item in items
    ):
        raise _not_addable("duplicate")
    last = newsletter.items.aggregate(last=Max("position"))["last"]
    _edit_counted(newsletter.pk)
    return NewsletterItem.objects.create(
        newsletter=newsletter,
        position=0 if last is None else last + 1,
        kind=proposal.kind,
        thread=proposal.thread,
        guide=proposal.guide,
        url=proposal.url,
        title=proposal.title[:200],
        summary=proposal.summary,
        reason=proposal.reason,
    )


# --- The email ---------------------------------------------------------------------------


def preferences_url() -> str:
    """The email settings page, absolute, for the footer."""
    return absolute(reverse("digests:preferences"))


def newsletter_render(
    *,
    newsletter: Newsletter,
    items: Sequence[NewsletterItem],
    reader: User,
    delivery: EmailDelivery | None,
    is_test: bool = False,
) -> tuple[str, str, str]:
    """The email exactly as `reader` gets it: only items they may see, in their language.

    Without a delivery (preview) links are plain; the one-click unsubscribe link is the
    reader's own either way.
    """
    return email_render(
        EMAIL_TEMPLATE,
        newsletter_context(
            newsletter=newsletter,
            items=selectors.items_visible_to(items=list(items), user=reader),
            reader=reader,
            delivery=delivery,
            is_test=is_test,
        ),
        reader.preferred_language,
    )


def newsletter_context(
    *,
    newsletter: Newsletter,
    items: Sequence[NewsletterItem],
    reader: User,
    delivery: EmailDelivery | None,
    is_test: bool = False,
    unsubscribe: str | None = None,
) -> dict:
    """The template's context; `unsubscribe` is the link the message's List-Unsubscribe header
    carries (one signed link per message: two signings a second apart would differ)."""
    return {
        "newsletter": newsletter,
        "items": items,
        "reader": reader,
        "delivery": delivery,
        "is_test": is_test,
        "segment_reason": segment_reason(newsletter=newsletter),
        "unsubscribe_url": unsubscribe
        or unsubscribe_url(user_id=reader.pk, category=EmailCategory.NEWSLETTER),
        "preferences_url": preferences_url(),
        "web_url": absolute(reverse("newsletters:newsletter_detail", args=[newsletter.pk])),
    }


def segment_reason(*, newsletter: Newsletter) -> str:
    """Why the reader gets this newsletter, for the footer."""
    if newsletter.segment == Newsletter.Segment.ORGANISATION_KIND:
        kind = OrganisationKind(newsletter.segment_organisation_kind).label
        return _(
            "You receive the newsletter because you work in an organisation of the kind "
            "“%(kind)s” and have not turned the newsletter off."
        ) % {"kind": kind}
    if newsletter.segment == Newsletter.Segment.TOPIC_FOLLOWERS and newsletter.segment_topic:
        return _(
            "You receive the newsletter because you follow the topic “%(topic)s” and have not "
            "turned the newsletter off."
        ) % {"topic": newsletter.segment_topic.name}
    return _(
        "You receive the newsletter because you are a member of Samarbejdsportalen and have "
        "not turned the newsletter off."
    )


def newsletter_send_test(*, newsletter: Newsletter, by: User) -> EmailDelivery | None:
    """The newsletter to the editor alone, marked [TEST]; not counted in the figures."""
    newsletter_access.require_manage(by)
    items = list(selectors.newsletter_items(newsletter=newsletter))
    unsubscribe = unsubscribe_url(user_id=by.pk, category=EmailCategory.NEWSLETTER)
    return email_send(
        to=by.email,
        template=EMAIL_TEMPLATE,
        context=newsletter_context(
            newsletter=newsletter,
            items=selectors.items_visible_to(items=items, user=by),
            reader=by,
            delivery=None,
            is_test=True,
            unsubscribe=unsubscribe,
        ),
        language=by.preferred_language,
        category=EmailCategory.NEWSLETTER,
        user=by,
        reference=f"{newsletter.reference}:test",
        unsubscribe_url=unsubscribe,
    )


# --- Scheduling and sending --------------------------------------------------------------


def _require_sendable(newsletter: Newsletter) -> None:
    _require_editable(newsletter)
    if not newsletter.items.exists():
        raise ValidationError(
            _("Add at least one item before you send the newsletter."), code="empty"
        )


@transaction.atomic
def newsletter_schedule(*, newsletter: Newsletter, by: User, send_at: datetime) -> Newsletter:
    """Send at `send_at` (the queue looks every minute)."""
    newsletter_access.require_manage(by)
    newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    _require_sendable(newsletter)
    if send_at <= timezone.now():
        raise ValidationError(
            {"send_at": [_("Choose a time in the future, or send the newsletter now.")]},
            code="past",
        )
    scheduled_before = newsletter.scheduled_for
    newsletter.status = Newsletter.Status.SCHEDULED
    newsletter.scheduled_for = send_at
    newsletter.sent_by = by
    newsletter.save(update_fields=["status", "scheduled_for", "sent_by", "updated_at"])
    audit_record(
        action=AuditEvent.Action.NEWSLETTER_SCHEDULED,
        actor=by,
        target=newsletter,
        send_at_from=scheduled_before.isoformat() if scheduled_before else None,
        send_at=send_at.isoformat(),
    )
    return newsletter


@transaction.atomic
def newsletter_unschedule(*, newsletter: Newsletter, by: User) -> Newsletter:
    """Back to draft, as long as sending has not started."""
    newsletter_access.require_manage(by)
    newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    _require_editable(newsletter)
    if newsletter.status == Newsletter.Status.DRAFT:
        return newsletter
    scheduled_before = newsletter.scheduled_for
    newsletter.status = Newsletter.Status.DRAFT
    newsletter.scheduled_for = None
    newsletter.save(update_fields=["status", "scheduled_for", "updated_at"])
    audit_record(
        action=AuditEvent.Action.NEWSLETTER_UNSCHEDULED,
        actor=by,
        target=newsletter,
        send_at_from=scheduled_before.isoformat() if scheduled_before else None,
    )
    return newsletter


@transaction.atomic
def newsletter_send_now(*, newsletter: Newsletter, by: User) -> Newsletter:
    """Schedule for now and hand it to the queue at once (no wait for the next minute)."""
    # Imported here: the tasks module imports these services.
    from .tasks import newsletter_send

    newsletter_access.require_manage(by)
    newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    _require_sendable(newsletter)
    newsletter.status = Newsletter.Status.SCHEDULED
    newsletter.scheduled_for = timezone.now()
    newsletter.sent_by = by
    newsletter.save(update_fields=["status", "scheduled_for", "sent_by", "updated_at"])
    audit_record(action=AuditEvent.Action.NEWSLETTER_SENT, actor=by, target=newsletter)
    newsletter_id = newsletter.pk
    # Without a queue, newsletters_send_due sends it: it is scheduled for now.
    transaction.on_commit(lambda: enqueue(newsletter_send, newsletter_id, fallback=Fallback.SWEEP))
    return newsletter


def newsletter_sending_start(*, newsletter_id: int) -> list[int] | None:
    """Take the newsletter from "scheduled" to "sending" and write its round: one row per
    recipient (NewsletterRecipient), returning their ids.

    None when it is not due or someone else already started it: the row lock makes the step
    happen once, so a task that runs twice sends nothing the second time.
    """
    with transaction.atomic():
        now = timezone.now()
        due = Newsletter.objects.filter(
            pk=newsletter_id, status=Newsletter.Status.SCHEDULED, scheduled_for__lte=now
        )
        newsletter = due.select_for_update(of=("self",)).select_related("segment_topic").first()
        # Compare-and-set: on databases without row locks (SQLite) the conditional update is
        # what lets only one of two racing tasks through.
        if newsletter is None or not due.update(status=Newsletter.Status.SENDING, updated_at=now):
            return None
        recipient_ids = list(
            selectors.newsletter_recipients(newsletter=newsletter)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        NewsletterRecipient.objects.bulk_create(
            [
                NewsletterRecipient(newsletter_id=newsletter_id, user_id=uid)
                for uid in recipient_ids
            ],
            batch_size=1000,
        )
        Newsletter.objects.filter(pk=newsletter_id).update(recipient_count=len(recipient_ids))
    return recipient_ids


def newsletter_sending_finish(*, newsletter_id: int, now: datetime | None = None) -> bool:
    """ "Sent" once every recipient's copy is written and none waits in the outbox any more
    (delivered, or failed and shown as such); True when it is. Until then it says "sending"."""
    now = now or timezone.now()
    waiting = NewsletterRecipient.objects.filter(
        newsletter_id=newsletter_id, handled_at__isnull=True
    )
    in_outbox = EmailDelivery.objects.filter(
        reference=f"newsletter:{newsletter_id}",
        status__in=[EmailDelivery.Status.PENDING, EmailDelivery.Status.SENDING],
    )
    if waiting.exists() or in_outbox.exists():
        return False
    return bool(
        Newsletter.objects.filter(pk=newsletter_id, status=Newsletter.Status.SENDING).update(
            status=Newsletter.Status.SENT, sent_at=now, updated_at=now
        )
    )


def recipient_chunks(user_ids: Sequence[int]) -> list[list[int]]:
    return [list(user_ids[i : i + CHUNK_SIZE]) for i in range(0, len(user_ids), CHUNK_SIZE)]


@transaction.atomic
def newsletter_resume(*, newsletter_id: int, now: datetime) -> list[int]:
    """The people of a stalled round whose copy is not written yet (a chunk task was lost).

    Marks the round as touched, so it is resumed again only if this attempt stalls too.
    """
    Newsletter.objects.filter(pk=newsletter_id).update(updated_at=now)
    return list(
        NewsletterRecipient.objects.filter(newsletter_id=newsletter_id, handled_at__isnull=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def newsletter_send_chunk(*, newsletter_id: int, user_ids: Sequence[int], connection=None) -> int:
    """Write one chunk of recipients' copies to the outbox and send them over one SMTP
    connection; the number written.

    Checked again at send time: people who turned the newsletter off or were deactivated get
    nothing. Only recipients not yet handled are taken, each under its own row lock, so a
    retried, resumed or overlapping chunk mails nobody twice while chunks of other recipients
    are composed at the same time (docs/decisions/0051). Sending comes after commit; whatever
    a killed worker did not send, the outbox sweep does.
    """
    delivery_ids = _newsletter_chunk_record(newsletter_id=newsletter_id, user_ids=user_ids)
    email_deliver(delivery_ids, connection=connection)
    newsletter_sending_finish(newsletter_id=newsletter_id)
    return len(delivery_ids)


def _newsletter_chunk_record(*, newsletter_id: int, user_ids: Sequence[int]) -> list[int]:
    with transaction.atomic():
        handled, delivery_ids = _newsletter_chunk_compose(
            newsletter_id=newsletter_id, user_ids=user_ids
        )
    if handled:
        # The round made progress (newsletters_resume looks at this). Its own statement after
        # the commit: in the chunk's transaction it would hold the newsletter's row until then.
        Newsletter.objects.filter(pk=newsletter_id).update(updated_at=timezone.now())
    return delivery_ids


def _newsletter_chunk_compose(
    *, newsletter_id: int, user_ids: Sequence[int]
) -> tuple[bool, list[int]]:
    """Claim the chunk's waiting recipients, then write their copies; whether any was claimed,
    and the deliveries written. Runs in the caller's transaction.

    The claim locks only the chunk's own round rows and skips those another worker holds (it
    is writing them, or will leave them waiting for a retry), so chunks of other people do
    not wait for this one; the newsletter's row is only read. The status is read after the
    claim: "sent" needs every row handled (newsletter_sending_finish), so it cannot come
    while this chunk holds unhandled rows. On SQLite, which has no row locks, the IMMEDIATE
    transaction lets one chunk write at a time, and each sees what the one before it handled.
    """
    claimed = dict(
        NewsletterRecipient.objects.select_for_update(skip_locked=True)
        .filter(newsletter_id=newsletter_id, user_id__in=list(user_ids), handled_at__isnull=True)
        .values_list("user_id", "pk")
    )
    if not claimed:
        return False, []
    newsletter = (
        Newsletter.objects.select_related("segment_topic")
        .filter(pk=newsletter_id, status=Newsletter.Status.SENDING)
        .first()
    )
    if newsletter is None:
        return False, []
    now = timezone.now()
    people = list(
        User.objects.filter(pk__in=list(claimed), is_active=True, approved_at__isnull=False)
        .exclude(email="")
        .order_by("pk")
    )
    preferences = email_preferences_for(user_ids=[person.pk for person in people])
    items = list(selectors.newsletter_items(newsletter=newsletter))
    visible_to = selectors.items_visible_to_many(items=items, users=people)
    messages = []
    for person in people:
        if not wants_email(preference=preferences[person.pk], category=EmailCategory.NEWSLETTER):
            continue
        visible = visible_to[person.pk]
        unsubscribe = unsubscribe_url(user_id=person.pk, category=EmailCategory.NEWSLETTER)
        messages.append(
            OutgoingEmail(
                to=person.email,
                template=EMAIL_TEMPLATE,
                category=EmailCategory.NEWSLETTER,
                render=partial(_render_copy, newsletter, visible, person, unsubscribe),
                user_id=person.pk,
                reference=newsletter.reference,
                unsubscribe_url=unsubscribe,
            )
        )
    deliveries = email_record_batch(messages)
    delivery_of = {m.user_id: d.pk for m, d in zip(messages, deliveries, strict=True) if d}
    NewsletterRecipient.objects.filter(pk__in=list(claimed.values())).update(
        handled_at=now,
        delivery=Case(
            *[When(user_id=uid, then=Value(pk)) for uid, pk in delivery_of.items()],
            default=Value(None),
            output_field=IntegerField(),
        ),
    )
    return True, list(delivery_of.values())


def _render_copy(newsletter, items, person, unsubscribe, delivery):
    return email_render(
        EMAIL_TEMPLATE,
        newsletter_context(
            newsletter=newsletter,
            items=items,
            reader=person,
            delivery=delivery,
            unsubscribe=unsubscribe,
        ),
        person.preferred_language,
    )
