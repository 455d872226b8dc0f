from datetime import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from portal.conftest import make_user
from portal.forum.models import Thread
from portal.hotline.models import HotlineCase
from portal.hotline.services import (
    hotline_case_assign,
    hotline_case_open,
    hotline_case_withdraw,
)
from portal.hotline.workdays import COPENHAGEN
from portal.notifications.models import Notification

from .factories import make_private_network, make_question, make_reply

pytestmark = pytest.mark.django_db


def _notified(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_asker_sends_a_question_to_the_hotline_with_a_working_day_deadline(
    caseworker, jurist, other_jurist, colleague
):
    thread = make_question(author=caseworker)
    with time_machine.travel(datetime(2026, 11, 23, 10, 0, tzinfo=COPENHAGEN), tick=False):
        case = hotline_case_open(thread=thread, by=caseworker)

    assert case.status == HotlineCase.Status.OPEN
    assert case.requested_by == caseworker
    assert case.deadline == datetime(2026, 11, 26, 16, 0, tzinfo=COPENHAGEN)
    assert _notified(Notification.Kind.HOTLINE_NEW) == {jurist.email, other_jurist.email}


def test_an_editor_may_send_someone_elses_question(caseworker, editor, jurist):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=editor)
    assert case.requested_by == editor


def test_another_caseworker_may_not_send_the_question(caseworker, colleague, jurist):
    thread = make_question(author=caseworker)
    with pytest.raises(PermissionDenied):
        hotline_case_open(thread=thread, by=colleague)
    assert not HotlineCase.objects.exists()
    assert not Notification.objects.exists()


def test_a_question_is_sent_only_once(caseworker, jurist):
    thread = make_question(author=caseworker)
    hotline_case_open(thread=thread, by=caseworker)
    with pytest.raises(ValidationError) as error:
        hotline_case_open(thread=thread, by=caseworker)
    assert error.value.code == "already_sent"
    assert HotlineCase.objects.count() == 1
    assert Notification.objects.count() == 1


def test_a_discussion_cannot_be_sent(caseworker, jurist):
    thread = make_question(author=caseworker, kind=Thread.Kind.DISCUSSION)
    with pytest.raises(ValidationError) as error:
        hotline_case_open(thread=thread, by=caseworker)
    assert error.value.code == "not_question"
    assert not HotlineCase.objects.exists()


def test_an_answered_question_cannot_be_sent(caseworker, colleague, jurist):
    thread = make_question(author=caseworker)
    answer = make_reply(thread=thread, author=colleague)
    Thread.objects.filter(pk=thread.pk).update(accepted_answer=answer)
    thread.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        hotline_case_open(thread=thread, by=caseworker)
    assert error.value.code == "already_answered"


def test_a_private_networks_question_notifies_only_jurists_who_are_members(
    caseworker, jurist, other_jurist
):
    network = make_private_network(members=[caseworker, jurist])
    thread = make_question(author=caseworker, network=network)
    hotline_case_open(thread=thread, by=caseworker)
    assert _notified(Notification.Kind.HOTLINE_NEW) == {jurist.email}


def test_inactive_jurists_are_not_notified(caseworker, jurist, other_jurist):
    other_jurist.is_active = False
    other_jurist.save(update_fields=["is_active"])
    hotline_case_open(thread=make_question(author=caseworker), by=caseworker)
    assert _notified(Notification.Kind.HOTLINE_NEW) == {jurist.email}


def test_a_jurist_takes_a_case(caseworker, jurist, other_jurist):
    case = hotline_case_open(thread=make_question(author=caseworker), by=caseworker)
    hotline_case_assign(case=case, jurist=jurist)
    hotline_case_assign(case=case, jurist=other_jurist)  # a colleague may take over
    case.refresh_from_db()
    assert case.assigned_to == other_jurist


def test_only_jurists_take_cases(caseworker, editor, jurist):
    case = hotline_case_open(thread=make_question(author=caseworker), by=caseworker)
    with pytest.raises(PermissionDenied):
        hotline_case_assign(case=case, jurist=editor)
    case.refresh_from_db()
    assert case.assigned_to is None


def test_a_jurists_reply_answers_the_case(caseworker, jurist):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    post = make_reply(thread=thread, author=jurist, jurist=True)
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.ANSWERED
    assert case.answered_by == jurist
    assert case.answered_at == post.created_at


def test_a_reply_by_a_person_with_the_jurist_role_answers_even_without_the_snapshot(
    caseworker, jurist
):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    make_reply(thread=thread, author=jurist, jurist=False)
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.ANSWERED


def test_a_reply_marked_as_a_jurists_answer_counts_after_the_role_is_gone(fund, caseworker):
    former = make_user(organisation=fund, roles=["caseworker"], email="tidl-jurist@3f.example.dk")
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    make_reply(thread=thread, author=former, jurist=True)
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.ANSWERED


def test_other_replies_leave_the_case_open(caseworker, colleague, jurist):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    make_reply(thread=thread, author=colleague)
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.OPEN
    assert case.answered_at is None


def test_a_second_jurist_reply_does_not_change_who_answered(caseworker, jurist, other_jurist):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    make_reply(thread=thread, author=jurist, jurist=True)
    make_reply(thread=thread, author=other_jurist, jurist=True)
    case.refresh_from_db()
    assert case.answered_by == jurist


def test_the_asker_withdraws_a_case(caseworker, colleague, jurist):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    with pytest.raises(PermissionDenied):
        hotline_case_withdraw(case=case, by=colleague)
    hotline_case_withdraw(case=case, by=caseworker)
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.WITHDRAWN
    with pytest.raises(ValidationError):
        hotline_case_withdraw(case=case, by=caseworker)
