"""Reads of the core app."""

from django.db.models import QuerySet

from .models import AuditEvent, Organisation, OutboxMessage, PersonalDataAccess, User


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


def personal_data_access_list(
    *, kind: str = "", email: str = "", date_from=None, date_to=None
) -> QuerySet[PersonalDataAccess]:
    """The access log, newest first; one query per page (the actor is kept as text)."""
    accesses = PersonalDataAccess.objects.defer("person_ids")
    if kind:
        accesses = accesses.filter(kind=kind)
    if email:
        accesses = accesses.filter(actor_email__icontains=email)
    if date_from:
        accesses = accesses.filter(created_at__date__gte=date_from)
    if date_to:
        accesses = accesses.filter(created_at__date__lte=date_to)
    return accesses
