"""Two schedulers on one Redis enqueue a periodic task once a minute (portal/core/periodic.py).

The end-to-end proof with two real consumers is in test_two_servers.py; this is the rule itself,
on two queue objects sharing a Redis database, with the clock given.
"""

import datetime
import os
import uuid

import pytest
from huey import crontab

from portal.core.periodic import OncePerMinuteRedisHuey

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


@pytest.fixture
def schedulers():
    """Two queues of one name on one Redis (two hosts' consumers), with one periodic task and
    one daily task each."""
    name = f"portal-test-{uuid.uuid4().hex}"
    queues = [OncePerMinuteRedisHuey(name=name, url=REDIS_URL, utc=True) for _ in range(2)]
    for queue in queues:
        queue.periodic_task(crontab(minute="*"), name="every_minute")(lambda: None)
        queue.periodic_task(crontab(hour="3", minute="17"), name="nightly")(lambda: None)
    yield queues
    redis = queues[0].storage.conn
    keys = list(redis.scan_iter(match=f"{name}*"))
    if keys:
        redis.delete(*keys)


def names(tasks) -> list[str]:
    return sorted(task.name for task in tasks)


def test_the_first_scheduler_of_a_minute_enqueues_its_tasks_the_second_none(schedulers):
    first, second = schedulers
    at = datetime.datetime(2026, 12, 7, 3, 17, 5)

    assert names(first.read_periodic(at)) == ["every_minute", "nightly"]
    assert names(second.read_periodic(at.replace(second=40))) == []
    assert names(first.read_periodic(at.replace(second=59))) == []  # nor the same one twice


def test_each_minute_is_claimed_anew(schedulers):
    first, second = schedulers
    at = datetime.datetime(2026, 12, 7, 3, 17, 5)
    assert names(first.read_periodic(at)) == ["every_minute", "nightly"]

    assert names(second.read_periodic(at + datetime.timedelta(minutes=1))) == ["every_minute"]
    assert names(first.read_periodic(at + datetime.timedelta(days=1))) == [
        "every_minute",
        "nightly",
    ]


def test_in_immediate_mode_every_due_task_is_returned():
    queue = OncePerMinuteRedisHuey(name="portal-test-immediate", immediate=True, utc=True)
    queue.periodic_task(crontab(minute="*"), name="every_minute")(lambda: None)
    at = datetime.datetime(2026, 12, 7, 3, 17)
    assert names(queue.read_periodic(at)) == names(queue.read_periodic(at)) == ["every_minute"]
