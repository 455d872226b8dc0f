import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import User
from portal.core.tests.factories import TopicFactory
from portal.forum.models import Thread
from portal.guides.models import Guide
from portal.notifications.tests.factories import make_network, make_reply, make_thread

pytestmark = pytest.mark.django_db

LIST_URL = reverse("directory:person_list")


def detail_url(person):
    return reverse("directory:person_detail", kwargs={"user_id": person.pk})


def test_anonymous_visitors_are_sent_to_sign_in(client, caseworker):
    for url in [LIST_URL, detail_url(caseworker)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_an_unapproved_person_may_not_use_the_directory(client, fund):
    pending = User.objects.create_user("ny@3f.example.dk", organisation=fund)
    client.force_login(pending)
    assert client.get(LIST_URL).status_code == 403


def test_person_list_searches_by_name(fund, caseworker, client_for):
    make_user(organisation=fund, full_name="Søren Jørgensen")
    make_user(organisation=fund, full_name="Mette Hansen")
    response = client_for(caseworker).get(LIST_URL, {"q": "soren"})
    assert response.status_code == 200
    assert [p.full_name for p in response.context["page_obj"]] == ["Søren Jørgensen"]
    assert "Søren Jørgensen" in response.content.decode()
    assert "Mette Hansen" not in response.content.decode()


def test_person_list_finds_colleagues_by_their_expertise_in_any_inflection(
    fund, caseworker, client_for
):
    fleksjob = TopicFactory(name="Fleksjob og ledighedsydelse")
    expert = make_user(organisation=fund, full_name="Eva Ekspert", title="Jobkonsulent")
    expert.expertise.add(fleksjob)
    make_user(organisation=fund, full_name="Ikke Ekspert", title="Jobkonsulent")
    response = client_for(caseworker).get(LIST_URL, {"q": "fleksjobbet"})
    assert [p.full_name for p in response.context["page_obj"]] == ["Eva Ekspert"]
    page = response.content.decode()
    assert "Fleksjob og ledighedsydelse" in page
    assert "Ikke Ekspert" not in page


def test_person_list_search_by_expertise_queries_do_not_grow_with_the_number_of_people(
    fund, caseworker, client_for, django_assert_num_queries
):
    client = client_for(caseworker)
    topics = [TopicFactory(name="Sygedagpenge"), TopicFactory(name="Fleksjob")]

    def add_people(start, count):
        for i in range(start, start + count):
            person = make_user(organisation=fund, full_name=f"Ekspert {i}", title=f"Titel {i}")
            person.expertise.set(topics)

    add_people(0, 3)
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as with_3:
        response = client.get(LIST_URL, {"q": "sygedagpengene fleksjobbet"})
    assert len(response.context["page_obj"].object_list) == 3
    add_people(3, 9)
    with django_assert_num_queries(len(with_3.captured_queries)):
        response = client.get(LIST_URL, {"q": "sygedagpengene fleksjobbet"})
    assert len(response.context["page_obj"].object_list) == 12


def test_person_list_filters_by_topic(fund, caseworker, client_for):
    topic = TopicFactory(name="Sygedagpenge")
    expert = make_user(organisation=fund, full_name="Eva Ekspert")
    expert.expertise.add(topic)
    make_user(organisation=fund, full_name="Ikke Ekspert")
    response = client_for(caseworker).get(LIST_URL, {"topic": topic.pk})
    assert [p.full_name for p in response.context["page_obj"]] == ["Eva Ekspert"]


def test_person_list_with_an_unknown_filter_value_shows_an_error_and_everyone(
    fund, caseworker, client_for
):
    response = client_for(caseworker).get(LIST_URL, {"topic": "999999", "q": "behold mig"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="alert alert-error"' in page
    assert 'value="behold mig"' in page
    assert caseworker in response.context["page_obj"].object_list


def test_person_list_is_paginated(fund, caseworker, client_for):
    for n in range(30):
        make_user(organisation=fund, full_name=f"Kollega {n:02}")
    client = client_for(caseworker)
    first = client.get(LIST_URL, {"q": "kollega"}).context["page_obj"]
    second = client.get(LIST_URL, {"q": "kollega", "page": 2}).context["page_obj"]
    assert len(first.object_list) == 24
    assert len(second.object_list) == 6
    assert client.get(LIST_URL, {"page": "nonsense"}).status_code == 200


def test_person_list_queries_do_not_grow_with_the_number_of_people(
    fund, caseworker, client_for, django_assert_num_queries
):
    client = client_for(caseworker)
    topics = [TopicFactory(), TopicFactory()]

    def add_people(start, count):
        for i in range(start, start + count):
            person = make_user(organisation=fund, full_name=f"Kollega {i}")
            person.expertise.set(topics)

    add_people(0, 5)
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(LIST_URL, {"q": "kollega"}).status_code == 200
    add_people(5, 5)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(LIST_URL, {"q": "kollega"})
    assert len(response.context["page_obj"].object_list) == 10


def test_person_detail_shows_contact_expertise_and_the_ask_button(fund, caseworker, client_for):
    person = make_user(
        organisation=fund,
        full_name="Mette Hansen",
        title="Socialrådgiver",
        phone="+45 33 12 34 56",
        email="mette@3f.example.dk",
    )
    person.expertise.add(TopicFactory(name="Rådighed"))
    response = client_for(caseworker).get(detail_url(person))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Socialrådgiver" in page
    assert 'href="mailto:mette@3f.example.dk"' in page
    assert "Rådighed" in page
    assert "3F A-kasse" in page
    ask_url = reverse("forum:thread_create") + f"?kind=question&amp;addressed_to={person.pk}"
    assert ask_url in page


def test_person_detail_of_yourself_has_no_ask_button(caseworker, client_for):
    response = client_for(caseworker).get(detail_url(caseworker))
    assert response.context["ask_url"] is None


def test_person_detail_is_404_for_deactivated_and_unapproved_people(fund, caseworker, client_for):
    stopped = make_user(organisation=fund, is_active=False)
    pending = User.objects.create_user("ny@3f.example.dk", organisation=fund)
    client = client_for(caseworker)
    assert client.get(detail_url(stopped)).status_code == 404
    assert client.get(detail_url(pending)).status_code == 404


def test_person_detail_links_answers_to_their_post_and_hides_private_ones(
    fund, caseworker, client_for
):
    person = make_user(organisation=fund)
    public = make_thread(author=caseworker, title="Offentligt spørgsmål")
    answer = make_reply(thread=public, author=person)
    private = make_network(name="Hemmeligt netværk", is_open=False, members=[person])
    make_reply(
        thread=make_thread(author=person, title="Hemmelig tråd", network=private), author=person
    )
    page = client_for(caseworker).get(detail_url(person)).content.decode()
    assert reverse("forum:post_detail", args=[answer.pk]) in page
    assert "Hemmelig tråd" not in page
    assert "Hemmeligt netværk" not in page


def test_person_detail_queries_do_not_grow_with_answers_guides_and_networks(
    fund, caseworker, client_for, django_assert_num_queries
):
    person = make_user(organisation=fund)
    topic = TopicFactory()
    client = client_for(caseworker)

    def add_contributions(start, count):
        for i in range(start, start + count):
            thread = make_thread(author=caseworker, title=f"Tråd {i}", topic=topic)
            post = make_reply(thread=thread, author=person)
            Thread.objects.filter(pk=thread.pk).update(accepted_answer=post)
            Guide.objects.create(
                title=f"Vejledning {i}",
                slug=f"vejledning-{i}",
                topic=topic,
                body="Tekst",
                owner=person,
                review_by=timezone.localdate(),
            )
            make_network(name=f"Netvaerk {i}", members=[person])
            person.expertise.add(TopicFactory())

    add_contributions(0, 3)
    client.get(detail_url(person))
    with CaptureQueriesContext(connection) as with_n:
        assert client.get(detail_url(person)).status_code == 200
    add_contributions(3, 3)
    with django_assert_num_queries(len(with_n.captured_queries)):
        response = client.get(detail_url(person))
    assert len(response.context["answers"]) == 6
    assert len(response.context["guides"]) == 6
    assert len(response.context["networks"]) == 6


def test_person_detail_links_their_guides_and_open_networks(fund, caseworker, client_for):
    person = make_user(organisation=fund)
    guide = Guide.objects.create(
        title="Rådighed i praksis",
        slug="raadighed-i-praksis",
        topic=TopicFactory(),
        body="Tekst",
        owner=person,
        review_by=timezone.localdate(),
    )
    network = make_network(name="Dagpengenetværket", members=[person])
    page = client_for(caseworker).get(detail_url(person)).content.decode()
    assert f'href="{reverse("guides:guide_detail", args=[guide.slug])}"' in page
    assert f'href="{reverse("forum:network_detail", args=[network.slug])}"' in page
