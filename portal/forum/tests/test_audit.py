"""Moderation leaves a trail: each service writes one audit entry naming the moderator, the
action and the object, in its own transaction (docs/decisions/0018)."""

import pytest
from django.core.exceptions import PermissionDenied

from portal.conftest import make_user
from portal.core.models import AuditEvent
from portal.core.tests.factories import TopicFactory
from portal.forum import services, signals
from portal.forum.models import Thread

from .factories import NetworkFactory, add_member, make_reply, make_thread

pytestmark = pytest.mark.django_db

A = AuditEvent.Action


@pytest.mark.parametrize(
    ("service", "action", "field", "value"),
    [
        (services.thread_hide, A.THREAD_HIDDEN, "is_hidden", True),
        (services.thread_close, A.THREAD_LOCKED, "is_closed", True),
        (services.thread_pin, A.THREAD_PINNED, "is_pinned", True),
    ],
)
def test_each_thread_action_writes_one_entry_naming_the_thread(
    caseworker, editor, topic, domain_audit, service, action, field, value
):
    thread = make_thread(author=caseworker, topic=topic, title="Rådighed ved ferie")
    service(thread=thread, by=editor)
    assert getattr(Thread.objects.get(pk=thread.pk), field) is value
    assert domain_audit.summary() == [(action, editor.email, "thread", str(thread.pk))]
    (entry,) = domain_audit.entries()
    assert entry.actor == editor
    assert entry.object_label == "Rådighed ved ferie"
    assert entry.organisation_id == editor.organisation_id


def test_undoing_a_thread_action_writes_its_own_entry(caseworker, editor, topic, domain_audit):
    thread = make_thread(author=caseworker, topic=topic)
    for do, undo in [
        (services.thread_hide, services.thread_show),
        (services.thread_close, services.thread_reopen),
        (services.thread_pin, services.thread_unpin),
    ]:
        do(thread=thread, by=editor)
        undo(thread=thread, by=editor)
    assert [entry[0] for entry in domain_audit.summary()] == [
        A.THREAD_HIDDEN,
        A.THREAD_SHOWN,
        A.THREAD_LOCKED,
        A.THREAD_UNLOCKED,
        A.THREAD_PINNED,
        A.THREAD_UNPINNED,
    ]


def test_repeating_an_action_that_changes_nothing_writes_no_entry(
    caseworker, editor, topic, domain_audit
):
    thread = make_thread(author=caseworker, topic=topic)
    services.thread_pin(thread=thread, by=editor)
    services.thread_pin(thread=thread, by=editor)
    services.thread_show(thread=thread, by=editor)
    assert [entry[0] for entry in domain_audit.summary()] == [A.THREAD_PINNED]


def test_hiding_and_showing_a_post_names_the_post_and_its_thread(
    caseworker, colleague, editor, topic, domain_audit
):
    thread = make_thread(author=caseworker, topic=topic, title="Dagpenge og ferie")
    reply = make_reply(author=colleague, thread=thread)
    services.post_hide(post=reply, by=editor)
    services.post_show(post=reply, by=editor)
    assert domain_audit.summary() == [
        (A.POST_HIDDEN, editor.email, "post", str(reply.pk)),
        (A.POST_SHOWN, editor.email, "post", str(reply.pk)),
    ]
    hidden = domain_audit.entries()[0]
    assert hidden.object_label == "Dagpenge og ferie"
    assert hidden.detail == {"thread_id": thread.pk}


def test_a_move_records_where_the_thread_came_from_and_went(
    caseworker, editor, topic, domain_audit
):
    thread = make_thread(author=caseworker, topic=topic)
    other = TopicFactory(name="Sygedagpenge", slug="sygedagpenge")
    network = NetworkFactory(name="Ledige")
    services.thread_move(thread=thread, by=editor, topic=other, network=network)
    services.thread_move(thread=thread, by=editor, topic=other)  # nothing changes
    (entry,) = domain_audit.entries()
    assert (entry.action, entry.actor, entry.object_id) == (A.THREAD_MOVED, editor, str(thread.pk))
    assert entry.detail == {
        "topic_from": "Dagpenge",
        "topic_to": "Sygedagpenge",
        "network_from": None,
        "network_to": "Ledige",
    }


def test_a_merge_names_the_merged_thread_and_the_one_it_went_into(
    caseworker, colleague, editor, topic, domain_audit
):
    source = make_thread(author=caseworker, topic=topic, title="Dublet")
    target = make_thread(author=colleague, topic=topic, title="Original")
    services.thread_merge(source=source, target=target, by=editor)
    assert domain_audit.summary() == [(A.THREADS_MERGED, editor.email, "thread", str(source.pk))]
    (entry,) = domain_audit.entries()
    assert entry.object_label == "Dublet"
    assert entry.detail == {"into_thread_id": target.pk, "into_thread": "Original"}


def test_a_refused_action_writes_no_entry(caseworker, topic, domain_audit):
    thread = make_thread(author=caseworker, topic=topic)
    with pytest.raises(PermissionDenied):
        services.thread_hide(thread=thread, by=caseworker)
    assert domain_audit.summary() == []


def test_an_action_that_fails_after_its_entry_leaves_neither(
    caseworker, editor, topic, domain_audit
):
    thread = make_thread(author=caseworker, topic=topic)

    def explode(sender, **kwargs):
        raise RuntimeError("search index down")

    signals.thread_changed.connect(explode, weak=False)
    try:
        with pytest.raises(RuntimeError):
            services.thread_hide(thread=thread, by=editor)
    finally:
        signals.thread_changed.disconnect(explode)
    assert not Thread.objects.get(pk=thread.pk).is_hidden
    assert domain_audit.summary() == []


def test_an_audit_write_that_fails_undoes_the_action(
    caseworker, editor, topic, domain_audit, failing_audit
):
    thread = make_thread(author=caseworker, topic=topic)
    failing_audit(services)
    with pytest.raises(Exception, match="audit table unavailable"):
        services.thread_pin(thread=thread, by=editor)
    assert not Thread.objects.get(pk=thread.pk).is_pinned


def test_adding_and_removing_a_network_member_names_the_network_and_the_person(
    caseworker, colleague, fund, domain_audit
):
    network = NetworkFactory(is_open=False, name="Ledige")
    moderator = make_user(organisation=fund, email="mod@3f.example.dk")
    add_member(network, moderator, role="moderator")
    services.network_member_add(network=network, user=colleague, by=moderator)
    services.network_member_remove(network=network, user=colleague, by=moderator)
    services.network_member_remove(network=network, user=colleague, by=moderator)  # gone already
    assert domain_audit.summary() == [
        (A.NETWORK_MEMBER_ADDED, moderator.email, "network", str(network.pk)),
        (A.NETWORK_MEMBER_REMOVED, moderator.email, "network", str(network.pk)),
    ]
    added, removed = domain_audit.entries()
    assert added.subject_user == removed.subject_user == colleague
    assert added.object_label == "Ledige"
    assert added.detail == {"role": "member"}
    # The moderator's organisation holds the entry: its admins see what their people did.
    assert removed.organisation == fund
