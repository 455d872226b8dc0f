"""A timeline as people write it, and the day it falls due (for the reminders).

"2018-03-31", "31.3.2018" or "14. juni 2017": that day. "2018K2", "2. kvartal 2018",
"Q2 2018": the quarter's last day. "September 2017": the month's last day. Anything else
("Efterår 2017", "løbende") has no day: it is shown as written and reminded of by nobody.
"""

import calendar
import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("januar", "jan"),
            ("februar", "feb"),
            ("marts", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DANISH_DATE = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
_QUARTER = re.compile(
    r"^(?:(\d{4})\s*[kq]([1-4])|([1-4])\.\s*kvartal\s+(\d{4})|q([1-4])\s+(\d{4}))$"
)
_MONTH = re.compile(r"^([a-zæøå]+)\.?\s+(\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def timeline_due(text: str) -> date | None:
    """The day the timeline falls due, or None when it names no day, month or quarter."""
    value = (text or "").strip().rstrip(".").strip().lower()
    if not value:
        return None
    try:
        if match := _ISO.match(value):
            return date(*(int(part) for part in match.groups()))
        if match := _DANISH_DATE.match(value):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    if match := _QUARTER.match(value):
        parts = [part for part in match.groups() if part]
        year, quarter = (
            (int(parts[0]), int(parts[1])) if len(parts[0]) == 4 else (int(parts[1]), int(parts[0]))
        )
        return _month_end(year, quarter * 3)
    if match := _DAY_MONTH.match(value):
        month = MONTHS.get(match.group(2))
        if month:
            try:
                return date(int(match.group(3)), month, int(match.group(1)))
            except ValueError:
                return None
    if match := _MONTH.match(value):
        month = MONTHS.get(match.group(1))
        if month:
            return _month_end(int(match.group(2)), month)
    return None
