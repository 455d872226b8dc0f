"""Periodic tasks once a minute across machines, however many schedulers run.

Huey's scheduler (`manage.py run_huey` without `--no-periodic`) checks the periodic tasks once
a minute and enqueues those due. Two schedulers on one Redis would each enqueue them, and every
periodic task would run twice. Here each due task is first claimed for its minute with one
`SET NX` in Redis: the first scheduler to claim a task for a minute enqueues it, the others
skip it. Every app server may then run a consumer with the scheduler on, and a periodic task
still runs once per period (docs/decisions/0049-two-app-servers.md).

The minute is the scheduler's own clock (UTC), so the machines' clocks must agree (NTP): a
scheduler a minute off would claim a different minute. The claims expire after an hour.
"""

import logging
import os
import socket

from huey import RedisHuey

logger = logging.getLogger(__name__)

# Long enough to outlive any clock skew between schedulers; the keys then expire on their own.
CLAIM_SECONDS = 3600


class OncePerMinuteRedisHuey(RedisHuey):
    """RedisHuey whose scheduler enqueues a periodic task only if it won the task's minute."""

    def read_periodic(self, timestamp):
        if timestamp is None:
            timestamp = self._get_timestamp()
        due = super().read_periodic(timestamp)
        redis = getattr(self.storage, "conn", None)
        if not due or redis is None:  # immediate mode keeps its queue in memory
            return due
        minute = timestamp.strftime("%Y-%m-%dT%H:%M") + ("Z" if self.utc else "")
        scheduler = f"{socket.gethostname()}:{os.getpid()}"
        mine, theirs = [], []
        for task in due:
            name = f"{task.__module__}.{task.name}"
            key = f"{self.name}.periodic.{name}.{minute}"
            if redis.set(key, scheduler, nx=True, ex=CLAIM_SECONDS):
                mine.append((name, task))
            else:
                theirs.append(name)
        logger.info(
            "periodic %s: enqueued here: %s; already enqueued by another scheduler: %s",
            minute,
            " ".join(name for name, _task in mine) or "-",
            " ".join(theirs) or "-",
        )
        return [task for _name, task in mine]
