"""Personal digests end to end: composed from what is new for the reader, sent to a real SMTP
server, never leaking what the reader may not see, and sent once per period."""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from portal.conftest import make_user
from portal.core.outbox import email_sweep
from portal.digests.models import DigestFrequency, DigestRun, EmailPreference
from portal.digests.services import digest_round
from portal.forum import services as forum
from portal.forum.tests.factories import NetworkFactory, add_member, make_reply, make_thread
from portal.testing.outbox import WorkerKilled

from .conftest import MONDAY_0630


def english(*people):
    """Readers in English: the assertions below read the source strings."""
    for person in people:
        person.preferred_language = "en"
        person.save(update_fields=["preferred_language"])


def _round(**kwargs):
    with time_machine.travel(MONDAY_0630, tick=False):
        return digest_round(**kwargs)


def test_digest_reaches_the_right_people_with_the_right_items(
    smtp_server, at_write_time, caseworker, colleague, jurist, topic, other_topic
):
    english(caseworker)
    followed = make_thread(author=jurist, topic=other_topic, title="Sygedagpenge efter 22 uger")
    forum.thread_follow(thread=followed, user=caseworker)
    make_reply(author=colleague, thread=followed, body="Vi forlænger efter **§ 27**.")
    forum.topic_follow(topic=topic, user=caseworker)
    in_topic = make_thread(author=jurist, topic=topic, title="Rådighed ved deltidsarbejde")
    unrelated = make_thread(author=jurist, topic=other_topic, title="Noget helt andet")

    result = _round(frequency=DigestFrequency.WEEKLY)

    message = smtp_server.wait_for_message(to=caseworker.email)
    assert "Sygedagpenge efter 22 uger" in message.text
    assert "New reply in a thread you follow" in message.text
    assert "Vi forlænger efter § 27." in message.text  # the excerpt, as plain text
    assert in_topic.title in message.text
    assert "New thread in a topic you follow" in message.text
    assert unrelated.title not in message.text
    assert message.subject == "Your weekly digest: 1 new reply in threads you follow"
    run = DigestRun.objects.get(user=caseworker)
    assert run.item_count == 2 and run.delivery.recipient == caseworker.email
    assert result.sent >= 1


def test_digest_never_shows_a_private_network_thread_to_a_non_member(
    smtp_server, at_write_time, caseworker, colleague, jurist, topic
):
    network = NetworkFactory(is_open=False, name="Lukket netværk")
    add_member(network, jurist)
    add_member(network, colleague)
    for person in (caseworker, colleague):
        forum.topic_follow(topic=topic, user=person)
    secret = make_thread(author=jurist, topic=topic, network=network, title="Fortrolig sag")
    public = make_thread(author=jurist, topic=topic, title="Åben sag")

    _round(frequency=DigestFrequency.WEEKLY)

    outsider = smtp_server.wait_for_message(to=caseworker.email)
    assert public.title in outsider.text and public.title in outsider.html
    assert secret.title not in outsider.text and secret.title not in outsider.html
    member = smtp_server.wait_for_message(to=colleague.email)
    assert secret.title in member.text
    assert "Fortrolig" in member.html


def test_digest_leaves_out_hidden_threads_and_the_readers_own_posts(
    at_write_time, caseworker, colleague, editor, topic
):
    forum.topic_follow(topic=topic, user=caseworker)
    own = make_thread(author=caseworker, topic=topic, title="Mit eget spørgsmål")
    make_reply(author=caseworker, thread=own, body="Jeg supplerer selv.")
    hidden = make_thread(author=colleague, topic=topic, title="Skjult tråd")
    forum.thread_hide(thread=hidden, by=editor)

    result = _round(frequency=DigestFrequency.WEEKLY)

    run = DigestRun.objects.get(user=caseworker)
    assert run.delivery is None and run.item_count == 0
    assert result.empty >= 1


def test_an_empty_digest_is_skipped_but_recorded(smtp_server, at_write_time, caseworker):
    result = _round(frequency=DigestFrequency.WEEKLY)

    assert smtp_server.messages_to(caseworker.email) == []
    run = DigestRun.objects.get(user=caseworker)
    assert run.delivery is None
    assert result.empty == 1 and result.sent == 0


def test_a_repeated_round_sends_nothing_new(
    smtp_server, at_write_time, caseworker, colleague, topic
):
    forum.topic_follow(topic=topic, user=caseworker)
    make_thread(author=colleague, topic=topic)

    first = _round(frequency=DigestFrequency.WEEKLY)
    second = _round(frequency=DigestFrequency.WEEKLY)

    smtp_server.wait_for_message(to=caseworker.email)
    assert len(smtp_server.messages_to(caseworker.email)) == 1
    assert first.sent == 1
    assert second.due == 0 and second.sent == 0 and second.already_done == 2
    assert DigestRun.objects.filter(user=caseworker).count() == 1


def test_send_digests_command_prints_counts_and_is_idempotent(
    smtp_server, at_write_time, caseworker, colleague, topic, capsys
):
    forum.topic_follow(topic=topic, user=caseworker)
    make_thread(author=colleague, topic=topic)

    call_command("send_digests", "--frequency", "weekly", "--now", MONDAY_0630.isoformat())
    call_command("send_digests", "--now", MONDAY_0630.isoformat())

    first, second = capsys.readouterr().out.strip().splitlines()
    assert "people due: 2, sent: 1, skipped (nothing new): 1" in first
    assert "people due: 0, sent: 0" in second and "already done this period: 2" in second
    assert len(smtp_server.messages_to(caseworker.email)) == 1


def test_digest_respects_the_chosen_frequency(
    smtp_server, at_write_time, caseworker, colleague, fund, topic
):
    never = make_user(organisation=fund, email="aldrig@3f.example.dk")
    english(caseworker, colleague)
    for person in (caseworker, colleague, never):
        forum.topic_follow(topic=topic, user=person)
    EmailPreference.objects.create(user=colleague, digest_frequency=DigestFrequency.DAILY)
    EmailPreference.objects.create(user=never, digest_frequency=DigestFrequency.NEVER)
    make_thread(author=make_user(organisation=fund), topic=topic, title="Ny tråd i dag")

    with time_machine.travel("2026-11-18T23:00+01:00"):
        daily = digest_round(frequency=DigestFrequency.DAILY)
    weekly = _round(frequency=DigestFrequency.WEEKLY)

    assert daily.sent == 1 and weekly.sent == 1
    assert smtp_server.wait_for_message(to=colleague.email).subject.startswith("Your daily digest")
    assert smtp_server.wait_for_message(to=caseworker.email).subject.startswith(
        "Your weekly digest"
    )
    assert smtp_server.messages_to(never.email) == []
    assert not DigestRun.objects.filter(user=never).exists()


def test_digest_excludes_people_not_approved_or_inactive(
    smtp_server, at_write_time, caseworker, colleague, fund, topic
):
    pending = make_user(organisation=fund, email="afventer@3f.example.dk", approved_at=None)
    gone = make_user(organisation=fund, email="stoppet@3f.example.dk", is_active=False)
    for person in (caseworker, pending, gone):
        forum.topic_follow(topic=topic, user=person)
    make_thread(author=colleague, topic=topic)

    _round(frequency=DigestFrequency.WEEKLY)

    smtp_server.wait_for_message(to=caseworker.email)
    assert smtp_server.messages_to(pending.email) == []
    assert smtp_server.messages_to(gone.email) == []


def test_unanswered_questions_in_ones_expertise_and_network_threads_are_included(
    smtp_server, at_write_time, caseworker, colleague, jurist, topic, other_topic
):
    english(jurist)
    jurist.expertise.add(topic)
    network = NetworkFactory(is_open=True, name="Åbent netværk")
    add_member(network, jurist)
    question = make_thread(author=caseworker, topic=topic, kind="question", title="Hvad gælder?")
    answered = make_thread(author=caseworker, topic=topic, kind="question", title="Besvaret")
    reply = make_reply(author=colleague, thread=answered)
    forum.answer_accept(thread=answered, post=reply, by=caseworker)
    in_network = make_thread(author=colleague, topic=other_topic, network=network, title="Møde")

    _round(frequency=DigestFrequency.WEEKLY)

    message = smtp_server.wait_for_message(to=jurist.email)
    assert question.title in message.text
    assert "Unanswered question in your field of expertise" in message.text
    assert "Besvaret" not in message.text
    assert in_network.title in message.text
    assert "New thread in a network you are a member of" in message.text


def test_digest_is_capped_and_best_first(
    settings, smtp_server, at_write_time, caseworker, colleague, topic
):
    settings.PORTAL_DIGEST_MAX_ITEMS = 3
    forum.topic_follow(topic=topic, user=caseworker)
    followed = make_thread(author=colleague, topic=topic, title="Fulgt tråd")
    forum.thread_follow(thread=followed, user=caseworker)
    make_reply(author=colleague, thread=followed)
    for n in range(5):
        make_thread(author=colleague, topic=topic, title=f"Emnetråd {n}")

    _round(frequency=DigestFrequency.WEEKLY)

    message = smtp_server.wait_for_message(to=caseworker.email)
    assert DigestRun.objects.get(user=caseworker).item_count == 3
    assert message.text.count("\n1. ") == 1 and "\n4. " not in message.text
    # One entry per thread: the followed thread's best reason, not also "new in a topic".
    assert message.text.index("Fulgt tråd") < message.text.index("Emnetråd")
    assert message.text.count("Fulgt tråd") == 1


def test_a_chunk_sent_twice_mails_nobody_twice(
    smtp_server, at_write_time, caseworker, colleague, topic
):
    """A second round (or a retried task) that got the same people finds them claimed."""
    from portal.digests.services import digest_chunk_send

    forum.topic_follow(topic=topic, user=caseworker)
    make_thread(author=colleague, topic=topic)
    chunk = {
        "user_ids": [caseworker.pk, colleague.pk],
        "frequency": DigestFrequency.WEEKLY,
        "period_start": "2026-11-23",
        "until": MONDAY_0630.isoformat(),
    }

    first = digest_chunk_send(**chunk)
    second = digest_chunk_send(**chunk)

    assert (first.sent, first.empty, first.already_done) == (1, 1, 0)
    assert (second.sent, second.empty, second.already_done) == (0, 0, 2)
    smtp_server.wait_for_message(to=caseworker.email)
    assert len(smtp_server.messages_to(caseworker.email)) == 1


def test_a_killed_round_sends_nobody_the_digest_twice_but_the_one_in_flight(
    smtp_server, kill_worker_after, at_write_time, fund, colleague, topic
):
    readers = [make_user(organisation=fund, email=f"laeser{i}@3f.example.dk") for i in range(8)]
    for reader in readers:
        forum.topic_follow(topic=topic, user=reader)
    make_thread(author=colleague, topic=topic)
    kill_worker_after(3)

    with pytest.raises(WorkerKilled):
        _round(frequency=DigestFrequency.WEEKLY)
    assert len(smtp_server.messages) == 3
    # The next hourly round finds everyone's digest recorded and composes nothing again; the
    # outbox sweep sends the rest, and after its lease the one the worker died holding.
    again = _round(frequency=DigestFrequency.WEEKLY)
    assert again.due == 0 and again.sent == 0
    for minutes in (2, 10, 60):
        email_sweep(now=MONDAY_0630 + timedelta(minutes=minutes))

    counts = Counter(m.rcpt_tos[0] for m in smtp_server.messages)
    assert set(counts) == {r.email for r in readers}
    assert sorted(counts.values()) == [1] * 7 + [2]
    assert DigestRun.objects.filter(delivery__status="sent").count() == 8
