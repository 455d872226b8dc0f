"""Check-in, the reminder round and the feedback-request round."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from portal.conftest import make_user
from portal.core.models import EmailCategory, EmailDelivery, OutboxMessage
from portal.events.models import Event, Registration
from portal.events.selectors import participants_of
from portal.events.services import (
    event_feedback_requests_send,
    event_reminders_send,
    registration_check_in,
)
from portal.events.tests.factories import (
    EventFactory,
    EventSessionFactory,
    FeedbackResponseFactory,
    RegistrationFactory,
    local,
)

STARTS = local(2027, 3, 10, 10)  # a Wednesday, 10:00 Copenhagen time (09:00 UTC)
ENDS = local(2027, 3, 10, 13)
REMINDER = "events/emails/reminder"
FEEDBACK_REQUEST = "events/emails/feedback_request"


def deliveries(template: str) -> list[EmailDelivery]:
    return list(EmailDelivery.objects.filter(template=template).order_by("recipient"))


@pytest.fixture
def event(db):
    return EventFactory(title="Temamøde om rådighed", starts_at=STARTS, ends_at=ENDS)


# --- participants_of -----------------------------------------------------------------------------


def test_participants_of_lists_confirmed_then_waiting_in_one_query(
    event, django_assert_num_queries
):
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, waiting=True)
    RegistrationFactory(event=event, cancelled=True)
    later_confirmed = RegistrationFactory(event=event)
    with django_assert_num_queries(1):
        rows = list(participants_of(event=event))
        names = [(r.user.get_full_name(), r.user.organisation.name) for r in rows]
    assert [r.pk for r in rows] == [confirmed.pk, later_confirmed.pk, waiting.pk]
    assert len(names) == 3


# --- Check-in ------------------------------------------------------------------------------------


@pytest.fixture
def organiser(fund):
    return make_user(organisation=fund, email="arrangoer@3f.example.dk")


def test_organiser_checks_in_on_the_day_and_can_undo(event, organiser):
    event.organisers.add(organiser)
    registration = RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=2)):
        checked = registration_check_in(registration=registration, by=organiser)
        assert checked.checked_in_at is not None
        undone = registration_check_in(registration=registration, by=organiser, undo=True)
    assert undone.checked_in_at is None
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_opens_at_midnight_copenhagen_time(event, organiser):
    event.organisers.add(organiser)
    registration = RegistrationFactory(event=event)
    # 23:30 the evening before in Copenhagen (22:30 UTC): not yet.
    with time_machine.travel(local(2027, 3, 9, 23, 30)), pytest.raises(ValidationError):
        registration_check_in(registration=registration, by=organiser)
    # 00:30 on the day in Copenhagen, still the day before in UTC: allowed.
    with time_machine.travel(local(2027, 3, 10, 0, 30)):
        assert registration_check_in(registration=registration, by=organiser).checked_in_at


def test_check_in_is_allowed_after_the_event_too(event, organiser):
    event.organisers.add(organiser)
    registration = RegistrationFactory(event=event)
    with time_machine.travel(ENDS + timedelta(days=2)):
        assert registration_check_in(registration=registration, by=organiser).checked_in_at


def test_only_confirmed_registrations_can_be_checked_in(event, organiser):
    event.organisers.add(organiser)
    waiting = RegistrationFactory(event=event, waiting=True)
    cancelled = RegistrationFactory(event=event, cancelled=True)
    with time_machine.travel(STARTS):
        for registration in (waiting, cancelled):
            with pytest.raises(ValidationError):
                registration_check_in(registration=registration, by=organiser)
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def test_only_organisers_check_in(event, caseworker, editor):
    registration = RegistrationFactory(event=event, user=caseworker)
    with time_machine.travel(STARTS):
        with pytest.raises(PermissionDenied):
            registration_check_in(registration=registration, by=caseworker)
        # The editorial desk runs every event.
        assert registration_check_in(registration=registration, by=editor).checked_in_at


def test_no_check_in_at_a_cancelled_event(organiser):
    event = EventFactory(starts_at=STARTS, ends_at=ENDS, cancelled=True, organisers=[organiser])
    registration = RegistrationFactory(event=event)
    with time_machine.travel(STARTS), pytest.raises(ValidationError):
        registration_check_in(registration=registration, by=organiser)


# --- Reminders -----------------------------------------------------------------------------------


def test_reminders_go_out_within_the_reminder_window_once(event, settings):
    settings.PORTAL_EVENT_REMINDER_HOURS = 48
    first = RegistrationFactory(event=event)
    second = RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=49)):
        assert event_reminders_send() == 0
    assert deliveries(REMINDER) == []
    with time_machine.travel(STARTS - timedelta(hours=47)):
        assert event_reminders_send() == 2
    sent = deliveries(REMINDER)
    assert sorted(d.recipient for d in sent) == sorted([first.user.email, second.user.email])
    assert {d.category for d in sent} == {EmailCategory.NOTIFICATION}
    first.refresh_from_db()
    assert first.reminder_sent_at is not None
    with time_machine.travel(STARTS - timedelta(hours=46)):
        assert event_reminders_send() == 0
    assert len(deliveries(REMINDER)) == 2
    event.refresh_from_db()
    assert event.reminders_sent_at is not None


def test_reminder_window_follows_the_setting(event, settings):
    settings.PORTAL_EVENT_REMINDER_HOURS = 24
    RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=47)):
        assert event_reminders_send() == 0
    with time_machine.travel(STARTS - timedelta(hours=23)):
        assert event_reminders_send() == 1


def test_no_reminders_for_waiting_or_cancelled_registrations(event):
    RegistrationFactory(event=event, waiting=True)
    RegistrationFactory(event=event, cancelled=True)
    with time_machine.travel(STARTS - timedelta(hours=47)):
        assert event_reminders_send() == 0
    assert deliveries(REMINDER) == []


@pytest.mark.parametrize("trait", ["cancelled", "draft"])
def test_no_reminders_for_cancelled_or_draft_events(db, trait):
    event = EventFactory(starts_at=STARTS, ends_at=ENDS, **{trait: True})
    RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=47)):
        assert event_reminders_send() == 0


def test_no_reminder_once_the_event_started(event):
    RegistrationFactory(event=event)
    with time_machine.travel(STARTS + timedelta(minutes=5)):
        assert event_reminders_send() == 0


def test_a_late_sign_up_gets_its_reminder_in_the_next_round(event):
    RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=47)):
        assert event_reminders_send() == 1
    late = RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=20)):
        assert event_reminders_send() == 1
    assert [d.recipient for d in deliveries(REMINDER)].count(late.user.email) == 1


def test_reminder_says_when_where_and_links_to_the_event(
    event, caseworker, django_capture_on_commit_callbacks
):
    event.online_url = "https://meet.example.dk/raadighed"
    event.save()
    EventSessionFactory(event=event, title="Velkomst og kaffe")
    RegistrationFactory(event=event, user=caseworker)
    caseworker.preferred_language = "en"
    caseworker.save()
    with (
        time_machine.travel(STARTS - timedelta(hours=47)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        event_reminders_send()
    message = OutboxMessage.objects.get(recipients=caseworker.email)
    assert "Temamøde om rådighed" in message.subject
    text = message.text_body
    assert "kl. 10.00" in text  # Copenhagen time, not UTC (09.00), the Danish way
    assert "Svanevej 22" in text
    assert "https://meet.example.dk/raadighed" in text
    assert "Velkomst og kaffe" in text
    assert f"/{event.pk}/" in text and "kalender.ics" in text
    assert "/afmeld/" in text
    assert "Reminder" in message.subject  # the recipient's language
    assert "Velkomst og kaffe" in message.html_body
    assert f'/{event.pk}/kalender.ics"' in message.html_body


def test_reminders_skip_inactive_people(event):
    registration = RegistrationFactory(event=event)
    registration.user.is_active = False
    registration.user.save()
    with time_machine.travel(STARTS - timedelta(hours=47)):
        assert event_reminders_send() == 0


# --- Feedback requests ---------------------------------------------------------------------------


def test_feedback_requests_go_to_checked_in_participants_after_the_end(event):
    present = RegistrationFactory(event=event, checked_in_at=STARTS)
    RegistrationFactory(event=event)  # confirmed but did not show up
    RegistrationFactory(event=event, waiting=True)
    with time_machine.travel(ENDS + timedelta(minutes=30)):
        assert event_feedback_requests_send() == 0
    with time_machine.travel(ENDS + timedelta(hours=2)):
        assert event_feedback_requests_send() == 1
    assert [d.recipient for d in deliveries(FEEDBACK_REQUEST)] == [present.user.email]
    with time_machine.travel(ENDS + timedelta(hours=3)):
        assert event_feedback_requests_send() == 0
    present.refresh_from_db()
    assert present.feedback_requested_at is not None


def test_feedback_requests_go_to_everyone_confirmed_when_nobody_checked_in(event):
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, cancelled=True)
    with time_machine.travel(ENDS + timedelta(hours=2)):
        assert event_feedback_requests_send() == 2


def test_no_feedback_requests_after_two_weeks(event):
    RegistrationFactory(event=event)
    with time_machine.travel(ENDS + timedelta(days=15)):
        assert event_feedback_requests_send() == 0


def test_no_feedback_requests_for_cancelled_events(db):
    event = EventFactory(starts_at=STARTS, ends_at=ENDS, cancelled=True)
    RegistrationFactory(event=event)
    with time_machine.travel(ENDS + timedelta(hours=2)):
        assert event_feedback_requests_send() == 0


def test_no_feedback_request_to_someone_who_already_answered(event):
    registration = RegistrationFactory(event=event)
    FeedbackResponseFactory(event=event, user=registration.user)
    with time_machine.travel(ENDS + timedelta(hours=2)):
        assert event_feedback_requests_send() == 0


def test_feedback_request_links_to_the_survey(event, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(event=event)
    with (
        time_machine.travel(ENDS + timedelta(hours=2)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        event_feedback_requests_send()
    message = OutboxMessage.objects.get(recipients=registration.user.email)
    assert f"/{event.pk}/evaluering/" in message.text_body
    assert "Temamøde om rådighed" in message.subject


def test_the_periodic_tasks_run_both_rounds(event):
    from portal.events.tasks import event_feedback_requests_task, event_reminders_task

    RegistrationFactory(event=event)
    with time_machine.travel(STARTS - timedelta(hours=47)):
        event_reminders_task.call_local()
    with time_machine.travel(ENDS + timedelta(hours=2)):
        event_feedback_requests_task.call_local()
    assert len(deliveries(REMINDER)) == 1
    assert len(deliveries(FEEDBACK_REQUEST)) == 1


# --- Two workers at once (PostgreSQL) -------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not connection.features.has_select_for_update_skip_locked,
    reason="SKIP LOCKED needs PostgreSQL",
)
def test_two_rounds_at_once_send_each_reminder_once():
    event = EventFactory(starts_at=STARTS, ends_at=ENDS)
    for _ in range(20):
        RegistrationFactory(event=event)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(event_reminders_send())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    with time_machine.travel(STARTS - timedelta(hours=47)):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sum(results) == 20
    assert EmailDelivery.objects.filter(template=REMINDER).count() == 20
    assert Registration.objects.filter(reminder_sent_at__isnull=True).count() == 0
    assert Event.objects.get(pk=event.pk).reminders_sent_at is not None
