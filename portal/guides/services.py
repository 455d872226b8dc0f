"""Writes of guides and law references: writing, reviewing, and marking a law as changed."""

from datetime import date

import rules
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import lawrefs
from portal.core.cpr import validate_no_cpr_number
from portal.core.markdown import render_markdown
from portal.core.models import AuditEvent, Topic, User
from portal.core.notify import NotificationKind, notify
from portal.core.services import audit_record
from portal.core.slugs import slugify_da
from portal.forum.models import Post, Thread

from .models import Guide, LawReference

REVIEW_PERIOD = relativedelta(months=12)
# Paths of guides/urls.py that a guide's slug must not shadow.
RESERVED_SLUGS = {"ny", "fra-traad", "love", "til-gennemsyn", "svar"}


def default_review_by() -> date:
    return timezone.localdate() + REVIEW_PERIOD


def _require_manage(user: User) -> None:
    if not rules.has_perm("guides.manage", user):
        raise PermissionDenied


def may_own_guides(user: User | None) -> bool:
    return bool(user is not None and user.is_active and rules.has_perm("guides.own", user))


def law_references_get_or_create(references: list[tuple[str, str]]) -> list[LawReference]:
    found = []
    for law, paragraph in references:
        reference, _created = LawReference.objects.get_or_create(law=law, paragraph=paragraph)
        found.append(reference)
    return found


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify_da(title, max_length=200, fallback="vejledning")
    slug, number = base, 2
    taken = Guide.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _validate_guide(
    *, title: str, summary: str, body: str, law_references_text: str, owner, review_by, old=None
) -> list[tuple[str, str]]:
    """All checks at once, so the form shows every problem; returns the cited references."""
    errors: dict[str, list] = {}
    for field, text in (("title", title), ("summary", summary), ("body", body)):
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors.setdefault(field, []).append(error)
    if not title.strip():
        errors.setdefault("title", []).append(
            ValidationError(_("Give the guide a title."), code="required")
        )
    if not body.strip():
        errors.setdefault("body", []).append(
            ValidationError(_("Write the guide's text."), code="required")
        )
    references: list[tuple[str, str]] = []
    try:
        references = lawrefs.parse_law_reference_list(law_references_text)
    except ValidationError as error:
        errors.setdefault("law_references_text", []).append(error)
    if not may_own_guides(owner):
        errors.setdefault("owner", []).append(
            ValidationError(_("The owner must be an editor or a jurist."), code="owner_role")
        )
    if review_by is None:
        errors.setdefault("review_by", []).append(
            ValidationError(_("Give a date by which the guide must be reviewed."), code="required")
        )
    elif review_by < timezone.localdate() and (old is None or old != review_by):
        errors.setdefault("review_by", []).append(
            ValidationError(_("The review-by date cannot be in the past."), code="review_by_past")
        )
    if errors:
        raise ValidationError(errors)
    for reference in lawrefs.find_law_references(body):
        if reference not in references:
            references.append(reference)
    return references


@transaction.atomic
def guide_create(
    *,
    by: User,
    title: str,
    topic: Topic,
    body: str,
    owner: User | None = None,
    summary: str = "",
    law_references_text: str = "",
    review_by: date | None = None,
    is_published: bool = True,
    source_thread: Thread | None = None,
) -> Guide:
    _require_manage(by)
    owner = owner or by
    review_by = review_by or default_review_by()
    references = _validate_guide(
        title=title,
        summary=summary,
        body=body,
        law_references_text=law_references_text,
        owner=owner,
        review_by=review_by,
    )
    now = timezone.now()
    guide = Guide.objects.create(
        title=title.strip(),
        slug=_unique_slug(title),
        topic=topic,
        summary=summary.strip(),
        body=body,
        body_html=render_markdown(body),
        owner=owner,
        created_by=by,
        created_at=now,
        updated_at=now,
        review_by=review_by,
        is_published=is_published,
        source_thread=source_thread,
    )
    guide.law_references.set(law_references_get_or_create(references))
    return guide


@transaction.atomic
def guide_update(
    *,
    guide: Guide,
    by: User,
    title: str,
    topic: Topic,
    body: str,
    owner: User | None,
    review_by: date | None,
    summary: str = "",
    law_references_text: str = "",
    is_published: bool = True,
) -> Guide:
    _require_manage(by)
    references = _validate_guide(
        title=title,
        summary=summary,
        body=body,
        law_references_text=law_references_text,
        owner=owner,
        review_by=review_by,
        old=guide.review_by,
    )
    guide = Guide.objects.select_for_update(of=("self",)).get(pk=guide.pk)
    if review_by != guide.review_by:
        guide.stale_notified_at = None
    guide.title = title.strip()
    guide.topic = topic
    guide.summary = summary.strip()
    guide.body = body
    guide.body_html = render_markdown(body)
    guide.owner = owner
    guide.review_by = review_by
    guide.is_published = is_published
    guide.updated_at = timezone.now()
    guide.save()
    guide.law_references.set(law_references_get_or_create(references))
    return guide


def guide_may_review(*, guide: Guide, user: User) -> bool:
    return rules.has_perm("guides.manage", user) or (
        guide.owner_id is not None and guide.owner_id == user.pk
    )


@transaction.atomic
def guide_mark_reviewed(*, guide: Guide, by: User, review_by: date | None = None) -> Guide:
    """The owner or an editor has checked the guide: no longer stale until the next date."""
    if not guide_may_review(guide=guide, user=by):
        raise PermissionDenied
    review_by = review_by or default_review_by()
    if review_by <= timezone.localdate():
        raise ValidationError(
            {"review_by": _("The next review must be after today.")}, code="review_by_past"
        )
    Guide.objects.filter(pk=guide.pk).update(
        needs_review=False,
        review_reason="",
        review_by=review_by,
        last_reviewed_at=timezone.now(),
        stale_notified_at=None,
    )
    guide.refresh_from_db()
    return guide


def guide_draft_from_thread(*, thread: Thread) -> dict:
    """Title, topic and text for a guide made from a question and its accepted answer."""
    opening = thread.posts.filter(is_opening=True).first()
    answer = thread.accepted_answer
    parts = []
    if opening is not None:
        parts += [f"## {_('The question')}", "", opening.body, ""]
    if answer is not None:
        parts += [f"## {_('The answer')}", "", answer.body, ""]
    body = "\n".join(parts).strip() + "\n"
    references = lawrefs.find_law_references(body)
    return {
        "title": thread.title,
        "topic": thread.topic,
        "body": body,
        "law_references_text": ", ".join(
            lawrefs.format_law_reference(law, paragraph) for law, paragraph in references
        ),
    }


def guide_from_thread_possible(*, thread: Thread, user: User) -> bool:
    return bool(
        thread.is_question
        and thread.accepted_answer_id is not None
        and rules.has_perm("guides.manage", user)
    )


@transaction.atomic
def guide_from_thread(*, thread: Thread, by: User, **fields) -> Guide:
    """Turn an answered question into a guide; the fields not given come from the thread."""
    _require_manage(by)
    if not (thread.is_question and thread.accepted_answer_id is not None):
        raise ValidationError(
            _("Only a question with an accepted answer can be turned into a guide."),
            code="not_answered",
        )
    values = {**guide_draft_from_thread(thread=thread), **fields}
    return guide_create(by=by, source_thread=thread, **values)


def accepted_answers() -> Q:
    """Posts that are some thread's accepted answer."""
    return Q(pk__in=Thread.objects.filter(accepted_answer__isnull=False).values("accepted_answer"))


@transaction.atomic
def law_reference_mark_changed(
    *, law: str, paragraph: str | None = None, note: str, by: User
) -> dict:
    """A law (or one paragraph) has changed: flag every guide and accepted answer citing it.
    Editors and jurists mark it; the audit log keeps who did and how much it flagged."""
    if not rules.has_perm("guides.mark_law_changed", by):
        raise PermissionDenied
    abbreviation = lawrefs.law_abbreviation(law or "")
    if abbreviation is None:
        raise ValidationError(
            {"law": _("“%(law)s” is not a law the portal knows.") % {"law": law}},
            code="unknown_law",
        )
    note = (note or "").strip()
    try:
        validate_no_cpr_number(note)
    except ValidationError as error:
        raise ValidationError({"note": error}) from None
    paragraph = (paragraph or "").strip()
    now = timezone.now()
    marked, _created = LawReference.objects.get_or_create(law=abbreviation, paragraph=paragraph)
    LawReference.objects.filter(pk=marked.pk).update(changed_at=now, changed_note=note[:300])
    citing = LawReference.objects.filter(law=abbreviation)
    if paragraph:
        citing = citing.filter(paragraph=paragraph)
    label = lawrefs.format_law_reference(abbreviation, paragraph)
    reason = (_("%(law)s has changed: %(note)s") if note else _("%(law)s has changed.")) % {
        "law": label,
        "note": note,
    }
    reason = reason[:300]
    guides = list(
        Guide.objects.filter(law_references__in=citing)
        .distinct()
        .select_related("owner")
        .order_by("pk")
    )
    Guide.objects.filter(pk__in=[guide.pk for guide in guides]).update(
        needs_review=True, review_reason=reason
    )
    citing_answers = Post.objects.filter(accepted_answers(), law_references__in=citing)
    answers_flagged = Post.objects.filter(pk__in=citing_answers.values("pk")).update(
        needs_review=True, review_reason=reason
    )
    for guide in guides:
        notify(recipients=[guide.owner], kind=NotificationKind.GUIDE_REVIEW, actor=by, guide=guide)
    audit_record(
        action=AuditEvent.Action.LAW_MARKED_CHANGED,
        actor=by,
        target=marked,
        target_label=label,
        note=note[:300],
        guides_flagged=len(guides),
        answers_flagged=answers_flagged,
    )
    return {"reference": marked, "guides": len(guides), "answers": answers_flagged}


@transaction.atomic
def answer_mark_reviewed(*, post: Post, by: User) -> None:
    """An editor has checked an accepted answer after a law change."""
    _require_manage(by)
    Post.objects.filter(pk=post.pk).update(needs_review=False, review_reason="")


@transaction.atomic
def post_law_references_sync(*, post: Post) -> list[LawReference]:
    """Keep a post's citations in step with its text (posts are searched for law changes)."""
    references = law_references_get_or_create(lawrefs.find_law_references(post.body))
    post.law_references.set(references)
    return references


@transaction.atomic
def guide_notify_stale(*, guide_id: int) -> bool:
    """Tell the owner once that the review-by date has passed."""
    guide = (
        Guide.objects.select_for_update(of=("self",))
        .select_related("owner")
        .filter(pk=guide_id, stale_notified_at__isnull=True)
        .first()
    )
    if guide is None or guide.review_by >= timezone.localdate():
        return False
    notify(recipients=[guide.owner], kind=NotificationKind.GUIDE_REVIEW, guide=guide)
    guide.stale_notified_at = timezone.now()
    guide.save(update_fields=["stale_notified_at"])
    return True
