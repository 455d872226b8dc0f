"""Threads and posts made directly (the forum's services are built in parallel)."""

from django.utils import timezone

from portal.core.tests.factories import TopicFactory
from portal.forum.models import Network, NetworkMembership, Post, Thread
from portal.forum.signals import post_created


def make_question(
    *, author, title="Aktivering efter LAB § 16?", body=None, network=None, kind=None
):
    thread = Thread.objects.create(
        kind=kind or Thread.Kind.QUESTION,
        topic=TopicFactory(),
        network=network,
        title=title,
        author=author,
    )
    Post.objects.create(
        thread=thread,
        author=author,
        is_opening=True,
        body=body or "Hvordan skal LAB § 16 forstås for en ledig over 50?",
    )
    return thread


def make_reply(*, thread, author, body="Se LAB § 16, stk. 2.", send_signal=True, jurist=False):
    post = Post.objects.create(
        thread=thread, author=author, body=body, author_is_jurist=jurist, created_at=timezone.now()
    )
    if send_signal:
        post_created.send(sender=Post, post=post)
    return post


def accept_answer(*, thread, post, by=None):
    Thread.objects.filter(pk=thread.pk).update(
        accepted_answer=post, accepted_at=timezone.now(), accepted_by=by or thread.author
    )
    thread.refresh_from_db()
    return thread


def make_private_network(*, members=(), name="Jurister i Region Hovedstaden"):
    network = Network.objects.create(slug=name.lower().replace(" ", "-"), name=name, is_open=False)
    for member in members:
        NetworkMembership.objects.create(network=network, user=member)
    return network
