"""Failures for the durable outbox's tests: a worker killed mid-send, an SMTP server restarted.

A `kill -9` cannot be caught, so it is simulated by what it leaves behind: the SMTP server has
accepted the k-th message, and the process stops before it can mark it sent. `WorkerKilled`
is a BaseException, so no `except Exception` in the portal's code sees it — exactly as nothing
sees a SIGKILL.
"""

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
