"""Failures for the durable outbox's tests: a worker killed mid-send, an SMTP server restarted.

A `kill -9` cannot be caught, so it is simulated by what it leaves behind: the SMTP server has
accepted the k-th message, and the process stops before it can mark it sent. `WorkerKilled`
is a BaseException, so no `except Exception` in the portal's code sees it — exactly as nothing
sees a SIGKILL.
"""

import threading
import time
from collections.abc import Iterator

import pytest
from django.core.mail.backends.smtp import EmailBackend

from .smtp import SmtpServer


class WorkerKilled(BaseException):
    """The worker process died (SIGKILL, OOM killer, a pulled plug)."""


class DyingSmtpBackend(EmailBackend):
    """Django's SMTP backend whose process "dies" right after the server accepted the
    `die_after`-th message (counted over every connection of the test)."""

    die_after: int | None = None
    accepted = 0

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        cls = type(self)
        cls.accepted += sent
        if cls.die_after is not None and cls.accepted >= cls.die_after:
            cls.die_after = None  # one death per arming
            raise WorkerKilled
        return sent


@pytest.fixture
def kill_worker_after(smtp_server, settings) -> Iterator:
    """`kill_worker_after(k)`: the worker dies once the SMTP server has accepted k messages."""
    settings.EMAIL_BACKEND = "portal.testing.outbox.DyingSmtpBackend"
    DyingSmtpBackend.accepted = 0

    def arm(k: int) -> None:
        DyingSmtpBackend.accepted = 0
        DyingSmtpBackend.die_after = k

    yield arm
    DyingSmtpBackend.die_after = None


def smtp_restart(server: SmtpServer, settings) -> None:
    """Start a stopped SMTP server again (on a new port) and point the portal at it."""
    server.start()
    settings.EMAIL_PORT = server.port


class HoldingSmtpServer(SmtpServer):
    """An SMTP server that keeps the `hold_at`-th message without answering its DATA until
    `release()`: the sender is then stuck exactly between "sent" and "marked sent", the moment
    a real `kill -9` is most harmful."""

    def __init__(self, *, hold_at: int, **kwargs):
        super().__init__(**kwargs)
        self.hold_at = hold_at
        self._released = threading.Event()

    def _receive(self, message) -> None:
        super()._receive(message)
        if len(self.messages) == self.hold_at:
            # Blocks the server's event loop: nothing else can be answered meanwhile.
            self._released.wait(timeout=60)

    def release(self) -> None:
        self._released.set()

    def wait_for_count(self, count: int, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self.messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{len(self.messages)} of {count} messages arrived")
                self._condition.wait(remaining)

    def stop(self) -> None:
        self.release()
        super().stop()
