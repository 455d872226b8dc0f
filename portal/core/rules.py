"""Who may do what in the whole portal: one table of permission → rule (django-rules).

Roles come in two scopes (docs/decisions/0012-scoped-roles.md):

- organisation roles (caseworker, coordinator, admin) apply within the person's own
  organisation and are granted by that organisation's admin or by an operator admin;
- portal roles (editor, jurist, operator_admin) apply across the portal and are granted only
  by operator admins.

Nobody grants or takes away their own roles (`roles_grantable`). Views and services ask
`rules.has_perm(permission, user, obj)`; object permissions take the object they guard
(`rules.has_perm("core.manage_people", user, organisation)`). Predicates about content are
duck-typed (`event.organisers`, `network.memberships`), so core imports no content app.
"""

import rules

from .models import ORGANISATION_ROLES, PORTAL_ROLES, OrganisationKind, Role

# --- Who the person is -----------------------------------------------------------------------


def _holds(user, role: str) -> bool:
    return bool(user.is_authenticated and user.has_role(role))


@rules.predicate
def is_approved_member(user):
    return bool(user.is_authenticated and user.is_active and user.approved_at is not None)


@rules.predicate
def is_coordinator(user):
    return _holds(user, Role.COORDINATOR)


@rules.predicate
def is_admin(user):
    """An organisation admin (of their own organisation, whichever it is)."""
    return _holds(user, Role.ADMIN)


@rules.predicate
def is_admin_of(user, organisation):
    return bool(
        organisation is not None
        and _holds(user, Role.ADMIN)
        and user.organisation_id == organisation.pk
    )


@rules.predicate
def is_editor(user):
    return _holds(user, Role.EDITOR)


@rules.predicate
def is_jurist(user):
    return _holds(user, Role.JURIST)


@rules.predicate
def is_operator_admin(user):
    """The operator's admins run the portal; the role is only ever held within the operator."""
    return bool(
        _holds(user, Role.OPERATOR_ADMIN)
        and user.organisation_id
        and user.organisation.kind == OrganisationKind.OPERATOR
    )


def _of_kind(user, kind: str) -> bool:
    return bool(user.is_authenticated and user.organisation_id and user.organisation.kind == kind)


@rules.predicate
def is_of_jobcenter(user):
    """A person of a jobcenter (the partnership's side that follows every fund)."""
    return _of_kind(user, OrganisationKind.JOBCENTER)


@rules.predicate
def is_of_fund(user):
    """A person of an unemployment fund."""
    return _of_kind(user, OrganisationKind.UFUND)


# --- Where the person stands to a thing ------------------------------------------------------


@rules.predicate
def is_organiser_of(user, event):
    if event is None or not user.is_authenticated:
        return False
    return event.organisers.filter(pk=user.pk).exists()


@rules.predicate
def is_moderator_of(user, network):
    if network is None or not user.is_authenticated:
        return False
    return network.memberships.filter(user_id=user.pk, role="moderator").exists()


@rules.predicate
def is_open_network(user, network):
    return bool(network is not None and network.is_open)


# --- The table -------------------------------------------------------------------------------

PERMISSIONS = {
    # Signed in and approved: the portal's pages at all.
    "core.use_portal": is_approved_member,
    # People of an organisation (list, invite, approve, deactivate): its admins, operator admins.
    "core.manage_people": is_admin_of | is_operator_admin,
    # Which roles one may grant (see roles_grantable: never one's own).
    "core.grant_organisation_roles": is_admin_of | is_operator_admin,
    "core.grant_portal_roles": is_operator_admin,
    # The audit log: an admin of their organisation's events, operator admins of all.
    "core.view_audit_log": is_admin | is_operator_admin,
    "core.view_all_audit_events": is_operator_admin,
    # The demo outbox holds everyone's mail: operator admins only.
    "core.view_outbox": is_operator_admin,
    # Who read or exported person-level data (the access log): operator admins only.
    "core.view_access_log": is_operator_admin,
    # The durable outbox: failed and waiting mail, and sending a failed message again.
    "core.manage_mail": is_operator_admin,
    # Debate: the editorial desk moderates, keeps the topics and creates networks. A network is
    # run by its own moderators; editors run the open ones, and join one by invitation only
    # when invited like anyone else.
    "forum.moderate": is_editor,
    "forum.manage_topics": is_editor,
    "forum.manage_networks": is_editor,
    "forum.moderate_network": is_moderator_of | (is_editor & is_open_network),
    # Guides belong to the editorial desk; a guide's owner (who keeps it current) is an editor
    # or a jurist. The jurists follow the legislation, so they too mark a law (or a paragraph)
    # as changed, which flags every guide and accepted answer citing it for the editors.
    "guides.manage": is_editor,
    "guides.mark_law_changed": is_editor | is_jurist,
    "guides.own": is_editor | is_jurist,
    # The legal hotline's work list and answers belong to the jurists.
    "hotline.work": is_jurist,
    # The newsletter: the editorial desk only.
    "newsletters.manage": is_editor,
    # Events. The editorial desk creates, publishes and copies events and sees drafts;
    # an event is run (edited, cancelled, participants, check-in, badges, attendance list,
    # feedback results) by its organisers and the editorial desk; the participants' dietary
    # and accessibility notes are for the organisers alone.
    "events.manage": is_editor,
    "events.organise": is_editor | (is_approved_member & is_organiser_of),
    "events.cancel": is_editor | (is_approved_member & is_organiser_of),
    "events.view_participant_notes": is_approved_member & is_organiser_of,
    # Signing up someone else: coordinators (their own organisation), editors anyone.
    "events.register_colleague": is_editor | (is_approved_member & is_coordinator),
    # The partnership with the unemployment funds (portal/partnership/access.py says which
    # fund's rows): the jobcenter's coordinators and admins and the operator admins follow
    # every fund; a fund's own people follow their own fund; unions none. The jobcenter's
    # coordinators import for any fund and keep the agreements; a fund's coordinators and
    # admins import for their own fund.
    "partnership.view_all": is_operator_admin
    | (is_approved_member & is_of_jobcenter & (is_coordinator | is_admin)),
    "partnership.view_own_fund": is_approved_member & is_of_fund,
    "partnership.import_all": is_approved_member & is_of_jobcenter & is_coordinator,
    "partnership.import_own_fund": is_approved_member & is_of_fund & (is_coordinator | is_admin),
    "partnership.edit_agreements": is_approved_member & is_of_jobcenter & is_coordinator,
    # The interview rule sets follow the legislation for every fund: the operator's admins and
    # the jobcenter's admins keep them.
    "partnership.edit_rule_sets": is_operator_admin
    | (is_approved_member & is_of_jobcenter & is_admin),
    # The register of burdensome rules (portal/register/access.py says which items and steps):
    # everyone approved reads and reports; the jobcenter's coordinators triage and reopen; the
    # operator's admins keep the responsible offices.
    "register.triage": is_approved_member & is_of_jobcenter & is_coordinator,
    "register.manage_offices": is_operator_admin,
}

for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)


def roles_grantable(*, by, organisation, member=None) -> list[str]:
    """The roles `by` may grant to, or take from, a person of `organisation` (`member`, when
    the person exists already), in the order of Role.

    Nobody changes their own roles. Operator admin is given only within the operator (and can
    be taken from anyone who somehow holds it elsewhere).
    """
    if not (by and by.is_authenticated) or organisation is None:
        return []
    if member is not None and member.pk == by.pk:
        return []
    allowed: set[str] = set()
    if rules.has_perm("core.grant_organisation_roles", by, organisation):
        allowed.update(ORGANISATION_ROLES)
    if rules.has_perm("core.grant_portal_roles", by):
        allowed.update(PORTAL_ROLES)
        held = member is not None and member.has_role(Role.OPERATOR_ADMIN)
        if organisation.kind != OrganisationKind.OPERATOR and not held:
            allowed.discard(Role.OPERATOR_ADMIN)
    return [role for role in Role.values if role in allowed]
