"""Creating people outside the sign-up and invitation flows: operator commands and set-up."""

from collections.abc import Sequence

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditEvent, Organisation, OrganisationKind, Role, RoleGrant, User
from .rules import roles_grantable
from .services import audit_record


@transaction.atomic
def user_create(
    *,
    email: str,
    organisation: Organisation | str,
    roles: Sequence[str],
    password: str | None = None,
    full_name: str = "",
    approved: bool = True,
    actor: User | None = None,
) -> User:
    """Create a person ready to sign in: verified email, roles granted, approved unless told not.

    Raises ValidationError (nothing created) for a bad or taken email, an unknown organisation
    or role, operator admin outside the operator, or a password the validators reject. Whoever
    runs this has the server: it may grant any role (docs/decisions/0012-scoped-roles.md).
    Without a password the person signs in with an emailed login code.
    """
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            _("“%(email)s” is not a valid email address."),
            code="invalid_email",
            params={"email": email},
        ) from None
    if (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    ):
        raise ValidationError(
            _("A user with the email address %(email)s already exists."),
            code="duplicate_email",
            params={"email": email},
        )
    if isinstance(organisation, str):
        slug = organisation
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise ValidationError(
                _("There is no organisation with the short name “%(slug)s”."),
                code="unknown_organisation",
                params={"slug": slug},
            )
    unknown = [role for role in roles if role not in Role.values]
    if unknown:
        raise ValidationError(
            _("Unknown role “%(role)s”. Choose from: %(choices)s."),
            code="unknown_role",
            params={"role": unknown[0], "choices": ", ".join(Role.values)},
        )
    if Role.OPERATOR_ADMIN in roles and organisation.kind != OrganisationKind.OPERATOR:
        raise ValidationError(
            _("Only people of the operator's organisation can be operator administrators."),
            code="operator_admin_outside_operator",
        )
    if actor is not None and not set(roles) <= set(
        roles_grantable(by=actor, organisation=organisation)
    ):
        raise ValidationError(
            _("You may not give these roles to a person of %(organisation)s."),
            code="role_not_grantable",
            params={"organisation": organisation.name},
        )
    user = User(email=email, full_name=full_name.strip(), organisation=organisation)
    if password:
        validate_password(password, user=user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.approved_at = timezone.now() if approved else None
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    RoleGrant.objects.bulk_create(
        [RoleGrant(user=user, role=role) for role in dict.fromkeys(roles)]
    )
    audit_record(
        action=AuditEvent.Action.USER_CREATED,
        actor=actor,
        subject_user=user,
        roles=sorted(set(roles)),
        approved=approved,
    )
    return user


@transaction.atomic
def organisation_create(
    *, slug: str, kind: str, name: str, email_domains: str = "", actor: User | None = None
) -> Organisation:
    """Create an organisation (a new fund, union or jobcenter) from a script or set-up.

    Raises ValidationError (nothing created) for an unknown kind, a short name that is not a
    slug, or a short name or name already taken: each says which, in Danish.
    """
    slug, name = slug.strip(), " ".join(name.split())
    if kind not in OrganisationKind.values:
        raise ValidationError(
            _("Unknown kind of organisation “%(kind)s”. Choose from: %(choices)s."),
            code="unknown_kind",
            params={"kind": kind, "choices": ", ".join(OrganisationKind.values)},
        )
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValidationError(
            _("“%(slug)s” is not a valid short name: use letters, digits, - and _ only."),
            code="invalid_slug",
            params={"slug": slug},
        ) from None
    if not name:
        raise ValidationError(_("The organisation needs a name."), code="missing_name")
    if Organisation.objects.filter(slug__iexact=slug).exists():
        raise ValidationError(
            _("The short name “%(slug)s” is already taken."),
            code="duplicate_slug",
            params={"slug": slug},
        )
    if Organisation.objects.filter(name__iexact=name).exists():
        raise ValidationError(
            _("An organisation named “%(name)s” already exists."),
            code="duplicate_name",
            params={"name": name},
        )
    organisation = Organisation.objects.create(
        slug=slug, kind=kind, name=name, email_domains=email_domains.strip()
    )
    audit_record(
        action=AuditEvent.Action.ORGANISATION_CREATED,
        actor=actor,
        organisation=organisation,
        target=organisation,
        kind=kind,
    )
    return organisation
