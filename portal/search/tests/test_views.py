import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def test_search_page_needs_sign_in(client):
    response = client.get(URL, {"q": "rådighed"})
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_search_page_shows_results_with_type_and_highlight(caseworker, client_for, make_thread):
    thread = make_thread("Rådighedsvurderingen i praksis", "Hvordan vurderer I rådighed?")
    response = client_for(caseworker).get(URL, {"q": "rådighed"})
    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="/debat/traad/{thread.pk}/"' in content
    assert "<mark>Rådighedsvurderingen</mark> i praksis" in content
    assert "1 result" in content or "1 resultat" in content


def test_search_page_without_query_shows_the_empty_form(caseworker, client_for):
    response = client_for(caseworker).get(URL)
    assert response.status_code == 200
    assert response.context["results"] is None


def test_search_page_says_when_nothing_was_found(caseworker, client_for, make_thread):
    make_thread("Fleksjob")
    response = client_for(caseworker).get(URL, {"q": "xylofon"})
    assert response.context["results"].hits == []


def test_search_page_rejects_an_end_date_before_the_start_and_keeps_the_query(
    caseworker, client_for
):
    response = client_for(caseworker).get(
        URL, {"q": "rådighed", "date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"]
    assert response.context["results"] is None
    assert 'value="rådighed"' in response.content.decode()


def test_search_page_hides_invitation_only_networks_from_non_members(
    caseworker, client_for, make_thread, private_network, fund
):
    member = make_user(organisation=fund, email="m@3f.example.dk")
    make_thread("Hemmelig revalidering", network=private_network, author=member)
    content = client_for(caseworker).get(URL, {"q": "revalidering"}).content.decode()
    assert "Hemmelig" not in content


def test_search_page_pages_through_many_results(caseworker, client_for, make_thread):
    for n in range(25):
        make_thread(f"Efterløn nummer {n}")
    client = client_for(caseworker)
    first = client.get(URL, {"q": "efterløn"}).context["results"]
    second = client.get(URL, {"q": "efterløn", "page": 2}).context["results"]
    assert len(first.hits) == 20 and first.has_next
    assert len(second.hits) == 5 and not second.has_next
    shown = {h.document.pk for h in first.hits} | {h.document.pk for h in second.hits}
    assert len(shown) == 25


def test_search_page_query_count_does_not_grow_with_results(
    caseworker, client_for, make_thread, make_reply
):
    """The page without a query costs the signed-in base plus the topics of the filter; a search
    adds four: the reader's signature (result_cache), the vocabulary check, the ranked
    candidates and the shown page with topics. The same search again, while the index is
    unchanged, adds only the signature: the page of results comes from the cache."""
    client = client_for(caseworker)
    topics = [TopicFactory() for _ in range(3)]

    def add(n):
        for i in range(n):
            thread = make_thread(f"Sygedagpenge {i}", topic=topics[i % 3])
            make_reply(thread, "Sygedagpengene stopper")

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, params)
        return len(captured), response

    add(3)
    client.get(URL)  # the first request of a session writes more
    form_only, _ = queries({})
    count, response = queries({"q": "sygedagpenge"})
    # A thread and its reply are one result.
    assert len(response.context["results"].hits) == 3
    assert count == form_only + 4
    count, response = queries({"q": "sygedagpenge"})
    assert len(response.context["results"].hits) == 3
    assert count == form_only + 1
    add(6)  # the index changed: the cached page is stale
    count, response = queries({"q": "sygedagpenge"})
    assert len(response.context["results"].hits) == 9
    assert count == form_only + 4


def test_nothing_found_query_count_does_not_grow_with_the_experts(caseworker, client_for, fund):
    """Nothing found adds the directory's three (relevance, the people, their topics) to the
    search's four (the reader's signature, the vocabulary check, the typo's look-alikes and the
    candidates) and the count of what found nothing (one update), however many experts there
    are. Found again from the cache, it costs the signature instead of the search's three and is
    counted again."""
    client = client_for(caseworker)
    topic = TopicFactory(slug="fleksjob", name="Fleksjob")

    def experts(n):
        for _ in range(n):
            make_user(organisation=fund).expertise.add(topic, TopicFactory())

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, params)
        return len(captured), response

    experts(1)
    client.get(URL, {"q": "fleksjob"})  # the first request of a session writes more
    form_only, _ = queries({})
    cache.clear()  # the search itself, not its cached page
    count, response = queries({"q": "fleksjob"})
    assert len(response.context["experts"]) == 1
    assert count == form_only + 8
    experts(3)  # with new topics, which drop the cached pages (result_cache)
    count, response = queries({"q": "fleksjob"})
    assert len(response.context["experts"]) == 3
    assert count == form_only + 8
    count, response = queries({"q": "fleksjob"})
    assert len(response.context["experts"]) == 3
    assert count == form_only + 5


def test_a_cached_page_of_results_is_shared_only_by_readers_who_see_the_same(
    caseworker, client_for, make_thread, private_network, member_of, fund
):
    """result_cache: the page cached for a member of an invitation-only network is not served
    to a non-member; joining makes the signature differ, and opening the network (no index
    change) drops every cached page."""
    member = make_user(organisation=caseworker.organisation, email="m@kommune.example.dk")
    member_of(private_network, member)
    make_thread("Hemmelig revalidering", network=private_network, author=member)
    make_thread("Åben revalidering")

    def titles(user):
        results = client_for(user).get(URL, {"q": "revalidering"}).context["results"]
        return sorted(hit.document.title for hit in results.hits)

    assert titles(member) == ["Hemmelig revalidering", "Åben revalidering"]
    assert titles(caseworker) == ["Åben revalidering"]
    member_of(private_network, caseworker)
    assert titles(caseworker) == ["Hemmelig revalidering", "Åben revalidering"]
    outsider = make_user(organisation=fund, email="u@3f.example.dk")
    assert titles(outsider) == ["Åben revalidering"]
    private_network.is_open = True
    private_network.save(update_fields=["is_open"])
    assert titles(outsider) == ["Hemmelig revalidering", "Åben revalidering"]
