"""`manage.py partnership_import KIND FILE --as EMAIL`: import a file now, as that person (their
right to import for which funds applies), printing the rows or the error list."""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.core.forms import error_text
from portal.core.models import User
from portal.partnership.models import ImportKind, ImportStatus
from portal.partnership.services import import_start


class Command(BaseCommand):
    help = "Import partnership data (courses, interviews, job_clubs, outcomes, benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("kind", help=f"One of: {', '.join(ImportKind.values)}.")
        parser.add_argument("file", help="A CSV (; or ,) or XLSX file.")
        parser.add_argument(
            "--as",
            dest="email",
            required=True,
            help="The email of the person importing; their rights decide which funds.",
        )

    def handle(self, *args, kind, file, email, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if person is None:
            raise CommandError(f"No active user with the email address {email}.")
        try:
            record = import_start(
                kind=kind, file_name=path.name, data=path.read_bytes(), by=person, queue=False
            )
        except PermissionDenied as exc:
            raise CommandError(f"{person.email} may not import partnership data.") from exc
        except ValidationError as exc:
            raise CommandError(error_text(exc)) from exc
        if record.status == ImportStatus.DONE:
            self.stdout.write(
                f"Imported {record.rows} rows: {record.created} new, {record.updated} changed."
            )
            return
        for error in record.errors:
            where = f"row {error['row']}" if error["row"] else "file"
            column = f", {error['column']}" if error["column"] else ""
            self.stderr.write(f"{where}{column}: {error['message']}")
        raise CommandError(f"Nothing imported: {len(record.errors)} errors.", returncode=1)
