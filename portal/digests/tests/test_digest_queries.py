"""A digest chunk costs a fixed number of queries, however many people are in it."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.conftest import make_user
from portal.digests.models import DigestFrequency, DigestRun
from portal.digests.services import digest_round
from portal.forum import services as forum
from portal.forum.tests.factories import NetworkFactory, add_member, make_reply, make_thread

from .conftest import MONDAY_0630, local


def _people_with_news(fund, topic, n, start):
    author = make_user(organisation=fund, email=f"forfatter{start}@3f.example.dk")
    network = NetworkFactory(is_open=False)
    add_member(network, author)
    with time_machine.travel(local(2026, 11, 18, 10, 0), tick=False):
        followed = make_thread(author=author, topic=topic, title=f"Fulgt {start}")
        private = make_thread(author=author, topic=topic, network=network, title=f"Lukket {start}")
        for i in range(n):
            person = make_user(organisation=fund, email=f"person{start + i}@3f.example.dk")
            person.expertise.add(topic)
            forum.topic_follow(topic=topic, user=person)
            forum.thread_follow(thread=followed, user=person)
            add_member(network, person)
            make_reply(author=person, thread=followed, body=f"Svar {i}")
            make_reply(author=person, thread=private, body=f"Lukket svar {i}")


def _round_queries():
    with time_machine.travel(MONDAY_0630, tick=False), CaptureQueriesContext(connection) as ctx:
        result = digest_round(frequency=DigestFrequency.WEEKLY)
    return len(ctx.captured_queries), result


def test_digest_round_queries_do_not_grow_with_the_number_of_people(smtp_server, fund, topic):
    _people_with_news(fund, topic, 3, 100)
    few, few_result = _round_queries()
    DigestRun.objects.all().delete()
    _people_with_news(fund, topic, 6, 200)
    many, many_result = _round_queries()

    assert few_result.sent == 4 and many_result.sent == 4 + 7  # everyone, authors included
    # Composing and recording cost the same whatever the number of people; sending costs two
    # queries per message (its claim and its mark, which bound a crash to one duplicate).
    assert few - 2 * few_result.sent == many - 2 * many_result.sent
