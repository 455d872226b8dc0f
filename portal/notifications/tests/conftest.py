"""What the notification email tests share: a stopped clock on a Monday morning and a topic."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from portal.core.tests.factories import TopicFactory

START = timezone.datetime(2026, 3, 2, 9, 0, tzinfo=timezone.get_fixed_timezone(60))
# The wait before a notification is mailed (PORTAL_NOTIFICATION_EMAIL_DELAY_MINUTES).
DELAY = timedelta(minutes=10)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def topic(db):
    return TopicFactory(slug="dagpenge", name="Dagpenge")
