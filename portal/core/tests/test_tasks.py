from datetime import timedelta

import pytest
from django.utils import timezone

from portal.core.models import AuditEvent
from portal.core.services import audit_record
from portal.core.tasks import audit_prune

pytestmark = pytest.mark.django_db


def test_audit_prune_drops_only_events_past_the_retention_period(settings, caseworker):
    settings.PORTAL_AUDIT_RETENTION_DAYS = 30
    old = audit_record(action=AuditEvent.Action.LOGIN, actor=caseworker)
    old.created_at = timezone.now() - timedelta(days=31)
    old.save(update_fields=["created_at"])
    recent = audit_record(action=AuditEvent.Action.LOGIN, actor=caseworker)

    audit_prune.call_local()

    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]


def test_audit_record_keeps_the_actor_email_and_organisation(caseworker):
    event = audit_record(action=AuditEvent.Action.DATA_EXPORTED, actor=caseworker, fmt="json")
    assert event.actor_email == caseworker.email
    assert event.organisation == caseworker.organisation
    assert event.detail == {"fmt": "json"}
