"""The CPR guard's corpus: disguises of a CPR number that once got past it
(invisible characters, Markdown and HTML between the digits, entities, prefixes, dashes),
and look-alikes.

Each variant hides 1 January 1990, serial 1234 (or another real date); each look-alike must pass.
"""

import pytest
from django.core.exceptions import ValidationError

from portal.core.cpr import (
    contains_cpr_number,
    find_cpr_numbers,
    first_cpr_digits,
    mask,
    redact_cpr_numbers,
    validate_no_cpr_number,
)

VARIANTS = {
    "plain": "010190-1234",
    "no separator": "0101901234",
    "space": "010190 1234",
    "two spaces": "010190  1234",
    "tab": "010190\t1234",
    "CRLF": "010190\r\n1234",
    "LF": "010190\n1234",
    "no-break space": "010190\u00a01234",
    "narrow no-break space": "010190\u202f1234",
    "ideographic space": "010190\u30001234",
    "soft hyphen": "010190\u00ad1234",
    "soft hyphen inside the date": "01\u00ad01\u00ad90-1234",
    "zero-width space": "0101\u200b90-1234",
    "zero-width joiner": "010190\u200d-1234",
    "zero-width non-joiner": "01\u200c0190-1234",
    "word joiner": "010190\u2060-1234",
    "byte order mark": "\ufeff010190\ufeff1234",
    "combining grapheme joiner": "0101\u034f90-1234",
    "markdown escape": r"010190\-1234",
    "html entity for the hyphen": "010190&#45;1234",
    "html hex entity": "010190&#x2d;1234",
    "html entity for a digit": "&#48;10190-1234",
    "html entity without semicolon": "010190&#45 1234",
    "named html entity": "010190&ndash;1234",
    "named html entity for a space": "010190&nbsp;1234",
    "double-escaped entity": "010190&amp;#45;1234",
    "markdown strong": "0101**90**-1234",
    "markdown emphasis": "0101*90*-1234",
    "markdown underscore": "0101_90_-1234",
    "markdown code": "`010190`-1234",
    "markdown strikethrough": "0101~~90~~-1234",
    "markdown link": "[0101](https://example.dk)90-1234",
    "html tags between digits": "0101<b>90</b>-1234",
    "html comment between digits": "0101<!-- x -->90-1234",
    "html span with entity": "<span>0101</span><span>90&#8209;1234</span>",
    "cpr- prefix": "cpr-010190-1234",
    "cpr: prefix": "cpr:010190-1234",
    "cprnr prefix": "cprnr0101901234",
    "CPR-nr. prefix": "CPR-nr.: 010190-1234",
    "en dash": "010190\u20131234",
    "em dash": "010190\u20141234",
    "minus sign": "010190\u22121234",
    "figure dash": "010190\u20121234",
    "hyphen": "010190\u20101234",
    "non-breaking hyphen": "010190\u20111234",
    "full-width hyphen-minus": "010190\uff0d1234",
    "small hyphen-minus": "010190\ufe631234",
    "horizontal bar": "010190\u20151234",
    "dots": "01.01.90-1234",
    "dots everywhere": "01.01.90.1234",
    "slash": "010190/1234",
    "slashes": "01/01/90/1234",
    "fraction slash": "010190\u20441234",
    "full-width solidus": "010190\uff0f1234",
    "grouped with hyphens": "01-01-90-1234",
    "grouped with spaces": "01 01 90 1234",
    "grouped 4-2-4": "0101 90 1234",
    "spaced digits": "0 1 0 1 9 0 1 2 3 4",
    "space around the dash": "010190 - 1234",
    "full-width digits": "\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14",
    "mathematical digits": "\U0001d7ce\U0001d7cf\U0001d7ce\U0001d7cf\U0001d7d7\U0001d7ce-1234",
    "arabic-indic digits": "\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664",
    "after a year": "Sag fra 2024 010190-1234",
    "after a phone number": "Tlf. 33 12 34 56 010190-1234",
    "in a sentence": "Borgeren (311299-4321) ringede.",
    "leap day 2000": "290200-4123",
    "labelled serial in pairs": "cpr: 01 01 90 12 34",
    "labelled with a longer word": "CPR-nummer: 01.01.90 12.34",
    "personnummer": "personnummer 01 01 90 12 34",
    "in html": "<p>Borger: <strong>010190</strong>&#8209;1234</p>",
    "inside something that looks like a tag": "<x 010190-1234 >",
    "inside an html comment": "<!-- 010190-1234 -->",
    "inside a markdown link target": "[se her](https://example.dk/?cpr=0101901234)",
}

LOOK_ALIKES = {
    "danish phone number": "Ring på 33 12 34 56",
    "phone number with country code": "+45 33 12 34 56",
    "phone number with country code and dots": "+45 33.12.34.56",
    "two phone numbers": "33 12 34 56 / 70 10 20 30",
    "phone in two fours": "Tlf. 3312 3456 eller 2012 3456",
    "case number": "Sagsnr. 2024-0012345",
    "journal number": "J.nr. 2019-1234-56",
    "journal number with a date-like start": "J.nr. 0112-1234-56",
    "no 32nd day": "320190-1234",
    "no 13th month": "011390-1234",
    "no 29 February 2001": "290201-4123",
    "no 30 February": "300290-1234",
    "longer run of digits": "Sagsnummer 1234567890123",
    "digits glued in front": "Konto 12345010190-1234",
    "digits glued behind": "Ordre 01019012345",
    "a date": "Dato 01-01-1990",
    "a date with a time": "Mødet er 01.02.24 10.30",
    "a date and a number": "01-01-1990 1234",
    "isbn": "ISBN 978-87-02-12345-6",
    "ip address": "192.168.100.200",
    "amount": "kr. 1.500.000,00",
    "ean": "5701234567899",
    "numbers a paragraph apart": "Beløb 150324\n\n1234",
    "markdown list": "1. punkt\n2. punkt",
    "empty": "",
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_every_variant_is_found(text):
    assert contains_cpr_number(text)
    with pytest.raises(ValidationError) as error:
        validate_no_cpr_number(text)
    assert error.value.code == "cpr_number"
    # The message shows the date part only, never the serial number.
    digits = first_cpr_digits(text)
    assert f"{digits[:6]}-XXXX" in error.value.messages[0]
    assert digits[6:] not in error.value.messages[0]


@pytest.mark.parametrize("text", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_what_only_resembles_a_cpr_number_passes(text):
    assert find_cpr_numbers(text) == []
    validate_no_cpr_number(text)


def test_the_message_masks_the_serial_number_of_a_disguised_number():
    with pytest.raises(ValidationError) as error:
        validate_no_cpr_number("&#48;1 01 90&#45;1234")
    assert "010190-XXXX" in error.value.messages[0]
    assert "1234" not in error.value.messages[0]


def test_the_number_is_found_as_written_so_it_can_be_masked_in_place():
    text = "Borger 0101**90**&#45;1234 ringede"
    assert find_cpr_numbers(text) == ["0101**90**&#45;1234"]
    assert mask(find_cpr_numbers(text)[0]) == "010190-XXXX"
    assert redact_cpr_numbers(text) == "Borger 010190-XXXX ringede"


def test_values_that_are_not_text_are_left_to_other_validators():
    validate_no_cpr_number(None)
    validate_no_cpr_number(["010190-1234"])
