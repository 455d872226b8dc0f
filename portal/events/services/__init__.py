"""Writes of the events app, each with its checks in one transaction.

- `events`: creating, editing, publishing, copying and cancelling events, and the mail to
  participants about a change or cancellation;
- `registrations`: signing up (oneself or a colleague), notes, cancelling, withdrawing all;
- `follow_up`: check-in, the reminder round and the feedback-request round;
- `feedback`: a participant's answer to the survey after the event.

The public names are re-exported here, so callers write `services.event_save(...)`.
"""

from ._common import EVENT_YEARS, NOTE_MAX_LENGTH
from .events import (
    event_cancel,
    event_copy,
    event_create,
    event_participants_mail,
    event_publish,
    event_save,
    event_set_organisers,
    event_set_programme,
    event_set_quotas,
    event_update,
)
from .feedback import feedback_submit
from .follow_up import event_feedback_requests_send, event_reminders_send, registration_check_in
from .registrations import (
    registration_cancel,
    registration_create,
    registration_update,
    registrations_withdraw_all,
)

__all__ = [
    "EVENT_YEARS",
    "NOTE_MAX_LENGTH",
    "event_cancel",
    "event_copy",
    "event_create",
    "event_feedback_requests_send",
    "event_participants_mail",
    "event_publish",
    "event_reminders_send",
    "event_save",
    "event_set_organisers",
    "event_set_programme",
    "event_set_quotas",
    "event_update",
    "feedback_submit",
    "registration_cancel",
    "registration_check_in",
    "registration_create",
    "registration_update",
    "registrations_withdraw_all",
]
