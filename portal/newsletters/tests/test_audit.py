"""Scheduling, withdrawing and sending a newsletter leave one audit entry each."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.core.models import AuditEvent
from portal.forum.tests.factories import make_thread
from portal.newsletters import services
from portal.newsletters.models import Newsletter

from .test_services import draft_with

pytestmark = pytest.mark.django_db

A = AuditEvent.Action


@pytest.fixture
def newsletter(editor, author, topic):
    return draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))


def test_scheduling_and_withdrawing_record_the_time(editor, newsletter, domain_audit):
    send_at = timezone.now() + timedelta(days=1)
    services.newsletter_schedule(newsletter=newsletter, by=editor, send_at=send_at)
    services.newsletter_unschedule(newsletter=newsletter, by=editor)
    services.newsletter_unschedule(newsletter=newsletter, by=editor)  # a draft already
    key = ("newsletter", str(newsletter.pk))
    assert domain_audit.summary() == [
        (A.NEWSLETTER_SCHEDULED, editor.email, *key),
        (A.NEWSLETTER_UNSCHEDULED, editor.email, *key),
    ]
    scheduled, withdrawn = domain_audit.entries()
    assert scheduled.detail == {"send_at_from": None, "send_at": send_at.isoformat()}
    assert withdrawn.detail == {"send_at_from": send_at.isoformat()}
    assert scheduled.object_label == newsletter.subject


def test_sending_now_writes_one_entry(editor, newsletter, domain_audit):
    services.newsletter_send_now(newsletter=newsletter, by=editor)
    assert domain_audit.summary() == [
        (A.NEWSLETTER_SENT, editor.email, "newsletter", str(newsletter.pk))
    ]
    assert domain_audit.entries()[0].actor == editor


def test_a_refused_schedule_writes_no_entry(editor, newsletter, domain_audit):
    with pytest.raises(ValidationError) as error:
        services.newsletter_schedule(
            newsletter=newsletter, by=editor, send_at=timezone.now() - timedelta(minutes=1)
        )
    assert "send_at" in error.value.error_dict
    assert domain_audit.summary() == []


def test_an_audit_write_that_fails_sends_nothing(
    editor, newsletter, failing_audit, django_capture_on_commit_callbacks
):
    failing_audit(services)
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(Exception, match="audit table unavailable"),
    ):
        services.newsletter_send_now(newsletter=newsletter, by=editor)
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT
    assert callbacks == []
