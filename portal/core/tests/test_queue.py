"""The queue on its production storage: Redis when REDIS_URL is set (CI sets it)."""

import os
import uuid

import pytest
from huey import RedisHuey

REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


@needs_redis
def test_a_task_travels_through_redis_and_runs_in_a_worker():
    huey = RedisHuey(name=f"portal-test-{uuid.uuid4().hex}", url=REDIS_URL)
    results = []

    @huey.task()
    def add(a, b):
        results.append(a + b)
        return a + b

    try:
        pending = add(2, 3)
        assert huey.pending_count() == 1
        task = huey.dequeue()
        huey.execute(task)
        assert results == [5]
        assert pending.get() == 5
    finally:
        huey.flush()
