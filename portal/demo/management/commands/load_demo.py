"""`manage.py load_demo`: the demo's organisations, topics, people and known logins."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.demo.loader import demo_load
from portal.demo.people import DEMO_LOGINS


class Command(BaseCommand):
    help = "Load the demo data (idempotent; demo mode only)."

    def handle(self, *args, **options):
        try:
            summary = demo_load()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        labels = {
            "organisations": _("Organisations"),
            "centres": _("Centres"),
            "topics": _("Topics"),
            "users": _("Users"),
            "threads": _("Threads"),
            "posts": _("Posts"),
            "guides": _("Guides"),
        }
        for key, label in labels.items():
            self.stdout.write(
                _("%(kind)s: %(created)d new, %(total)d in all")
                % {
                    "kind": label,
                    "created": summary.created.get(key, 0),
                    "total": summary.total[key],
                }
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo logins (see docs/demo.md): %(emails)s")
                % {"emails": ", ".join(login.email for login in DEMO_LOGINS)}
            )
        )
