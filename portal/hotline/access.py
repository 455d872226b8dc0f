"""Who may do what with a hotline case. The one place; the panel on the thread page and the
services ask the same functions.

Who may read a case is who may read its thread (portal.forum.access); the jurists' work is a
permission in core/rules.py ("hotline.work").
"""

import rules

from portal.core.models import User
from portal.forum.models import Thread

from .models import HotlineCase


def may_send_to_hotline(*, user: User, thread: Thread) -> bool:
    """The question's author and the moderators send a thread to the jurists."""
    return bool(
        user.is_authenticated
        and (thread.author_id == user.pk or rules.has_perm("forum.moderate", user))
    )


def case_can_open(*, user: User, thread: Thread) -> bool:
    """Whether the person may send this thread to the hotline now (an unanswered question)."""
    return (
        thread.is_question
        and thread.accepted_answer_id is None
        and may_send_to_hotline(user=user, thread=thread)
    )


def may_work(*, user: User) -> bool:
    return bool(user.is_authenticated and rules.has_perm("hotline.work", user))


def case_can_take(*, user: User, case: HotlineCase) -> bool:
    """A jurist takes an open case that is not theirs already."""
    return (
        case.status == HotlineCase.Status.OPEN
        and may_work(user=user)
        and case.assigned_to_id != user.pk
    )


def may_withdraw(*, user: User, case: HotlineCase, thread: Thread) -> bool:
    """Who sent the question, or its author, takes it back."""
    return bool(user.is_authenticated and user.pk in (case.requested_by_id, thread.author_id))


def case_can_withdraw(*, user: User, case: HotlineCase, thread: Thread) -> bool:
    return case.status == HotlineCase.Status.OPEN and may_withdraw(
        user=user, case=case, thread=thread
    )


def cases_exportable(*, user: User) -> bool:
    """The jurists download their work list (CSV/Excel): the same people who see it; which
    cases is still who may read their thread (the work list's own selector)."""
    return may_work(user=user)
