"""Writes of the core app."""

from .http import client_ip
from .models import AuditEvent, Organisation, User


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    subject_user: User | None = None,
    organisation: Organisation | None = None,
    request=None,
    **detail,
) -> AuditEvent:
    """Record a security-relevant event. Never put secrets or CPR numbers in `detail`."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if organisation is None:
        organisation = (subject_user or actor).organisation if (subject_user or actor) else None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_email=actor.email if actor else "",
        subject_user=subject_user,
        organisation=organisation,
        ip_address=client_ip(request),
        detail=detail,
    )
