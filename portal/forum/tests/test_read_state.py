"""How far each person has read: remembered when a thread is opened, shown as "N nye" and
"Ny" in the thread lists, never mixed up between readers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.forum import services
from portal.forum.models import DebateVisit, Thread, ThreadReadState

from .factories import NetworkFactory, add_member, make_reply, make_thread

pytestmark = pytest.mark.django_db


def _visited_an_hour_ago(user):
    DebateVisit.objects.update_or_create(
        user=user,
        defaults={"last_seen_at": timezone.now() - timedelta(hours=2), "previous_visit_at": None},
    )


def _row(content: str, title: str) -> str:
    return content.split(title)[1].split("</tr>")[0]


def test_opening_a_thread_remembers_its_newest_post(caseworker, colleague, topic, client_for):
    thread = make_thread(author=colleague, topic=topic)
    client = client_for(caseworker)
    client.get(reverse("forum:thread_detail", args=[thread.pk]))
    state = ThreadReadState.objects.get(user=caseworker, thread=thread)
    assert state.last_read_post == thread.posts.get()

    reply = make_reply(author=colleague, thread=thread)
    client.get(reverse("forum:thread_detail", args=[thread.pk]))
    assert ThreadReadState.objects.get(user=caseworker, thread=thread).last_read_post == reply
    assert ThreadReadState.objects.filter(user=caseworker).count() == 1


def test_a_visit_starts_after_an_hour_away(caseworker):
    start = timezone.now()
    assert services.debate_visit_touch(user=caseworker, now=start) is None
    # Pages within the hour belong to the same visit.
    assert services.debate_visit_touch(user=caseworker, now=start + timedelta(minutes=30)) is None
    later = start + timedelta(minutes=30, hours=2)
    assert services.debate_visit_touch(user=caseworker, now=later) == start + timedelta(minutes=30)
    assert services.debate_visit_touch(user=caseworker, now=later + timedelta(minutes=5)) == (
        start + timedelta(minutes=30)
    )


def test_the_thread_list_counts_new_posts_and_marks_new_threads(
    caseworker, colleague, editor, topic, client_for
):
    read = make_thread(author=colleague, topic=topic, title="Læst tidligere")
    services.thread_read_record(
        user=caseworker, thread=read, post_ids=list(read.posts.values_list("pk", flat=True))
    )
    seen = make_thread(author=colleague, topic=topic, title="Set helt")
    services.thread_read_record(
        user=caseworker, thread=seen, post_ids=list(seen.posts.values_list("pk", flat=True))
    )
    old = make_thread(author=colleague, topic=topic, title="Gammel ulæst")
    Thread.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    _visited_an_hour_ago(caseworker)
    make_reply(author=colleague, thread=read)
    hidden = make_reply(author=colleague, thread=read)
    services.post_hide(post=hidden, by=editor)
    make_reply(author=colleague, thread=read)
    make_thread(author=colleague, topic=topic, title="Ny siden sidst")
    make_thread(author=caseworker, topic=topic, title="Min egen")
    # The thread list is cached per visibility: the marks are added per reader.
    client_for(colleague).get(reverse("forum:thread_list"))

    content = client_for(caseworker).get(reverse("forum:thread_list")).content.decode()

    # Two new posts a reader may read; the hidden one is not counted.
    assert 'data-unread="2"' in _row(content, "Læst tidligere")
    assert "data-unread" not in _row(content, "Set helt")
    assert 'data-mark="new"' in _row(content, "Ny siden sidst")
    assert 'data-mark="new"' not in _row(content, "Gammel ulæst")
    assert 'data-mark="new"' not in _row(content, "Min egen")


def test_one_readers_marks_are_not_anothers(caseworker, colleague, topic, client_for):
    thread = make_thread(author=colleague, topic=topic, title="Delt tråd")
    services.thread_read_record(
        user=caseworker, thread=thread, post_ids=list(thread.posts.values_list("pk", flat=True))
    )
    make_reply(author=colleague, thread=thread)
    other = client_for(caseworker).get(reverse("forum:thread_list")).content.decode()
    assert 'data-unread="1"' in _row(other, "Delt tråd")
    mine = client_for(colleague).get(reverse("forum:thread_list")).content.decode()
    assert "data-unread" not in _row(mine, "Delt tråd")


def test_marks_on_the_topic_network_and_unanswered_lists(caseworker, colleague, topic, client_for):
    network = NetworkFactory()
    add_member(network, caseworker)
    thread = make_thread(
        author=colleague,
        topic=topic,
        title="Spørgsmål i netværket",
        network=network,
        kind="question",
    )
    services.thread_read_record(
        user=caseworker, thread=thread, post_ids=list(thread.posts.values_list("pk", flat=True))
    )
    make_reply(author=caseworker, thread=thread)
    client = client_for(caseworker)
    for url in (
        reverse("forum:topic_detail", args=[topic.slug]),
        reverse("forum:network_detail", args=[network.slug]),
        reverse("forum:unanswered_list"),
        reverse("forum:thread_list") + "?followed=on",
    ):
        content = client.get(url).content.decode()
        assert 'data-unread="1"' in _row(content, "Spørgsmål i netværket"), url


def test_the_filtered_thread_list_with_marks_costs_the_same_for_n_and_2n(
    caseworker, colleague, topic, client_for, django_assert_num_queries
):
    client = client_for(caseworker)
    url = reverse("forum:topic_detail", args=[topic.slug])
    client.get(url)

    def fill(n):
        for i in range(n):
            thread = make_thread(author=colleague, topic=topic, title=f"Tråd {i}")
            if i % 2:
                services.thread_read_record(
                    user=caseworker,
                    thread=thread,
                    post_ids=list(thread.posts.values_list("pk", flat=True)),
                )
                make_reply(author=colleague, thread=thread)

    fill(3)
    with django_assert_num_queries(TOPIC_PAGE_QUERIES):
        client.get(url)
    fill(3)
    with django_assert_num_queries(TOPIC_PAGE_QUERIES):
        content = client.get(url).content.decode()
    assert content.count('data-unread="1"') == 2


# Session, user, roles, organisation, bell; the topic; following it, the count, the threads; the
# reader's visit and their read marks.
TOPIC_PAGE_QUERIES = 11


def test_opening_a_thread_again_within_the_minute_writes_nothing_unless_the_mark_moves(
    caseworker, colleague, topic, settings, django_assert_num_queries
):
    """With the request cache on (production), a reload that shows no newer post than the
    person's mark skips the write; a newer post is written at once."""
    settings.PORTAL_REQUEST_CACHE = True
    thread = make_thread(author=colleague, topic=topic)
    first = list(thread.posts.values_list("pk", flat=True))
    services.thread_read_record(user=caseworker, thread=thread, post_ids=first)
    with django_assert_num_queries(0):
        services.thread_read_record(user=caseworker, thread=thread, post_ids=first)
    reply = make_reply(author=colleague, thread=thread)
    services.thread_read_record(user=caseworker, thread=thread, post_ids=[*first, reply.pk])
    state = ThreadReadState.objects.get(user=caseworker, thread=thread)
    assert state.last_read_post_id == reply.pk
