"""manage.py register_import FILE.json: items in seed 004's format, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.register.importing import RegisterFileRefused
from portal.register.services import register_import


class Command(BaseCommand):
    help = "Import register items from a JSON file in the format of seed 004 (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("There is no file “%(file)s”.") % {"file": file})
        try:
            result = register_import(data=path.read_bytes())
        except RegisterFileRefused as refused:
            lines = [
                f"{error['item']} {error['column']}: {error['message']}" for error in refused.errors
            ]
            raise CommandError(
                _("The file was refused; nothing is stored.") + "\n" + "\n".join(lines)
            ) from None
        sections = ", ".join(f"{key}: {count}" for key, count in sorted(result.per_section.items()))
        self.stdout.write(
            _(
                "%(created)s items imported, %(kept)s already in the register, "
                "%(offices)s new offices."
            )
            % {"created": result.created, "kept": result.kept, "offices": result.offices_created}
        )
        if sections:
            self.stdout.write(_("Per section: %(sections)s") % {"sections": sections})
