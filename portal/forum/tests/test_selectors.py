import pytest

from portal.core.tests.factories import TopicFactory
from portal.forum import selectors, services

from .factories import NetworkFactory, add_member, make_question, make_reply, make_thread

pytestmark = pytest.mark.django_db


def titles(threads):
    return sorted(thread.title for thread in threads)


def test_a_private_networks_threads_are_only_for_its_members(caseworker, colleague, editor, topic):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    make_thread(author=caseworker, topic=topic, network=network, title="Privat")
    make_thread(author=caseworker, topic=topic, title="Offentlig")
    assert titles(selectors.thread_list(user=caseworker)) == ["Offentlig", "Privat"]
    assert titles(selectors.thread_list(user=colleague)) == ["Offentlig"]
    # Editors moderate, but a network by invitation stays closed to them unless they join.
    assert titles(selectors.thread_list(user=editor)) == ["Offentlig"]


def test_an_open_networks_threads_are_for_everyone(caseworker, colleague, topic):
    network = NetworkFactory(is_open=True)
    make_thread(author=caseworker, topic=topic, network=network, title="Åben")
    assert titles(selectors.thread_list(user=colleague)) == ["Åben"]


def test_hidden_and_merged_threads_leave_the_list(caseworker, editor, topic):
    hidden = make_thread(author=caseworker, topic=topic, title="Skjult")
    source = make_thread(author=caseworker, topic=topic, title="Dublet")
    target = make_thread(author=caseworker, topic=topic, title="Original")
    services.thread_hide(thread=hidden, by=editor)
    services.thread_merge(source=source, target=target, by=editor)
    assert titles(selectors.thread_list(user=caseworker)) == ["Original"]
    assert titles(selectors.thread_list(user=editor)) == ["Original", "Skjult"]


def test_the_list_filters_by_topic_kind_network_and_follows(caseworker, colleague, topic):
    other_topic = TopicFactory()
    network = NetworkFactory()
    make_thread(author=caseworker, topic=topic, title="Diskussion")
    question = make_question(author=caseworker, topic=other_topic, title="Spørgsmål")
    make_thread(author=colleague, topic=other_topic, network=network, title="I netværket")
    assert titles(selectors.thread_list(user=caseworker, topic=topic)) == ["Diskussion"]
    assert titles(selectors.thread_list(user=caseworker, kind="question")) == ["Spørgsmål"]
    assert titles(selectors.thread_list(user=caseworker, network=network)) == ["I netværket"]
    assert titles(selectors.thread_list(user=colleague, followed=True)) == ["I netværket"]
    services.topic_follow(topic=topic, user=colleague)
    assert titles(selectors.thread_list(user=colleague, followed=True)) == [
        "Diskussion",
        "I netværket",
    ]
    answer = make_reply(author=colleague, thread=question)
    assert titles(selectors.thread_list(user=caseworker, unanswered=True)) == ["Spørgsmål"]
    services.answer_accept(thread=question, post=answer, by=caseworker)
    assert titles(selectors.thread_list(user=caseworker, unanswered=True)) == []


def test_pinned_threads_come_first(caseworker, editor, topic):
    old = make_thread(author=caseworker, topic=topic, title="Gammel")
    make_thread(author=caseworker, topic=topic, title="Ny")
    services.thread_pin(thread=old, by=editor)
    assert [t.title for t in selectors.thread_list(user=caseworker)] == ["Gammel", "Ny"]


def test_unanswered_questions_leave_out_closed_and_answered(caseworker, colleague, editor, topic):
    open_question = make_question(author=caseworker, topic=topic, title="Åbent")
    closed = make_question(author=caseworker, topic=topic, title="Lukket")
    services.thread_close(thread=closed, by=editor)
    answered = make_question(author=caseworker, topic=topic, title="Besvaret")
    answer = make_reply(author=colleague, thread=answered)
    services.answer_accept(thread=answered, post=answer, by=caseworker)
    assert list(selectors.unanswered_questions(user=colleague)) == [open_question]


def test_thread_posts_put_the_accepted_answer_right_after_the_question(
    caseworker, colleague, topic
):
    question = make_question(author=caseworker, topic=topic)
    first = make_reply(author=colleague, thread=question, body="Første")
    second = make_reply(author=colleague, thread=question, body="Andet")
    services.answer_accept(thread=question, post=second, by=caseworker)
    services.reaction_toggle(post=second, user=caseworker, kind="useful")
    question.refresh_from_db()
    posts = selectors.thread_posts(user=caseworker, thread=question)
    assert [post.pk for post in posts] == [
        question.posts.get(is_opening=True).pk,
        second.pk,
        first.pk,
    ]
    assert posts[1].is_accepted
    assert posts[1].useful_count == 1
    assert posts[1].my_reactions == {"useful"}


def test_access_thread_answers_404_for_a_private_thread(caseworker, colleague, topic):
    from django.http import Http404

    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    thread = make_thread(author=caseworker, topic=topic, network=network)
    assert selectors.access_thread(user=caseworker, thread_id=thread.pk) == thread
    with pytest.raises(Http404):
        selectors.access_thread(user=colleague, thread_id=thread.pk)
    with pytest.raises(Http404):
        selectors.access_post(user=colleague, post_id=thread.posts.get().pk)


def test_report_queue_lists_open_reports_oldest_first(caseworker, colleague, editor, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    first = services.report_create(post=post, reporter=colleague, reason="En")
    second = services.report_create(post=post, reporter=colleague, reason="To")
    services.report_resolve(report=first, by=editor)
    assert list(selectors.report_queue()) == [second]
    assert list(selectors.report_queue(resolved=True)) == [first]


def test_network_list_shows_membership(caseworker):
    mine = NetworkFactory(name="A")
    NetworkFactory(name="B", is_open=False)
    add_member(mine, caseworker)
    networks = {n.name: n for n in selectors.network_list_for(user=caseworker)}
    assert networks["A"].is_member and networks["A"].member_count == 1
    assert not networks["B"].is_member
