from datetime import datetime

import pytest
import time_machine

from portal.hotline.models import HotlineCase
from portal.hotline.services import hotline_case_assign, hotline_case_open
from portal.hotline.tasks import hotline_deadlines_check
from portal.hotline.workdays import COPENHAGEN
from portal.notifications.models import Notification

from .factories import make_question, make_reply

pytestmark = pytest.mark.django_db

MONDAY_MORNING = datetime(2026, 11, 23, 10, 0, tzinfo=COPENHAGEN)  # deadline Thu 26th 16:00


def _at(*args):
    return time_machine.travel(datetime(*args, tzinfo=COPENHAGEN), tick=False)


def _open_case(asker):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        return hotline_case_open(thread=make_question(author=asker), by=asker)


def _recipients(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_no_warning_before_the_working_day_before_the_deadline(caseworker, jurist):
    case = _open_case(caseworker)
    with _at(2026, 11, 24, 23, 59):
        hotline_deadlines_check.call_local()
    case.refresh_from_db()
    assert case.deadline_warned_at is None
    assert not Notification.objects.filter(kind=Notification.Kind.HOTLINE_DEADLINE).exists()


def test_all_jurists_are_warned_once_the_day_before_an_unassigned_deadline(
    caseworker, jurist, other_jurist, editor
):
    case = _open_case(caseworker)
    with _at(2026, 11, 25, 8, 0):
        hotline_deadlines_check.call_local()
        hotline_deadlines_check.call_local()
    with _at(2026, 11, 26, 9, 0):
        hotline_deadlines_check.call_local()
    case.refresh_from_db()
    assert case.deadline_warned_at is not None
    assert _recipients(Notification.Kind.HOTLINE_DEADLINE) == sorted(
        [jurist.email, other_jurist.email]
    )


def test_only_the_assigned_jurist_is_warned(caseworker, jurist, other_jurist):
    case = _open_case(caseworker)
    hotline_case_assign(case=case, jurist=other_jurist)
    with _at(2026, 11, 25, 8, 0):
        hotline_deadlines_check.call_local()
    assert _recipients(Notification.Kind.HOTLINE_DEADLINE) == [other_jurist.email]


def test_the_day_before_a_monday_deadline_is_the_friday(caseworker, jurist):
    with _at(2026, 11, 25, 10, 0):  # Wednesday: deadline Monday 30th
        case = hotline_case_open(thread=make_question(author=caseworker), by=caseworker)
    with _at(2026, 11, 27, 7, 0):
        hotline_deadlines_check.call_local()
    case.refresh_from_db()
    assert case.deadline_warned_at is not None


def test_an_overdue_case_is_escalated_once_to_jurists_and_editors(
    caseworker, jurist, other_jurist, editor
):
    case = _open_case(caseworker)
    with _at(2026, 11, 26, 16, 1):
        hotline_deadlines_check.call_local()
    with _at(2026, 11, 27, 9, 0):
        hotline_deadlines_check.call_local()
    case.refresh_from_db()
    assert case.escalated_at == datetime(2026, 11, 26, 16, 1, tzinfo=COPENHAGEN)
    assert _recipients(Notification.Kind.HOTLINE_OVERDUE) == sorted(
        [jurist.email, other_jurist.email, editor.email]
    )
    # An escalated case is not warned afterwards either.
    assert not Notification.objects.filter(kind=Notification.Kind.HOTLINE_DEADLINE).exists()


def test_answered_and_withdrawn_cases_are_neither_warned_nor_escalated(caseworker, jurist, editor):
    case = _open_case(caseworker)
    make_reply(thread=case.thread, author=jurist, jurist=True)
    with _at(2026, 11, 25, 8, 0):
        hotline_deadlines_check.call_local()
    with _at(2026, 11, 30, 8, 0):
        hotline_deadlines_check.call_local()
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.ANSWERED
    assert case.deadline_warned_at is None and case.escalated_at is None
    assert not Notification.objects.exclude(kind=Notification.Kind.HOTLINE_NEW).exists()
