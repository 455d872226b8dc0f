"""Similar threads and guides under a question's title while it is typed (views_suggest)."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.guides.tests.factories import make_guide
from portal.search.models import SearchDocument

pytestmark = pytest.mark.django_db

URL = reverse("search:title_suggestions")


def test_suggestions_need_sign_in(client):
    response = client.get(URL, {"title": "rådighed"})
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_suggestions_show_similar_threads_and_guides_and_count_them(
    caseworker, editor, client_for, make_thread, indexed, topic
):
    thread = make_thread("Rådighed efter ferie", "Hvordan vurderer I rådighed efter ferie?")
    with indexed():
        guide = make_guide(by=editor, title="Rådighed for ledige", topic=topic)
    make_thread("Sygedagpenge efter 22 uger")
    guide_url = SearchDocument.objects.get(kind="guide", object_id=guide.pk).url
    response = client_for(caseworker).get(
        URL, {"title": "rådighed"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="/debat/traad/{thread.pk}/"' in content
    assert f'href="{guide_url}"' in content
    assert "Sygedagpenge" not in content
    assert 'id="title-suggestions-status" hx-swap-oob="innerHTML"' in content
    assert "2 similar threads" in content or "2 lignende tråde" in content


def test_nothing_is_suggested_for_fewer_than_three_characters(
    caseworker, client_for, make_thread, django_assert_num_queries
):
    make_thread("Rå tal om ledighed")
    client = client_for(caseworker)
    client.get(URL, {"title": ""})  # the first request of a session records the visit
    # The session, the person, their roles and organisation (the sign-in rules), no search.
    with django_assert_num_queries(4):
        response = client.get(URL, {"title": " rå "})
    content = response.content.decode()
    assert "<li" not in content
    # The live region is emptied, so an earlier count is not left standing.
    assert 'hx-swap-oob="innerHTML"></span>' in content


def test_a_thread_the_person_cannot_read_is_never_suggested(
    caseworker, client_for, make_thread, private_network, member_of, fund
):
    member = make_user(organisation=fund, email="medlem@3f.example.dk")
    member_of(private_network, member)
    secret = make_thread("Hemmelig revalidering", network=private_network, author=member)
    response = client_for(caseworker).get(URL, {"title": "revalidering"})
    assert f"/debat/traad/{secret.pk}/" not in response.content.decode()
    response = client_for(member).get(URL, {"title": "revalidering"})
    assert f"/debat/traad/{secret.pk}/" in response.content.decode()


def test_hidden_threads_are_not_suggested(caseworker, client_for, make_thread):
    make_thread("Skjult revalidering", is_hidden=True)
    response = client_for(caseworker).get(URL, {"title": "revalidering"})
    assert "<li" not in response.content.decode()


def test_the_suggestions_cost_the_same_queries_for_more_threads(
    caseworker, client_for, make_thread, django_assert_num_queries
):
    for number in range(3):
        make_thread(f"Fleksjob og ledighed {number}")
    client = client_for(caseworker)
    client.get(URL, {"title": "fleksjob"})  # warm the session
    # Session, person, roles, organisation; term counts, candidates, the shown documents.
    with django_assert_num_queries(7) as first:
        response = client.get(URL, {"title": "fleksjob"})
    assert response.content.decode().count("<li") == 3
    for number in range(3, 9):
        make_thread(f"Fleksjob og ledighed {number}")
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(URL, {"title": "fleksjob"})
    assert response.content.decode().count("<li") == 5


def test_the_form_for_a_new_thread_asks_for_suggestions_while_the_title_is_typed(
    caseworker, client_for
):
    content = client_for(caseworker).get(reverse("forum:thread_create")).content.decode()
    assert f'hx-get="{URL}"' in content
    assert 'hx-trigger="input changed delay:400ms from:#id_title"' in content
    status = 'id="title-suggestions-status" class="sr-only" role="status" aria-live="polite"'
    assert status in content


def test_a_whole_questions_title_finds_the_thread_that_shares_its_longest_words(
    caseworker, client_for, make_thread
):
    thread = make_thread(
        "Supplerende dagpenge ved løntilskud", "Hvordan opgøres timerne for supplerende dagpenge?"
    )
    make_thread("Ferie og rådighed", "Hvad gælder for ferie?")
    response = client_for(caseworker).get(
        URL,
        {"title": "Hvordan regner I supplerende dagpenge for en borger i fleksjob"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert f'href="/debat/traad/{thread.pk}/"' in content
    assert "Ferie og rådighed" not in content
