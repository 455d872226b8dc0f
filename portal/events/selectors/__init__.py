"""Reads of the events app.

- `events`: fetching what the person may see (`access_event`,
  `access_event_for_organiser`), lists, the event page, events on other modules' pages;
- `seats`: seats taken and left, waiting-list places, organisation quotas (one query each, so
  the services can ask them under the event's row lock);
- `follow_up`: the organiser's participant list and summary, whether check-in is open, the
  events due for reminders and feedback requests;
- `feedback`: who may answer the survey, one person's answer, the results.

The public names are re-exported here; `seats` is used as a module (`selectors.seats`).
"""

from . import seats
from .events import (
    ACTIVE_STATUSES,
    EVENTS_ON_OTHER_PAGES,
    access_event,
    access_event_for_organiser,
    colleagues_of,
    event_detail,
    event_list,
    event_registration_open,
    events_visible_to,
    registration_of,
    upcoming_events_of_network,
    upcoming_events_with_person,
    upcoming_registrations_of,
    with_reader_details,
)
from .feedback import SCORES, feedback_may_answer, feedback_of, feedback_open, feedback_results
from .follow_up import (
    check_in_open,
    confirmed_by_name,
    event_day_has_come,
    events_due_for_feedback_requests,
    events_due_for_reminders,
    notes_withheld,
    participant_overview,
    participants_of,
)

__all__ = [
    "ACTIVE_STATUSES",
    "EVENTS_ON_OTHER_PAGES",
    "SCORES",
    "access_event",
    "access_event_for_organiser",
    "check_in_open",
    "colleagues_of",
    "confirmed_by_name",
    "event_day_has_come",
    "event_detail",
    "event_list",
    "event_registration_open",
    "events_due_for_feedback_requests",
    "events_due_for_reminders",
    "events_visible_to",
    "feedback_may_answer",
    "feedback_of",
    "feedback_open",
    "feedback_results",
    "notes_withheld",
    "participant_overview",
    "participants_of",
    "registration_of",
    "seats",
    "upcoming_events_of_network",
    "upcoming_events_with_person",
    "upcoming_registrations_of",
    "with_reader_details",
]
