"""A real SMTP server on loopback for tests: aiosmtpd receives what the portal sends.

Tests talk to a real SMTP server rather than a mock (docs/DESIGN.md), so the message the
portal builds is the message a mail server receives: headers, multipart structure, encoding.
"""

import email
import email.policy
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

LOOPBACK = "127.0.0.1"
# A login or verification code on a line of its own: "BCDF-GHJK" (allauth) or "123456".
_CODE_LINE = re.compile(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})+|[0-9]{6,})\s*$", re.MULTILINE)
_URL = re.compile(r"https?://[^\s<>\"')]+")


@dataclass(frozen=True)
class ReceivedMessage:
    """One message as the SMTP server received it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    @property
    def text(self) -> str:
        """The decoded text/plain body with "\\n" line ends ("" when there is none)."""
        return self._body("plain")

    @property
    def html(self) -> str:
        """The decoded text/html body ("" when the message has none)."""
        return self._body("html")

    def _body(self, subtype: str) -> str:
        part = self.message.get_body(preferencelist=(subtype,))
        if part is None or part.get_content_subtype() != subtype:
            return ""
        return part.get_content().replace("\r\n", "\n")  # SMTP's line ends, as a reader sees them


class _Collector:
    """aiosmtpd handler that hands every accepted message to its SmtpServer."""

    def __init__(self, server: "SmtpServer"):
        self._server = server

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self._server._receive(
            ReceivedMessage(
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                message=message,
            )
        )
        return "250 Message accepted for delivery"


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class SmtpServer:
    """An SMTP server on 127.0.0.1 and a free port that keeps every message it receives."""

    def __init__(self, host: str = LOOPBACK):
        self.host = host
        self.port: int | None = None
        self.messages: list[ReceivedMessage] = []
        self._claimed: set[int] = set()
        self._condition = threading.Condition()
        self._controller: Controller | None = None

    def start(self) -> "SmtpServer":
        self.port = free_port(self.host)
        self._controller = Controller(
            _Collector(self), hostname=self.host, port=self.port, server_hostname="localhost"
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> "SmtpServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _receive(self, message: ReceivedMessage) -> None:
        with self._condition:
            self.messages.append(message)
            self._condition.notify_all()

    def messages_to(self, address: str) -> list[ReceivedMessage]:
        with self._condition:
            return [m for m in self.messages if _addressed_to(m, address)]

    def wait_for_message(
        self,
        *,
        to: str,
        timeout: float = 10.0,
        match: Callable[[ReceivedMessage], bool] | None = None,
    ) -> ReceivedMessage:
        """The next message to `to` (optionally one that `match` accepts), waiting up to `timeout`.

        Each message is handed out once, so a second call waits for the next one (a resent
        code, a second notification).
        """
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                for index, message in enumerate(self.messages):
                    if index in self._claimed or not _addressed_to(message, to):
                        continue
                    if match is None or match(message):
                        self._claimed.add(index)
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    received = [(m.rcpt_tos, m.subject) for m in self.messages]
                    raise AssertionError(
                        f"No email to {to} within {timeout:g} s; received: {received}"
                    )
                self._condition.wait(remaining)


def _addressed_to(message: ReceivedMessage, address: str) -> bool:
    return address.lower() in (rcpt.lower() for rcpt in message.rcpt_tos)


def extract_url(text: str, *, contains: str = "") -> str:
    """The first URL in `text` that contains `contains`."""
    for url in _URL.findall(text):
        if contains in url:
            return url.rstrip(".,;")
    raise AssertionError(f"No URL containing {contains!r} in:\n{text}")


def extract_login_code(text: str) -> str:
    """The code that stands on a line of its own in a login or verification email."""
    found = _CODE_LINE.search(text)
    if found is None:
        raise AssertionError(f"No code on a line of its own in:\n{text}")
    return found.group(1)


@pytest.fixture
def smtp_server(settings) -> Iterator[SmtpServer]:
    """A real SMTP server on loopback, with Django's SMTP backend pointed at it."""
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = server.host
        settings.EMAIL_PORT = server.port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        yield server
