"""Handing work to the queue when the queue may be down.

A task is enqueued after its cause has committed; if Redis (or the SQLite queue file) cannot
take it then, the request that caused it must not answer 500 for work that is already saved.
Each caller says what happens instead:

- ``Fallback.SWEEP``: the work is recorded in the database and a periodic round picks it up
  (a newsletter scheduled for now is sent by ``newsletters_send_due``). Only logged.
- ``Fallback.INLINE``: run the task in this process now. For work that is cheap enough, or
  that no round would ever find again (the mail about a changed event).

Email is not enqueued through here: its outbox rows and their sweep make it durable.
"""

import enum
import logging

from huey.contrib.djhuey import HUEY

logger = logging.getLogger(__name__)


class Fallback(enum.Enum):
    SWEEP = "sweep"
    INLINE = "inline"


def enqueue(task, *args, fallback: Fallback, **kwargs) -> bool:
    """Enqueue `task(*args, **kwargs)`; True if the queue took it, False if the fallback ran."""
    if HUEY.immediate:
        task(*args, **kwargs)
        return True
    try:
        task(*args, **kwargs)
    except Exception:
        name = getattr(task, "name", repr(task))
        if fallback is Fallback.INLINE:
            logger.exception("queue: enqueueing %s failed; running it in this process", name)
            task.call_local(*args, **kwargs)
        else:
            logger.exception(
                "queue: enqueueing %s failed; the periodic round will pick the work up", name
            )
        return False
    return True
