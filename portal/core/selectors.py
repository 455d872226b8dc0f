"""Reads of the core app."""

from django.db.models import QuerySet

from .models import AuditEvent, Organisation, OutboxMessage, User


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.all().order_by("name")


def audit_event_list(
    *,
    user: User,
    action: str = "",
    email: str = "",
    date_from=None,
    date_to=None,
) -> QuerySet[AuditEvent]:
    """Events the admin may read: their organisation's, or all for the operator's admins."""
    events = AuditEvent.objects.select_related("organisation", "subject_user")
    if not user.has_perm("core.view_all_audit_events"):
        events = events.filter(organisation_id=user.organisation_id)
    if action:
        events = events.filter(action=action)
    if email:
        events = events.filter(actor_email__icontains=email)
    if date_from:
        events = events.filter(created_at__date__gte=date_from)
    if date_to:
        events = events.filter(created_at__date__lte=date_to)
    return events


def outbox_message_list() -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.defer("raw", "html_body", "text_body")
