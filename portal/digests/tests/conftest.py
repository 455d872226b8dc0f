"""Fixtures of the digest tests: a fixed week, so that periods and due times are known."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.core.tests.factories import TopicFactory
from portal.testing.smtp import smtp_server  # noqa: F401  (the fixture)

CPH = ZoneInfo("Europe/Copenhagen")
# Wednesday 18 November 2026, mid-week: content is written then, the weekly digest of the week
# of Monday 23 November goes out from 06:00 that Monday.
WRITE_AT = datetime(2026, 11, 18, 10, 0, tzinfo=CPH)
MONDAY_0630 = datetime(2026, 11, 23, 6, 30, tzinfo=CPH)


def local(*args) -> datetime:
    return datetime(*args, tzinfo=CPH)


@pytest.fixture
def at_write_time():
    with time_machine.travel(WRITE_AT, tick=False) as traveller:
        yield traveller


@pytest.fixture
def topic(db):
    return TopicFactory(name="Rådighed")


@pytest.fixture
def other_topic(db):
    return TopicFactory(name="Sygedagpenge")
