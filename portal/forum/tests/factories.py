"""Debate test data, made through the services as people would make it."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core.tests.factories import TopicFactory
from portal.forum import services
from portal.forum.models import Network, NetworkMembership


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"netvaerk-{n}")
    name = factory.Sequence(lambda n: f"Netværk {n}")
    is_open = True


def add_member(network, user, role=NetworkMembership.Role.MEMBER):
    return NetworkMembership.objects.create(network=network, user=user, role=role)


def make_thread(
    *, author, topic=None, title="Rådighed ved deltid", body="Hvordan gør I?", **kwargs
):
    return services.thread_create(
        author=author, topic=topic or TopicFactory(), title=title, body=body, **kwargs
    )


def make_question(*, author, **kwargs):
    return make_thread(author=author, kind="question", **kwargs)


def make_reply(*, author, thread, body="Sådan gør vi.", **kwargs):
    return services.reply_create(author=author, thread=thread, body=body, **kwargs)


def text_file(content: str, name: str = "notat.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/plain")
