import pytest
from django.utils import timezone

from portal.core.tests.factories import TopicFactory
from portal.forum.models import Network, NetworkMembership, Post, Thread


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """`with indexed():` runs the index updates that would follow the commit of the writes."""

    def _indexed():
        return django_capture_on_commit_callbacks(execute=True)

    return _indexed


@pytest.fixture
def topic(db):
    return TopicFactory(slug="dagpenge", name="Dagpenge")


@pytest.fixture
def make_thread(topic, caseworker, indexed):
    def _make_thread(title, body="", *, author=None, network=None, topic=topic, **fields):
        with indexed():
            thread = Thread.objects.create(
                title=title, topic=topic, network=network, author=author or caseworker, **fields
            )
            Post.objects.create(
                thread=thread, author=thread.author, is_opening=True, body=body or title
            )
        return thread

    return _make_thread


@pytest.fixture
def make_reply(caseworker, indexed):
    def _make_reply(thread, body, *, author=None, **fields):
        with indexed():
            post = Post.objects.create(
                thread=thread, author=author or caseworker, body=body, **fields
            )
            thread.reply_count += 1
            thread.last_activity_at = timezone.now()
            thread.save(update_fields=["reply_count", "last_activity_at"])
        return post

    return _make_reply


@pytest.fixture
def private_network(db, indexed):
    with indexed():
        return Network.objects.create(slug="lukket", name="Lukket netværk", is_open=False)


@pytest.fixture
def member_of(indexed):
    def _member_of(network, user):
        NetworkMembership.objects.create(network=network, user=user)

    return _member_of
