"""Queue entry points of single sign-on."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import services


@db_periodic_task(crontab(hour="3", minute="41"))
def seen_assertions_prune():
    """The replay guard only needs ids as long as an assertion could still be valid."""
    return services.seen_assertions_prune()
