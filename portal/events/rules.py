"""Who may do what with events (django-rules; autodiscovered).

The editorial desk (and admins standing in for it) creates events and runs all of them; an
event's organisers run that event (participants, check-in, badges, feedback results). A
coordinator may sign up colleagues of their own organisation.
"""

import rules

from portal.core.models import Role
from portal.core.rules import is_admin, is_approved_member, is_editor


@rules.predicate
def is_organiser_of(user, event):
    if event is None or not user.is_authenticated:
        return False
    return event.organisers.filter(pk=user.pk).exists()


@rules.predicate
def is_coordinator(user):
    return bool(user.is_authenticated and user.has_role(Role.COORDINATOR))


is_event_manager = is_editor | is_admin

# Create events, see drafts, edit and cancel any event.
rules.add_perm("events.manage", is_event_manager)
# Run one event: edit it, participant list, check-in, badges and lists, feedback results.
rules.add_perm("events.organise", is_event_manager | (is_approved_member & is_organiser_of))
# Sign up someone else (of one's own organisation; editors anyone).
rules.add_perm(
    "events.register_colleague", is_event_manager | (is_approved_member & is_coordinator)
)
