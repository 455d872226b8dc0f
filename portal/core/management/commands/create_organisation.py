"""`manage.py create_organisation SLUG --kind KIND --name NAME`: a new fund, union or jobcenter
provisioned from a script, with an audit entry."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.core.forms import error_text
from portal.core.models import OrganisationKind
from portal.core.provisioning import organisation_create


class Command(BaseCommand):
    help = "Create an organisation (unemployment fund, union, jobcenter or operator)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Short name used in addresses and commands.")
        # Checked by the service, not by argparse, so that the error is the portal's own.
        parser.add_argument(
            "--kind", required=True, help=f"One of: {', '.join(OrganisationKind.values)}."
        )
        parser.add_argument("--name", required=True, help="The organisation's full name.")
        parser.add_argument(
            "--email-domains",
            default="",
            help="Domains whose owners may ask to join by sign-up, separated by spaces.",
        )

    def handle(self, *args, slug, kind, name, email_domains, **options):
        try:
            organisation = organisation_create(
                slug=slug, kind=kind, name=name, email_domains=email_domains
            )
        except ValidationError as exc:
            raise CommandError(error_text(exc)) from exc
        self.stdout.write(
            f"Created {organisation.name} ({organisation.slug}, {organisation.get_kind_display()})."
        )
