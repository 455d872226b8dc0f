"""`manage.py sso_add_oidc SLUG --issuer URL --client-id ID --client-secret SECRET [--name]
[--idp-slug SLUG]`: an OpenID Connect provider for an organisation."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.core.forms import error_text
from portal.sso.services import identity_provider_add_oidc, sp_details

from ._common import organisation_get, sp_details_write


class Command(BaseCommand):
    help = "Add an OpenID Connect identity provider (Entra ID, a broker) for an organisation."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The organisation's short name.")
        parser.add_argument("--issuer", required=True, help="The provider's issuer URL.")
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)
        parser.add_argument("--name", default="", help="Name shown on the sign-in page.")
        parser.add_argument(
            "--idp-slug", default="", help="The provider's own short name (default: SLUG)."
        )

    def handle(self, *args, slug, issuer, client_id, client_secret, name, idp_slug, **options):
        organisation = organisation_get(slug)
        try:
            provider = identity_provider_add_oidc(
                organisation=organisation,
                by=None,
                issuer=issuer,
                client_id=client_id,
                client_secret=client_secret,
                slug=idp_slug,
                name=name,
            )
        except ValidationError as exc:
            raise CommandError(error_text(exc)) from exc
        sp_details_write(self.stdout, provider, sp_details(identity_provider=provider))
