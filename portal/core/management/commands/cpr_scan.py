"""`manage.py cpr_scan [--redact]`: find CPR numbers stored before the guard knew the trick.

The guard (portal.core.cpr_guard) stops new ones; this finds the old ones — every text field the
guard checks, and the copies made of them (rendered HTML, the search index, the demo outbox) —
and prints where they are, masked. With --redact each is replaced by its masked form
(DDMMYY-XXXX) in place; then rebuild the search index (`manage.py search_rebuild`).
"""

from django.core.management.base import BaseCommand
from django.db import models

from portal.core.cpr import find_cpr_numbers, mask, redact_cpr_numbers
from portal.core.cpr_guard import field_key, guarded_fields, portal_models

# Copies of guarded text that readers see too: redacted with their source.
COPIES = {
    "forum.Post.body_html",
    "guides.Guide.body_html",
    "newsletters.Newsletter.intro_html",
    "search.SearchDocument.title",
    "search.SearchDocument.body",
    "core.OutboxMessage.subject",
    "core.OutboxMessage.text_body",
    "core.OutboxMessage.html_body",
    "core.OutboxMessage.raw",
}


def scanned_fields():
    for model in portal_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if field in guarded_fields(model) or field_key(model, field) in COPIES:
                yield model, field


class Command(BaseCommand):
    help = "List (and with --redact mask) CPR numbers stored in the portal's text fields."

    def add_arguments(self, parser):
        parser.add_argument(
            "--redact", action="store_true", help="Replace each number by DDMMYY-XXXX."
        )

    def handle(self, *args, redact, **options):
        found = 0
        for model, field in scanned_fields():
            rows = (
                model._base_manager.exclude(**{f"{field.attname}__isnull": True})
                .exclude(**{field.attname: ""})
                .values_list("pk", field.attname)
            )
            for pk, value in rows.iterator(chunk_size=1000):
                numbers = find_cpr_numbers(value)
                if not numbers:
                    continue
                found += 1
                self.stdout.write(f"{field_key(model, field)} #{pk}: {mask(numbers[0])}")
                if redact:
                    masked = redact_cpr_numbers(value)[: field.max_length or None]
                    # update(): no signals, and the masked text holds no number to check.
                    model._base_manager.filter(pk=pk).update(**{field.attname: masked})
        verb = "masked" if redact else "found"
        self.stdout.write(f"{found} stored CPR number(s) {verb}.")
        if redact and found:
            self.stdout.write("Rebuild the search index: manage.py search_rebuild")
