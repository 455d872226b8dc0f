"""What the front page shows a signed-in person, read through each module's own selectors (and
so through each module's access policy): this app decides what goes on the page, never who may
read what. Each block is one query however many rows it has."""

from datetime import datetime

from portal.core import selectors as core_selectors
from portal.core.models import User
from portal.events import selectors as event_selectors
from portal.forum import selectors as forum_selectors
from portal.guides import selectors as guide_selectors
from portal.hotline import access as hotline_access
from portal.hotline import selectors as hotline_selectors

NEW_THREADS_SHOWN = 10
BLOCK_ROWS_SHOWN = 5


def front_page_for(*, user: User, since: datetime | None) -> dict:
    """The blocks of the person's front page; `since` is their previous visit."""
    my_questions = list(forum_selectors.questions_asked_by(user=user)[:BLOCK_ROWS_SHOWN])
    forum_selectors.thread_read_marks(user=user, threads=my_questions, since=since)
    expertise = list(user.expertise.order_by("name").values_list("name", flat=True))
    is_jurist = hotline_access.may_work(user=user)
    return {
        "since": since,
        "new_threads": list(
            forum_selectors.threads_new_for(user=user, since=since)[:NEW_THREADS_SHOWN]
        ),
        "my_questions": my_questions,
        "hotline_asked": list(
            hotline_selectors.hotline_cases_asked_by(user=user)[:BLOCK_ROWS_SHOWN]
        ),
        "is_jurist": is_jurist,
        "hotline_work": list(
            hotline_selectors.hotline_cases_for_jurist(user=user)[:BLOCK_ROWS_SHOWN]
        )
        if is_jurist
        else [],
        "expertise": expertise,
        "expertise_questions": list(
            forum_selectors.unanswered_in_expertise(user=user)[:BLOCK_ROWS_SHOWN]
        )
        if expertise
        else [],
        "registrations": list(
            event_selectors.upcoming_registrations_of(user=user)[:BLOCK_ROWS_SHOWN]
        ),
        "guides_to_review": list(
            guide_selectors.guides_to_review_of(owner=user)[:BLOCK_ROWS_SHOWN]
        ),
        "modules": core_selectors.modules_for(user=user),
    }
