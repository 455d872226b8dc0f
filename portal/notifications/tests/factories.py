"""Debate records for these tests, made with the ORM (the forum's services are built elsewhere)."""

from django.utils import timezone
from django.utils.text import slugify

from portal.core.tests.factories import TopicFactory
from portal.forum.models import Network, NetworkMembership, Post, Thread


def make_thread(*, author, title="Hvordan tæller rådighedsvurderingen?", topic=None, **extra):
    """A thread with its opening post."""
    thread = Thread.objects.create(
        author=author, title=title, topic=topic or TopicFactory(), **extra
    )
    Post.objects.create(
        thread=thread,
        author=author,
        is_opening=True,
        body="Spørgsmål",
        body_html="<p>Spørgsmål</p>",
    )
    return thread


def make_reply(*, thread, author, body="Et svar"):
    post = Post.objects.create(thread=thread, author=author, body=body, body_html=f"<p>{body}</p>")
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=thread.posts.filter(is_opening=False).count(), last_activity_at=timezone.now()
    )
    return post


def make_network(*, name, is_open=True, members=()):
    network = Network.objects.create(slug=slugify(name), name=name, is_open=is_open)
    for member in members:
        NetworkMembership.objects.create(network=network, user=member)
    return network
