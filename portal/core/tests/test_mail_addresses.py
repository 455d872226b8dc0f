"""Signed reply and bounce addresses: what the inbound side trusts."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from portal.core.mail_addresses import (
    AddressError,
    AddressExpired,
    bounce_address,
    bounce_address_parse,
    reply_address,
    reply_address_parse,
)


def test_a_reply_address_names_the_person_and_the_thread(settings):
    address = reply_address(user_id=17, thread_id=4242)

    target = reply_address_parse(address)

    assert (target.user_id, target.thread_id) == (17, 4242)
    assert address.endswith("@" + settings.PORTAL_MAIL_DOMAIN)
    assert len(address.partition("@")[0]) <= 64  # RFC 5321 local-part limit


def test_a_reply_address_survives_case_folding_and_angle_brackets():
    address = reply_address(user_id=3, thread_id=9)

    assert reply_address_parse(f"<{address.upper()}>").thread_id == 9


@pytest.mark.parametrize(
    "tamper",
    [
        lambda a: a.replace("svar+3.", "svar+4."),  # another person
        lambda a: a.replace(".9.", ".10."),  # another thread
        lambda a: a[: a.index("@") - 1] + "a" + a[a.index("@") :],  # the signature
        lambda a: a.replace("svar+", "retur+"),
        lambda a: a.partition("@")[0] + "@example.com",
        lambda a: "svar@" + a.partition("@")[2],
    ],
)
def test_an_altered_reply_address_is_refused(tamper):
    address = reply_address(user_id=3, thread_id=9)

    with pytest.raises(AddressError):
        reply_address_parse(tamper(address))


def test_a_reply_address_expires(settings):
    settings.PORTAL_REPLY_ADDRESS_DAYS = 5
    address = reply_address(user_id=3, thread_id=9)

    with time_machine.travel(timezone.now() + timedelta(days=5), tick=False):
        assert reply_address_parse(address).thread_id == 9
    with (
        time_machine.travel(timezone.now() + timedelta(days=6), tick=False),
        pytest.raises(AddressExpired),
    ):
        reply_address_parse(address)


def test_a_reply_address_from_another_secret_key_is_refused(settings):
    address = reply_address(user_id=3, thread_id=9)
    settings.SECRET_KEY = "another-installation"

    with pytest.raises(AddressError):
        reply_address_parse(address)


def test_a_bounce_address_names_the_delivery_and_cannot_be_forged():
    address = bounce_address(delivery_id=123456)

    assert bounce_address_parse(address) == 123456
    with pytest.raises(AddressError):
        bounce_address_parse(address.replace("123456", "123457"))
    with pytest.raises(AddressError):
        reply_address_parse(address)
