"""Newsletter test data: threads with reads and reactions, made through the services."""

import pytest
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum import services as forum_services
from portal.forum.tests.factories import NetworkFactory, add_member, make_thread
from portal.insights.models import DailyThreadReads


@pytest.fixture
def topic(db):
    return TopicFactory(slug="dagpenge", name="Dagpenge")


@pytest.fixture
def author(other_fund):
    return make_user(organisation=other_fund, email="forfatter@foa.example.dk", full_name="Frida")


def read(thread, count, *, day=None):
    """`count` page views of the thread on `day` (today by default)."""
    DailyThreadReads.objects.create(thread=thread, day=day or timezone.localdate(), count=count)


def mark_useful(thread, *, by):
    forum_services.reaction_toggle(post=thread.posts.get(is_opening=True), user=by, kind="useful")


@pytest.fixture
def private_thread(author, topic, editor):
    network = NetworkFactory(slug="lukket", name="Lukket netværk", is_open=False)
    add_member(network, author)
    return make_thread(author=author, topic=topic, title="Hemmelig sag", network=network)


@pytest.fixture
def hidden_thread(author, topic, editor):
    thread = make_thread(author=author, topic=topic, title="Skjult tråd")
    forum_services.thread_hide(thread=thread, by=editor)
    return thread
