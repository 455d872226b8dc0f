"""The SMTP/LMTP receiver an MTA forwards the portal's mail domain to (aiosmtpd).

Recipients are checked at RCPT time (only signed svar+/retur+ addresses of our domain), so an
MTA never accepts mail for an address that cannot exist. The message itself is judged by
`inbound_mail_receive`, which uses the synchronous ORM: it runs in a worker thread, never on
the event loop, with the thread's database connection closed after each message (a receiver
runs for months; a connection left open would outlive a database restart).

LMTP answers once per recipient after DATA (RFC 2033); SMTP has only one answer for all of
them: the first accepted result wins (the others were logged, and a genuine sender was
emailed an explanation), otherwise the first rejection.
"""

import asyncio
import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from django.conf import settings
from django.db import close_old_connections, connections

from portal.core.mail_addresses import (
    BOUNCE_PREFIX,
    REPLY_PREFIX,
    AddressError,
    AddressExpired,
    bounce_address_parse,
    reply_address_parse,
)

from .services import inbound_mail_receive

logger = logging.getLogger(__name__)

MAX_RECIPIENTS = 50
UNKNOWN_RECIPIENT = "550 5.1.1 No such recipient here"
TEMPORARY_FAILURE = "451 4.3.0 Temporary failure, please try again later"


def data_size_limit() -> int:
    """What the receiver reads: twice the posting limit, so that a person whose mail is somewhat
    too large is told why (with their text) instead of getting a bare 552 from the protocol."""
    return 2 * settings.PORTAL_INBOUND_MAIL_MAX_BYTES


def recipient_check(address: str) -> str | None:
    """None when we take mail for `address`, else the SMTP rejection (no database needed)."""
    address = address.strip().strip("<>")
    local, _, domain = address.rpartition("@")
    if domain.lower() != settings.PORTAL_MAIL_DOMAIN.lower():
        return "550 5.1.1 Recipient not in this domain"
    tag = local.partition("+")[0].lower()
    try:
        if tag == REPLY_PREFIX:
            # An expired address is accepted: the sender is told why at DATA, with their text.
            with contextlib.suppress(AddressExpired):
                reply_address_parse(address)
        elif tag == BOUNCE_PREFIX:
            bounce_address_parse(address)
        else:
            return UNKNOWN_RECIPIENT
    except AddressError:
        return UNKNOWN_RECIPIENT
    return None


def _receive(raw: bytes, envelope_from: str, recipients: list[str]):
    close_old_connections()
    try:
        return inbound_mail_receive(raw=raw, envelope_from=envelope_from, recipients=recipients)
    finally:
        connections.close_all()


class InboundMailHandler:
    """aiosmtpd handler: RCPT checks, then the Django service off the event loop."""

    def __init__(self, executor: ThreadPoolExecutor | None = None):
        self.executor = executor

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if len(envelope.rcpt_tos) >= MAX_RECIPIENTS:
            return "452 4.5.3 Too many recipients"
        rejection = recipient_check(address)
        if rejection:
            return rejection
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        mail_from = envelope.mail_from or ""
        loop = asyncio.get_running_loop()
        try:
            results = await loop.run_in_executor(
                self.executor, _receive, raw, mail_from, list(envelope.rcpt_tos)
            )
        except Exception:
            logger.exception("inbound mail from <%s> failed; asking the sender to retry", mail_from)
            if isinstance(server, LMTP):
                return "\r\n".join(TEMPORARY_FAILURE for _ in envelope.rcpt_tos)
            return TEMPORARY_FAILURE
        logger.info(
            "inbound mail from=<%s> size=%d %s",
            mail_from,
            len(raw),
            " ".join(
                f"to=<{r.recipient}> {r.outcome} {r.smtp_code} {r.enhanced_code}" for r in results
            ),
        )
        if isinstance(server, LMTP):
            return "\r\n".join(result.smtp_reply() for result in results)
        accepted = [result for result in results if result.accepted]
        return (accepted or results)[0].smtp_reply()


def protocol_factory(handler: InboundMailHandler, *, lmtp: bool, hostname: str | None = None):
    kind = LMTP if lmtp else SMTP
    return kind(handler, data_size_limit=data_size_limit(), hostname=hostname)


class InboundMailController(Controller):
    """The receiver in a thread of this process (tests); `receive_mail` runs it in front."""

    def __init__(self, *, host: str, port: int, lmtp: bool = False):
        self.lmtp = lmtp
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="inbound-mail")
        super().__init__(
            InboundMailHandler(self._executor), hostname=host, port=port, server_hostname=host
        )

    def factory(self):
        return protocol_factory(
            self.handler, lmtp=self.lmtp, hostname=self.SMTP_kwargs.get("hostname")
        )

    def stop(self, *args, **kwargs):
        super().stop(*args, **kwargs)
        self._executor.shutdown(wait=True)


async def serve(*, host: str, port: int, lmtp: bool, stop: asyncio.Event) -> None:
    """Serve until `stop` is set (SIGTERM/Ctrl-C), then finish the messages in progress."""
    loop = asyncio.get_running_loop()
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="inbound-mail")
    handler = InboundMailHandler(executor)
    server = await loop.create_server(
        lambda: protocol_factory(handler, lmtp=lmtp), host=host, port=port
    )
    logger.info("receive_mail: %s on %s:%s", "LMTP" if lmtp else "SMTP", host, port)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
        await loop.run_in_executor(None, lambda: executor.shutdown(wait=True))
        logger.info("receive_mail: stopped")
