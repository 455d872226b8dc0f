"""Every email the events module sends, made by the services as in real use, passes the basic
email accessibility check and carries the event's title and page in its plain text."""

from datetime import timedelta

import pytest

from portal.conftest import make_user
from portal.core.models import EmailDelivery, OutboxMessage
from portal.core.tests.factories import UserFactory
from portal.events import services
from portal.events.tests.factories import EventFactory, days_ahead, sent_mail, text_body
from portal.testing.email_audit import email_audit

pytestmark = pytest.mark.django_db

EVERY_TEMPLATE = {
    "confirmed",
    "waiting",
    "promoted",
    "cancelled",
    "updated",
    "event_cancelled",
    "registered_by_colleague",
    "reminder",
    "feedback_request",
}


def test_every_event_email_passes_the_accessibility_and_plain_text_checks(
    django_capture_on_commit_callbacks, editor, fund, settings
):
    coordinator = make_user(organisation=fund, roles=["coordinator"], mfa=True)
    first, second, third = (UserFactory(organisation=fund) for _ in range(3))
    event = EventFactory(title="Temamøde om rådighed & deltid", capacity=1)
    ended = EventFactory(
        title="Det afholdte temamøde", starts_at=days_ahead(-1), ends_at=days_ahead(-1, hour=13)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, user=first)  # confirmed
        services.registration_create(event=event, user=third, by=coordinator)  # waiting + receipt
        services.registration_cancel(
            registration=event.registrations.get(user=first), by=first
        )  # cancelled; third promoted
        services.event_update(event=event, by=editor, room="Lokale 7")  # updated
        services.event_reminders_send(now=event.starts_at - timedelta(hours=24))  # reminder
        services.registration_create(event=event, user=second)  # waiting
        services.event_cancel(event=event, by=editor, reason="Oplægsholderen er syg.")
        ended.registrations.create(user=second, status="confirmed", confirmed_at=ended.starts_at)
        services.event_feedback_requests_send(now=ended.ends_at + timedelta(hours=2))

    made = {
        template.rsplit("/", 1)[-1]
        for template in EmailDelivery.objects.values_list("template", flat=True)
    }
    assert made == EVERY_TEMPLATE, set(OutboxMessage.objects.values_list("subject", flat=True))
    for person in (first, second, third, coordinator):
        for message in sent_mail(person.email):
            html = message.get_body(preferencelist=("html",)).get_content()
            audit = email_audit(html)
            subject = message["Subject"]
            assert audit.html_lang == "da", subject
            assert audit.headings.count("h1") == 1 and audit.headings[0] == "h1", subject
            assert audit.links and all(text for _href, text in audit.links), subject
            assert all("alt" in image for image in audit.images), subject
            text = text_body(message)
            title = "Det afholdte temamøde" if "afholdte" in subject else event.title
            assert title in text, subject
            page = ended if "afholdte" in subject else event
            assert f"{settings.SITE_URL}{page.get_absolute_url()}" in text, subject
