"""The CPR guard: no citizen's CPR number may enter the portal (posts, edits, uploads, API).

A CPR number is DDMMYY-SSSS. We block what *looks* like one: a real calendar date, then four
digits, with a hyphen, a space or nothing in between, and not part of a longer run of digits.
The modulus-11 check is deliberately not used: numbers issued since 2007 need not satisfy it.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CANDIDATE = re.compile(
    r"(?<![\d-])(\d{2})(\d{2})(\d{2})[-\s\u2010\u2011\u2013]?(\d)(\d{3})(?![\d])"
)


def _century(year: int, seventh_digit: int) -> int:
    """The century from the 7th digit, as the CPR office assigns it."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800


def _is_real_date(day: int, month: int, year: int, seventh_digit: int) -> bool:
    try:
        date(_century(year, seventh_digit) + year, month, day)
    except ValueError:
        return False
    return True


def find_cpr_numbers(text: str) -> list[str]:
    """Every CPR-looking number in the text, as written (empty when the text is clean)."""
    if not text:
        return []
    found = []
    for match in _CANDIDATE.finditer(text):
        day, month, year, seventh, _rest = match.groups()
        if _is_real_date(int(day), int(month), int(year), int(seventh)):
            found.append(match.group(0))
    return found


def contains_cpr_number(text: str) -> bool:
    return bool(find_cpr_numbers(text))


CPR_ERROR_MESSAGE = _(
    "The text seems to contain a CPR number (%(masked)s). Citizens' CPR numbers must never be "
    "posted in the portal. Remove the number and try again; your text has been kept."
)


def mask(number: str) -> str:
    """Show the date part only, so the error message itself does not repeat the number."""
    digits = re.sub(r"\D", "", number)
    return f"{digits[:6]}-XXXX"


def validate_no_cpr_number(text: str) -> None:
    """Raise a Danish ValidationError (code "cpr_number") when the text holds a CPR number."""
    numbers = find_cpr_numbers(text)
    if numbers:
        raise ValidationError(
            CPR_ERROR_MESSAGE, code="cpr_number", params={"masked": mask(numbers[0])}
        )
