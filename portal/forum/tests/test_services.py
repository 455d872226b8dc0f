import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum import services, signals
from portal.forum.models import Post, PostRevision, Reaction, Report, Thread, ThreadFollow
from portal.notifications.models import Notification

from .factories import NetworkFactory, add_member, make_question, make_reply, make_thread

pytestmark = pytest.mark.django_db


def kinds_for(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


class SignalSpy:
    def __init__(self, signal):
        self.calls = []
        signal.connect(self.receive, weak=False)
        self.signal = signal

    def receive(self, sender, **kwargs):
        self.calls.append(kwargs)


# --- Threads -----------------------------------------------------------------------------


def test_thread_create_makes_the_opening_post_and_the_author_follows(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic, title="Titel", body="Hej **alle**")
    opening = thread.posts.get()
    assert opening.is_opening
    assert opening.body_html == "<p>Hej <strong>alle</strong></p>\n"
    assert ThreadFollow.objects.filter(user=caseworker, thread=thread).exists()
    assert thread.kind == Thread.Kind.DISCUSSION


def test_thread_create_sanitises_the_markdown(caseworker, topic):
    thread = make_thread(
        author=caseworker, topic=topic, body="<script>alert(1)</script> [x](javascript:alert(1))"
    )
    html = thread.posts.get().body_html
    assert "<script" not in html
    assert 'href="javascript:' not in html


def test_thread_create_refuses_an_empty_title_and_keeps_nothing(caseworker, topic):
    with pytest.raises(ValidationError) as error:
        services.thread_create(author=caseworker, topic=topic, title=" ", body="Tekst")
    assert "title" in error.value.error_dict
    assert not Thread.objects.exists()


def test_only_members_post_in_a_network_by_invitation(caseworker, colleague, topic):
    network = NetworkFactory(is_open=False)
    add_member(network, colleague)
    with pytest.raises(PermissionDenied):
        make_thread(author=caseworker, topic=topic, network=network)
    thread = make_thread(author=colleague, topic=topic, network=network)
    assert thread.network == network


def test_anyone_posts_in_an_open_network(caseworker, topic):
    network = NetworkFactory(is_open=True)
    assert make_thread(author=caseworker, topic=topic, network=network).network == network


def test_a_question_addressed_to_a_colleague_notifies_them(caseworker, colleague, topic):
    thread = make_question(author=caseworker, topic=topic, addressed_to=colleague)
    notification = Notification.objects.get(recipient=colleague)
    assert notification.kind == Notification.Kind.QUESTION_FOR_YOU
    assert notification.thread == thread


def test_a_new_thread_notifies_the_followers_of_its_topic_who_may_read_it(
    caseworker, colleague, topic
):
    services.topic_follow(topic=topic, user=colleague)
    services.topic_follow(topic=topic, user=caseworker)
    thread = make_thread(author=caseworker, topic=topic, title="Nyt om rådighed")
    notified = Notification.objects.filter(kind=Notification.Kind.NEW_THREAD, thread=thread)
    assert [n.recipient for n in notified] == [colleague]

    private = NetworkFactory(is_open=False)
    add_member(private, caseworker)
    hidden = make_thread(author=caseworker, topic=topic, title="Lukket", network=private)
    assert not Notification.objects.filter(thread=hidden).exists()


def test_thread_create_sends_post_created(caseworker, topic):
    spy = SignalSpy(signals.post_created)
    try:
        thread = make_thread(author=caseworker, topic=topic)
    finally:
        signals.post_created.disconnect(spy.receive)
    assert [call["post"] for call in spy.calls] == [thread.posts.get()]


# --- Replies -----------------------------------------------------------------------------


def test_reply_create_counts_the_reply_and_the_replier_follows(caseworker, colleague, topic):
    thread = make_thread(author=caseworker, topic=topic)
    before = thread.last_activity_at
    reply = make_reply(author=colleague, thread=thread)
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert thread.last_activity_at >= before
    assert not reply.is_opening
    assert ThreadFollow.objects.filter(user=colleague, thread=thread).exists()


def test_a_jurists_reply_is_marked_as_a_jurists(caseworker, jurist, topic):
    thread = make_question(author=caseworker, topic=topic)
    assert make_reply(author=jurist, thread=thread).author_is_jurist
    assert not make_reply(author=caseworker, thread=thread).author_is_jurist


def test_a_closed_thread_takes_no_replies_except_from_editors(caseworker, editor, topic):
    thread = make_thread(author=caseworker, topic=topic)
    services.thread_close(thread=thread, by=editor)
    with pytest.raises(ValidationError) as error:
        make_reply(author=caseworker, thread=thread)
    assert error.value.code == "thread_closed"
    assert make_reply(author=editor, thread=thread)


def test_only_a_post_of_the_same_thread_can_be_quoted(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic)
    other = make_thread(author=caseworker, topic=topic)
    with pytest.raises(ValidationError):
        make_reply(author=caseworker, thread=thread, quoted_post=other.posts.get())
    opening = thread.posts.get()
    reply = make_reply(author=caseworker, thread=thread, quoted_post=opening)
    assert reply.quoted_post == opening


def test_reply_notifies_followers_and_the_asker_once_each(caseworker, colleague, fund, topic):
    follower = make_user(organisation=fund, email="foelger@3f.example.dk")
    thread = make_question(author=caseworker, topic=topic)
    services.thread_follow(thread=thread, user=follower)
    make_reply(author=colleague, thread=thread)
    assert kinds_for(caseworker) == ["answer"]
    assert kinds_for(follower) == ["reply"]
    assert kinds_for(colleague) == []


def test_a_mention_beats_an_answer_and_a_reply(caseworker, colleague, topic):
    thread = make_question(author=caseworker, topic=topic)
    make_reply(author=colleague, thread=thread, body="Spørg @sagsbehandler, hun ved det.")
    assert kinds_for(caseworker) == ["mention"]


def test_a_discussion_reply_notifies_followers_as_reply(caseworker, colleague, topic):
    thread = make_thread(author=caseworker, topic=topic)
    make_reply(author=colleague, thread=thread)
    assert kinds_for(caseworker) == ["reply"]


# --- Mentions ----------------------------------------------------------------------------


def test_a_mention_by_the_email_local_part_links_to_the_profile(caseworker, colleague, topic):
    thread = make_thread(author=caseworker, topic=topic, body="Hvad mener @kollega?")
    post = thread.posts.get()
    url = reverse("directory:person_detail", args=[colleague.pk])
    assert f'<a href="{url}"' in post.body_html
    assert "@Karen Kollega" in post.body_html
    assert list(post.mentions.values_list("user", flat=True)) == [colleague.pk]
    assert kinds_for(colleague) == ["mention"]


def test_an_ambiguous_local_part_needs_the_full_address(caseworker, fund, other_fund, topic):
    first = make_user(organisation=fund, email="anne@3f.example.dk")
    make_user(organisation=other_fund, email="anne@foa.example.dk")
    thread = make_thread(author=caseworker, topic=topic, body="Hej @anne og @anne@3f.example.dk.")
    assert list(thread.posts.get().mentions.values_list("user", flat=True)) == [first.pk]


def test_an_email_address_in_the_text_is_no_mention(caseworker, colleague, topic):
    thread = make_thread(author=caseworker, topic=topic, body="Skriv til kollega@foa.example.dk")
    assert not thread.posts.get().mentions.exists()


def test_people_who_cannot_read_the_thread_are_not_mentioned(caseworker, colleague, topic):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    thread = make_thread(author=caseworker, topic=topic, network=network, body="Hej @kollega")
    assert not thread.posts.get().mentions.exists()
    assert kinds_for(colleague) == []


# --- Editing -----------------------------------------------------------------------------


def test_post_edit_keeps_the_old_text_as_a_revision(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic, body="Første udgave")
    post = thread.posts.get()
    services.post_edit(post=post, editor=caseworker, body="Anden *udgave*")
    post.refresh_from_db()
    assert post.body == "Anden *udgave*"
    assert "<em>udgave</em>" in post.body_html
    assert post.edit_count == 1
    assert post.edited_at is not None
    assert list(PostRevision.objects.filter(post=post).values_list("body", flat=True)) == [
        "Første udgave"
    ]


def test_post_edit_of_the_opening_post_changes_the_title(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic)
    services.post_edit(post=thread.posts.get(), editor=caseworker, body="Ny", title="Ny titel")
    thread.refresh_from_db()
    assert thread.title == "Ny titel"


def test_only_the_author_or_an_editor_edits_a_post(caseworker, colleague, editor, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    with pytest.raises(PermissionDenied):
        services.post_edit(post=post, editor=colleague, body="Overtaget")
    services.post_edit(post=post, editor=editor, body="Rettet af redaktøren")
    assert PostRevision.objects.get(post=post).edited_by == editor


def test_post_edit_notifies_only_newly_mentioned_people(caseworker, colleague, topic):
    post = make_thread(author=caseworker, topic=topic, body="Hej @kollega").posts.get()
    services.post_edit(post=post, editor=caseworker, body="Hej igen @kollega")
    assert kinds_for(colleague) == ["mention"]


def test_post_edit_sends_post_edited(caseworker, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    spy = SignalSpy(signals.post_edited)
    try:
        services.post_edit(post=post, editor=caseworker, body="Ændret")
    finally:
        signals.post_edited.disconnect(spy.receive)
    assert spy.calls == [{"post": post, "signal": signals.post_edited}]


# --- Questions and answers ---------------------------------------------------------------


def test_the_asker_accepts_an_answer_and_the_answerer_is_told(caseworker, colleague, topic):
    thread = make_question(author=caseworker, topic=topic)
    answer = make_reply(author=colleague, thread=thread)
    Notification.objects.all().delete()
    spy = SignalSpy(signals.answer_accepted)
    try:
        services.answer_accept(thread=thread, post=answer, by=caseworker)
    finally:
        signals.answer_accepted.disconnect(spy.receive)
    thread.refresh_from_db()
    assert thread.accepted_answer == answer
    assert thread.accepted_by == caseworker
    assert kinds_for(colleague) == ["answer_accepted"]
    assert spy.calls[0]["post"] == answer


def test_others_than_the_asker_and_editors_cannot_accept(caseworker, colleague, editor, topic):
    thread = make_question(author=caseworker, topic=topic)
    answer = make_reply(author=colleague, thread=thread)
    with pytest.raises(PermissionDenied):
        services.answer_accept(thread=thread, post=answer, by=colleague)
    services.answer_accept(thread=thread, post=answer, by=editor)
    services.answer_unaccept(thread=thread, by=editor)
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_the_question_itself_or_a_discussion_has_no_accepted_answer(caseworker, colleague, topic):
    question = make_question(author=caseworker, topic=topic)
    with pytest.raises(ValidationError):
        services.answer_accept(thread=question, post=question.posts.get(), by=caseworker)
    discussion = make_thread(author=caseworker, topic=topic)
    reply = make_reply(author=colleague, thread=discussion)
    with pytest.raises(PermissionDenied):
        services.answer_accept(thread=discussion, post=reply, by=caseworker)


# --- Reactions, follows, reports ---------------------------------------------------------


def test_reaction_toggle_adds_and_takes_back(caseworker, colleague, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    assert services.reaction_toggle(post=post, user=colleague, kind="thanks") is True
    assert services.reaction_toggle(post=post, user=colleague, kind="useful") is True
    assert Reaction.objects.filter(post=post).count() == 2
    assert services.reaction_toggle(post=post, user=colleague, kind="thanks") is False
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["useful"]


def test_nobody_reacts_to_their_own_post(caseworker, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    with pytest.raises(ValidationError):
        services.reaction_toggle(post=post, user=caseworker, kind="thanks")


def test_follow_and_unfollow_a_thread_and_a_topic(caseworker, colleague, topic):
    thread = make_thread(author=caseworker, topic=topic)
    services.thread_follow(thread=thread, user=colleague)
    services.thread_follow(thread=thread, user=colleague)
    assert ThreadFollow.objects.filter(user=colleague).count() == 1
    services.thread_unfollow(thread=thread, user=colleague)
    assert not ThreadFollow.objects.filter(user=colleague).exists()
    services.topic_follow(topic=topic, user=colleague)
    assert colleague.topic_follows.count() == 1
    services.topic_unfollow(topic=topic, user=colleague)
    assert colleague.topic_follows.count() == 0


def test_a_report_waits_until_an_editor_resolves_it(caseworker, colleague, editor, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    report = services.report_create(post=post, reporter=colleague, reason="Personfølsomt")
    with pytest.raises(PermissionDenied):
        services.report_resolve(report=report, by=colleague)
    services.report_resolve(report=report, by=editor, resolution="Skjult")
    report.refresh_from_db()
    assert report.resolved_by == editor
    assert Report.objects.filter(resolved_at__isnull=True).count() == 0


# --- Moderation --------------------------------------------------------------------------


def test_only_editors_moderate(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic)
    for service in (services.thread_close, services.thread_pin, services.thread_hide):
        with pytest.raises(PermissionDenied):
            service(thread=thread, by=caseworker)
    with pytest.raises(PermissionDenied):
        services.post_hide(post=thread.posts.get(), by=caseworker)


def test_editors_hide_show_pin_and_close(caseworker, editor, topic):
    thread = make_thread(author=caseworker, topic=topic)
    spy = SignalSpy(signals.thread_changed)
    try:
        services.thread_pin(thread=thread, by=editor)
        services.thread_close(thread=thread, by=editor)
        services.thread_hide(thread=thread, by=editor)
    finally:
        signals.thread_changed.disconnect(spy.receive)
    thread.refresh_from_db()
    assert (thread.is_pinned, thread.is_closed, thread.is_hidden) == (True, True, True)
    assert len(spy.calls) == 3
    services.thread_reopen(thread=thread, by=editor)
    services.thread_unpin(thread=thread, by=editor)
    services.thread_show(thread=thread, by=editor)
    thread.refresh_from_db()
    assert (thread.is_pinned, thread.is_closed, thread.is_hidden) == (False, False, False)
    post = thread.posts.get()
    services.post_hide(post=post, by=editor)
    assert Post.objects.get(pk=post.pk).is_hidden
    services.post_show(post=post, by=editor)
    assert not Post.objects.get(pk=post.pk).is_hidden


def test_thread_move_changes_topic_and_network(caseworker, editor, topic):
    thread = make_thread(author=caseworker, topic=topic)
    other_topic = TopicFactory()
    network = NetworkFactory()
    services.thread_move(thread=thread, by=editor, topic=other_topic, network=network)
    thread.refresh_from_db()
    assert (thread.topic, thread.network) == (other_topic, network)
    services.thread_move(thread=thread, by=editor, network=None)
    thread.refresh_from_db()
    assert thread.network is None and thread.topic == other_topic


def test_thread_merge_moves_the_posts_and_leaves_a_pointer(caseworker, colleague, editor, topic):
    source = make_thread(author=caseworker, topic=topic, title="Dublet")
    make_reply(author=colleague, thread=source)
    target = make_thread(author=colleague, topic=topic, title="Original")
    services.thread_merge(source=source, target=target, by=editor)
    source.refresh_from_db()
    target.refresh_from_db()
    assert source.merged_into == target
    assert target.posts.count() == 3
    assert target.posts.filter(is_opening=True).count() == 1
    assert target.reply_count == 2
    assert ThreadFollow.objects.filter(thread=target, user=caseworker).exists()
    with pytest.raises(ValidationError):
        services.thread_merge(source=target, target=target, by=editor)


# --- Topics and networks -----------------------------------------------------------------


def test_editors_keep_the_topics(caseworker, editor):
    with pytest.raises(PermissionDenied):
        services.topic_create(by=caseworker, name="Sygedagpenge", slug="sygedagpenge")
    topic = services.topic_create(by=editor, name="Sygedagpenge", slug="sygedagpenge")
    services.topic_update(topic=topic, by=editor, name="Sygedagpenge", description="Om syge")
    topic.refresh_from_db()
    assert topic.description == "Om syge"
    with pytest.raises(ValidationError):
        services.topic_create(by=editor, name="Sygedagpenge", slug="sygedagpenge")


def test_the_editor_who_creates_a_network_moderates_it(editor):
    network = services.network_create(by=editor, name="Ledige", slug="ledige", is_open=False)
    assert network.memberships.get().role == "moderator"


def test_open_networks_are_joined_and_closed_ones_are_not(caseworker):
    open_network = NetworkFactory(is_open=True)
    closed = NetworkFactory(is_open=False)
    services.network_join(network=open_network, user=caseworker)
    assert open_network.members.filter(pk=caseworker.pk).exists()
    services.network_leave(network=open_network, user=caseworker)
    assert not open_network.members.filter(pk=caseworker.pk).exists()
    with pytest.raises(ValidationError):
        services.network_join(network=closed, user=caseworker)


def test_network_moderators_add_members_who_are_told(caseworker, colleague, fund):
    network = NetworkFactory(is_open=False)
    moderator = make_user(organisation=fund, email="mod@3f.example.dk")
    add_member(network, moderator, role="moderator")
    with pytest.raises(PermissionDenied):
        services.network_member_add(network=network, user=colleague, by=caseworker)
    services.network_member_add(network=network, user=colleague, by=moderator)
    assert kinds_for(colleague) == ["network_added"]
    with pytest.raises(ValidationError):
        services.network_member_add(network=network, user=colleague, by=moderator)
    services.network_member_remove(network=network, user=colleague, by=moderator)
    assert not network.members.filter(pk=colleague.pk).exists()


def test_followers_outside_a_private_network_hear_nothing_of_it(
    caseworker, colleague, editor, topic
):
    thread = make_thread(author=caseworker, topic=topic)
    services.thread_follow(thread=thread, user=colleague)
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    services.thread_move(thread=thread, by=editor, network=network)
    make_reply(author=caseworker, thread=thread, body="Nu privat, @kollega")
    assert kinds_for(colleague) == []
