"""A newsletter chunk costs a fixed number of queries, however many recipients are in it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.conftest import make_user
from portal.forum import services as forum_services
from portal.forum.tests.factories import NetworkFactory, add_member, make_thread
from portal.newsletters import services
from portal.newsletters.models import Newsletter

from .test_services import draft_with

pytestmark = pytest.mark.django_db


def _chunk_queries(newsletter, user_ids):
    with CaptureQueriesContext(connection) as ctx:
        sent = services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=user_ids)
    return len(ctx.captured_queries), sent


def test_a_chunk_costs_the_same_for_few_and_many_recipients(
    smtp_server, editor, author, topic, fund
):
    network = NetworkFactory(is_open=False)
    for i in range(12):
        person = make_user(organisation=fund, email=f"medlem{i}@3f.example.dk")
        if i % 2:
            add_member(network, person)
    public = make_thread(author=author, topic=topic, title="Åben tråd")
    moved = make_thread(author=author, topic=topic, title="Flyttet tråd")
    newsletter = draft_with(editor, public, moved)
    # Since it was chosen, one thread went into a network by invitation: only its members
    # find it in their copy, which is decided for the whole chunk at once.
    forum_services.thread_move(thread=moved, by=editor, network=network)
    Newsletter.objects.filter(pk=newsletter.pk).update(
        status=Newsletter.Status.SCHEDULED, scheduled_for=timezone.now()
    )
    recipient_ids = services.newsletter_sending_start(newsletter_id=newsletter.pk)
    assert len(recipient_ids) >= 13

    few, sent_few = _chunk_queries(newsletter, recipient_ids[:3])
    many, sent_many = _chunk_queries(newsletter, recipient_ids[3:9])

    assert (sent_few, sent_many) == (3, 6)
    # Recording the chunk costs the same whatever its size; sending costs two queries per
    # message (its claim and its mark in the durable outbox) and one for the day's count of
    # newsletters sent (the evaluation's figures).
    assert (few - 2 * sent_few, many - 2 * sent_many) == (16, 16)
