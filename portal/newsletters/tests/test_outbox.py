"""A newsletter's round survives a killed worker and a lost chunk task, sends nobody a second
copy but the one in flight, and says truthfully how many copies went out, wait or failed."""

from collections import Counter
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.outbox import email_sweep
from portal.forum.tests.factories import make_thread
from portal.newsletters import selectors, services, tasks
from portal.newsletters.models import Newsletter
from portal.testing.outbox import WorkerKilled
from portal.testing.smtp import free_port

from .test_services import draft_with

pytestmark = pytest.mark.django_db


def later(**delta):
    return timezone.now() + timedelta(**delta)


@pytest.fixture
def due_newsletter(editor, caseworker, author, topic, fund):
    for i in range(5):
        make_user(organisation=fund, email=f"medlem{i}@3f.example.dk")
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    Newsletter.objects.filter(pk=newsletter.pk).update(
        status=Newsletter.Status.SCHEDULED, scheduled_for=timezone.now()
    )
    return newsletter


def _state(newsletter):
    newsletter.refresh_from_db()
    figures = selectors.newsletter_figures(newsletter=newsletter)
    return newsletter.status, figures.sent, figures.pending, figures.failed


def test_a_worker_killed_mid_newsletter_leaves_it_sending_until_the_sweep_has_sent_every_copy(
    due_newsletter, smtp_server, kill_worker_after
):
    recipient_ids = services.newsletter_sending_start(newsletter_id=due_newsletter.pk)
    total = len(recipient_ids)
    kill_worker_after(3)

    with pytest.raises(WorkerKilled):
        services.newsletter_send_chunk(newsletter_id=due_newsletter.pk, user_ids=recipient_ids)

    # Not "sent": two copies are marked sent, the rest wait (one of them held by the dead worker).
    assert _state(due_newsletter) == ("sending", 2, total - 2, 0)
    tasks.newsletters_resume(now=later(minutes=2))
    assert _state(due_newsletter)[0] == "sending"

    for minutes in (2, 10):
        email_sweep(now=later(minutes=minutes))
    tasks.newsletters_resume(now=later(minutes=11))

    assert _state(due_newsletter) == ("sent", total, 0, 0)
    counts = Counter(m.rcpt_tos[0] for m in smtp_server.messages)
    assert len(counts) == total
    assert sorted(counts.values()) == [1] * (total - 1) + [2]


def test_a_lost_chunk_task_is_resumed_and_sends_each_copy_once(due_newsletter, smtp_server):
    recipient_ids = services.newsletter_sending_start(newsletter_id=due_newsletter.pk)
    total = len(recipient_ids)
    # The chunk task vanished with a killed worker: nobody's copy is written.
    assert _state(due_newsletter) == ("sending", 0, total, 0)
    tasks.newsletters_resume(now=later(minutes=1))  # not stalled yet: a chunk may be running
    assert smtp_server.messages == []

    tasks.newsletters_resume(now=later(minutes=11))
    tasks.newsletters_resume(now=later(minutes=30))

    assert _state(due_newsletter) == ("sent", total, 0, 0)
    counts = Counter(m.rcpt_tos[0] for m in smtp_server.messages)
    assert len(counts) == total and set(counts.values()) == {1}


def test_copies_that_failed_for_good_are_counted_as_failed_not_sent(
    due_newsletter, settings, smtp_server
):
    settings.PORTAL_EMAIL_MAX_ATTEMPTS = 1
    settings.EMAIL_PORT = free_port()  # nothing listens there
    recipient_ids = services.newsletter_sending_start(newsletter_id=due_newsletter.pk)
    services.newsletter_send_chunk(newsletter_id=due_newsletter.pk, user_ids=recipient_ids)
    status, sent, pending, failed = _state(due_newsletter)
    # The dead connection stopped the chunk after one failure; the rest wait for the sweep.
    assert (status, sent, failed, pending) == ("sending", 0, 1, len(recipient_ids) - 1)

    for minute in range(2, 2 + len(recipient_ids)):
        email_sweep(now=later(minutes=minute))
    tasks.newsletters_resume(now=later(hours=1))

    # Done, and saying so: no copy went out, every one failed, none waits.
    assert _state(due_newsletter) == ("sent", 0, 0, len(recipient_ids))


def test_the_figures_page_says_how_many_copies_wait_and_failed(
    due_newsletter, client_for, editor, settings
):
    settings.PORTAL_EMAIL_MAX_ATTEMPTS = 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    recipient_ids = services.newsletter_sending_start(newsletter_id=due_newsletter.pk)
    services.newsletter_send_chunk(newsletter_id=due_newsletter.pk, user_ids=recipient_ids)

    page = (
        client_for(editor)
        .get(reverse("newsletters:newsletter_figures", args=[due_newsletter.pk]))
        .content.decode()
    )

    assert "Sendes" in page and "Sendt " not in page
    assert f'id="figure-pending">{len(recipient_ids) - 1}<' in page
    assert 'id="figure-failed">1<' in page
