"""Notification emails, end to end against a real SMTP server on loopback."""

import threading
from datetime import timedelta
from email.utils import getaddresses

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.mail_addresses import reply_address_parse
from portal.core.models import EmailCategory, EmailDelivery, EmailSuppression
from portal.core.tests.factories import TopicFactory
from portal.digests.models import EmailPreference
from portal.forum import services as forum
from portal.forum.tests.factories import NetworkFactory, add_member
from portal.notifications import tasks
from portal.notifications.emails import notification_email_round
from portal.notifications.models import Notification
from portal.notifications.services import notification_create_many, notification_mark_read
from portal.testing.smtp import extract_url

from .conftest import DELAY, START


@pytest.fixture
def reader(fund):
    """Follows what she writes; reads her email in English so the tests can read it too."""
    return make_user(
        organisation=fund,
        email="laeser@3f.example.dk",
        full_name="Lone Læser",
        preferred_language="en",
    )


@pytest.fixture
def writer(other_fund):
    return make_user(
        organisation=other_fund, email="skribent@foa.example.dk", full_name="Sofie Skribent"
    )


def _thread(author, topic, title="Rådighed ved deltidsarbejde", **extra):
    return forum.thread_create(
        author=author, topic=topic, title=title, body="Hvordan gør I?", **extra
    )


def _reply(author, thread, body="Vi gør sådan her."):
    return forum.reply_create(author=author, thread=thread, body=body)


def _mails(smtp_server, to):
    return smtp_server.messages_to(to)


def test_three_replies_in_one_thread_make_one_email_listing_them_together(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    for body in ("Første svar", "Andet svar", "Tredje svar med den seneste nyhed"):
        _reply(writer, thread, body)
        clock.shift(timedelta(minutes=1))

    clock.shift(DELAY)
    assert notification_email_round() == 1

    [mail] = _mails(smtp_server, reader.email)
    assert mail.subject.strip() == "3 new replies in «Rådighed ved deltidsarbejde»"
    assert "3 new replies in «Rådighed ved deltidsarbejde»" in mail.text
    # Every new reply, whole and in order: no click is needed to read them.
    text = mail.text
    assert text.index("Første svar") < text.index("Andet svar") < text.index("Tredje svar med")
    assert mail.html.count("Sofie Skribent</strong>") == 3
    assert "Sofie Skribent" in mail.text
    assert extract_url(mail.text, contains="/e/k/")
    assert mail.message["Auto-Submitted"] == "auto-generated"
    assert Notification.objects.filter(recipient=reader, emailed_at__isnull=True).count() == 0
    delivery = EmailDelivery.objects.get(recipient=reader.email)
    assert delivery.category == EmailCategory.NOTIFICATION
    assert delivery.reference == "notifications"
    assert set(
        Notification.objects.filter(recipient=reader).values_list("email_delivery", flat=True)
    ) == {delivery.pk}


def test_a_single_thread_email_can_be_answered_with_reply_and_the_address_leads_to_the_thread(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    notification_email_round()

    [mail] = _mails(smtp_server, reader.email)
    [(_, reply_to)] = getaddresses([mail.message["Reply-To"]])
    target = reply_address_parse(reply_to)
    assert (target.user_id, target.thread_id) == (reader.pk, thread.pk)
    assert f"mailto:{reply_to}" in mail.html


def test_replies_in_two_threads_make_one_email_with_two_items_and_no_reply_to(
    reader, writer, topic, smtp_server, clock
):
    first = _thread(reader, topic, title="Første tråd om ferie")
    second = _thread(reader, topic, title="Anden tråd om sygedagpenge")
    _reply(writer, first)
    _reply(writer, second)
    clock.shift(DELAY)
    notification_email_round()

    [mail] = _mails(smtp_server, reader.email)
    assert mail.subject.strip() == "2 new notifications on Samarbejdsportalen"
    assert "Første tråd om ferie" in mail.text and "Anden tråd om sygedagpenge" in mail.text
    assert mail.message["Reply-To"] is None
    # Each thread carries its own reply address.
    assert mail.text.count("svar+") == 2
    assert mail.html.count("<h2") == 2


def test_nothing_is_mailed_before_the_delay_has_passed(reader, writer, topic, smtp_server, clock):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY - timedelta(minutes=1))
    assert notification_email_round() == 0
    assert _mails(smtp_server, reader.email) == []
    clock.shift(timedelta(minutes=1))
    assert notification_email_round() == 1


def test_a_person_gets_at_most_one_notification_email_per_delay_window(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    notification_email_round()
    _reply(writer, thread, "Et nyt svar")
    clock.shift(DELAY - timedelta(minutes=1))
    assert notification_email_round() == 0
    clock.shift(timedelta(minutes=1, seconds=1))
    assert notification_email_round() == 1
    assert len(_mails(smtp_server, reader.email)) == 2


def test_running_the_round_twice_sends_nothing_twice(reader, writer, topic, smtp_server, clock):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    assert notification_email_round() == 1
    assert notification_email_round() == 0
    clock.shift(DELAY * 3)
    assert notification_email_round() == 0
    assert len(_mails(smtp_server, reader.email)) == 1


def test_the_periodic_task_runs_the_round(reader, writer, topic, smtp_server, clock):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    tasks.notification_emails_send()
    assert len(_mails(smtp_server, reader.email)) == 1


def test_a_kind_turned_off_is_not_mailed_but_the_others_are(
    reader, writer, topic, smtp_server, clock
):
    EmailPreference.objects.create(user=reader, notification_kinds_off=["reply"])
    thread = _thread(reader, topic)
    _reply(writer, thread, "Almindeligt svar")
    _reply(writer, thread, "Hej @laeser, hvad mener du?")
    clock.shift(DELAY)
    notification_email_round()

    [mail] = _mails(smtp_server, reader.email)
    assert "Sofie Skribent mentioned you in «Rådighed ved deltidsarbejde»" in mail.text
    assert "Almindeligt svar" not in mail.text
    reply = Notification.objects.get(recipient=reader, kind=Notification.Kind.REPLY)
    assert reply.emailed_at is not None and reply.email_delivery_id is None


def test_no_notification_email_when_the_person_turned_notification_emails_off(
    reader, writer, topic, smtp_server, clock
):
    EmailPreference.objects.create(user=reader, notifications=False)
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    assert notification_email_round() == 0
    assert _mails(smtp_server, reader.email) == []
    assert Notification.objects.filter(recipient=reader, emailed_at__isnull=True).count() == 0


def test_the_one_click_unsubscribe_in_the_email_stops_notification_mail(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    notification_email_round()
    [mail] = _mails(smtp_server, reader.email)
    assert mail.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = "".join(str(mail.message["List-Unsubscribe"]).split()).strip("<>")

    # RFC 8058: the mail program POSTs, without a CSRF token or a session.
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200

    _reply(writer, thread, "Endnu et svar")
    clock.shift(DELAY * 2)
    assert notification_email_round() == 0
    assert len(_mails(smtp_server, reader.email)) == 1


def test_no_email_about_a_thread_the_person_can_no_longer_see(
    reader, writer, editor, topic, smtp_server, clock
):
    network = NetworkFactory(is_open=False)
    add_member(network, reader)
    add_member(network, writer)
    thread = _thread(writer, topic, title="Hemmelig netværkstråd", network=network)
    forum.thread_follow(thread=thread, user=reader)
    _reply(writer, thread)
    assert Notification.objects.filter(recipient=reader).count() == 1
    network.memberships.filter(user=reader).delete()

    clock.shift(DELAY)
    assert notification_email_round() == 0
    assert _mails(smtp_server, reader.email) == []
    notification = Notification.objects.get(recipient=reader)
    assert notification.emailed_at is not None and notification.email_delivery_id is None


def test_a_notification_already_read_in_the_portal_is_not_mailed(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    _reply(writer, thread, "Set i portalen")
    clock.shift(timedelta(minutes=2))
    notification_mark_read(user=reader)
    _reply(writer, thread, "Ikke set endnu")
    clock.shift(DELAY)
    notification_email_round()
    [mail] = _mails(smtp_server, reader.email)
    assert "Ikke set endnu" in mail.text
    assert mail.subject.strip() == "Sofie Skribent replied in «Rådighed ved deltidsarbejde»"


def test_history_older_than_two_days_is_marked_and_never_mailed(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(timedelta(days=3))
    assert notification_email_round() == 0
    assert _mails(smtp_server, reader.email) == []
    assert Notification.objects.get(recipient=reader).emailed_at is not None


def test_a_hotline_deadline_warning_goes_out_without_waiting(
    jurist, writer, topic, smtp_server, clock
):
    thread = _thread(writer, topic, title="Haster: supplerende dagpenge")
    notification_create_many(
        recipients=[jurist], kind=Notification.Kind.HOTLINE_DEADLINE, thread=thread
    )
    assert notification_email_round() == 1
    [mail] = _mails(smtp_server, jurist.email)
    assert "Haster: supplerende dagpenge" in mail.subject


def test_a_bounced_address_gets_no_notification_email_and_its_notifications_are_settled(
    reader, writer, topic, smtp_server, clock
):
    EmailSuppression.objects.create(address=reader.email, suppressed_at=timezone.now())
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    assert notification_email_round() == 0
    assert _mails(smtp_server, reader.email) == []
    assert Notification.objects.get(recipient=reader).emailed_at is not None


def test_the_html_part_is_accessible_and_the_text_part_carries_titles_and_links(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    notification_email_round()
    [mail] = _mails(smtp_server, reader.email)

    html = mail.html
    assert '<html lang="en">' in html
    assert "<title>Sofie Skribent replied in «Rådighed ved deltidsarbejde»</title>" in html
    assert 'role="presentation"' in html  # layout tables are not read as data tables
    assert "<img" not in html
    assert "<h2" in html
    assert "/e/indstillinger/" in html and "/e/afmeld/" in html
    text = mail.text
    assert "Sofie Skribent replied in «Rådighed ved deltidsarbejde»" in text
    assert extract_url(text, contains="/e/k/").startswith("http")
    assert extract_url(text, contains="/e/indstillinger/")
    assert extract_url(text, contains="/e/afmeld/")
    assert "<" not in text.replace("<http", "")


def test_the_link_in_the_email_leads_to_the_reply_and_counts_as_a_click(
    reader, writer, topic, smtp_server, clock
):
    thread = _thread(reader, topic)
    post = _reply(writer, thread)
    clock.shift(DELAY)
    notification_email_round()
    [mail] = _mails(smtp_server, reader.email)

    url = extract_url(mail.text, contains="/e/k/")
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("forum:post_detail", args=[post.pk])
    assert EmailDelivery.objects.get(recipient=reader.email).clicked_at is not None


def test_the_email_is_in_the_recipients_language(writer, fund, topic, smtp_server, clock):
    danish = make_user(organisation=fund, email="dansk@3f.example.dk", preferred_language="da")
    thread = _thread(danish, topic)
    _reply(writer, thread)
    clock.shift(DELAY)
    notification_email_round()
    [mail] = _mails(smtp_server, danish.email)
    assert '<html lang="da">' in mail.html


def _round_queries(count, *, writer, topic, clock):
    readers = [
        make_user(organisation=writer.organisation, email=f"r{count}-{i}@foa.example.dk")
        for i in range(count)
    ]
    for person in readers:
        thread = _thread(person, topic, title=f"Tråd til {person.email}")
        _reply(writer, thread)
        _reply(writer, thread, "Og et svar mere")
    clock.shift(DELAY)
    with CaptureQueriesContext(connection) as queries:
        assert notification_email_round() == count
    # Sending costs two queries per message (its claim and its mark in the outbox); the rest
    # of the round costs the same whatever the number of people.
    return len(queries) - 2 * count


def test_a_round_costs_the_same_number_of_queries_for_n_and_2n_recipients(
    writer, topic, smtp_server, clock
):
    assert _round_queries(3, writer=writer, topic=topic, clock=clock) == _round_queries(
        6, writer=writer, topic=topic, clock=clock
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_running_the_round_at_once_never_mail_a_notification_twice(
    smtp_server, other_fund
):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that lets several connections write at once (PostgreSQL)")
    writer = make_user(organisation=other_fund, email="skribent@foa.example.dk")
    topic = TopicFactory()
    readers = [
        make_user(organisation=other_fund, email=f"laeser{i}@foa.example.dk") for i in range(12)
    ]
    with time_machine.travel(START, tick=False) as traveller:
        for person in readers:
            _reply(writer, _thread(person, topic, title=f"Tråd {person.pk}"))
        traveller.shift(DELAY)
        barrier = threading.Barrier(2)
        sent, errors = [], []

        def worker():
            try:
                barrier.wait()
                sent.append(notification_email_round())
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)
            finally:
                connections.close_all()

        workers = [threading.Thread(target=worker) for _ in range(2)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join()

    assert errors == []
    assert sum(sent) == len(readers)
    assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == sorted(p.email for p in readers)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
