from django.core.management.base import BaseCommand

from portal.search.indexing import index_rebuild


class Command(BaseCommand):
    help = "Build the search index again from every thread, reply, guide, person and event."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, batch_size, **options):
        counts = index_rebuild(batch_size=batch_size)
        summary = ", ".join(f"{kind}: {count}" for kind, count in counts.items()) or "nothing"
        self.stdout.write(f"Search index rebuilt ({summary}).")
