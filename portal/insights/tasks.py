"""Queue entry points of insights: the openings of threads counted in Redis, added up."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from .services import thread_reads_fold


@db_periodic_task(crontab(minute="*"))
@lock_task("insights-thread-reads-fold")
def thread_reads_add_up():
    """Every minute: add the openings counted in Redis to the database (services.py)."""
    return thread_reads_fold()
