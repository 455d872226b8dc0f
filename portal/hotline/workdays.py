"""Working days for hotline deadlines: Danish public holidays and public offices' closing days.

A working day is Monday to Friday, except
- the public holidays `holidays.Denmark` lists (New Year's Day, Maundy Thursday, Good Friday,
  Easter Monday, Ascension Day, Whit Monday, Christmas Day and Boxing Day; Store Bededag only
  up to 2023, when it was abolished), and
- Grundlovsdag (5 June), Christmas Eve (24 December) and New Year's Eve (31 December): not
  public holidays by law, so `holidays.Denmark` leaves them out by default, but jobcentres,
  unemployment funds and unions are closed then, and a jurist cannot be expected to answer.
1 May is not excluded: most public offices are open.

The deadline is the closing time (16:00, Europe/Copenhagen) of the n-th working day after the
day of the request, whatever the time of the request: a question sent on Monday morning or on
Saturday with n = 3 is due on the third working day after it (Thursday, resp. Wednesday).
Closing time is a wall-clock time, so summer time changes move nothing.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

# The calendar is core's; re-exported here, where the hotline's code and tests have it from.
from portal.core.workdays import (  # noqa: F401
    _CLOSING_DAYS,
    _public_holidays,
    add_working_days,
    is_working_day,
    previous_working_day,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
CLOSING_TIME = time(16, 0)


def response_deadline(requested_at: datetime, working_days: int | None = None) -> datetime:
    """Closing time on the n-th working day after the (Copenhagen) day of the request."""
    if working_days is None:
        working_days = settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS
    local_day = timezone.localtime(requested_at, COPENHAGEN).date()
    due_day = add_working_days(local_day, working_days)
    return datetime.combine(due_day, CLOSING_TIME, tzinfo=COPENHAGEN)


def warning_starts(deadline: datetime) -> datetime:
    """The start (00:00 Copenhagen) of the working day before the deadline's day."""
    due_day = timezone.localtime(deadline, COPENHAGEN).date()
    return datetime.combine(previous_working_day(due_day), time(0, 0), tzinfo=COPENHAGEN)
