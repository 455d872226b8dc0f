"""The thread list kept whole (portal/core/kept_pages.py): the same page as the full rendering
for every reader, with their own name, read marks, token and nonce, and never another's."""

import pytest
from django.urls import reverse

from portal.core.models import RoleGrant
from portal.forum import services
from portal.testing.pages import masked, signed_in, token

from .factories import NetworkFactory, add_member, make_reply, make_thread

URL = reverse("forum:thread_list")


@pytest.fixture
def kept(settings):
    settings.PORTAL_KEPT_PAGES = True


def _page(client, settings, *, keep: bool) -> str:
    settings.PORTAL_KEPT_PAGES = keep
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_kept_page_is_the_full_page_for_each_reader(
    caseworker, colleague, editor, topic, settings
):
    """Kept for the first reader of a signature, served to the second with their own name,
    organisation and marks; the editor (another signature, other menu) gets their own."""
    thread = make_thread(author=caseworker, topic=topic, title="Ledighed efter barsel")
    make_reply(author=editor, thread=thread)
    services.thread_read_record(user=colleague, thread=thread, post_ids=[thread.posts.first().pk])
    make_reply(author=caseworker, thread=thread)
    for reader in (caseworker, colleague, editor):
        client = signed_in(reader)
        full = _page(client, settings, keep=False)
        first = _page(client, settings, keep=True)
        again = _page(client, settings, keep=True)
        assert masked(first) == masked(full)
        assert masked(again) == masked(full)
        assert reader.get_full_name() in again
    # The colleague read the opening post: two replies are new to them, not to the author.
    assert 'data-unread="2"' in _page(signed_in(colleague), settings, keep=True)
    assert "data-unread" not in _page(signed_in(caseworker), settings, keep=True)


def test_the_token_and_nonce_are_this_requests(caseworker, topic, kept):
    make_thread(author=caseworker, topic=topic)
    client = signed_in(caseworker)
    first, second = client.get(URL), client.get(URL)
    tokens = {token(r.content.decode()) for r in (first, second)}
    assert len(tokens) == 2
    nonce = second["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in second.content.decode()


def test_a_new_thread_shows_at_once_on_every_kept_page(caseworker, colleague, topic, kept):
    make_thread(author=caseworker, topic=topic, title="Første tråd")
    reader = signed_in(colleague)
    assert "Første tråd" in reader.get(URL).content.decode()
    make_thread(author=caseworker, topic=topic, title="Anden tråd")
    page = reader.get(URL).content.decode()
    assert "Anden tråd" in page
    # The colleague's first visit: nothing is "new since last time" yet (the marks are the
    # reader's, counted per request, never the kept page's).
    assert 'data-mark="new"' not in page


def test_a_network_thread_never_reaches_a_reader_outside_it(caseworker, colleague, topic, kept):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    make_thread(author=caseworker, topic=topic, network=network, title="Kun for netværket")
    assert "Kun for netværket" in signed_in(caseworker).get(URL).content.decode()
    assert "Kun for netværket" not in signed_in(colleague).get(URL).content.decode()


def test_a_waiting_message_is_shown_and_then_the_page_is_kept(caseworker, topic, kept):
    thread = make_thread(author=caseworker, topic=topic)
    client = signed_in(caseworker)
    response = client.post(reverse("forum:thread_follow", args=[thread.pk]), {"follow": "0"})
    assert response.status_code == 302
    shown = client.get(URL)
    page = shown.content.decode()
    assert 'class="alert alert-success"' in page
    assert 'class="alert alert-success"' not in client.get(URL).content.decode()


def test_the_language_and_the_readers_links_are_part_of_the_key(caseworker, jurist, topic, kept):
    make_thread(author=caseworker, topic=topic)
    client = signed_in(caseworker)
    assert "<h1>Debat</h1>" in client.get(URL).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": URL})
    assert "<h1>Debate</h1>" in client.get(URL).content.decode()
    # The jurist reads the same threads (same signature) but has the hotline's link.
    hotline = reverse("hotline:work_list")
    assert hotline not in client.get(URL).content.decode()
    assert hotline in signed_in(jurist).get(URL).content.decode()
    # A role granted takes effect at once: the menu's key is part of the page's.
    RoleGrant.objects.create(user=caseworker, role="jurist")
    assert hotline in client.get(URL).content.decode()


def test_a_kept_page_costs_its_holes_only(
    caseworker, colleague, topic, kept, django_assert_num_queries
):
    for index in range(5):
        make_thread(author=caseworker, topic=topic, title=f"Tråd {index}")
    client = signed_in(colleague)
    client.get(URL)
    client.get(URL)
    # Session, person, roles, organisation, the bell (from the cache in production, see
    # accounts/user_cache.py); the reader's networks (the key), visit and read marks. The
    # full rendering takes 12 (test_views.py).
    with django_assert_num_queries(8):
        client.get(URL)


def test_only_the_pages_own_addresses_are_kept(caseworker, topic, kept):
    """Any other address of the page is rendered in full and leaves nothing in the cache."""
    from django.core.cache import cache

    make_thread(author=caseworker, topic=topic)
    client = signed_in(caseworker)
    client.get(URL)
    client.get(URL, {"page": "1"})
    kept_entries = {key for key in cache._cache if "kept-page:" in key}
    assert len(kept_entries) == 2
    for odd in ("?page=01", "?page=1&page=2", "?page=x"):
        assert client.get(URL + odd).status_code == 200
    assert {key for key in cache._cache if "kept-page:" in key} == kept_entries


def test_the_readers_networks_come_from_the_cache_until_a_membership_changes(
    caseworker, settings, django_assert_num_queries
):
    from portal.forum import access

    settings.PORTAL_REQUEST_CACHE = True
    network = NetworkFactory(is_open=False)
    assert access.reader_signature(user=caseworker) == "r:"
    with django_assert_num_queries(0):
        assert access.reader_signature(user=caseworker) == "r:"
    add_member(network, caseworker)
    assert access.reader_signature(user=caseworker) == f"r:{network.pk}"
    network.is_open = True
    network.save()
    assert access.reader_signature(user=caseworker) == "r:"


def test_the_readers_marks_come_from_the_cache_until_they_or_the_debate_change(
    caseworker, colleague, topic, kept, settings, django_assert_num_queries
):
    settings.PORTAL_REQUEST_CACHE = True
    thread = make_thread(author=caseworker, topic=topic, title="Mærket tråd")
    services.thread_read_record(user=colleague, thread=thread, post_ids=[thread.posts.first().pk])
    client = signed_in(colleague)
    client.get(URL)
    assert "data-unread" not in client.get(URL).content.decode()
    make_reply(author=caseworker, thread=thread)
    assert 'data-unread="1"' in client.get(URL).content.decode()
    services.thread_read_record(
        user=colleague, thread=thread, post_ids=list(thread.posts.values_list("pk", flat=True))
    )
    assert "data-unread" not in client.get(URL).content.decode()
