"""Queue entry points of the digests app: the hourly digest round and its chunks."""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .services import digest_chunk_send, digest_round

logger = logging.getLogger(__name__)


@db_task(retries=2, retry_delay=120)
def digest_chunk_task(*, user_ids: list[int], frequency: str, period_start: str, until: str):
    """One chunk of a round. A retry after a failure is safe: the claimed DigestRun rows roll
    back with the failed transaction, and people claimed by a finished attempt are skipped."""
    result = digest_chunk_send(
        user_ids=user_ids, frequency=frequency, period_start=period_start, until=until
    )
    logger.info("digest chunk %s %s: %s", frequency, period_start, result)


def _enqueue(**chunk) -> None:
    digest_chunk_task(**chunk)


# Hourly at minute 5. Huey's crontab is in UTC ("utc": True); digests are due from 06:00
# Copenhagen time, which is 05:00 UTC in winter and 04:00 UTC in summer, so an hourly round
# (not a fixed UTC hour) sends them in the first round after 06:00 local whatever the season.
# A round finding nobody due costs one query per frequency.
@db_periodic_task(crontab(minute="5"))
def digest_round_task():
    """Find the people due and fan out one task per chunk of them."""
    result = digest_round(dispatch=_enqueue)
    logger.info("digest round: %s people due", result.due)
