"""Publishing and cancelling an event leave one audit entry each, in the same transaction."""

import pytest

from portal.core.models import AuditEvent
from portal.events import services
from portal.events.models import Event
from portal.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

A = AuditEvent.Action


def test_publishing_an_event_writes_one_entry_naming_it(editor, domain_audit):
    event = EventFactory(draft=True, title="Temamøde om rådighed")
    services.event_publish(event=event, by=editor)
    services.event_publish(event=event, by=editor)  # already published: nothing happens
    assert domain_audit.summary() == [(A.EVENT_PUBLISHED, editor.email, "event", str(event.pk))]
    assert domain_audit.entries()[0].object_label == "Temamøde om rådighed"


def test_cancelling_an_event_records_its_former_status_and_the_reason(editor, domain_audit):
    event = EventFactory(title="Årsmøde")
    services.event_cancel(event=event, by=editor, reason="Oplægsholderen er syg.")
    services.event_cancel(event=event, by=editor)  # already cancelled: nothing happens
    assert domain_audit.summary() == [(A.EVENT_CANCELLED, editor.email, "event", str(event.pk))]
    (entry,) = domain_audit.entries()
    assert entry.actor == editor
    assert entry.object_label == "Årsmøde"
    assert entry.detail == {"status_from": "published", "reason": "Oplægsholderen er syg."}


def test_an_audit_write_that_fails_leaves_the_event_as_it_was(
    editor, domain_audit, failing_audit, django_capture_on_commit_callbacks
):
    event = EventFactory()
    failing_audit(services.events)  # the module whose audit_record the service calls
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(Exception, match="audit table unavailable"),
    ):
        services.event_cancel(event=event, by=editor, reason="Aflyst")
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event.ical_sequence == 0
    assert callbacks == []  # nobody is told of a cancellation that did not happen
