"""Indexing after a write runs in the queue, not in the web request that wrote."""

from collections import defaultdict

import pytest

from portal.core.queue import Fallback
from portal.forum.models import Post, Thread
from portal.search import receivers
from portal.search.models import SearchDocument
from portal.search.tasks import search_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_pending(monkeypatch):
    """Notes of an earlier test's rolled-back transaction wait for the next commit in this
    thread (receivers.schedule); a test here sees only its own."""
    monkeypatch.setattr(receivers._state, "pending", defaultdict(set), raising=False)


def test_a_committed_write_hands_its_objects_to_the_queue_and_indexes_nothing_itself(
    monkeypatch, topic, caseworker, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(
        receivers, "enqueue", lambda task, *args, **kwargs: queued.append((task, args, kwargs))
    )
    with django_capture_on_commit_callbacks(execute=True):
        thread = Thread.objects.create(title="Rådighed", topic=topic, author=caseworker)
        post = Post.objects.create(thread=thread, author=caseworker, is_opening=True, body="Tekst")

    assert not SearchDocument.objects.exists()
    ((task, (payload,), kwargs),) = queued  # one task for the whole transaction
    assert task is search_index
    assert kwargs == {"fallback": Fallback.INLINE}
    assert payload["thread"] == [thread.pk] and payload["post"] == [post.pk]

    search_index.call_local(payload)  # what the worker does
    assert SearchDocument.objects.filter(kind="thread", object_id=thread.pk).exists()
