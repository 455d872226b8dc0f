"""A thread page kept whole (portal/core/kept_pages.py, views._thread_page): the same page as the
full rendering for its author, another reader, an editor and a jurist, with each one's own
reactions, panels, follow button and actions, and stale on every change it shows."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal.forum import services
from portal.guides import services as guide_services
from portal.hotline import services as hotline_services
from portal.testing.pages import masked, signed_in

from .factories import NetworkFactory, add_member, make_question, make_reply


def _page(client, url, settings, *, keep: bool = True) -> str:
    settings.PORTAL_KEPT_PAGES = keep
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def question(caseworker, colleague, topic):
    thread = make_question(author=caseworker, topic=topic, title="Rådighed og deltid")
    reply = make_reply(author=colleague, thread=thread, body="Sådan gør vi i 3F.")
    services.reaction_toggle(post=reply, user=caseworker, kind="thanks")
    return thread


def test_the_kept_page_is_the_full_page_for_each_reader(
    question, caseworker, colleague, editor, jurist, settings
):
    url = reverse("forum:thread_detail", args=[question.pk])
    pages = {}
    for reader in (caseworker, colleague, editor, jurist):
        client = signed_in(reader)
        full = _page(client, url, settings, keep=False)
        assert masked(_page(client, url, settings)) == masked(full)
        assert masked(_page(client, url, settings)) == masked(full)
        pages[reader.pk] = full
    # The asker thanked the reply and may accept it; the colleague wrote it and may edit it.
    assert 'aria-pressed="true"' in pages[caseworker.pk]
    assert 'aria-pressed="true"' not in pages[jurist.pk]
    assert reverse("forum:answer_accept", args=[question.posts.last().pk]) in pages[caseworker.pk]
    assert reverse("forum:answer_accept", args=[question.posts.last().pk]) not in pages[jurist.pk]
    assert reverse("forum:post_edit", args=[question.posts.last().pk]) in pages[colleague.pk]
    assert reverse("forum:post_edit", args=[question.posts.last().pk]) not in pages[jurist.pk]
    # The hotline's panel offers the jurist nothing the asker is offered, and the reverse.
    assert reverse("hotline:case_open", args=[question.pk]) in pages[caseworker.pk]
    assert reverse("hotline:case_open", args=[question.pk]) not in pages[jurist.pk]
    assert "forum-post-hidden" not in pages[colleague.pk]


def test_a_reaction_a_reply_and_following_show_at_once(question, caseworker, jurist, settings):
    url = reverse("forum:thread_detail", args=[question.pk])
    client = signed_in(jurist)
    page = _page(client, url, settings)
    assert "Thanks: 1" not in page and "(1)" in page
    reply = question.posts.last()
    services.reaction_toggle(post=reply, user=jurist, kind="useful")
    page = _page(client, url, settings)
    assert page.count('aria-pressed="true"') == 1
    make_reply(author=caseworker, thread=question, body="Tak, det hjalp.")
    assert "Tak, det hjalp." in _page(client, url, settings)
    assert 'name="follow" value="1"' in _page(client, url, settings)
    services.thread_follow(user=jurist, thread=question)
    assert 'name="follow" value="0"' in _page(client, url, settings)
    # Another reader with the same signature still sees their own buttons.
    assert _page(signed_in(caseworker), url, settings).count('aria-pressed="true"') == 1


def test_a_hidden_post_shows_its_text_to_editors_only(question, colleague, editor, settings):
    url = reverse("forum:thread_detail", args=[question.pk])
    reply = question.posts.last()
    services.post_hide(post=reply, by=editor)
    assert "Sådan gør vi i 3F." in _page(signed_in(editor), url, settings)
    assert "Sådan gør vi i 3F." not in _page(signed_in(colleague), url, settings)


def test_a_network_thread_stays_with_its_members(caseworker, colleague, topic, settings):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    thread = make_question(author=caseworker, topic=topic, network=network, title="Lukket")
    url = reverse("forum:thread_detail", args=[thread.pk])
    assert "Lukket" in _page(signed_in(caseworker), url, settings)
    settings.PORTAL_KEPT_PAGES = True
    assert signed_in(colleague).get(url).status_code == 404


def test_a_kept_thread_page_costs_the_readers_part_only(
    question, jurist, settings, django_assert_num_queries
):
    url = reverse("forum:thread_detail", args=[question.pk])
    client = signed_in(jurist)
    _page(client, url, settings)
    # Session, person, roles, organisation, bell (the cache's in production); the thread, the
    # day's read count (insights), its posts' ids and authors, the reader's reactions and
    # following, the read mark (an UPDATE), the hotline's case and the guides (the panels),
    # the signature. The full page's pin is in test_views.py.
    with django_assert_num_queries(14):
        _page(client, url, settings)


@pytest.fixture
def request_cache(settings):
    """The thread's row, its posts' order, the reader's part and the side panels kept in the
    cache, as in production."""
    settings.PORTAL_REQUEST_CACHE = True
    cache.clear()


def test_with_the_request_cache_a_kept_thread_page_asks_the_database_two_things_only(
    request_cache, question, jurist, settings, django_assert_num_queries
):
    url = reverse("forum:thread_detail", args=[question.pk])
    client = signed_in(jurist)
    _page(client, url, settings)
    # The session (the cache's in production, accounts/session_engine.py).
    # The session and the day's read count: the cache's and Redis's in production
    # (accounts/session_engine.py, insights.services.thread_read_record).
    with django_assert_num_queries(2):
        _page(client, url, settings)


def test_with_the_request_cache_what_the_reader_did_shows_at_once(
    request_cache, question, caseworker, colleague, jurist, settings
):
    url = reverse("forum:thread_detail", args=[question.pk])
    client = signed_in(caseworker)
    reply = question.posts.last()
    page = _page(client, url, settings)
    assert page.count('aria-pressed="true"') == 1
    assert 'name="follow" value="0"' in page  # the asker follows their question
    services.reaction_toggle(post=reply, user=caseworker, kind="useful")
    services.thread_unfollow(user=caseworker, thread=question)
    page = _page(client, url, settings)
    assert page.count('aria-pressed="true"') == 2
    assert 'name="follow" value="1"' in page
    services.thread_follow(user=caseworker, thread=question)
    assert 'name="follow" value="0"' in _page(client, url, settings)
    # Another reader (with the same signature) has follows and reactions of their own.
    other = _page(signed_in(jurist), url, settings)
    assert 'name="follow" value="1"' in other
    assert other.count('aria-pressed="true"') == 0
    # A reply and an accepted answer: the page's posts and order.
    make_reply(author=colleague, thread=question, body="Et sidste svar.")
    assert "Et sidste svar." in _page(client, url, settings)
    services.answer_accept(thread=question, post=reply, by=caseworker)
    assert reverse("forum:answer_unaccept", args=[question.pk]) in _page(client, url, settings)


def test_with_the_request_cache_the_side_panels_follow_the_hotline_and_guides(
    request_cache, question, caseworker, editor, settings
):
    url = reverse("forum:thread_detail", args=[question.pk])
    client = signed_in(caseworker)
    assert "Send til den juridiske hotline" in _page(client, url, settings)
    case = hotline_services.hotline_case_open(thread=question, by=caseworker)
    page = _page(client, url, settings)
    assert "Send til den juridiske hotline" not in page
    assert "Træk tilbage fra hotlinen" in page
    # The panel's form carries a token of this request's, not a hole's marker.
    form = reverse("hotline:case_withdraw", args=[question.pk]) + '">\\s*<input type="hidden"'
    assert re.search(form + r' name="csrfmiddlewaretoken" value="\w{64}"', page)
    hotline_services.hotline_case_withdraw(case=case, by=caseworker)
    assert "Træk tilbage fra hotlinen" not in _page(client, url, settings)
    reply = question.posts.last()
    services.answer_accept(thread=question, post=reply, by=caseworker)
    editor_page = _page(signed_in(editor), url, settings)
    assert "Lav til vejledning" in editor_page
    guide = guide_services.guide_from_thread(thread=question, by=editor)
    assert guide.title in _page(signed_in(editor), url, settings)


def test_text_that_imitates_a_hole_stays_text(caseworker, colleague, topic, settings):
    """What people write is part of a kept page: characters shaped like a hole's marker (or a
    stray one) are shown as written, never filled with a reader's values, never an error."""
    forged = "Se her: \ue000csrf_token\ue001 og \ue000user_name\ue001 og \ue000"
    thread = make_question(author=caseworker, topic=topic, title="Mærkelige tegn")
    make_reply(author=colleague, thread=thread, body=forged)
    url = reverse("forum:thread_detail", args=[thread.pk])
    client = signed_in(caseworker)
    full = _page(client, url, settings, keep=False)
    for _ in range(2):
        kept = _page(client, url, settings)
        assert masked(kept) == masked(full)
    assert "\ue000csrf_token\ue001" in full
    assert kept.count(caseworker.get_full_name()) == full.count(caseworker.get_full_name())
