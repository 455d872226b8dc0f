"""Pagination for lists that grow without bound (threads, notifications)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: an exact count of 100.000 threads costs more than the page
    itself. Beyond the cap, readers narrow the list with filters or search."""

    cap = 1000

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap].count()
