"""Visits by channel (email versus direct) and thread reads, counted per Copenhagen day."""

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.conftest import make_user
from portal.core.models import EmailCategory, EmailDelivery
from portal.core.tests.factories import OrganisationFactory, TopicFactory
from portal.digests import links
from portal.forum.tests.factories import NetworkFactory, add_member, make_thread
from portal.insights.models import DailyThreadReads, DailyVisits
from portal.insights.selectors import most_read_threads, visits_by_channel
from portal.insights.services import thread_read_record, visit_record

CPH = ZoneInfo("Europe/Copenhagen")
TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=CPH), tick=False):
        yield


def _visits() -> dict[str, int]:
    return dict(DailyVisits.objects.filter(day=TODAY).values_list("channel", "count"))


def _email_link(user, path="/debat/"):
    delivery = EmailDelivery.objects.create(
        template="t", recipient=user.email, category=EmailCategory.NOTIFICATION, user=user
    )
    url = links.tracked_url(delivery_id=delivery.pk, url=path, item="notification:1")
    return url.removeprefix(settings.SITE_URL)


def test_the_first_signed_in_request_of_a_session_counts_one_direct_visit(caseworker, client_for):
    client = client_for(caseworker)
    client.get("/debat/")
    client.get("/debat/")
    client.get(reverse("notifications:notification_list"))
    assert _visits() == {"direct": 1}


def test_an_api_call_is_no_visit_and_leaves_no_session(caseworker, client):
    from django.contrib.sessions.models import Session

    from portal.api.services import api_token_create

    _token, key = api_token_create(user=caseworker, name="Integration")
    sessions = Session.objects.count()
    for _ in range(3):
        response = client.get("/api/v1/topics", headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 200
        client.cookies.clear()  # an integration keeps no cookies
    assert _visits() == {}
    assert Session.objects.count() == sessions


def test_later_requests_of_a_counted_session_cost_no_query_of_the_counter(caseworker, client_for):
    client = client_for(caseworker)
    client.get("/debat/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/debat/")
    assert not [q for q in queries if "insights_" in q["sql"]]


def test_each_session_is_a_visit_of_its_own(caseworker, colleague):
    for person in (caseworker, colleague, caseworker):
        client = Client()
        client.force_login(person)
        client.get("/debat/")
    assert _visits() == {"direct": 3}


def test_anonymous_requests_are_not_visits(client, db):
    client.get("/")
    client.get(reverse("account_login"))
    assert _visits() == {}


def test_arriving_from_an_email_link_counts_an_email_visit(caseworker, client_for):
    client = client_for(caseworker)
    response = client.get(_email_link(caseworker))
    assert response.status_code == 302
    client.get(response["Location"])
    client.get("/debat/")
    assert _visits() == {"email": 1}


def test_signing_in_after_following_an_email_link_counts_as_from_email(caseworker, client):
    client.get(_email_link(caseworker))
    assert _visits() == {}
    client.force_login(caseworker)  # keeps the session's data, as a real sign-in does
    client.get("/debat/")
    assert _visits() == {"email": 1}


def test_a_direct_session_that_later_comes_from_an_email_counts_a_new_visit_from_email(
    caseworker, client_for
):
    client = client_for(caseworker)
    client.get("/debat/")
    client.get(_email_link(caseworker))
    client.get("/debat/")
    client.get(_email_link(caseworker, "/soeg/"))
    assert _visits() == {"direct": 1, "email": 1}


def test_a_visit_is_counted_on_the_copenhagen_date(caseworker, client_for):
    # 23:30 UTC on 2 March is 00:30 on 3 March in Copenhagen.
    with time_machine.travel(datetime(2026, 3, 2, 23, 30, tzinfo=ZoneInfo("UTC")), tick=False):
        client_for(caseworker).get("/debat/")
    assert list(DailyVisits.objects.values_list("day", "channel", "count")) == [
        (date(2026, 3, 3), "direct", 1)
    ]


def test_a_count_is_one_query_whether_or_not_the_days_row_exists(db):
    """One upsert: pages and services that count pin their query counts."""
    for expected in (1, 2):
        with CaptureQueriesContext(connection) as queries:
            visit_record(channel="direct")
        assert len(queries) == 1
        assert _visits() == {"direct": expected}


def test_an_unknown_channel_is_refused(db):
    with pytest.raises(ValueError):
        visit_record(channel="sms")


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_visits_of_a_day_lose_no_increment():
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that lets several connections write at once (PostgreSQL)")
    workers, per_worker = 8, 10
    barrier = threading.Barrier(workers)
    errors = []

    def work():
        try:
            barrier.wait()
            for _ in range(per_worker):
                visit_record(channel="email")
                thread_read_record(thread_id=thread_id)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    author = make_user(organisation=OrganisationFactory())
    thread_id = make_thread(author=author, topic=TopicFactory()).pk
    threads = [threading.Thread(target=work) for _ in range(workers)]
    for worker in threads:
        worker.start()
    for worker in threads:
        worker.join()
    assert errors == []
    assert _visits() == {"email": workers * per_worker}
    assert DailyThreadReads.objects.get(thread_id=thread_id).count == workers * per_worker


def test_opening_a_thread_page_counts_a_read(caseworker, colleague, client_for):
    thread = make_thread(author=colleague, topic=TopicFactory())
    client = client_for(caseworker)
    url = reverse("forum:thread_detail", args=[thread.pk])
    assert client.get(url).status_code == 200
    client.get(url)
    assert list(DailyThreadReads.objects.values_list("thread_id", "day", "count")) == [
        (thread.pk, TODAY, 2)
    ]


def test_a_thread_page_someone_may_not_see_counts_no_read(caseworker, colleague, client_for):
    network = NetworkFactory(is_open=False)
    add_member(network, colleague)
    thread = make_thread(author=colleague, topic=TopicFactory(), network=network)
    response = client_for(caseworker).get(reverse("forum:thread_detail", args=[thread.pk]))
    assert response.status_code == 404
    assert not DailyThreadReads.objects.exists()


def test_visits_by_channel_sums_the_days_of_the_period_both_ends_included(db):
    DailyVisits.objects.bulk_create(
        [
            DailyVisits(day=date(2026, 2, 28), channel="email", count=100),
            DailyVisits(day=date(2026, 3, 1), channel="email", count=3),
            DailyVisits(day=date(2026, 3, 1), channel="direct", count=5),
            DailyVisits(day=date(2026, 3, 7), channel="email", count=4),
            DailyVisits(day=date(2026, 3, 8), channel="direct", count=100),
        ]
    )
    assert visits_by_channel(start=date(2026, 3, 1), end=date(2026, 3, 7)) == {
        "email": 7,
        "direct": 5,
    }
    assert visits_by_channel(start=date(2026, 4, 1), end=date(2026, 4, 30)) == {
        "email": 0,
        "direct": 0,
    }


def test_most_read_threads_ranks_the_periods_reads(caseworker):
    topic = TopicFactory()
    a, b, c = (make_thread(author=caseworker, topic=topic, title=f"Tråd {n}") for n in "abc")
    DailyThreadReads.objects.bulk_create(
        [
            DailyThreadReads(thread=a, day=date(2026, 3, 1), count=2),
            DailyThreadReads(thread=a, day=date(2026, 3, 2), count=2),
            DailyThreadReads(thread=b, day=date(2026, 3, 2), count=5),
            DailyThreadReads(thread=c, day=date(2026, 3, 2), count=1),
            DailyThreadReads(thread=c, day=date(2026, 2, 1), count=50),
        ]
    )
    start, end = date(2026, 3, 1), date(2026, 3, 7)
    assert most_read_threads(start=start, end=end, limit=10) == [(b.pk, 5), (a.pk, 4), (c.pk, 1)]
    assert most_read_threads(start=start, end=end, limit=2) == [(b.pk, 5), (a.pk, 4)]


def test_a_session_counts_one_visit_a_day_and_the_email_mark_is_used_up(caseworker, client_for):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from portal.insights.models import VISIT_CHANNEL_SESSION_KEY, DailyVisits

    client = client_for(caseworker)
    session = client.session
    session[VISIT_CHANNEL_SESSION_KEY] = "email"
    session.save()
    client.get("/")
    client.get("/")
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        client.get("/")
        client.get("/")

    assert sorted(DailyVisits.objects.values_list("channel", "count")) == [
        ("direct", 1),
        ("email", 1),
    ]


def test_opening_a_guide_page_counts_a_read_and_the_evaluation_ranks_it(
    caseworker, editor, client_for
):
    from portal.guides.tests.factories import make_guide
    from portal.insights.selectors import most_read_guides

    read, unread = make_guide(by=editor, title="Rådighed"), make_guide(by=editor)
    client = client_for(caseworker)
    assert client.get(read.get_absolute_url()).status_code == 200
    client.get(read.get_absolute_url())
    assert most_read_guides(start=TODAY, end=TODAY) == [(read.pk, 2)]
    assert unread.pk not in dict(most_read_guides(start=TODAY, end=TODAY))
