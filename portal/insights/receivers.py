"""What insights counts of the other apps: openings of a thread's or a guide's page, emails
sent, and sign-ups from an email. The apps send signals and know nothing of the counting
(apps depend one way: README, "Layout")."""

from datetime import date

from django.dispatch import receiver

from portal.core.outbox import emails_sent
from portal.events.signals import registered_from_email
from portal.forum.signals import thread_viewed
from portal.guides.signals import guide_viewed

from .models import EmailAction
from .services import (
    email_action_record,
    email_figure_record,
    guide_read_record,
    thread_read_record,
)


@receiver(thread_viewed)
def count_thread_read(sender, *, thread_id: int, **kwargs) -> None:
    thread_read_record(thread_id=thread_id)


@receiver(guide_viewed)
def count_guide_read(sender, *, guide_id: int, **kwargs) -> None:
    guide_read_record(guide_id=guide_id)


@receiver(emails_sent)
def count_emails_sent(sender, *, counts: dict[tuple[str, date], int], **kwargs) -> None:
    for (category, day), count in counts.items():
        email_figure_record(category=category, day=day, figure="sent", count=count)


@receiver(registered_from_email)
def count_registration_from_email(sender, **kwargs) -> None:
    email_action_record(action=EmailAction.RSVP)
