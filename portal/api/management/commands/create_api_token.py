"""`manage.py create_api_token EMAIL`: prints a new token and nothing else, so scripts can
capture it (`TOKEN=$(manage.py create_api_token …)`)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.api.services import api_token_create
from portal.core.forms import error_text
from portal.core.models import User


class Command(BaseCommand):
    help = "Create an API token for a user and print it (it is shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="Command line", help="What the token is for.")

    def handle(self, *args, email, name, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"There is no user with the email address {email}.")
        if not (user.is_active and user.is_approved):
            raise CommandError(
                f"{user.email} is not an active, approved user; a token for them would not work."
            )
        if not name.strip():
            raise CommandError("The token needs a name.")
        try:
            _token, key = api_token_create(user=user, name=name)
        except ValidationError as error:  # the name holds a CPR number
            raise CommandError(error_text(error)) from error
        self.stdout.write(key)
