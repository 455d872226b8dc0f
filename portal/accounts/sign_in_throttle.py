"""Growing delays after failed sign-ins, per account and per client IP (decision 0015).

allauth's "login_failed" rate is a fixed window: five failures and the address (or the account)
is shut for minutes, so one person guessing behind the jobcenter's NAT locks out the whole
jobcenter, and anyone can lock a chosen colleague out. Here nothing is shut: after a number of
free failures, each further attempt must wait a delay that doubles per failure up to a cap.

- Per account (the email typed, whether or not it has an account, so the answer reveals
  nothing): a few free failures, then 30 s, 1 min, 2 min … at most 15 min. It applies to whoever
  tries, the owner too; the owner's way round is an emailed login code (throttled on its own) or
  a password reset, which clears the account's count.
- Per client IP (IPv6 by /64): a hundred free failures, then at most a minute. It stops one
  address spraying many accounts without slowing a whole office for a few typos.

An attempt is counted before the password is checked (so parallel requests cannot slip through
one free slot together) and taken back when it succeeds. A success also clears the account's
count: whoever succeeds knows the password. Counters live in the cache (Redis in production, the
database cache without it), shared by every worker.
"""

import hashlib
import ipaddress
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.http import client_ip
from portal.core.models import AuditEvent, User
from portal.core.services import audit_record

logger = logging.getLogger(__name__)

ACCOUNT = "account"
IP = "ip"
# Wrong login codes count per IP only: a code has 20^8 values and allauth allows three tries
# each, so there is nothing to guess per account, and the password's account count must not
# also block the owner's way round it.
CODE_IP = "code-ip"


@dataclass(frozen=True)
class Bucket:
    scope: str
    ident: str

    @property
    def key(self) -> str:
        digest = hashlib.sha256(self.ident.encode()).hexdigest()[:32]
        return f"portal:signin:{self.scope}:{digest}"

    @property
    def policy(self) -> dict:
        return settings.PORTAL_SIGN_IN_THROTTLE[ACCOUNT if self.scope == ACCOUNT else IP]


@dataclass
class Attempt:
    """What was counted for one attempt, so its outcome can be applied to the same buckets."""

    request: object
    email: str
    buckets: list[Bucket]


def _ip_bucket_ident(request) -> str:
    ip = client_ip(request) or "unknown"
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        # One household or office gets a whole /64; counting single addresses would let it rotate.
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return ip


def delay_seconds(*, failures: int, policy: dict) -> int:
    """How long after the last counted attempt the next may come, given `failures` so far."""
    over = failures - policy["free"]
    if over < 0:
        return 0
    return min(policy["base_seconds"] * 2 ** min(over, 30), policy["cap_seconds"])


def _state(bucket: Bucket) -> tuple[int, float]:
    values = cache.get_many([f"{bucket.key}:n", f"{bucket.key}:at"])
    return int(values.get(f"{bucket.key}:n", 0)), float(values.get(f"{bucket.key}:at", 0))


def _wait_left(bucket: Bucket, now: float) -> int:
    failures, last = _state(bucket)
    return math.ceil(last + delay_seconds(failures=failures, policy=bucket.policy) - now)


def _claim(bucket: Bucket, failures_seen: int, now: float) -> bool:
    """Count one attempt, unless another request counted one since we looked."""
    memory = bucket.policy["memory_seconds"]
    cache.add(f"{bucket.key}:n", 0, memory)
    try:
        counted = cache.incr(f"{bucket.key}:n")
    except ValueError:  # expired between add and incr
        cache.set(f"{bucket.key}:n", 1, memory)
        counted = 1
    cache.touch(f"{bucket.key}:n", memory)
    cache.set(f"{bucket.key}:at", now, memory)
    if counted != failures_seen + 1 and failures_seen >= bucket.policy["free"]:
        # A parallel request took this slot: ours does not get a try of its own.
        _release(bucket)
        return False
    return True


def _release(bucket: Bucket) -> None:
    try:
        if cache.decr(f"{bucket.key}:n") < 0:
            cache.delete(f"{bucket.key}:n")
    except ValueError:
        pass


def _human_wait(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def _refuse(*, request, email: str, bucket: Bucket, wait: int) -> ValidationError:
    logger.warning(
        "Sign-in attempt refused: %s throttle, %s s left (ip %s, email hash %s)",
        bucket.scope,
        wait,
        client_ip(request),
        hashlib.sha256(email.encode()).hexdigest()[:12],
    )
    return ValidationError(
        _("Too many failed sign-in attempts. Wait %(wait)s before you try again."),
        code="too_many_login_attempts",
        params={"wait": _human_wait(wait)},
    )


def _begin(*, request, email: str, buckets: list[Bucket]) -> Attempt:
    now = time.time()
    for bucket in buckets:
        wait = _wait_left(bucket, now)
        if wait > 0:
            raise _refuse(request=request, email=email, bucket=bucket, wait=wait)
    claimed = []
    for bucket in buckets:
        failures, _last = _state(bucket)
        if not _claim(bucket, failures, now):
            for done in claimed:
                _release(done)
            wait = max(1, _wait_left(bucket, now))
            raise _refuse(request=request, email=email, bucket=bucket, wait=wait)
        claimed.append(bucket)
    return Attempt(request=request, email=email, buckets=buckets)


def _normalise(email: str) -> str:
    return (email or "").strip().lower()


def password_attempt_begin(*, request, email: str) -> Attempt:
    """Before checking a password: raise a ValidationError saying how long to wait, or count it."""
    email = _normalise(email)
    buckets = [Bucket(IP, _ip_bucket_ident(request))]
    if email:
        buckets.insert(0, Bucket(ACCOUNT, email))
    return _begin(request=request, email=email, buckets=buckets)


def code_attempt_begin(*, request, email: str) -> Attempt:
    """Before checking a login code: the same, per client IP only."""
    email = _normalise(email)
    return _begin(
        request=request, email=email, buckets=[Bucket(CODE_IP, _ip_bucket_ident(request))]
    )


def attempt_succeeded(attempt: Attempt) -> None:
    """The attempt was right: it does not count, and the account starts afresh."""
    for bucket in attempt.buckets:
        if bucket.scope == ACCOUNT:
            account_clear(email=attempt.email)
        else:
            _release(bucket)


def attempt_failed(attempt: Attempt) -> None:
    """The attempt was wrong (it is counted already): record when a delay starts or grows."""
    for bucket in attempt.buckets:
        failures, _last = _state(bucket)
        delay = delay_seconds(failures=failures, policy=bucket.policy)
        if delay <= 0:
            continue
        logger.warning(
            "Sign-in slowed down: %s failed attempts on one %s, next attempt in %s s (ip %s)",
            failures,
            bucket.scope,
            delay,
            client_ip(attempt.request),
        )
        subject = (
            User.objects.filter(email__iexact=attempt.email).first()
            if bucket.scope == ACCOUNT and attempt.email
            else None
        )
        audit_record(
            action=AuditEvent.Action.SIGN_IN_THROTTLED,
            subject_user=subject,
            request=attempt.request,
            scope=bucket.scope,
            failures=failures,
            wait_seconds=delay,
        )


def account_clear(*, email: str) -> None:
    """Forget an account's failures (after a success or a password reset)."""
    bucket = Bucket(ACCOUNT, _normalise(email))
    cache.delete_many([f"{bucket.key}:n", f"{bucket.key}:at"])
