"""`manage.py sso_add_saml SLUG (--metadata-url URL | --metadata-file FILE) [--broker]
[--name NAME] [--idp-slug SLUG]`: a SAML 2.0 identity provider for an organisation."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.core.forms import error_text
from portal.sso.services import identity_provider_add_saml, sp_details

from ._common import organisation_get, sp_details_write


class Command(BaseCommand):
    help = "Add a SAML 2.0 (OIOSAML) identity provider for an organisation."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The organisation's short name.")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--metadata-url", default="", help="The IdP's metadata URL.")
        source.add_argument("--metadata-file", default="", help="A file with the IdP's metadata.")
        parser.add_argument(
            "--broker",
            action="store_true",
            help="The IdP vouches for several organisations by CVR number (NemLog-in).",
        )
        parser.add_argument("--name", default="", help="Name shown on the sign-in page.")
        parser.add_argument(
            "--no-encryption",
            action="store_true",
            help="Accept assertions that are signed but not encrypted (OIOSAML wants both).",
        )
        parser.add_argument(
            "--idp-slug", default="", help="The provider's own short name (default: SLUG)."
        )

    def handle(
        self,
        *args,
        slug,
        metadata_url,
        metadata_file,
        broker,
        name,
        idp_slug,
        no_encryption,
        **options,
    ):
        organisation = organisation_get(slug)
        metadata_xml = ""
        if metadata_file:
            try:
                metadata_xml = Path(metadata_file).read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(str(exc)) from exc
        try:
            provider = identity_provider_add_saml(
                organisation=organisation,
                by=None,
                metadata_url=metadata_url,
                metadata_xml=metadata_xml,
                slug=idp_slug,
                name=name,
                is_broker=broker,
                want_assertion_encrypted=not no_encryption,
            )
        except ValidationError as exc:
            raise CommandError(error_text(exc)) from exc
        sp_details_write(self.stdout, provider, sp_details(identity_provider=provider))
