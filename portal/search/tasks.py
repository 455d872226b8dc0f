"""Queue entry points of search: indexing what a committed write changed."""

from huey.contrib.djhuey import db_task

from .indexing import index_objects


@db_task(retries=2, retry_delay=30)
def search_index(pending: dict[str, list[int]]):
    """Index the objects a write noted; the web request that wrote them does not wait for it."""
    index_objects(pending)
