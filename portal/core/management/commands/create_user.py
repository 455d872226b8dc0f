"""`manage.py create_user EMAIL --organisation SLUG --role ROLE`: an approved person, ready to
sign in, for setting up a new installation or an organisation without invitations."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.core.forms import error_text
from portal.core.models import Role
from portal.core.provisioning import user_create


class Command(BaseCommand):
    help = "Create an approved user with a verified email address and the given roles."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--organisation", required=True, help="Short name (slug) of the organisation."
        )
        parser.add_argument(
            "--role",
            action="append",
            required=True,
            dest="roles",
            help=f"Role to grant; repeat for more. One of: {', '.join(Role.values)}.",
        )
        parser.add_argument(
            "--password",
            help="Without a password the person signs in with an emailed login code.",
        )
        parser.add_argument("--name", default="", help="The person's full name.")

    def handle(self, *args, email, organisation, roles, password, name, **options):
        try:
            user = user_create(
                email=email,
                organisation=organisation,
                roles=roles,
                password=password,
                full_name=name,
            )
        except ValidationError as exc:
            raise CommandError(error_text(exc)) from exc
        self.stdout.write(f"Created {user.email} ({user.organisation.name}: {', '.join(roles)}).")
