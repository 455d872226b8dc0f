"""Run the inbound mail receiver: the MTA forwards the portal's mail domain here."""

import asyncio
import logging
import signal

from django.core.management.base import BaseCommand

from portal.inbound_mail.receiver import serve

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Receive replies by email and bounces over SMTP (or LMTP with --lmtp) from the MTA "
        "that handles the portal's mail domain. Stops cleanly on SIGTERM or Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=2525, help="Port to listen on.")
        parser.add_argument(
            "--lmtp", action="store_true", help="Speak LMTP (one answer per recipient)."
        )

    def handle(self, *args, host, port, lmtp, **options):
        self.stdout.write(
            f"Receiving mail ({'LMTP' if lmtp else 'SMTP'}) on {host}:{port}; "
            "stop with Ctrl-C or SIGTERM."
        )
        asyncio.run(self._run(host=host, port=port, lmtp=lmtp))
        self.stdout.write("Stopped.")

    async def _run(self, *, host, port, lmtp):
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await serve(host=host, port=port, lmtp=lmtp, stop=stop)
