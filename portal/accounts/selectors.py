"""Reads of the accounts app."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from portal.core.models import AuditEvent, EmailDelivery, Organisation, Role, RoleGrant, User
from portal.core.rules import is_operator_admin

from .models import Invitation, invitation_token_hash


def organisation_for_email(*, email: str) -> Organisation | None:
    """The organisation that owns the email's domain, if any."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    if not domain:
        return None
    for organisation in Organisation.objects.exclude(email_domains=""):
        if domain in organisation.domain_list:
            return organisation
    return None


def organisation_list_manageable(*, user: User) -> QuerySet[Organisation]:
    """Organisations whose people the user administers, with member and sign-up counts."""
    if is_operator_admin(user):
        organisations = Organisation.objects.all()
    elif user.is_authenticated and user.has_role(Role.ADMIN) and user.organisation_id:
        organisations = Organisation.objects.filter(pk=user.organisation_id)
    else:
        return Organisation.objects.none()
    return organisations.annotate(
        member_count=Count("members", filter=Q(members__approved_at__isnull=False)),
        pending_count=Count(
            "members",
            filter=Q(members__approved_at__isnull=True, members__is_active=True),
        ),
    ).order_by("name")


def access_organisation_for_people(*, user: User, slug: str) -> Organisation:
    """The organisation whose people the user wants to administer: 404 if unknown, else 403."""
    try:
        organisation = Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not user.has_perm("core.manage_people", organisation):
        raise PermissionDenied
    return organisation


def member_list(*, organisation: Organisation, search: str = "") -> QuerySet[User]:
    """Approved members (active or deactivated) with their roles and centre."""
    members = (
        User.objects.filter(organisation=organisation, approved_at__isnull=False)
        .select_related("centre")
        .prefetch_related(Prefetch("role_grants", queryset=RoleGrant.objects.order_by("role")))
        .order_by("full_name", "email")
    )
    search = search.strip()
    if search:
        members = members.filter(Q(full_name__icontains=search) | Q(email__icontains=search))
    return members


def pending_signup_list(*, organisation: Organisation) -> QuerySet[User]:
    """Self-signed-up people waiting for approval, with whether they confirmed their email."""
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return (
        User.objects.filter(organisation=organisation, approved_at__isnull=True, is_active=True)
        .annotate(email_verified=Exists(verified))
        .order_by("date_joined", "id")
    )


def pending_invitation_list(*, organisation: Organisation) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(
            organisation=organisation,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("invited_by", "centre")
        .order_by("-created_at", "-id")
    )


def access_member(*, organisation: Organisation, user_id: int) -> User:
    """An approved member of the organisation (404 otherwise)."""
    try:
        return User.objects.select_related("centre", "organisation").get(
            pk=user_id, organisation=organisation, approved_at__isnull=False
        )
    except User.DoesNotExist:
        raise Http404 from None


def access_pending_signup(*, organisation: Organisation, user_id: int) -> User:
    """A sign-up of the organisation that still awaits approval (404 otherwise)."""
    try:
        return User.objects.select_related("organisation").get(
            pk=user_id, organisation=organisation, approved_at__isnull=True, is_active=True
        )
    except User.DoesNotExist:
        raise Http404 from None


def access_invitation(*, organisation: Organisation, invitation_id: int) -> Invitation:
    try:
        return Invitation.objects.select_related("organisation").get(
            pk=invitation_id, organisation=organisation
        )
    except Invitation.DoesNotExist:
        raise Http404 from None


def invitation_for_token(*, token: str) -> Invitation | None:
    """The invitation a raw token belongs to; None for unknown or forged tokens."""
    if not token:
        return None
    return (
        Invitation.objects.select_related("organisation", "centre", "invited_by")
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


def email_in_use(*, email: str) -> bool:
    """Whether an account already has this address (as login or as an extra address)."""
    return (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def active_admin_list(*, organisation: Organisation) -> QuerySet[User]:
    return User.objects.filter(
        organisation=organisation,
        is_active=True,
        approved_at__isnull=False,
        role_grants__role=Role.ADMIN,
    ).distinct()


def is_last_admin(*, user: User) -> bool:
    """Whether removing this person would leave their organisation without an administrator."""
    if user.organisation_id is None or not user.has_role(Role.ADMIN) or not user.is_active:
        return False
    return not active_admin_list(organisation=user.organisation).exclude(pk=user.pk).exists()


def signup_reviewer_list(*, organisation: Organisation) -> QuerySet[User]:
    """Who hears about a new sign-up: the organisation's admins, else the operator admins."""
    admins = active_admin_list(organisation=organisation)
    if admins.exists():
        return admins
    return User.objects.filter(
        organisation__kind="operator",
        is_active=True,
        approved_at__isnull=False,
        role_grants__role=Role.OPERATOR_ADMIN,
    ).distinct()


def _api_token_list(*, user: User) -> list[dict]:
    try:
        api_token_model = apps.get_model("api", "ApiToken")
    except LookupError:
        return []
    return [
        {
            "name": token.name,
            "created_at": token.created_at,
            "last_used_at": token.last_used_at,
            "revoked_at": token.revoked_at,
        }
        for token in api_token_model.objects.filter(user=user).only(
            "name", "created_at", "last_used_at", "revoked_at"
        )
    ]


def personal_data(*, user: User) -> dict:
    """Everything the portal holds about the person (GDPR art. 15/20), without secrets."""
    user = User.objects.select_related("organisation", "centre").get(pk=user.pk)
    organisation = user.organisation
    events = AuditEvent.objects.filter(Q(actor=user) | Q(subject_user=user)).order_by(
        "created_at", "id"
    )
    return {
        "exported_at": timezone.now(),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "title": user.title,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "approved_at": user.approved_at,
            "last_login": user.last_login,
            "is_active": user.is_active,
        },
        "organisation": (
            {"name": organisation.name, "slug": organisation.slug, "kind": organisation.kind}
            if organisation
            else None
        ),
        "centre": user.centre.name if user.centre else None,
        "expertise": list(user.expertise.order_by("name").values_list("name", flat=True)),
        "roles": sorted(user.role_grants.values_list("role", flat=True)),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "mfa": [
            {
                "type": authenticator.type,
                "created_at": authenticator.created_at,
                "last_used_at": authenticator.last_used_at,
            }
            for authenticator in Authenticator.objects.filter(user=user).only(
                "type", "created_at", "last_used_at"
            )
        ],
        "sessions": [
            {
                "created_at": session.created_at,
                "last_seen_at": session.last_seen_at,
                "ip_address": session.ip,
                "user_agent": session.user_agent,
            }
            for session in UserSession.objects.filter(user=user).only(
                "created_at", "last_seen_at", "ip", "user_agent"
            )
        ],
        "api_tokens": _api_token_list(user=user),
        "audit_events": [
            {
                "created_at": event.created_at,
                "action": event.action,
                "actor_email": event.actor_email,
                "ip_address": event.ip_address,
                "object_type": event.object_type,
                "object_id": event.object_id,
                "object_label": event.object_label,
                "detail": event.detail,
            }
            for event in events
        ],
        "debate": _debate_data(user=user),
        "email": _email_data(user=user),
        "events": _events_data(user=user),
    }


def _events_data(*, user: User) -> dict:
    """Events the person signed up for, their survey answers and whether they have a calendar
    feed (its secret address is left out, like API token keys)."""
    registration_model = apps.get_model("events", "Registration")
    feedback_model = apps.get_model("events", "FeedbackResponse")
    feed_model = apps.get_model("events", "CalendarFeed")
    registrations = (
        registration_model.objects.filter(user=user)
        .select_related("event", "registered_by")
        .order_by("queued_at", "pk")
    )
    feed = feed_model.objects.filter(user=user).first()
    return {
        "registrations": [
            {
                "event_id": registration.event_id,
                "event_title": registration.event.title,
                "event_starts_at": registration.event.starts_at,
                "status": registration.status,
                "signed_up_at": registration.queued_at,
                "registered_by": (
                    registration.registered_by.get_full_name()
                    if registration.registered_by_id
                    else None
                ),
                "confirmed_at": registration.confirmed_at,
                "promoted_at": registration.promoted_at,
                "cancelled_at": registration.cancelled_at,
                "checked_in_at": registration.checked_in_at,
                "dietary_note": registration.dietary_note,
                "accessibility_note": registration.accessibility_note,
            }
            for registration in registrations
        ],
        "feedback": [
            {
                "event_id": event_id,
                "event_title": title,
                "overall": overall,
                "usefulness": usefulness,
                "comment": comment,
                "created_at": created_at,
            }
            for event_id, title, overall, usefulness, comment, created_at in (
                feedback_model.objects.filter(user=user)
                .order_by("created_at", "pk")
                .values_list(
                    "event_id", "event__title", "overall", "usefulness", "comment", "created_at"
                )
            )
        ],
        "calendar_feed": (
            {"created_at": feed.created_at, "last_fetched_at": feed.last_fetched_at}
            if feed
            else None
        ),
    }


def _debate_data(*, user: User) -> dict:
    """What the person wrote and did in the debate (read through the apps registry: the debate
    apps build on accounts, not the other way round)."""
    post_model = apps.get_model("forum", "Post")
    reaction_model = apps.get_model("forum", "Reaction")
    posts = post_model.objects.filter(author=user).select_related("thread").order_by("created_at")
    return {
        "posts": [
            {
                "thread_id": post.thread_id,
                "thread_title": post.thread.title,
                "opening_post": post.is_opening,
                "created_at": post.created_at,
                "edited_at": post.edited_at,
                "text": post.body,
            }
            for post in posts
        ],
        "reactions": [
            {"post_id": post_id, "kind": kind, "created_at": created_at}
            for post_id, kind, created_at in reaction_model.objects.filter(user=user)
            .order_by("created_at")
            .values_list("post_id", "kind", "created_at")
        ],
        "followed_threads": sorted(user.thread_follows.values_list("thread_id", flat=True)),
        "followed_topics": sorted(user.topic_follows.values_list("topic__name", flat=True)),
        "read_threads": [
            {"thread_id": thread_id, "last_read_post_id": post_id, "last_read_at": read_at}
            for thread_id, post_id, read_at in user.thread_read_states.order_by(
                "thread_id"
            ).values_list("thread_id", "last_read_post_id", "last_read_at")
        ],
        "last_seen_in_debate": user.debate_visit.last_seen_at
        if hasattr(user, "debate_visit")
        else None,
        "networks": sorted(user.networks.values_list("name", flat=True)),
        "notifications": [
            {"kind": kind, "created_at": created_at, "read_at": read_at}
            for kind, created_at, read_at in user.notifications.order_by("created_at").values_list(
                "kind", "created_at", "read_at"
            )
        ],
    }


def _email_data(*, user: User) -> dict:
    """Email choices and the record of mail sent to the person (not the bodies: they may hold
    login codes and are deleted after the retention period)."""
    # Read through the apps registry like the debate and events data: digests builds on
    # accounts. No row means the defaults, as the digests app reads it.
    preference_model = apps.get_model("digests", "EmailPreference")
    preference = preference_model.objects.filter(user=user).first() or preference_model(user=user)
    deliveries = EmailDelivery.objects.filter(Q(user=user) | Q(recipient__iexact=user.email))
    return {
        "preferences": {
            "digest_frequency": preference.digest_frequency,
            "newsletter": preference.newsletter,
            "notifications": preference.notifications,
            "notification_kinds_off": list(preference.notification_kinds_off),
        },
        "digests": [
            {"period_start": period_start, "items": items}
            for period_start, items in user.digest_runs.order_by("period_start").values_list(
                "period_start", "item_count"
            )
        ],
        "deliveries": [
            {
                "created_at": created_at,
                "category": category,
                "subject": subject,
                "status": status,
                "opened_at": opened_at,
                "clicked_at": clicked_at,
            }
            for created_at, category, subject, status, opened_at, clicked_at in deliveries.order_by(
                "created_at"
            ).values_list("created_at", "category", "subject", "status", "opened_at", "clicked_at")
        ],
    }
