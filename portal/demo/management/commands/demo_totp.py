"""`manage.py demo_totp EMAIL`: the current two-factor code of a demo login (demo mode only)."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from portal.demo.people import demo_totp_code


class Command(BaseCommand):
    help = "Print the current 6-digit two-factor code of a demo login (demo mode only)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The demo login, e.g. admin@demo.samarbejdsportalen.dk")

    def handle(self, *args, email, **options):
        try:
            code = demo_totp_code(email=email)
        except (ImproperlyConfigured, LookupError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(code)
