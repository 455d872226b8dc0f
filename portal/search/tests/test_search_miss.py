"""Searches that found nothing are counted by their words: no person, no session."""

import pytest
from django.utils import timezone

from portal.search import selectors
from portal.search.models import SearchMiss

pytestmark = pytest.mark.django_db

URL = "/soeg/"


def test_a_search_page_search_that_finds_nothing_is_counted_by_its_words(caseworker, client_for):
    client = client_for(caseworker)
    client.get(URL, {"q": "Ressourceforløb  Seniorjob"})
    client.get(URL, {"q": "ressourceforløb seniorjob"})
    client.get(URL, {"q": "ressourceforløb seniorjob", "page": 2})  # not the first page

    assert list(SearchMiss.objects.values_list("day", "words", "count")) == [
        (timezone.localdate(), "ressourceforløb seniorjob", 2)
    ]


def test_only_unfiltered_searches_asked_to_count_are_counted(caseworker):
    selectors.search(user=caseworker, query="ingenting")  # the typeahead, the newsletter
    selectors.search(user=caseworker, query="ingenting", count_miss=True, organisation_kind="union")
    assert not SearchMiss.objects.exists()
    selectors.search(user=caseworker, query="ingenting", count_miss=True)
    assert SearchMiss.objects.get().count == 1


def test_an_api_search_that_finds_nothing_is_counted(caseworker, client):
    from portal.api.services import api_token_create

    _token, key = api_token_create(user=caseworker, name="Test")
    client.get("/api/v1/search", {"q": "ingenting"}, headers={"Authorization": f"Bearer {key}"})
    assert SearchMiss.objects.get().words == "ingenting"
