"""GDPR: the person's own export lists their registrations, survey answers and whether they
have a calendar feed; deleting the account removes registrations and the feed, frees their seats
for the waiting list and keeps survey answers without the person."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from portal.accounts import services as accounts
from portal.accounts.selectors import personal_data
from portal.conftest import PASSWORD
from portal.core.models import EmailDelivery
from portal.events.models import CalendarFeed, FeedbackResponse, Registration

from .factories import (
    CalendarFeedFactory,
    EventFactory,
    FeedbackResponseFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def test_the_export_lists_registrations_feedback_and_the_calendar_feed_without_its_token(
    caseworker, colleague
):
    event = EventFactory(title="Temamøde om rådighed")
    RegistrationFactory(
        event=event, user=caseworker, dietary_note="Vegetar", accessibility_note="Teleslynge"
    )
    RegistrationFactory(user=colleague)  # someone else's
    feedback = FeedbackResponseFactory(user=caseworker, comment="Godt møde", overall=5)
    RegistrationFactory(event=feedback.event, user=caseworker)
    feed = CalendarFeedFactory(user=caseworker)

    data = personal_data(user=caseworker)["events"]
    json.dumps(data, cls=DjangoJSONEncoder)  # exportable as it is

    titles = [r["event_title"] for r in data["registrations"]]
    assert sorted(titles) == sorted(["Temamøde om rådighed", feedback.event.title])
    mine = next(r for r in data["registrations"] if r["event_title"] == "Temamøde om rådighed")
    assert (mine["status"], mine["dietary_note"], mine["accessibility_note"]) == (
        "confirmed",
        "Vegetar",
        "Teleslynge",
    )
    assert data["feedback"] == [
        {
            "event_id": feedback.event_id,
            "event_title": feedback.event.title,
            "overall": 5,
            "usefulness": feedback.usefulness,
            "comment": "Godt møde",
            "created_at": feedback.created_at,
        }
    ]
    assert data["calendar_feed"]["created_at"] == feed.created_at
    assert feed.token not in json.dumps(personal_data(user=caseworker), cls=DjangoJSONEncoder)


def test_the_export_of_someone_without_events_is_empty(caseworker):
    assert personal_data(user=caseworker)["events"] == {
        "registrations": [],
        "feedback": [],
        "calendar_feed": None,
    }


def test_deleting_the_account_removes_registrations_and_feed_and_anonymises_feedback(caseworker):
    RegistrationFactory(user=caseworker)
    past = RegistrationFactory(user=caseworker, event=EventFactory(past=True))
    feedback = FeedbackResponseFactory(user=caseworker, event=past.event, comment="Fint")
    CalendarFeedFactory(user=caseworker)

    accounts.account_delete(user=caseworker, password=PASSWORD)

    assert not Registration.objects.exists()
    assert not CalendarFeed.objects.exists()
    feedback = FeedbackResponse.objects.get(pk=feedback.pk)
    assert feedback.user is None and feedback.comment == "Fint"


def test_deleting_the_account_gives_the_seat_to_the_next_person_waiting(
    caseworker, colleague, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, user=caseworker)
    waiting = RegistrationFactory(event=event, user=colleague, waiting=True)

    with django_capture_on_commit_callbacks(execute=True):
        accounts.account_delete(user=caseworker, password=PASSWORD)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED and waiting.promoted_at
    # The promoted person is told; the deleted person is not mailed.
    assert EmailDelivery.objects.filter(recipient=colleague.email).exists()
    assert not EmailDelivery.objects.exclude(recipient=colleague.email).exists()
