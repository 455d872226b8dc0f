"""The search page kept whole (portal/core/kept_pages.py): the same page as the full rendering
for every reader with the same search signature, never for another, stale when the index
changes; a search that finds nothing is never kept (it counts the miss each time)."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.search.models import SearchMiss
from portal.testing.pages import masked, signed_in

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def _page(client, settings, *, keep: bool, q: str = "revalidering") -> str:
    settings.PORTAL_KEPT_PAGES = keep
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_the_kept_page_is_the_full_page_for_readers_of_one_signature(
    caseworker, fund, make_thread, settings
):
    make_thread("Revalidering i praksis")
    colleague = make_user(organisation=fund, email="kollega2@3f.example.dk")
    for reader in (caseworker, colleague):
        client = signed_in(reader)
        full = _page(client, settings, keep=False)
        assert masked(_page(client, settings, keep=True)) == masked(full)
        assert masked(_page(client, settings, keep=True)) == masked(full)
        assert reader.get_full_name() in full
        assert "i praksis" in full  # the title, its matched word highlighted


def test_a_members_kept_page_never_reaches_a_non_member(
    caseworker, make_thread, private_network, member_of, settings
):
    member = make_user(organisation=caseworker.organisation, email="m@kommune.example.dk")
    member_of(private_network, member)
    make_thread("Hemmelig revalidering", network=private_network, author=member)
    make_thread("Åben revalidering")
    assert "Hemmelig" in _page(signed_in(member), settings, keep=True)
    page = _page(signed_in(caseworker), settings, keep=True)
    assert "Åben" in page
    assert "Hemmelig" not in page


def test_a_change_to_the_index_shows_at_once(caseworker, make_thread, settings):
    make_thread("Revalidering før reformen")
    client = signed_in(caseworker)
    assert "efter reformen" not in _page(client, settings, keep=True)
    make_thread("Revalidering efter reformen")
    assert "efter reformen" in _page(client, settings, keep=True)


def test_a_search_that_finds_nothing_is_counted_every_time(caseworker, settings):
    client = signed_in(caseworker)
    for _ in range(3):
        _page(client, settings, keep=True, q="ressourceforløb seniorjob")
    assert SearchMiss.objects.get().count == 3


def test_a_kept_search_page_costs_the_signed_in_request_and_the_signature(
    caseworker, make_thread, settings, django_assert_num_queries
):
    make_thread("Revalidering i praksis")
    client = signed_in(caseworker)
    _page(client, settings, keep=True)
    # Session, person, roles, organisation, bell (the cache's in production), the signature.
    with django_assert_num_queries(6):
        _page(client, settings, keep=True)


def test_the_signature_comes_from_the_cache_until_a_membership_changes(
    caseworker, private_network, member_of, settings, django_assert_num_queries
):
    from portal.events.tests.factories import EventFactory
    from portal.search import result_cache

    settings.PORTAL_REQUEST_CACHE = True
    before = result_cache.reader_signature(user=caseworker)
    with django_assert_num_queries(0):
        assert result_cache.reader_signature(user=caseworker) == before
    member_of(private_network, caseworker)
    joined = result_cache.reader_signature(user=caseworker)
    assert f":{private_network.pk}:" in joined
    event = EventFactory()
    event.organisers.add(caseworker)
    assert result_cache.reader_signature(user=caseworker).endswith(f":{event.pk}")
