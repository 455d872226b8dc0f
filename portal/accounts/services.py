"""Writes of the accounts app: invitations, approvals, roles, profiles and account deletion."""

import secrets
from collections.abc import Iterable
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.email import email_send
from portal.core.models import (
    AuditEvent,
    Centre,
    EmailSuppression,
    Organisation,
    Role,
    RoleGrant,
    Topic,
    User,
)
from portal.core.outbox import email_deliveries_forget
from portal.core.rules import roles_grantable
from portal.core.services import audit_record

from . import hooks, selectors
from .models import Invitation, invitation_token_hash
from .user_cache import user_cache_invalidate


def _clean_roles(
    roles: Iterable[str],
    *,
    by: User | None,
    organisation: Organisation | None,
    member: User | None = None,
) -> list[str]:
    """Known roles only, each once, in the order of Role, and only changes that `by` may make
    (core/rules.py: organisation roles by the organisation's admins, portal roles by operator
    admins, never one's own). `member` is the person whose roles change, if they exist."""
    wanted = set(roles)
    unknown = wanted - set(Role.values)
    if unknown:
        raise ValidationError(
            _("Unknown role: %(roles)s."),
            code="unknown_role",
            params={"roles": ", ".join(sorted(unknown))},
        )
    if not wanted:
        raise ValidationError(_("Choose at least one role."), code="no_roles")
    if member is not None and by is not None and member.pk == by.pk:
        raise ValidationError(
            _("You cannot change your own roles. Ask another administrator."), code="self"
        )
    current = set(member.role_grants.values_list("role", flat=True)) if member else set()
    grantable = set(roles_grantable(by=by, organisation=organisation, member=member))
    refused = (wanted ^ current) - grantable
    if refused:
        labels = dict(Role.choices)
        raise ValidationError(
            _(
                "You may not give or take away the role: %(roles)s. Portal roles (editor, "
                "jurist, operator administrator) are given only by the operator's "
                "administrators."
            ),
            code="role_not_grantable",
            params={"roles": ", ".join(str(labels[r]) for r in Role.values if r in refused)},
        )
    return [role for role in Role.values if role in wanted]


def _absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    roles: Iterable[str],
    invited_by: User,
    centre: Centre | None = None,
    request=None,
) -> tuple[Invitation, str]:
    """Invite a person to the organisation; returns the invitation and its raw token.

    The raw token exists only in the email and in the return value: the database keeps a hash.
    """
    email = email.strip().lower()
    roles = _clean_roles(roles, by=invited_by, organisation=organisation)
    if centre is not None and centre.organisation_id != organisation.pk:
        raise ValidationError(
            _("The centre does not belong to the organisation."), code="centre_mismatch"
        )
    if selectors.email_in_use(email=email):
        raise ValidationError(
            _("A person with this email address already has an account in the portal."),
            code="email_taken",
        )
    if selectors.pending_invitation_list(organisation=organisation).filter(email=email).exists():
        raise ValidationError(
            _("This email address already has a pending invitation to the organisation."),
            code="invitation_pending",
        )
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation.objects.create(
        organisation=organisation,
        centre=centre,
        email=email,
        roles=roles,
        token_hash=invitation_token_hash(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.PORTAL_INVITATION_VALID_DAYS),
    )
    audit_record(
        action=AuditEvent.Action.INVITATION_SENT,
        actor=invited_by,
        organisation=organisation,
        request=request,
        email=email,
        roles=roles,
        invitation_id=invitation.pk,
    )
    email_send(
        to=email,
        template="accounts/emails/invitation",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "invited_by": invited_by,
            "accept_url": _absolute_url(reverse("accounts:invitation_accept", args=[token])),
        },
    )
    return invitation, token


def invitation_validate(*, invitation: Invitation) -> None:
    """Raise a ValidationError saying why the invitation cannot be accepted, if it cannot."""
    problems = {
        Invitation.Status.ACCEPTED: (
            _("This invitation has already been used. Sign in with your email address instead."),
            "invitation_accepted",
        ),
        Invitation.Status.REVOKED: (
            _("This invitation has been withdrawn by the organisation's administrator."),
            "invitation_revoked",
        ),
        Invitation.Status.EXPIRED: (
            _("This invitation has expired. Ask your organisation's administrator for a new one."),
            "invitation_expired",
        ),
    }
    if invitation.status in problems:
        message, code = problems[invitation.status]
        raise ValidationError(message, code=code)
    # The roles are granted on the inviter's authority, so it must still hold when accepted.
    inviter = invitation.invited_by
    if not (
        inviter is not None
        and inviter.is_active
        and set(invitation.roles)
        <= set(roles_grantable(by=inviter, organisation=invitation.organisation))
    ):
        raise ValidationError(
            _(
                "The person who sent this invitation can no longer give these roles. Ask your "
                "organisation's administrator for a new one."
            ),
            code="invitation_unauthorised",
        )
    if selectors.email_in_use(email=invitation.email):
        raise ValidationError(
            _("A person with this email address already has an account. Sign in instead."),
            code="email_taken",
        )


@transaction.atomic
def invitation_accept(*, token: str, full_name: str, password: str, request=None) -> User:
    """Create the invited person's account: approved, email verified, with the invited roles."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "invited_by")
        .filter(token_hash=invitation_token_hash(token or ""))
        .first()
    )
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid."), code="invitation_unknown")
    invitation_validate(invitation=invitation)
    full_name = " ".join(full_name.split())
    if not full_name:
        raise ValidationError(_("Enter your full name."), code="full_name_required")
    validate_password(password, user=User(email=invitation.email, full_name=full_name))
    now = timezone.now()
    user = User.objects.create_user(
        invitation.email,
        password,
        full_name=full_name,
        organisation=invitation.organisation,
        centre=invitation.centre,
        approved_at=now,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in invitation.roles])
    user_cache_invalidate(user.pk)  # bulk_create sends no signal
    invitation.accepted_at = now
    invitation.save(update_fields=["accepted_at"])
    invited_by_email = invitation.invited_by.email if invitation.invited_by else ""
    audit_record(
        action=AuditEvent.Action.INVITATION_ACCEPTED,
        actor=user,
        subject_user=user,
        organisation=invitation.organisation,
        request=request,
        invitation_id=invitation.pk,
        invited_by=invited_by_email,
    )
    audit_record(
        action=AuditEvent.Action.USER_CREATED,
        actor=user,
        subject_user=user,
        organisation=invitation.organisation,
        request=request,
        via="invitation",
        roles=list(invitation.roles),
    )
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: User, request=None) -> Invitation:
    """Withdraw a pending invitation so that its link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(
            _("Only a pending invitation can be withdrawn."), code="invitation_not_pending"
        )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(
        action=AuditEvent.Action.INVITATION_REVOKED,
        actor=actor,
        organisation=invitation.organisation,
        request=request,
        email=invitation.email,
    )
    return invitation


@transaction.atomic
def signup_received(*, user: User, request=None) -> None:
    """A person signed up themselves: record it. Nobody is told until the address is proven."""
    audit_record(
        action=AuditEvent.Action.USER_CREATED,
        actor=user,
        subject_user=user,
        organisation=user.organisation,
        request=request,
        via="signup",
    )


@transaction.atomic
def signup_email_verified(*, user: User, email: str) -> None:
    """A self-signed-up person proved their address: now tell whoever must approve them.

    Not before: an unverified sign-up may be anyone typing a colleague's address, and the
    administrator would be asked to approve an account its owner never asked for.
    """
    if user.approved_at is not None or user.organisation is None:
        return
    if email.strip().lower() != user.email.strip().lower():
        return
    people_url = _absolute_url(reverse("accounts:people_list", args=[user.organisation.slug]))
    for reviewer in selectors.signup_reviewer_list(organisation=user.organisation):
        email_send(
            to=reviewer.email,
            template="accounts/emails/signup_pending",
            context={"reviewer": reviewer, "applicant": user, "people_url": people_url},
            language=reviewer.preferred_language,
        )


def roles_apply(
    *,
    member: User,
    roles: Iterable[str],
    actor: User | None,
    request,
    scope: Iterable[str] | None = None,
    keep_last_admin: bool = False,
    **detail,
) -> None:
    """Give the person exactly `roles` among `scope` (all roles when None), each grant and
    revocation with its audit entry (`detail` added to each). With `keep_last_admin` the
    organisation's last administrator keeps the role (single sign-on's re-sync must not lock
    an organisation out of its people pages). Callers check who may grant what."""
    current = member.role_grants.all()
    if scope is not None:
        scope = set(scope)
        current = current.filter(role__in=scope)
    current = set(current.values_list("role", flat=True))
    wanted = set(roles) if scope is None else set(roles) & scope
    for role in sorted(wanted - current):
        RoleGrant.objects.create(user=member, role=role)
        audit_record(
            action=AuditEvent.Action.ROLE_GRANTED,
            actor=actor,
            subject_user=member,
            organisation=member.organisation,
            request=request,
            role=role,
            **detail,
        )
    for role in sorted(current - wanted):
        if keep_last_admin and role == Role.ADMIN and selectors.is_last_admin(user=member):
            continue
        RoleGrant.objects.filter(user=member, role=role).delete()
        audit_record(
            action=AuditEvent.Action.ROLE_REVOKED,
            actor=actor,
            subject_user=member,
            organisation=member.organisation,
            request=request,
            role=role,
            **detail,
        )
    member.__dict__.pop("role_names", None)


@transaction.atomic
def signup_approve(
    *, user: User, actor: User, roles: Iterable[str] = (Role.CASEWORKER,), request=None
) -> User:
    """Let a self-signed-up person in, with the given roles, and tell them by email."""
    user = (
        User.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=user.pk)
    )
    if user.approved_at is not None:
        raise ValidationError(_("This person has already been approved."), code="already_approved")
    roles = _clean_roles(roles, by=actor, organisation=user.organisation)
    user.approved_at = timezone.now()
    user.save(update_fields=["approved_at"])
    audit_record(
        action=AuditEvent.Action.USER_APPROVED,
        actor=actor,
        subject_user=user,
        organisation=user.organisation,
        request=request,
    )
    roles_apply(member=user, roles=roles, actor=actor, request=request)
    email_send(
        to=user.email,
        template="accounts/emails/signup_approved",
        context={
            "user": user,
            "organisation": user.organisation,
            "login_url": _absolute_url(reverse("account_login")),
        },
        language=user.preferred_language,
    )
    return user


@transaction.atomic
def signup_reject(*, user: User, actor: User, request=None) -> None:
    """Refuse a self-sign-up; the account is deleted so the address can be invited later."""
    user = (
        User.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=user.pk)
    )
    if user.approved_at is not None:
        raise ValidationError(
            _("This person has already been approved and cannot be rejected."),
            code="already_approved",
        )
    audit_record(
        action=AuditEvent.Action.USER_REJECTED,
        actor=actor,
        subject_user=user,
        organisation=user.organisation,
        request=request,
        email=user.email,
        full_name=user.full_name,
    )
    user.delete()


@transaction.atomic
def member_roles_set(*, member: User, roles: Iterable[str], actor: User, request=None) -> User:
    """Give a member exactly these roles; every grant and revocation is audited.

    Only the changes the actor may make are allowed: a request that would also change a role
    outside their scope (or their own roles) changes nothing."""
    roles = _clean_roles(roles, by=actor, organisation=member.organisation, member=member)
    if Role.ADMIN not in roles and selectors.is_last_admin(user=member):
        raise ValidationError(
            _("The organisation must keep at least one administrator."), code="last_admin"
        )
    roles_apply(member=member, roles=roles, actor=actor, request=request)
    return member


@transaction.atomic
def member_deactivate(*, member: User, actor: User, request=None) -> User:
    """Stop a member from signing in; their contributions and history stay."""
    if member.pk == actor.pk:
        raise ValidationError(_("You cannot deactivate your own account."), code="self")
    if member.has_role(Role.OPERATOR_ADMIN) and Role.OPERATOR_ADMIN not in roles_grantable(
        by=actor, organisation=member.organisation, member=member
    ):
        raise ValidationError(
            _("Only an operator administrator can deactivate an operator administrator."),
            code="operator_admin",
        )
    if not member.is_active:
        raise ValidationError(_("This person is already deactivated."), code="already_inactive")
    if selectors.is_last_admin(user=member):
        raise ValidationError(
            _("The organisation must keep at least one administrator."), code="last_admin"
        )
    member.is_active = False
    member.save(update_fields=["is_active"])
    audit_record(
        action=AuditEvent.Action.USER_DEACTIVATED,
        actor=actor,
        subject_user=member,
        organisation=member.organisation,
        request=request,
    )
    return member


@transaction.atomic
def profile_update(
    *,
    user: User,
    full_name: str,
    title: str,
    phone: str,
    centre: Centre | None,
    expertise: Iterable[Topic],
    preferred_language: str,
) -> User:
    """Save what the person tells about themselves."""
    full_name = " ".join(full_name.split())
    if not full_name:
        raise ValidationError(_("Enter your full name."), code="full_name_required")
    if centre is not None and centre.organisation_id != user.organisation_id:
        raise ValidationError(
            _("Choose a centre of your own organisation."), code="centre_mismatch"
        )
    if preferred_language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose a language of the portal."), code="unknown_language")
    user.full_name = full_name
    user.title = title.strip()
    user.phone = phone.strip()
    user.centre = centre
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "title", "phone", "centre", "preferred_language"])
    user.expertise.set(expertise)
    return user


def personal_data_export(*, user: User, request=None) -> dict:
    """The person's own data for download; the export itself is audited."""
    data = selectors.personal_data(user=user)
    audit_record(action=AuditEvent.Action.DATA_EXPORTED, actor=user, request=request)
    return data


@transaction.atomic
def account_delete(*, user: User, password: str, request=None) -> None:
    """Delete the person's own account after they confirmed with their password.

    The audit event is written first and keeps the email as text, so it outlives the account.
    """
    if not user.check_password(password):
        raise ValidationError(_("The password is not correct."), code="wrong_password")
    if selectors.is_last_admin(user=user):
        raise ValidationError(
            _(
                "You are the last administrator of your organisation. Make another person "
                "administrator before you delete your account."
            ),
            code="last_admin",
        )
    audit_record(
        action=AuditEvent.Action.USER_DELETED,
        actor=user,
        subject_user=user,
        organisation=user.organisation,
        request=request,
        email=user.email,
    )
    # The apps above accounts let go of the person's things (the events app gives up their
    # seats so that the next person waiting gets them) in this transaction.
    hooks.account_deleting.send(sender=User, user=user)
    _email_records_forget(user=user)
    # Registrations and the calendar feed go with the account (CASCADE); survey answers stay,
    # without the person (SET_NULL), so organisers' results stay whole.
    user.delete()


def _email_records_forget(*, user: User) -> None:
    """The records of mail sent to and received from the person keep their counts (newsletter
    figures) but lose the address; a bounce record of the address goes."""
    address = user.email
    email_deliveries_forget(user=user, address=address)
    EmailSuppression.objects.filter(address__iexact=address).delete()
    # Read through the apps registry: inbound mail builds on accounts, not the other way round.
    apps.get_model("inbound_mail", "InboundMessage").objects.filter(
        Q(user=user) | Q(from_address__iexact=address) | Q(envelope_from__iexact=address)
    ).update(from_address="", envelope_from="", user=None)
