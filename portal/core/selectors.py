"""Reads of the core app."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .context_processors import follows_partnership
from .models import AuditEvent, EmailDelivery, Organisation, OutboxMessage, PersonalDataAccess, User

# Module key → URL name of its start page (modules not built yet show a "coming soon" page).
MODULE_URLS = {
    "debate": "forum:thread_list",
    "events": "events:event_list",
    "directory": "directory:person_list",
    "partnership": "partnership:overview",
    "register": "register:item_list",
    "search": "search:search",
}

MODULES = {
    "debate": (_("Debate"), _("Threads, questions and answers, the legal hotline and guides.")),
    "events": (_("Events"), _("The annual conference, theme meetings and network activities.")),
    "directory": (_("Colleagues"), _("Find a colleague by organisation and expertise.")),
    "partnership": (_("Partnership"), _("Follow-up on interviews, job clubs, budget and effect.")),
    "register": (
        pgettext_lazy("register", "Register"),
        _("The register of burdensome rules and workflows."),
    ),
    "search": (_("Search"), _("One search across the whole portal.")),
}


def modules_for(*, user: User) -> list[dict]:
    """The portal's modules as the front page lists them (the partnership for those in it)."""
    return [
        {"title": title, "description": description, "url": reverse(MODULE_URLS[key])}
        for key, (title, description) in MODULES.items()
        if key != "partnership" or follows_partnership(user)
    ]


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.all().order_by("name")


def audit_event_list(
    *,
    user: User,
    action: str = "",
    email: str = "",
    object_type: str = "",
    object_text: str = "",
    date_from=None,
    date_to=None,
) -> QuerySet[AuditEvent]:
    """Events the admin may read: their organisation's, or all for the operator's admins.
    `object_text` finds the object by its number or by words of its label."""
    events = AuditEvent.objects.select_related("organisation", "subject_user")
    if not user.has_perm("core.view_all_audit_events"):
        events = events.filter(organisation_id=user.organisation_id)
    if action:
        events = events.filter(action=action)
    if object_type:
        events = events.filter(object_type=object_type)
    if object_text:
        matches = Q(object_label__icontains=object_text)
        if object_text.isdigit():
            matches |= Q(object_id=object_text)
        events = events.filter(matches)
    return _by_actor_and_dates(events, email=email, date_from=date_from, date_to=date_to)


def _by_actor_and_dates(records: QuerySet, *, email: str, date_from, date_to) -> QuerySet:
    """The filters both logs share (LogFilterForm): who, and between which local dates."""
    if email:
        records = records.filter(actor_email__icontains=email)
    if date_from:
        records = records.filter(created_at__date__gte=date_from)
    if date_to:
        records = records.filter(created_at__date__lte=date_to)
    return records


def outbox_message_list(
    *, recipient: str = "", category: str = "", status: str = "", date_from=None, date_to=None
) -> QuerySet[OutboxMessage]:
    """The demo's outbox, newest first, filtered; one query per page with the delivery's
    category and status, without the bodies."""
    messages = OutboxMessage.objects.select_related("delivery").only(
        "created_at", "recipients", "subject", "delivery__category", "delivery__status"
    )
    if recipient:
        messages = messages.filter(recipients__icontains=recipient)
    if category:
        messages = messages.filter(delivery__category=category)
    if status:
        messages = messages.filter(delivery__status=status)
    if date_from:
        messages = messages.filter(created_at__date__gte=date_from)
    if date_to:
        messages = messages.filter(created_at__date__lte=date_to)
    return messages


def personal_data_access_list(
    *, kind: str = "", email: str = "", date_from=None, date_to=None
) -> QuerySet[PersonalDataAccess]:
    """The access log, newest first; one query per page (the actor is kept as text)."""
    accesses = PersonalDataAccess.objects.defer("person_ids")
    if kind:
        accesses = accesses.filter(kind=kind)
    return _by_actor_and_dates(accesses, email=email, date_from=date_from, date_to=date_to)


# --- The durable outbox (operator admins) ------------------------------------------------

MAIL_STATUSES_SHOWN = (
    EmailDelivery.Status.FAILED,
    EmailDelivery.Status.PENDING,
    EmailDelivery.Status.SENDING,
)


def _require_manage_mail(user: User) -> None:
    if not user.has_perm("core.manage_mail"):
        raise PermissionDenied


def mail_list(*, user: User, status: str) -> QuerySet[EmailDelivery]:
    """Mail in one state, newest first, without the bodies (they may hold login codes)."""
    _require_manage_mail(user)
    if status not in MAIL_STATUSES_SHOWN:
        raise ValueError(status)
    return (
        EmailDelivery.objects.filter(status=status)
        .defer("text_body", "html_body", "headers", "attachments")
        .order_by("-created_at", "-pk")
    )


def mail_counts(*, user: User) -> dict[str, int]:
    """How many messages wait, are being sent or failed, in one query."""
    _require_manage_mail(user)
    return EmailDelivery.objects.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in MAIL_STATUSES_SHOWN}
    )
