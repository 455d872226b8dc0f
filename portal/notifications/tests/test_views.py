import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.conftest import make_user
from portal.forum.models import Thread
from portal.notifications.models import Notification
from portal.notifications.services import notification_create_many
from portal.notifications.tests.factories import make_network, make_reply, make_thread

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
LIST_URL = reverse("notifications:notification_list")
MARK_ALL_URL = reverse("notifications:notification_mark_all_read")


def open_url(notification):
    return reverse("notifications:notification_open", args=[notification.pk])


@pytest.fixture
def mette(fund):
    return make_user(organisation=fund, full_name="Mette Hansen")


@pytest.fixture
def thread(caseworker):
    return make_thread(author=caseworker, title="Rådighed ved ferie", kind=Thread.Kind.QUESTION)


def answer(*, thread, recipient, actor, kind=Kind.ANSWER):
    post = make_reply(thread=thread, author=actor)
    return notification_create_many(
        recipients=[recipient], kind=kind, actor=actor, thread=thread, post=post
    )[0]


def test_anonymous_visitors_are_sent_to_sign_in(client, caseworker, mette, thread):
    notification = answer(thread=thread, recipient=caseworker, actor=mette)
    for url in [LIST_URL, open_url(notification)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    assert client.post(MARK_ALL_URL).status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_bell_shows_the_unread_count_to_screen_readers_too(
    caseworker, mette, thread, client_for
):
    answer(thread=thread, recipient=caseworker, actor=mette)
    answer(thread=thread, recipient=caseworker, actor=mette)
    page = client_for(caseworker).get("/").content.decode()
    assert f'href="{LIST_URL}"' in page
    assert '<span class="badge badge-error" aria-hidden="true">2</span>' in page
    assert '<span class="sr-only">2 ulæste notifikationer</span>' in page


def test_the_bell_has_no_badge_without_unread_notifications(caseworker, client_for):
    page = client_for(caseworker).get("/").content.decode()
    assert f'href="{LIST_URL}"' in page
    assert "badge-error" not in page


def test_anonymous_pages_have_no_bell(client):
    assert LIST_URL not in client.get("/").content.decode()


def test_the_list_shows_each_notification_and_highlights_the_unread(
    caseworker, mette, thread, client_for
):
    read = answer(thread=thread, recipient=caseworker, actor=mette, kind=Kind.MENTION)
    Notification.objects.filter(pk=read.pk).update(read_at=read.created_at)
    unread = answer(thread=thread, recipient=caseworker, actor=mette)
    response = client_for(caseworker).get(LIST_URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mette Hansen svarede på dit spørgsmål “Rådighed ved ferie”" in page
    assert "Mette Hansen nævnte dig i “Rådighed ved ferie”" in page
    assert page.count("portal-notification-unread") == 1
    assert f'<strong><a href="{open_url(unread)}">' in page


def test_the_list_can_show_only_the_unread(caseworker, mette, thread, client_for):
    read = answer(thread=thread, recipient=caseworker, actor=mette)
    Notification.objects.filter(pk=read.pk).update(read_at=read.created_at)
    unread = answer(thread=thread, recipient=caseworker, actor=mette)
    response = client_for(caseworker).get(LIST_URL, {"show": "unread"})
    assert [item["notification"] for item in response.context["items"]] == [unread]


def test_the_list_leaves_out_threads_the_person_can_no_longer_read(
    caseworker, mette, thread, client_for
):
    answer(thread=thread, recipient=caseworker, actor=mette)
    network = make_network(name="Lukket", is_open=False, members=[mette])
    Thread.objects.filter(pk=thread.pk).update(network=network)
    response = client_for(caseworker).get(LIST_URL)
    assert response.context["items"] == []
    assert "Rådighed ved ferie" not in response.content.decode()


def test_the_list_shows_only_the_persons_own(caseworker, mette, thread, client_for):
    answer(thread=thread, recipient=mette, actor=caseworker)
    assert client_for(caseworker).get(LIST_URL).context["items"] == []


def test_opening_a_notification_marks_it_read_and_leads_to_the_post(
    caseworker, mette, thread, client_for
):
    notification = answer(thread=thread, recipient=caseworker, actor=mette)
    response = client_for(caseworker).get(open_url(notification))
    assert response.status_code == 302
    assert response.url == reverse("forum:post_detail", args=[notification.post_id])
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_someone_elses_notification_is_404_and_changes_nothing(
    caseworker, mette, thread, client_for
):
    theirs = answer(thread=thread, recipient=mette, actor=caseworker)
    client = client_for(caseworker)
    assert client.get(open_url(theirs)).status_code == 404
    assert client.post(open_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_a_notification_about_a_thread_now_hidden_is_404(
    caseworker, mette, thread, client_for
):
    notification = answer(thread=thread, recipient=caseworker, actor=mette)
    Thread.objects.filter(pk=thread.pk).update(is_hidden=True)
    assert client_for(caseworker).get(open_url(notification)).status_code == 404


def test_mark_all_read_marks_only_the_persons_own(caseworker, mette, thread, client_for):
    mine = [answer(thread=thread, recipient=caseworker, actor=mette) for _ in range(3)]
    theirs = answer(thread=thread, recipient=mette, actor=caseworker)
    client = client_for(caseworker)
    response = client.post(MARK_ALL_URL, follow=True)
    assert response.redirect_chain == [(LIST_URL, 302)]
    assert "Alle notifikationer er markeret som læst." in response.content.decode()
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_needs_a_post(caseworker, mette, thread, client_for):
    notification = answer(thread=thread, recipient=caseworker, actor=mette)
    assert client_for(caseworker).get(MARK_ALL_URL).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_list_is_paginated(caseworker, mette, thread, client_for):
    notification_create_many(recipients=[caseworker], kind=Kind.REPLY, actor=mette, thread=thread)
    Notification.objects.bulk_create(
        Notification(recipient=caseworker, kind=Kind.REPLY, actor=mette, thread=thread)
        for _ in range(29)
    )
    client = client_for(caseworker)
    assert len(client.get(LIST_URL).context["items"]) == 25
    assert len(client.get(LIST_URL, {"page": 2}).context["items"]) == 5
    assert client.get(LIST_URL, {"page": "nonsense"}).status_code == 200


def test_the_list_queries_do_not_grow_with_the_number_of_notifications(
    fund, caseworker, client_for, django_assert_num_queries
):
    client = client_for(caseworker)
    network = make_network(name="Netværket", members=[caseworker])

    def add_notifications(start, count):
        for i in range(start, start + count):
            actor = make_user(organisation=fund, full_name=f"Kollega {i}")
            thread = make_thread(author=caseworker, title=f"Tråd {i}")
            answer(thread=thread, recipient=caseworker, actor=actor)
            notification_create_many(
                recipients=[caseworker], kind=Kind.NETWORK_ADDED, actor=actor, network=network
            )

    add_notifications(0, 3)
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(LIST_URL).status_code == 200
    add_notifications(3, 3)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(LIST_URL)
    assert len(response.context["items"]) == 12


def test_the_bell_stops_counting_at_99_plus(caseworker, mette, thread, client_for):
    Notification.objects.bulk_create(
        Notification(recipient=caseworker, kind=Kind.REPLY, actor=mette, thread=thread)
        for _ in range(120)
    )
    page = client_for(caseworker).get("/").content.decode()
    assert '<span class="badge badge-error" aria-hidden="true">99+</span>' in page
    assert '<span class="sr-only">Mere end 99 ulæste notifikationer</span>' in page


def test_the_bell_costs_no_query_on_pages_that_do_not_show_it(caseworker, rf):
    from portal.notifications.context_processors import notification_bell

    request = rf.get("/")
    request.user = caseworker
    with CaptureQueriesContext(connection) as queries:
        bell = notification_bell(request)["notification_bell"]
    assert queries.captured_queries == []
    assert bell.unread_count == 0
