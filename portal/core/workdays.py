"""Working days: Monday to Friday except Danish public holidays and public offices' closing days.

A working day is Monday to Friday, except
- the public holidays `holidays.Denmark` lists (New Year's Day, Maundy Thursday, Good Friday,
  Easter Monday, Ascension Day, Whit Monday, Christmas Day and Boxing Day; Store Bededag only
  up to 2023, when it was abolished), and
- Grundlovsdag (5 June), Christmas Eve (24 December) and New Year's Eve (31 December): not
  public holidays by law, so `holidays.Denmark` leaves them out by default, but jobcentres,
  unemployment funds and unions are closed then.
1 May is not excluded: most public offices are open.

The one calendar of the portal: the hotline's deadlines and the partnership's monthly report
count on it.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays

# Days public offices close although they are not public holidays (month, day).
_CLOSING_DAYS = {(6, 5), (12, 24), (12, 31)}


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Denmark(years=year).keys())


def is_working_day(day: date) -> bool:
    if day.weekday() >= 5:
        return False
    if (day.month, day.day) in _CLOSING_DAYS:
        return False
    return day not in _public_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (`start` itself never counts; n = 0 gives `start`)."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def previous_working_day(day: date) -> date:
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def nth_working_day_of_month(year: int, month: int, n: int) -> date:
    """The n-th working day of the month (n >= 1): the 3rd working day of June 2025 is the 4th
    (the 1st is a Sunday), of April 2026 the 8th (Easter: the 2nd, 3rd and 6th are holidays)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    return add_working_days(date(year, month, 1) - timedelta(days=1), n)
