"""The colleagues offered after "@" in the post editor (views_mention, mentions.py)."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.forum import views_mention
from portal.forum.mentions import mention_resolve

from .factories import NetworkFactory, add_member, make_thread

pytestmark = pytest.mark.django_db

URL = reverse("forum:mention_suggestions")


@pytest.fixture
def nanna(fund):
    return make_user(organisation=fund, email="nanna.berg@3f.example.dk", full_name="Nanna Berg")


def test_suggestions_need_sign_in(client):
    response = client.get(URL, {"q": "na"})
    assert response.status_code == 302


def test_a_colleague_is_offered_with_the_handle_mentions_understand(caseworker, nanna, client_for):
    response = client_for(caseworker).get(URL, {"q": "na"})
    assert response.status_code == 200
    assert response.json() == {
        "people": [
            {"handle": "nanna.berg", "name": "Nanna Berg", "organisation": nanna.organisation.name}
        ]
    }
    # The handle offered is the one a post's mention resolves to.
    thread = make_thread(author=caseworker)
    assert mention_resolve(source="Hej @nanna.berg", thread=thread) == {"nanna.berg": nanna}


def test_a_shared_email_start_is_offered_as_the_whole_address(
    caseworker, nanna, other_fund, client_for
):
    make_user(organisation=other_fund, email="nanna.berg@foa.example.dk", full_name="Nanna Bro")
    people = client_for(caseworker).get(URL, {"q": "nanna"}).json()["people"]
    assert sorted(person["handle"] for person in people) == [
        "nanna.berg@3f.example.dk",
        "nanna.berg@foa.example.dk",
    ]


def test_a_second_word_of_the_name_matches_and_nothing_else_is_told(caseworker, nanna, client_for):
    people = client_for(caseworker).get(URL, {"q": "ber"}).json()["people"]
    assert [person["name"] for person in people] == ["Nanna Berg"]
    assert set(people[0]) == {"handle", "name", "organisation"}


def test_one_letter_the_asker_and_people_the_directory_does_not_list_are_not_offered(
    caseworker, nanna, fund, client_for
):
    client = client_for(caseworker)
    assert client.get(URL, {"q": "n"}).json() == {"people": []}
    make_user(organisation=fund, email="naja@3f.example.dk", full_name="Naja Ny", approved_at=None)
    make_user(organisation=fund, email="nadia@3f.example.dk", full_name="Nadia Ex", is_active=False)
    assert [p["name"] for p in client.get(URL, {"q": "na"}).json()["people"]] == ["Nanna Berg"]
    assert client.get(URL, {"q": "sagsbeh"}).json() == {"people": []}


def test_at_most_eight_are_offered(caseworker, fund, client_for):
    for number in range(10):
        make_user(
            organisation=fund, email=f"nabo{number}@3f.example.dk", full_name=f"Nabo {number}"
        )
    assert len(client_for(caseworker).get(URL, {"q": "na"}).json()["people"]) == 8


def test_in_a_reply_only_readers_of_the_thread_are_offered(caseworker, nanna, fund, client_for):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    inside = make_user(organisation=fund, email="nana@3f.example.dk", full_name="Nana Inde")
    add_member(network, inside)
    thread = make_thread(author=caseworker, network=network)
    people = client_for(caseworker).get(URL, {"q": "na", "thread": thread.pk}).json()["people"]
    assert [person["name"] for person in people] == ["Nana Inde"]


def test_a_thread_the_asker_cannot_read_is_a_404(caseworker, nanna, client_for):
    network = NetworkFactory(is_open=False)
    add_member(network, nanna)
    thread = make_thread(author=nanna, network=network)
    client = client_for(caseworker)
    assert client.get(URL, {"q": "na", "thread": thread.pk}).status_code == 404
    assert client.get(URL, {"q": "na", "thread": "x"}).status_code == 400


def test_the_suggestions_cost_the_same_queries_for_more_people(
    caseworker, fund, client_for, django_assert_num_queries
):
    thread = make_thread(author=caseworker)
    client = client_for(caseworker)
    client.get(URL, {"q": "na"})  # the first request of a session records the visit
    make_user(organisation=fund, email="nabo0@3f.example.dk", full_name="Nabo 0")
    # Session, person, roles; the thread; the people; who else has their email's start.
    with django_assert_num_queries(6) as first:
        assert len(client.get(URL, {"q": "na", "thread": thread.pk}).json()["people"]) == 1
    for number in range(1, 8):
        make_user(
            organisation=fund, email=f"nabo{number}@3f.example.dk", full_name=f"Nabo {number}"
        )
    with django_assert_num_queries(len(first.captured_queries)):
        assert len(client.get(URL, {"q": "na", "thread": thread.pk}).json()["people"]) == 8


def test_asking_too_often_is_refused(caseworker, nanna, client_for, monkeypatch):
    monkeypatch.setattr(views_mention, "PER_MINUTE", 2)
    client = client_for(caseworker)
    assert client.get(URL, {"q": "na"}).status_code == 200
    assert client.get(URL, {"q": "na"}).status_code == 200
    response = client.get(URL, {"q": "na"})
    assert response.status_code == 429
    assert "error" in response.json()


def test_the_editor_carries_the_suggestions_url(caseworker, client_for):
    content = client_for(caseworker).get(reverse("forum:thread_create")).content.decode()
    assert f'data-mention-url="{URL}"' in content
    assert "forum/mention.js" in content
