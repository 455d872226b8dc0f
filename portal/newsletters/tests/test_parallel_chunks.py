"""Chunks of a newsletter's round are composed side by side: each holds only its own people's
round rows, not the newsletter's row, and chunks that overlap still mail each person once
(docs/decisions/0051-newsletter-chunks-in-parallel.md).

The tests with threads need PostgreSQL: SQLite lets one writer in at a time, so there the
chunks take turns by design and only the sequential guarantees are checked.
"""

import threading
from collections import Counter

import pytest
from django.db import connection, transaction
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import EmailDelivery
from portal.forum.tests.factories import make_thread
from portal.newsletters import selectors, services
from portal.newsletters.models import Newsletter, NewsletterRecipient

from .test_services import draft_with

PEOPLE = 12


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite lets one writer in at a time, so chunks never overlap "
            "in time there (run with DATABASE_URL=postgres://…)"
        )


@pytest.fixture
def sending(editor, author, topic, fund):
    """A newsletter in "sending" with its round written for PEOPLE members; their ids."""
    people = [make_user(organisation=fund, email=f"medlem{i}@3f.example.dk") for i in range(PEOPLE)]
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.SENDING)
    NewsletterRecipient.objects.bulk_create(
        [NewsletterRecipient(newsletter=newsletter, user=person) for person in people]
    )
    return newsletter, [person.pk for person in people]


class HeldChunk:
    """The first chunk to compose stops in the middle, its transaction open and its people's
    round rows claimed, until `release` is set."""

    def __init__(self, monkeypatch):
        self.composing = threading.Event()
        self.release = threading.Event()
        self._taken = threading.Lock()
        self._held = False
        original = selectors.items_visible_to_many

        def held(**kwargs):
            with self._taken:
                first, self._held = not self._held, True
            if first:
                self.composing.set()
                self.release.wait(timeout=120)
            return original(**kwargs)

        monkeypatch.setattr(selectors, "items_visible_to_many", held)


def in_thread(job):
    """Run `job` on its own thread (and database connection); its result or error."""
    outcome: dict = {}

    def run():
        try:
            outcome["sent"] = job()
        except Exception as exc:  # reported by the test
            outcome["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def chunk(newsletter, user_ids):
    return lambda: services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=user_ids)


def copies_per_person(newsletter) -> Counter:
    return Counter(
        EmailDelivery.objects.filter(reference=newsletter.reference).values_list(
            "user_id", flat=True
        )
    )


@pytest.mark.django_db(transaction=True)
def test_a_second_chunk_is_written_and_sent_while_the_first_is_still_composing(
    postgresql, sending, smtp_server, monkeypatch
):
    newsletter, ids = sending
    hold = HeldChunk(monkeypatch)
    first, first_outcome = in_thread(chunk(newsletter, ids[:6]))
    second = None
    try:
        assert hold.composing.wait(timeout=60), "the first chunk never started composing"
        second, second_outcome = in_thread(chunk(newsletter, ids[6:]))
        second.join(timeout=30)
        assert not second.is_alive(), "the second chunk waited for the first"
        assert second_outcome == {"sent": 6}
        assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == sorted(
            f"medlem{i}@3f.example.dk" for i in range(6, PEOPLE)
        )
        # The newsletter's row is not locked by the composing chunk either ...
        with transaction.atomic():
            Newsletter.objects.select_for_update(nowait=True).get(pk=newsletter.pk)
        # ... and it cannot be called sent while that chunk's people wait.
        assert not services.newsletter_sending_finish(newsletter_id=newsletter.pk)
    finally:
        hold.release.set()
        first.join(timeout=120)
        if second is not None:
            second.join(timeout=120)

    assert first_outcome == {"sent": 6}
    assert copies_per_person(newsletter) == Counter(ids)
    assert Counter(m.rcpt_tos[0] for m in smtp_server.messages) == Counter(
        f"medlem{i}@3f.example.dk" for i in range(PEOPLE)
    )
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_an_overlapping_chunk_leaves_the_people_another_worker_is_writing_to_it(
    postgresql, sending, smtp_server, monkeypatch
):
    newsletter, ids = sending
    hold = HeldChunk(monkeypatch)
    first, first_outcome = in_thread(chunk(newsletter, ids[:8]))
    second = None
    try:
        assert hold.composing.wait(timeout=60), "the first chunk never started composing"
        # A resumed or retried chunk taking some of the same people, at the same time.
        second, second_outcome = in_thread(chunk(newsletter, ids[4:]))
        second.join(timeout=30)
        assert not second.is_alive(), "the overlapping chunk waited for the first"
        assert second_outcome == {"sent": 4}
    finally:
        hold.release.set()
        first.join(timeout=120)
        if second is not None:
            second.join(timeout=120)

    assert first_outcome == {"sent": 8}
    assert services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=ids) == 0
    assert copies_per_person(newsletter) == Counter(ids)
    assert sorted(Counter(m.rcpt_tos[0] for m in smtp_server.messages).values()) == [1] * PEOPLE


@pytest.mark.django_db(transaction=True)
def test_two_workers_running_overlapping_chunks_at_once_mail_each_person_once(
    postgresql, sending, smtp_server
):
    newsletter, ids = sending
    barrier = threading.Barrier(3)

    def at_once(user_ids):
        def job():
            barrier.wait(timeout=30)
            return services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=user_ids)

        return job

    runs = [in_thread(at_once(part)) for part in (ids[:8], ids[4:], ids[2:10])]
    for thread, _outcome in runs:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread, _outcome in runs)
    assert [outcome.get("error") for _thread, outcome in runs] == [None, None, None]
    assert sum(outcome["sent"] for _thread, outcome in runs) == PEOPLE
    assert copies_per_person(newsletter) == Counter(ids)
    assert sorted(Counter(m.rcpt_tos[0] for m in smtp_server.messages).values()) == [1] * PEOPLE


@pytest.mark.django_db
def test_chunks_that_overlap_one_after_the_other_mail_each_person_once(sending):
    newsletter, ids = sending

    sent = [
        services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=part)
        for part in (ids[:8], ids[4:], ids)
    ]

    assert sent == [8, 4, 0]
    assert copies_per_person(newsletter) == Counter(ids)


@pytest.mark.django_db
def test_a_chunk_of_a_newsletter_no_longer_sending_sends_nothing(sending):
    newsletter, ids = sending
    Newsletter.objects.filter(pk=newsletter.pk).update(
        status=Newsletter.Status.SENT, sent_at=timezone.now()
    )

    assert services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=ids) == 0

    assert not EmailDelivery.objects.filter(reference=newsletter.reference).exists()
    assert NewsletterRecipient.objects.filter(
        newsletter=newsletter, handled_at__isnull=True
    ).count() == len(ids)
