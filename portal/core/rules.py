"""The role → permission map of the whole portal, in one place (django-rules).

Object permissions take the object they guard: `user.has_perm("core.manage_people", org)`.
"""

import rules

from .models import Role


@rules.predicate
def is_operator_admin(user):
    return bool(
        user.is_authenticated
        and user.organisation_id
        and user.has_role(Role.ADMIN)
        and user.organisation.kind == "operator"
    )


@rules.predicate
def is_admin(user):
    return bool(user.is_authenticated and user.has_role(Role.ADMIN))


@rules.predicate
def is_admin_of(user, organisation):
    return bool(
        organisation is not None
        and user.is_authenticated
        and user.has_role(Role.ADMIN)
        and user.organisation_id == organisation.pk
    )


@rules.predicate
def is_approved_member(user):
    return bool(user.is_authenticated and user.is_active and user.approved_at is not None)


# Admins manage the people of their own organisation; the operator's admins manage everyone.
rules.add_perm("core.manage_people", is_admin_of | is_operator_admin)
# Admins read the audit log (of their own organisation, or all of it for the operator).
rules.add_perm("core.view_audit_log", is_admin)
rules.add_perm("core.view_all_audit_events", is_operator_admin)
# The durable outbox: failed and pending mail, and sending a failed message again.
rules.add_perm("core.manage_mail", is_operator_admin)
# The demo outbox may be read by admins and editors (the setting decides whether it exists).
rules.add_perm("core.view_outbox", is_admin | rules.predicates.is_superuser)
rules.add_perm("core.use_portal", is_approved_member)


@rules.predicate
def is_editor(user):
    return bool(user.is_authenticated and user.has_role(Role.EDITOR))


@rules.predicate
def is_jurist(user):
    return bool(user.is_authenticated and user.has_role(Role.JURIST))


# Debate: editors moderate (hide, move, merge, lock, pin), keep the topics and write guides.
rules.add_perm("forum.moderate", is_editor)
rules.add_perm("forum.manage_topics", is_editor)
rules.add_perm("forum.manage_networks", is_editor)
rules.add_perm("guides.manage", is_editor)
rules.add_perm("guides.mark_law_changed", is_editor)
# The legal hotline's work list and answers belong to the jurists.
rules.add_perm("hotline.work", is_jurist)
