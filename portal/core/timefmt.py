"""One way to write a time: "kl. 09.00", and "6. december 2026 kl. 09.00" with the date.

The Danish formats live in config/formats/da/formats.py (TIME_FORMAT, DATETIME_FORMAT,
SHORT_DATETIME_FORMAT), so |time, |date:"DATETIME_FORMAT" and date_format() already write
"kl."; these helpers add what the named formats lack: the weekday in front, and the bare
"09.00" for the end of a span ("kl. 09.00–12.00"), and they write the Danish pattern whatever
language is active (a PDF or a task renders outside any request). Templates use the filters of
core/templatetags/portal_time.py, Python (PDFs, emails, messages) these functions.
"""

from datetime import datetime, time

from django.utils import formats, timezone

# The patterns, in Django's date syntax; the Danish locale's named formats are built from them.
CLOCK = r"\k\l. H.i"
CLOCK_BARE = "H.i"
DAY = "j. F Y"
MOMENT = f"{DAY} {CLOCK}"
SHORT_MOMENT = f"d.m.Y {CLOCK}"


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def clock(value: datetime | time | None) -> str:
    """ "kl. 09.00"."""
    if value is None:
        return ""
    return formats.time_format(_local(value), CLOCK)


def clock_bare(value: datetime | time | None) -> str:
    """ "09.00", for the end of a span after clock()."""
    if value is None:
        return ""
    return formats.time_format(_local(value), CLOCK_BARE)


def moment(value: datetime | None, *, weekday: bool = False) -> str:
    """ "6. december 2026 kl. 09.00", or "søndag 6. december 2026 kl. 09.00"."""
    if value is None:
        return ""
    return formats.date_format(_local(value), f"l {MOMENT}" if weekday else MOMENT)
