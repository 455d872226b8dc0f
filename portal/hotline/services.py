"""Writes of the legal hotline: sending a question, taking it, answering, deadlines."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import Role, User
from portal.core.notify import NotificationKind, notify
from portal.forum.models import Post, Thread

from . import access, selectors, workdays
from .models import HotlineCase


@transaction.atomic
def hotline_case_open(*, thread: Thread, by: User) -> HotlineCase:
    """Send a question to the jurists: once, by the asker or an editor, with a deadline."""
    if not access.may_send_to_hotline(user=by, thread=thread):
        raise PermissionDenied
    if not thread.is_question:
        raise ValidationError(
            _("Only questions can be sent to the legal hotline."), code="not_question"
        )
    if thread.accepted_answer_id is not None:
        raise ValidationError(
            _("The question already has an accepted answer."), code="already_answered"
        )
    # Lock the thread so that two clicks cannot create two cases.
    Thread.objects.select_for_update(of=("self",)).filter(pk=thread.pk).first()
    if HotlineCase.objects.filter(thread=thread).exists():
        raise ValidationError(
            _("The question has already been sent to the legal hotline."), code="already_sent"
        )
    now = timezone.now()
    case = HotlineCase.objects.create(
        thread=thread,
        requested_by=by,
        requested_at=now,
        deadline=workdays.response_deadline(now),
    )
    thread.hotline_case = case
    notify(
        recipients=selectors.jurists(),
        kind=NotificationKind.HOTLINE_NEW,
        actor=by,
        thread=thread,
    )
    return case


def _locked_open_case(case: HotlineCase) -> HotlineCase:
    locked = (
        HotlineCase.objects.select_for_update(of=("self",)).select_related("thread").get(pk=case.pk)
    )
    if locked.status != HotlineCase.Status.OPEN:
        raise ValidationError(_("The hotline question is no longer open."), code="not_open")
    return locked


@transaction.atomic
def hotline_case_assign(*, case: HotlineCase, jurist: User) -> HotlineCase:
    """ "I take it": the jurist becomes responsible (taking over from a colleague is allowed)."""
    if not access.may_work(user=jurist):
        raise PermissionDenied
    locked = _locked_open_case(case)
    locked.assigned_to = jurist
    locked.save(update_fields=["assigned_to"])
    return locked


@transaction.atomic
def hotline_case_withdraw(*, case: HotlineCase, by: User) -> HotlineCase:
    """The asker no longer needs the jurists (found the answer elsewhere)."""
    if not access.may_withdraw(user=by, case=case, thread=case.thread):
        raise PermissionDenied
    locked = _locked_open_case(case)
    locked.status = HotlineCase.Status.WITHDRAWN
    locked.save(update_fields=["status"])
    return locked


def _is_jurist_post(post: Post) -> bool:
    return post.author_is_jurist or bool(post.author and post.author.has_role(Role.JURIST))


@transaction.atomic
def hotline_case_answer(*, post: Post) -> HotlineCase | None:
    """A jurist's reply answers the open case of its thread; any other post changes nothing."""
    if post.is_opening or not _is_jurist_post(post):
        return None
    case = (
        HotlineCase.objects.select_for_update(of=("self",))
        .filter(thread_id=post.thread_id, status=HotlineCase.Status.OPEN)
        .first()
    )
    if case is None:
        return None
    case.status = HotlineCase.Status.ANSWERED
    case.answered_at = post.created_at or timezone.now()
    case.answered_by = post.author
    case.save(update_fields=["status", "answered_at", "answered_by"])
    return case


@transaction.atomic
def hotline_case_warn_deadline(*, case_id: int) -> bool:
    """Remind the assigned jurist (or all jurists) once, on the working day before the deadline."""
    case = (
        HotlineCase.objects.select_for_update(of=("self",))
        .select_related("thread__network", "assigned_to")
        .filter(pk=case_id)
        .first()
    )
    now = timezone.now()
    if (
        case is None
        or case.status != HotlineCase.Status.OPEN
        or case.deadline_warned_at is not None
        or case.deadline <= now
    ):
        return False
    recipients = [case.assigned_to] if case.assigned_to_id else selectors.jurists()
    notify(recipients=recipients, kind=NotificationKind.HOTLINE_DEADLINE, thread=case.thread)
    case.deadline_warned_at = now
    case.save(update_fields=["deadline_warned_at"])
    return True


@transaction.atomic
def hotline_case_escalate(*, case_id: int) -> bool:
    """Once overdue, tell every jurist and every editor, once."""
    case = (
        HotlineCase.objects.select_for_update(of=("self",))
        .select_related("thread__network")
        .filter(pk=case_id)
        .first()
    )
    now = timezone.now()
    if (
        case is None
        or case.status != HotlineCase.Status.OPEN
        or case.escalated_at is not None
        or case.deadline >= now
    ):
        return False
    recipients = [*selectors.jurists(), *selectors.editors()]
    notify(recipients=recipients, kind=NotificationKind.HOTLINE_OVERDUE, thread=case.thread)
    case.escalated_at = now
    case.save(update_fields=["escalated_at"])
    return True
