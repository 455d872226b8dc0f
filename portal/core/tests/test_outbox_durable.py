"""The durable outbox: no email lost after any single failure, none sent twice beyond the one in
flight when a worker dies. Every message is counted at a real SMTP server."""

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from portal.accounts.models import Invitation
from portal.accounts.tests.factories import invite
from portal.core import tasks
from portal.core.email import OutgoingEmail, email_record_batch, email_send_rendered
from portal.core.models import AuditEvent, EmailCategory, EmailDelivery
from portal.core.outbox import (
    backoff,
    email_bodies_prune,
    email_claim,
    email_deliver,
    email_deliveries_forget,
    email_resend,
    email_sweep,
)
from portal.testing.outbox import HoldingSmtpServer, WorkerKilled, smtp_restart
from portal.testing.smtp import free_port

pytestmark = pytest.mark.django_db

Status = EmailDelivery.Status


def later(**delta):
    return timezone.now() + timedelta(**delta)


def lease_over():
    """A moment at which any claim made now has run out of lease."""
    return later(minutes=6)


def _mail(to, **extra):
    return email_send_rendered(
        to=to, template="probe/plain", subject="Hej", text="Tekst\n", **extra
    )


def _round(n, reference="runde:1"):
    messages = [
        OutgoingEmail(
            to=f"person{i}@3f.example.dk",
            template="probe/round",
            category=EmailCategory.NOTIFICATION,
            reference=reference,
            render=lambda delivery, i=i: (f"Runde {i}", f"Tekst {i}\n", f"<p>{i}</p>"),
        )
        for i in range(n)
    ]
    return [d.pk for d in email_record_batch(messages)]


def received(server) -> Counter:
    return Counter(m.rcpt_tos[0] for m in server.messages)


# --- The message is a row; the queue carries its id -------------------------------------


def test_the_queue_gets_only_the_id_after_commit(monkeypatch, django_capture_on_commit_callbacks):
    queued = []
    monkeypatch.setattr(
        tasks, "deliver_email", lambda *args, **kwargs: queued.append((args, kwargs))
    )

    with django_capture_on_commit_callbacks() as callbacks:
        delivery = _mail("anna@3f.example.dk")
    assert queued == []  # nothing before commit
    for callback in callbacks:
        callback()

    assert queued == [((delivery.pk,), {})]
    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert (row.status, row.text_body, row.subject) == (Status.PENDING, "Tekst\n", "Hej")
    assert row.headers["Auto-Submitted"] == "auto-generated"


def test_an_unreachable_queue_does_not_undo_the_cause_and_the_sweep_sends_the_mail(
    monkeypatch, smtp_server, operator, operator_admin, django_capture_on_commit_callbacks
):
    def redis_down(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks, "deliver_email", redis_down)

    with django_capture_on_commit_callbacks(execute=True):
        invitation, _token = invite(
            organisation=operator, invited_by=operator_admin, email="ny@loh.example.dk"
        )

    assert Invitation.objects.filter(pk=invitation.pk).exists()
    delivery = EmailDelivery.objects.get(recipient="ny@loh.example.dk")
    assert delivery.status == Status.PENDING and smtp_server.messages == []
    # The sweep leaves a fresh message to the queue for a minute, then takes it.
    assert email_sweep().delivery.sent == 0
    assert email_sweep(now=later(minutes=2)).delivery.sent == 1
    assert email_sweep(now=later(minutes=3)).delivery.sent == 0
    assert received(smtp_server) == {"ny@loh.example.dk": 1}
    assert EmailDelivery.objects.get(pk=delivery.pk).status == Status.SENT


# --- SMTP down ----------------------------------------------------------------------------


def test_with_the_smtp_server_down_mail_waits_and_is_sent_once_when_it_is_back(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        first = _mail("anna@3f.example.dk")
        second = _mail("bo@3f.example.dk")
    # Three minutes of sweeps against a dead server: nothing fails for good, nothing is lost.
    for minute in (2, 3, 4):
        email_sweep(now=later(minutes=minute))
    rows = {d.pk: d for d in EmailDelivery.objects.all()}
    assert {rows[first.pk].status, rows[second.pk].status} == {Status.PENDING}
    assert rows[first.pk].attempts >= 1 and "refused" in rows[first.pk].error.lower()

    smtp_restart(smtp_server, settings)
    email_sweep(now=later(hours=1))
    email_sweep(now=later(hours=2))

    assert received(smtp_server) == {"anna@3f.example.dk": 1, "bo@3f.example.dk": 1}
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {Status.SENT}


def test_failures_back_off_exponentially_up_to_a_cap():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert backoff(30) == timedelta(hours=4)


def test_a_message_is_not_tried_again_before_its_pause_is_over(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    delivery = _mail("anna@3f.example.dk")
    email_deliver([delivery.pk])  # attempt 1 fails: due again in 1 minute
    sweep_at = later(minutes=2)
    email_sweep(now=sweep_at)  # attempt 2 fails: due again 2 minutes after that

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert row.attempts == 2
    assert row.next_attempt_at == sweep_at + timedelta(minutes=2)
    assert email_sweep(now=sweep_at + timedelta(minutes=1)).delivery.retry == 0
    assert EmailDelivery.objects.get(pk=delivery.pk).attempts == 2


def test_after_the_last_attempt_the_message_is_failed_for_the_operator(settings):
    settings.PORTAL_EMAIL_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    delivery = _mail("anna@3f.example.dk")

    email_deliver([delivery.pk])
    assert EmailDelivery.objects.get(pk=delivery.pk).status == Status.PENDING
    email_sweep(now=later(minutes=2))

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert (row.status, row.attempts, row.next_attempt_at) == (Status.FAILED, 2, None)


def test_mail_older_than_the_maximum_age_is_failed_not_sent(smtp_server, settings):
    settings.PORTAL_EMAIL_MAX_AGE_HOURS = 48
    delivery = _mail("anna@3f.example.dk")

    result = email_sweep(now=later(hours=49))

    assert result.expired == 1 and smtp_server.messages == []
    assert EmailDelivery.objects.get(pk=delivery.pk).status == Status.FAILED


# --- Claims and leases --------------------------------------------------------------------


def test_only_one_sender_can_claim_a_message_until_its_lease_runs_out():
    delivery = _mail("anna@3f.example.dk")
    now = timezone.now()

    assert email_claim(delivery_id=delivery.pk, now=now) is True
    assert email_claim(delivery_id=delivery.pk, now=now) is False
    assert email_claim(delivery_id=delivery.pk, now=now + timedelta(minutes=4)) is False
    # The first sender died: after the lease another may take it.
    assert email_claim(delivery_id=delivery.pk, now=now + timedelta(minutes=6)) is True
    assert EmailDelivery.objects.get(pk=delivery.pk).attempts == 2


def test_a_sent_message_is_not_claimed_again(smtp_server):
    delivery = _mail("anna@3f.example.dk")
    email_deliver([delivery.pk])

    assert email_deliver([delivery.pk]).skipped == 1
    assert email_sweep(now=lease_over()).delivery.sent == 0
    assert received(smtp_server) == {"anna@3f.example.dk": 1}


def test_a_worker_killed_mid_round_loses_nothing_and_repeats_only_the_message_in_flight(
    smtp_server, kill_worker_after, settings
):
    ids = _round(10)
    kill_worker_after(4)

    with pytest.raises(WorkerKilled):
        email_deliver(ids)

    statuses = Counter(EmailDelivery.objects.values_list("status", flat=True))
    # Three marked sent, the fourth accepted by the server but never marked, six untouched.
    assert statuses == {Status.SENT: 3, Status.SENDING: 1, Status.PENDING: 6}
    assert len(smtp_server.messages) == 4

    # The sweep a minute later sends the untouched ones; the claimed one waits for its lease.
    email_sweep(now=later(minutes=2))
    assert len(smtp_server.messages) == 10
    email_sweep(now=lease_over())
    email_sweep(now=later(hours=1))

    counts = received(smtp_server)
    assert set(counts) == {f"person{i}@3f.example.dk" for i in range(10)}
    assert sorted(counts.values()) == [1] * 9 + [2]
    assert counts["person3@3f.example.dk"] == 2
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {Status.SENT}


def test_a_worker_killed_in_the_sweep_is_followed_by_a_sweep_that_finishes(
    smtp_server, kill_worker_after
):
    ids = _round(5)
    kill_worker_after(2)

    with pytest.raises(WorkerKilled):
        email_sweep(now=later(minutes=2))
    email_sweep(now=later(minutes=3))  # the in-flight message keeps its lease
    assert len(smtp_server.messages) == 5
    email_sweep(now=later(minutes=10))

    counts = received(smtp_server)
    assert len(counts) == 5 and sum(counts.values()) == 6
    assert EmailDelivery.objects.filter(pk__in=ids, status=Status.SENT).count() == 5


# --- The operator -------------------------------------------------------------------------


@pytest.fixture
def failed_mail(settings):
    settings.PORTAL_EMAIL_MAX_ATTEMPTS = 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    delivery = _mail("anna@3f.example.dk")
    email_deliver([delivery.pk])
    assert EmailDelivery.objects.get(pk=delivery.pk).status == Status.FAILED
    return delivery


def test_the_operator_resends_a_failed_message_once(
    failed_mail, smtp_server, operator_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email_resend(delivery_id=failed_mail.pk, by=operator_admin)

    assert received(smtp_server) == {"anna@3f.example.dk": 1}
    row = EmailDelivery.objects.get(pk=failed_mail.pk)
    assert (row.status, row.attempts, row.error) == (Status.SENT, 1, "")
    event = AuditEvent.objects.get(action=AuditEvent.Action.EMAIL_RESENT)
    assert event.actor == operator_admin and event.detail["delivery"] == failed_mail.pk


def test_only_operator_admins_resend_and_only_failed_mail(
    failed_mail, fund_admin, editor, operator_admin
):
    for person in (fund_admin, editor):
        with pytest.raises(PermissionDenied):
            email_resend(delivery_id=failed_mail.pk, by=person)
    waiting = _mail("bo@3f.example.dk")
    with pytest.raises(ValidationError):
        email_resend(delivery_id=waiting.pk, by=operator_admin)
    assert EmailDelivery.objects.get(pk=failed_mail.pk).status == Status.FAILED
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EMAIL_RESENT).exists()


# --- Retention ----------------------------------------------------------------------------


def test_bodies_are_deleted_after_the_retention_period_and_the_record_stays(smtp_server, settings):
    settings.PORTAL_EMAIL_BODY_RETENTION_DAYS = 14
    sent = _mail("anna@3f.example.dk")
    email_deliver([sent.pk])
    waiting = _mail("bo@3f.example.dk")

    assert email_bodies_prune(now=later(days=13)) == 0
    assert email_bodies_prune(now=later(days=15)) == 1

    row = EmailDelivery.objects.get(pk=sent.pk)
    assert (row.text_body, row.html_body, row.headers, row.attachments) == ("", "", {}, [])
    assert row.body_deleted_at is not None
    assert (row.status, row.subject, row.recipient) == (Status.SENT, "Hej", "anna@3f.example.dk")
    # A message still waiting keeps its body: deleting it would lose the message.
    assert EmailDelivery.objects.get(pk=waiting.pk).text_body == "Tekst\n"


def test_a_message_whose_body_was_deleted_cannot_be_resent(failed_mail, operator_admin, settings):
    email_bodies_prune(now=later(days=settings.PORTAL_EMAIL_BODY_RETENTION_DAYS + 1))

    with pytest.raises(ValidationError) as error:
        email_resend(delivery_id=failed_mail.pk, by=operator_admin)
    assert error.value.code == "body_deleted"


def test_a_deleted_accounts_mail_loses_its_bodies_and_what_waits_is_never_sent(
    smtp_server, caseworker
):
    waiting = _mail(caseworker.email)
    email_deliveries_forget(user=caseworker, address=caseworker.email)

    assert email_sweep(now=later(hours=1)).delivery.sent == 0
    row = EmailDelivery.objects.get(pk=waiting.pk)
    assert (row.status, row.recipient, row.text_body, row.html_body) == (Status.FAILED, "", "", "")
    assert smtp_server.messages == []


def test_the_minute_task_sweeps_and_the_nightly_task_prunes(smtp_server, settings, time_machine):
    delivery = _mail("anna@3f.example.dk")
    time_machine.move_to(later(minutes=2), tick=False)
    assert tasks.email_sweep_task.call_local() == 1
    time_machine.move_to(later(days=settings.PORTAL_EMAIL_BODY_RETENTION_DAYS + 1), tick=False)
    assert tasks.email_bodies_prune_task.call_local() == 1
    assert received(smtp_server) == {"anna@3f.example.dk": 1}
    assert EmailDelivery.objects.get(pk=delivery.pk).body_deleted_at is not None


# --- A real kill -9 -----------------------------------------------------------------------

_WORKER = """
import sys
import django
django.setup()
from django.conf import settings
settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", int(sys.argv[1])
settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
from portal.core.outbox import email_deliver
email_deliver([int(pk) for pk in sys.argv[2].split(",")])
"""


def _database_url(db) -> str:
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_killed_with_sigkill_mid_round_loses_nothing(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the in-memory SQLite test database is not shared with another process")
    ids = _round(8)
    with HoldingSmtpServer(hold_at=3) as server:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _database_url(connection.settings_dict),
        }
        worker = subprocess.Popen(  # noqa: S603 (our own interpreter and script)
            [sys.executable, "-c", _WORKER, str(server.port), ",".join(map(str, ids))],
            cwd=settings.BASE_DIR,
            env=env,
        )
        try:
            # The third message is at the server, which has not said "250" yet: kill -9 now.
            server.wait_for_count(3)
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)
        server.release()
        assert worker.returncode == -signal.SIGKILL
        statuses = Counter(EmailDelivery.objects.values_list("status", flat=True))
        assert statuses == {Status.SENT: 2, Status.SENDING: 1, Status.PENDING: 5}

        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        email_sweep(now=later(minutes=2))
        email_sweep(now=lease_over())

        counts = received(server)
    assert set(counts) == {f"person{i}@3f.example.dk" for i in range(8)}
    assert sorted(counts.values()) == [1] * 7 + [2]
    assert counts["person2@3f.example.dk"] == 2
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {Status.SENT}
