"""Signed email addresses in the portal's mail domain.

Reply addresses (``svar+<user>.<thread>.<expiry>.<mac>@domain``) let a person answer a thread
from their mail program; bounce addresses (``retur+<delivery>.<mac>@domain``, VERP) tell which
delivery bounced. Both are HMACs over the ids with a key derived from SECRET_KEY, short enough
for the 64-character local part, and lower case because mail systems may fold case.
"""

import base64
import functools
import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

REPLY_PREFIX = "svar"
BOUNCE_PREFIX = "retur"
_EPOCH = date(2020, 1, 1)
_MAC_LENGTH = 16


class AddressError(ValueError):
    """The address is not one of ours, or it was altered ("forged")."""


class AddressExpired(AddressError):
    """A genuine reply address whose time is up."""


@dataclass(frozen=True)
class ReplyTarget:
    user_id: int
    thread_id: int
    expires_on: date


@functools.lru_cache(maxsize=4)
def _key(secret_key: str) -> bytes:
    return hashlib.sha256(f"portal.mail_addresses:{secret_key}".encode()).digest()


def _mac(message: str) -> str:
    digest = hmac.new(_key(settings.SECRET_KEY), message.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode().lower()[:_MAC_LENGTH]


def _split(address: str, prefix: str) -> list[str]:
    local, _, domain = address.strip().strip("<>").rpartition("@")
    if domain.lower() != settings.PORTAL_MAIL_DOMAIN.lower():
        raise AddressError("other domain")
    tag, plus, rest = local.partition("+")
    if not plus or tag.lower() != prefix:
        raise AddressError("not a tagged address")
    return rest.lower().split(".")


def reply_address(*, user_id: int, thread_id: int, valid_days: int | None = None) -> str:
    days = settings.PORTAL_REPLY_ADDRESS_DAYS if valid_days is None else valid_days
    expires = _expiry_day(int(time.time() // 60), days)
    body = f"{user_id}.{thread_id}.{expires}"
    return f"{REPLY_PREFIX}+{body}.{_mac('reply:' + body)}@{settings.PORTAL_MAIL_DOMAIN}"


@functools.lru_cache(maxsize=8)
def _expiry_day(minute: int, days: int) -> int:
    """Days from the epoch to the expiry, worked out once a minute (a digest round makes tens
    of thousands of reply addresses; the local date costs more than the signature)."""
    return (timezone.localdate() + timedelta(days=days) - _EPOCH).days


def reply_address_parse(address: str) -> ReplyTarget:
    """The target of a reply address; AddressError if forged, AddressExpired if too old."""
    parts = _split(address, REPLY_PREFIX)
    if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]):
        raise AddressError("malformed")
    body = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3], _mac("reply:" + body)):
        raise AddressError("bad signature")
    expires_on = _EPOCH + timedelta(days=int(parts[2]))
    if expires_on < timezone.localdate():
        raise AddressExpired("expired")
    return ReplyTarget(user_id=int(parts[0]), thread_id=int(parts[1]), expires_on=expires_on)


def bounce_address(*, delivery_id: int) -> str:
    body = str(delivery_id)
    return f"{BOUNCE_PREFIX}+{body}.{_mac('bounce:' + body)}@{settings.PORTAL_MAIL_DOMAIN}"


def bounce_address_parse(address: str) -> int:
    """The EmailDelivery id a bounce address stands for; AddressError if it is not genuine."""
    parts = _split(address, BOUNCE_PREFIX)
    if len(parts) != 2 or not parts[0].isdigit():
        raise AddressError("malformed")
    if not hmac.compare_digest(parts[1], _mac("bounce:" + parts[0])):
        raise AddressError("bad signature")
    return int(parts[0])
