"""A long thread in pages, and links to a post that lead to the page holding it."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.forum import services
from portal.forum.models import Post, ThreadReadState
from portal.notifications.models import Notification
from portal.notifications.presentation import notification_target_url

from .factories import make_question, make_reply, make_thread

pytestmark = pytest.mark.django_db


def _posts(thread, n, *, authors):
    """The thread with n posts in all (the opening post and n - 1 replies), in order."""
    for i in range(1, n):
        make_reply(author=authors[i % len(authors)], thread=thread, body=f"Svar nummer {i}")
    return list(Post.objects.filter(thread=thread).order_by("created_at", "id"))


def _shown(response) -> list[int]:
    return [post.pk for post in response.context["posts"]]


@pytest.fixture
def repliers(fund):
    return [make_user(organisation=fund) for _ in range(3)]


def test_a_long_thread_is_shown_in_pages_and_a_link_to_post_75_lands_on_its_page(
    caseworker, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 30
    thread = make_thread(author=caseworker, topic=topic)
    posts = _posts(thread, 100, authors=repliers)
    client = client_for(caseworker)
    url = reverse("forum:thread_detail", args=[thread.pk])

    first = client.get(url)
    assert _shown(first) == [post.pk for post in posts[:30]]
    assert 'class="pagination"' in first.content.decode()
    second = client.get(url, {"page": 2})
    assert _shown(second) == [post.pk for post in posts[30:60]]
    assert f'id="post-{posts[30].pk}"' in second.content.decode()
    assert f'id="post-{posts[29].pk}"' not in second.content.decode()
    assert _shown(client.get(url, {"page": 4})) == [post.pk for post in posts[90:]]

    post_75 = posts[74]
    response = client.get(reverse("forum:post_detail", args=[post_75.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{url}?page=3#post-{post_75.pk}"
    assert f'id="post-{post_75.pk}"' in client.get(url, {"page": 3}).content.decode()


def test_a_page_out_of_range_shows_the_last_page_and_a_page_that_is_no_number_the_first(
    caseworker, topic, repliers, client_for, settings
):
    """As every list of the portal does (Django's Paginator.get_page)."""
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=caseworker, topic=topic)
    posts = _posts(thread, 10, authors=repliers)
    client = client_for(caseworker)
    url = reverse("forum:thread_detail", args=[thread.pk])
    last = client.get(url, {"page": 99})
    assert last.status_code == 200
    assert _shown(last) == [post.pk for post in posts[8:]]
    assert _shown(client.get(url, {"page": "x"})) == [post.pk for post in posts[:4]]
    assert _shown(client.get(url, {"page": 0})) == [post.pk for post in posts[8:]]


def test_a_short_thread_has_no_pagination(caseworker, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    content = client_for(caseworker).get(reverse("forum:thread_detail", args=[thread.pk]))
    assert 'class="pagination"' not in content.content.decode()
    assert "post_link.js" not in content.content.decode()


def test_the_accepted_answer_stays_on_the_first_page_and_its_link_leads_there(
    caseworker, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    question = make_question(author=caseworker, topic=topic)
    posts = _posts(question, 10, authors=repliers)
    accepted = posts[8]
    services.answer_accept(thread=question, post=accepted, by=caseworker)
    client = client_for(caseworker)
    url = reverse("forum:thread_detail", args=[question.pk])
    assert _shown(client.get(url)) == [posts[0].pk, accepted.pk, posts[1].pk, posts[2].pk]
    assert _shown(client.get(url, {"page": 2}))[0] == posts[3].pk
    response = client.get(reverse("forum:post_detail", args=[accepted.pk]))
    assert response["Location"] == f"{url}#post-{accepted.pk}"
    # The post after the accepted one in time is one place further than before.
    response = client.get(reverse("forum:post_detail", args=[posts[9].pk]))
    assert response["Location"] == f"{url}?page=3#post-{posts[9].pk}"


def test_a_hidden_post_keeps_its_place_so_a_post_is_on_the_same_page_for_every_reader(
    caseworker, colleague, editor, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=colleague, topic=topic)
    posts = _posts(thread, 10, authors=repliers)
    services.post_hide(post=posts[2], by=editor)
    for reader in (caseworker, editor):
        response = client_for(reader).get(reverse("forum:post_detail", args=[posts[4].pk]))
        assert response["Location"].endswith(f"?page=2#post-{posts[4].pk}")


def test_a_link_to_a_post_in_a_thread_the_reader_may_not_read_is_not_found(
    caseworker, colleague, topic, client_for
):
    from .factories import NetworkFactory, add_member

    network = NetworkFactory(is_open=False)
    add_member(network, colleague)
    thread = make_thread(author=colleague, topic=topic, network=network)
    post = thread.posts.get()
    response = client_for(caseworker).get(reverse("forum:post_detail", args=[post.pk]))
    assert response.status_code == 404


def test_a_reply_leads_to_the_last_page_where_it_is(
    caseworker, colleague, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=caseworker, topic=topic)
    _posts(thread, 9, authors=repliers)
    response = client_for(colleague).post(
        reverse("forum:reply_create", args=[thread.pk]), {"body": "Det tiende indlæg"}
    )
    reply = Post.objects.get(body="Det tiende indlæg")
    url = reverse("forum:thread_detail", args=[thread.pk])
    assert response["Location"] == f"{url}?page=3#post-{reply.pk}"


def test_quoting_a_post_on_a_later_page_keeps_the_page_and_quotes_it(
    caseworker, colleague, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=caseworker, topic=topic)
    posts = _posts(thread, 10, authors=repliers)
    client = client_for(colleague)
    url = reverse("forum:thread_detail", args=[thread.pk])
    page = client.get(url, {"page": 2}).content.decode()
    assert f'href="?page=2&amp;citer={posts[5].pk}#svar"' in page
    # A quote named on another page than the one shown is found all the same.
    response = client.get(url, {"citer": posts[5].pk})
    assert response.context["reply_form"].initial["quoted_post"] == posts[5].pk


def test_an_earlier_page_opened_after_a_later_one_does_not_move_the_read_mark_back(
    caseworker, colleague, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=colleague, topic=topic)
    posts = _posts(thread, 10, authors=repliers)
    client = client_for(caseworker)
    url = reverse("forum:thread_detail", args=[thread.pk])
    client.get(url, {"page": 3})
    client.get(url)
    state = ThreadReadState.objects.get(user=caseworker, thread=thread)
    assert state.last_read_post_id == posts[-1].pk


def test_a_notification_of_a_reply_on_a_later_page_leads_to_that_page(
    caseworker, colleague, topic, repliers, client_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=caseworker, topic=topic)
    _posts(thread, 9, authors=repliers)
    reply = make_reply(author=colleague, thread=thread, body="Svar til spørgeren")
    notification = Notification.objects.filter(recipient=caseworker, post=reply).get()
    target = notification_target_url(notification)
    assert target == reverse("forum:post_detail", args=[reply.pk])
    response = client_for(caseworker).get(target)
    url = reverse("forum:thread_detail", args=[thread.pk])
    assert response["Location"] == f"{url}?page=3#post-{reply.pk}"


def test_a_thread_in_pages_brings_the_script_for_links_made_before_threads_had_pages(
    caseworker, topic, repliers, client_for, settings
):
    """An old link `/debat/traad/<id>/#post-<id>` shows the first page; the script sends the
    reader on to the post's own link when the post is not on it."""
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=caseworker, topic=topic)
    _posts(thread, 6, authors=repliers)
    page = client_for(caseworker).get(reverse("forum:thread_detail", args=[thread.pk]))
    content = page.content.decode()
    assert "forum/post_link.js" in content
    assert f'data-post-url="{reverse("forum:post_detail", args=[987654321])}"' in content
