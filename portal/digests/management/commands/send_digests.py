"""`manage.py send_digests`: run one digest round now, in this process."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.digests.models import DigestFrequency
from portal.digests.services import digest_round


class Command(BaseCommand):
    help = (
        "Send the personal digests that are due now (daily and weekly, or one frequency). "
        "Idempotent: a second run in the same period sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[DigestFrequency.DAILY, DigestFrequency.WEEKLY],
            help="Only this frequency (default: both).",
        )
        parser.add_argument(
            "--now",
            help="Act as if it were this moment (ISO 8601, e.g. 2026-11-30T06:30+01:00).",
        )

    def handle(self, *args, frequency=None, now=None, **options):
        moment = None
        if now:
            try:
                moment = datetime.fromisoformat(now)
            except ValueError as exc:
                raise CommandError(f"--now is not an ISO 8601 moment: {now}") from exc
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        result = digest_round(now=moment, frequency=frequency)
        self.stdout.write(
            f"people due: {result.due}, sent: {result.sent}, "
            f"skipped (nothing new): {result.empty}, "
            f"skipped (address bounced): {result.suppressed}, "
            f"already done this period: {result.already_done}"
        )
