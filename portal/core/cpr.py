"""The CPR guard: no citizen's CPR number may enter the portal (posts, edits, uploads, API).

A CPR number is DDMMYY-SSSS. The guard reads text as it will be *shown*, not as it is stored:
HTML entities and tags, Markdown emphasis and escapes, Unicode compatibility forms (full-width
digits, non-breaking spaces) and invisible characters (soft hyphen, zero-width space, word
joiner, ...) cannot hide a number. Then it looks for ten digits in groups joined by dashes,
spaces, dots or slashes ("01-01-90-1234", "010190/1234", "01 01 90 1234") where the first six
are a real calendar date and the last four are the serial number.

What must pass: phone numbers ("+45 33 12 34 56": the last four digits are two pairs), case
numbers ("J.nr. 2019-1234-56": no group ends after the sixth digit), invalid dates and longer
runs of digits. The modulus-11 check is deliberately not used: numbers issued since 2007 need
not satisfy it. docs/decisions/0013-cpr-guard.md explains the rules.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# --- Text as it is shown ---------------------------------------------------------------------

# Markup that changes how text is stored but not what a reader sees: HTML comments and tags,
# character references (named, decimal, hexadecimal; the ";" is optional as in browsers),
# Markdown link targets ("[0101](x)90-1234" shows "0101" then "90-1234"), backslash escapes and
# emphasis/code markers.
_MARKUP = re.compile(
    r"(?P<comment><!--.*?(?:-->|$))"
    r"|(?P<tag></?[A-Za-z][^<>]*>|<[!?][^<>]*>)"
    r"|(?P<entity>&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|(?P<link>\]\([^()\s]*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<escape>\\(?=[!-/:-@\[-`{-~]))"
    r"|(?P<emphasis>[*_~`])",
    re.DOTALL,
)
# Invisible in every font but not of a category that says so.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Characters that are not plain printable ASCII or ASCII whitespace.
_SPECIAL = re.compile(r"[^\x09-\x0d\x20-\x7e]")
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Separators between digit groups: any dash, any space or line break, a dot or a slash.
_EXTRA_SEPARATORS = frozenset(
    "-.\\/\u2212\u2043\u2796\u02d7\u207b\u208b\u2024\u00b7\u2027\u30fb\u2044\u2215\u29f8\ufe52"
)


@dataclass(frozen=True)
class _Shown:
    """Text as shown, with where each of its characters came from in the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


_HIDDEN_MARKUP = frozenset({"comment", "tag", "link"})


def _unmarked(text: str, *, hide_tags: bool) -> tuple[str, list[int], list[int]]:
    """Resolve HTML and Markdown markup once; each output character keeps its source span."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _MARKUP.finditer(text):
        if not hide_tags and match.lastgroup in _HIDDEN_MARKUP:
            continue  # kept as text: copied with what follows
        out.append(text[position : match.start()])
        starts.extend(range(position, match.start()))
        ends.extend(range(position + 1, match.start() + 1))
        position = match.end()
        if match.lastgroup == "entity":
            resolved = html.unescape(match.group())
            out.append(resolved)
            starts.extend([match.start()] * len(resolved))
            ends.extend([match.end()] * len(resolved))
    out.append(text[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return "".join(out), starts, ends


def shown_text(text: str, *, hide_tags: bool = True) -> _Shown:
    """The text a reader would see, character by character, mapped back to the original.

    Where the text is shown as HTML, tags, comments and link targets are hidden; where it is
    shown as plain text (titles, emails) they are seen: `_found` reads it both ways.
    """
    current = text
    starts = list(range(len(text)))
    ends = [index + 1 for index in range(len(text))]
    # Markup may be nested ("&amp;#45;", "<b>&#48;</b>"): resolve until nothing changes.
    for _round in range(3):
        resolved, step_starts, step_ends = _unmarked(current, hide_tags=hide_tags)
        if resolved == current:
            break
        starts = [starts[s] for s in step_starts]
        ends = [ends[e - 1] for e in step_ends]
        current = resolved
    out: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    position = 0
    # Plain ASCII stays as it is; only the other characters are normalised one by one.
    for match in _SPECIAL.finditer(current):
        index = match.start()
        out.append(current[position:index])
        out_starts.extend(starts[position:index])
        out_ends.extend(ends[position:index])
        position = index + 1
        normal = _normalised(match.group())
        out.append(normal)
        out_starts.extend([starts[index]] * len(normal))
        out_ends.extend([ends[index]] * len(normal))
    out.append(current[position:])
    out_starts.extend(starts[position:])
    out_ends.extend(ends[position:])
    return _Shown("".join(out), tuple(out_starts), tuple(out_ends))


def _normalised(char: str) -> str:
    """NFKC, without invisible characters, with digits of any script as 0-9."""
    kept = []
    for normal in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(normal)
        if normal in _FILLERS or category in ("Cf", "Mn", "Me"):
            continue  # soft hyphen, zero-width (non-)joiner and space, word joiner, BOM
        if category == "Cc" and not normal.isspace():
            continue
        digit = unicodedata.decimal(normal, None)
        kept.append(str(digit) if digit is not None else normal)
    return "".join(kept)


# --- Finding numbers -------------------------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+")
# At most this many separator characters between two groups ("010190 - 1234", CRLF), and at most
# one line break: an empty line between two numbers ends the number.
_MAX_GAP = 4
# A word right before the number that says what it is: then "cpr: 01 01 90 12 34" counts too.
_CPR_WORD = re.compile(r"(?:cpr|personnummer|personnr)[\s\w.:#-]{0,12}$", re.IGNORECASE)


def _is_separator(char: str) -> bool:
    return char.isspace() or char in _EXTRA_SEPARATORS or unicodedata.category(char) == "Pd"


def _joins(gap: str) -> bool:
    if not gap or len(gap) > _MAX_GAP or not all(_is_separator(char) for char in gap):
        return False
    breaks = sum(1 for char in gap.replace("\r\n", "\n") if char in _LINE_BREAKS)
    return breaks <= 1


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


def _is_cpr_shaped(sizes: list[int], *, labelled: bool) -> bool:
    """Ten digits written as a CPR number: one run, or groups with a break after the date.

    The serial number as two pairs ("01 02 24 10 30") reads as a date and a time or as a phone
    number, so it counts only after a word such as "cpr".
    """
    if sizes == [10]:
        return True
    ends, total = set(), 0
    for size in sizes:
        total += size
        ends.add(total)
    if 6 not in ends:
        return False
    serial, total = [], 0
    for size in sizes:
        total += size
        if total > 6:
            serial.append(size)
    return labelled or serial != [2, 2]


def _spans(shown: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) in the shown text of every CPR-shaped number with a real date."""
    groups = [(m.start(), m.end()) for m in _DIGITS.finditer(shown)]
    found = []
    chain_start = 0
    for index in range(len(groups) + 1):
        ends_chain = index == len(groups) or (
            index > chain_start and not _joins(shown[groups[index - 1][1] : groups[index][0]])
        )
        if not ends_chain:
            continue
        chain = groups[chain_start:index]
        chain_start = index
        for first in range(len(chain)):
            sizes: list[int] = []
            for last in range(first, len(chain)):
                sizes.append(chain[last][1] - chain[last][0])
                if sum(sizes) > 10:
                    break
                if sum(sizes) < 10:
                    continue
                start, end = chain[first][0], chain[last][1]
                digits = "".join(shown[s:e] for s, e in chain[first : last + 1])
                labelled = bool(_CPR_WORD.search(shown[max(0, start - 24) : start]))
                if _is_cpr_shaped(sizes, labelled=labelled) and _is_real_date(
                    int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
                ):
                    found.append((start, end, digits))
                break
    return found


# Where a shown digit can come from: an ASCII digit, a character reference or a non-ASCII
# character (full-width and other digits, "½"). Fewer than ten of them: no number to find.
_DIGIT_SOURCES = re.compile(r"[0-9&]|[^\x00-\x7f]")


def _found(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) in the original text of every CPR number it shows."""
    if not text or len(_DIGIT_SOURCES.findall(text)) < 10:
        return []
    found = []
    # "<x 010190-1234 >" hides a number from a browser but not from a plain-text title or email.
    ways = (True, False) if "<" in text or "](" in text else (True,)
    for hide_tags in ways:
        shown = shown_text(text, hide_tags=hide_tags)
        found += [(shown.starts[s], shown.ends[e - 1], d) for s, e, d in _spans(shown.text)]
    found.sort()
    distinct: list[tuple[int, int, str]] = []
    for start, end, digits in found:
        if not distinct or start >= distinct[-1][1]:
            distinct.append((start, end, digits))
    return distinct


def find_cpr_numbers(text: str) -> list[str]:
    """Every CPR number the text shows, as written (empty when the text is clean)."""
    return [text[start:end] for start, end, _digits in _found(text)]


def contains_cpr_number(text: str) -> bool:
    return bool(_found(text))


def first_cpr_digits(text: str) -> str | None:
    """The ten digits of the first CPR number the text shows, or None."""
    found = _found(text)
    return found[0][2] if found else None


CPR_ERROR_MESSAGE = _(
    "The text seems to contain a CPR number (%(masked)s). Citizens' CPR numbers must never be "
    "posted in the portal. Remove the number and try again; your text has been kept."
)


def mask(number: str) -> str:
    """Show the date part only, so the error message itself does not repeat the number."""
    found = _found(number)
    digits = found[0][2] if found else re.sub(r"\D", "", shown_text(number).text)
    return f"{digits[:6]}-XXXX"


def redact_cpr_numbers(text: str) -> str:
    """The text with every CPR number it shows replaced by its masked form."""
    found = _found(text)
    for start, end, digits in reversed(found):
        text = f"{text[:start]}{digits[:6]}-XXXX{text[end:]}"
    return text


def cpr_error(number: str) -> ValidationError:
    return ValidationError(CPR_ERROR_MESSAGE, code="cpr_number", params={"masked": mask(number)})


def validate_no_cpr_number(text) -> None:
    """Raise a Danish ValidationError (code "cpr_number") when the text holds a CPR number.

    Works as a form or model field validator too; values that are not text are left alone.
    """
    if not isinstance(text, str):
        return
    found = _found(text)
    if found:
        raise ValidationError(
            CPR_ERROR_MESSAGE, code="cpr_number", params={"masked": f"{found[0][2][:6]}-XXXX"}
        )
