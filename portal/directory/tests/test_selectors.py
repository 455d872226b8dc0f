import pytest
from django.http import Http404
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import OrganisationKind, User
from portal.core.tests.factories import CentreFactory, OrganisationFactory, TopicFactory
from portal.directory import selectors
from portal.forum.models import Thread
from portal.guides.models import Guide
from portal.notifications.tests.factories import make_network, make_reply, make_thread

pytestmark = pytest.mark.django_db


def names(people):
    return [person.full_name for person in people]


@pytest.fixture
def jobcenter(db):
    return OrganisationFactory(
        slug="jobcenter-kbh", name="Jobcenter København", kind=OrganisationKind.JOBCENTER
    )


def test_person_search_finds_people_by_name_whatever_the_danish_spelling(fund, caseworker):
    make_user(organisation=fund, full_name="Søren Ærø-Jørgensen")
    make_user(organisation=fund, full_name="Mette Hansen")
    for query in ["søren", "SOEREN", "soren jorgensen", "aero"]:
        assert names(selectors.person_search(user=caseworker, q=query)) == [
            "Søren Ærø-Jørgensen"
        ], query


def test_person_search_matches_email_title_and_organisation(fund, other_fund, caseworker):
    make_user(organisation=fund, full_name="Anna", title="Juridisk konsulent")
    make_user(organisation=other_fund, full_name="Bent", email="bent@foa.example.dk")
    assert names(selectors.person_search(user=caseworker, q="konsulent")) == ["Anna"]
    assert names(selectors.person_search(user=caseworker, q="bent@foa")) == ["Bent"]
    assert "Bent" in names(selectors.person_search(user=caseworker, q="FOA a-kasse"))


def test_person_search_needs_every_word_to_match(fund, caseworker):
    make_user(organisation=fund, full_name="Mette Hansen")
    make_user(organisation=fund, full_name="Mette Larsen")
    assert names(selectors.person_search(user=caseworker, q="mette hansen")) == ["Mette Hansen"]


def test_person_search_filters_by_organisation_kind_and_topic(fund, jobcenter, caseworker):
    dagpenge = TopicFactory(name="Dagpenge")
    centre = CentreFactory(organisation=jobcenter, name="Center for Ledige")
    expert = make_user(organisation=jobcenter, centre=centre, full_name="Karin Ekspert")
    expert.expertise.add(dagpenge)
    make_user(organisation=fund, full_name="Fund Person")
    assert names(selectors.person_search(user=caseworker, topic=dagpenge)) == ["Karin Ekspert"]
    assert names(selectors.person_search(user=caseworker, organisation=jobcenter)) == [
        "Karin Ekspert"
    ]
    by_kind = selectors.person_search(user=caseworker, organisation_kind=OrganisationKind.UFUND)
    assert "Karin Ekspert" not in names(by_kind)
    assert "Fund Person" in names(by_kind)
    assert names(selectors.person_search(user=caseworker, q="ledige")) == ["Karin Ekspert"]


def test_person_search_leaves_out_deactivated_and_unapproved_people(fund, caseworker):
    make_user(organisation=fund, full_name="Aktiv Kollega")
    make_user(organisation=fund, full_name="Stoppet Kollega", is_active=False)
    User.objects.create_user("ny@3f.example.dk", full_name="Ny Kollega", organisation=fund)
    assert names(selectors.person_search(user=caseworker, q="kollega")) == ["Aktiv Kollega"]


def test_access_person_is_404_for_deactivated_unapproved_and_unknown_people(fund, caseworker):
    stopped = make_user(organisation=fund, is_active=False)
    pending = User.objects.create_user("ny@3f.example.dk", organisation=fund)
    for person_id in [stopped.pk, pending.pk, 999_999]:
        with pytest.raises(Http404):
            selectors.access_person(user=caseworker, person_id=person_id)
    assert selectors.access_person(user=caseworker, person_id=caseworker.pk) == caseworker


def test_recent_answers_leave_out_threads_the_viewer_may_not_read(fund, caseworker):
    person = make_user(organisation=fund, full_name="Jurist Jensen")
    asker = make_user(organisation=fund)
    public = make_thread(author=asker, title="Offentlig tråd", kind=Thread.Kind.QUESTION)
    accepted = make_reply(thread=public, author=person)
    Thread.objects.filter(pk=public.pk).update(accepted_answer=accepted, accepted_at=timezone.now())
    private = make_network(name="Lukket netværk", is_open=False, members=[person])
    make_reply(
        thread=make_thread(author=person, title="Lukket tråd", network=private), author=person
    )
    make_reply(thread=make_thread(author=asker, title="Skjult tråd", is_hidden=True), author=person)
    hidden_reply = make_reply(thread=public, author=person)
    hidden_reply.is_hidden = True
    hidden_reply.save(update_fields=["is_hidden"])

    answers = selectors.person_recent_answer_list(viewer=caseworker, person=person)
    assert [(post.thread.title, post.is_accepted) for post in answers] == [("Offentlig tråd", True)]
    members_view = selectors.person_recent_answer_list(viewer=person, person=person)
    assert {post.thread.title for post in members_view} == {"Offentlig tråd", "Lukket tråd"}


def test_recent_answers_leave_out_opening_posts(fund, caseworker):
    person = make_user(organisation=fund)
    make_thread(author=person)
    assert selectors.person_recent_answer_list(viewer=caseworker, person=person) == []


def test_person_guides_are_the_published_ones_they_own(fund, caseworker):
    person = make_user(organisation=fund)
    topic = TopicFactory()
    for title, published in [("Rådighed", True), ("Kladde", False)]:
        Guide.objects.create(
            title=title,
            slug=title.lower(),
            topic=topic,
            body="Tekst",
            owner=person,
            review_by=timezone.localdate(),
            is_published=published,
        )
    assert [guide.title for guide in selectors.person_guide_list(person=person)] == ["Rådighed"]


def test_person_networks_are_the_open_ones_and_those_the_viewer_shares(fund, caseworker):
    person = make_user(organisation=fund)
    make_network(name="Åbent netværk", members=[person])
    make_network(name="Fælles lukket", is_open=False, members=[person, caseworker])
    make_network(name="Andres lukkede", is_open=False, members=[person])
    make_network(name="Uden personen", members=[caseworker])
    networks = selectors.person_network_list(viewer=caseworker, person=person)
    assert {network.name for network in networks} == {"Fælles lukket", "Åbent netværk"}


# --- Competencies through the Danish analysis (issue 14, "Finding people") --------------------


@pytest.fixture
def experts(fund, jobcenter):
    """Colleagues with expertise, and some without, to tell them apart."""
    sygedagpenge = TopicFactory(name="Sygedagpenge")
    fleksjob = TopicFactory(name="Fleksjob og ledighedsydelse")
    dagpenge = TopicFactory(name="Dagpenge")
    people = {
        "syg": make_user(organisation=jobcenter, full_name="Sara Syg", title="Sagsbehandler"),
        "fleks": make_user(organisation=fund, full_name="Frede Fleks", title="Rådgiver"),
        "both": make_user(organisation=fund, full_name="Bo Begge", title="Konsulent"),
        "dag": make_user(organisation=fund, full_name="Dorte Dag", title="Konsulent"),
        "none": make_user(organisation=jobcenter, full_name="Niels Ingen", title="Leder"),
    }
    people["syg"].expertise.add(sygedagpenge)
    people["fleks"].expertise.add(fleksjob)
    people["both"].expertise.add(sygedagpenge, fleksjob)
    people["dag"].expertise.add(dagpenge)
    return people


@pytest.mark.parametrize(
    "query",
    ["sygedagpenge", "Sygedagpenge", "sygedagpengene", "SYGEDAGPENGENES", "sygedagpengenes"],
)
def test_person_search_finds_the_experts_in_sygedagpenge_in_any_inflection(
    experts, caseworker, query
):
    assert names(selectors.person_search(user=caseworker, q=query)) == ["Bo Begge", "Sara Syg"]


@pytest.mark.parametrize("query", ["fleksjob", "fleksjobbet", "fleksjobbene", "ledighedsydelsen"])
def test_person_search_finds_the_experts_in_fleksjob_in_any_inflection(experts, caseworker, query):
    assert names(selectors.person_search(user=caseworker, q=query)) == ["Bo Begge", "Frede Fleks"]


def test_person_search_needs_every_word_across_name_and_expertise(experts, caseworker):
    assert names(selectors.person_search(user=caseworker, q="fleksjobbet sygedagpengene")) == [
        "Bo Begge"
    ]
    assert names(selectors.person_search(user=caseworker, q="frede fleksjob")) == ["Frede Fleks"]
    assert names(selectors.person_search(user=caseworker, q="sara fleksjob")) == []
    # A stop word does not narrow the search: the topic's own name finds its experts.
    assert names(selectors.person_search(user=caseworker, q="fleksjob og ledighedsydelse")) == [
        "Bo Begge",
        "Frede Fleks",
    ]


def test_person_search_by_expertise_leaves_out_people_the_directory_does_not_show(
    experts, fund, caseworker
):
    topic = experts["syg"].expertise.get()
    make_user(organisation=fund, full_name="Deaktiveret Ekspert", is_active=False).expertise.add(
        topic
    )
    make_user(organisation=fund, full_name="Ny Ekspert", approved_at=None).expertise.add(topic)
    assert names(selectors.person_search(user=caseworker, q="sygedagpengene")) == [
        "Bo Begge",
        "Sara Syg",
    ]


def test_person_search_ranks_a_word_in_the_name_or_expertise_above_the_title(
    fund, jobcenter, caseworker
):
    make_user(organisation=fund, full_name="Anne Andersen", title="Specialist i sygedagpenge")
    expert = make_user(organisation=fund, full_name="Peter Petersen", title="Konsulent")
    expert.expertise.add(TopicFactory(name="Sygedagpenge"))
    assert names(selectors.person_search(user=caseworker, q="sygedagpenge")) == [
        "Peter Petersen",
        "Anne Andersen",
    ]
    # A title that is the word ranks above a compound that only shares a part with it.
    make_user(organisation=jobcenter, full_name="Aage Andersen", title="Leder")
    ledig = make_user(organisation=fund, full_name="Birthe Berg")
    ledig.expertise.add(TopicFactory(name="Ledighedsydelse"))
    found = names(selectors.person_search(user=caseworker, q="leder"))
    assert found == ["Aage Andersen", "Birthe Berg"]


def test_person_search_still_finds_names_titles_and_organisations_by_their_start(
    experts, caseworker
):
    assert names(selectors.person_search(user=caseworker, q="fre")) == ["Frede Fleks"]
    assert names(selectors.person_search(user=caseworker, q="radgiver")) == ["Frede Fleks"]
    assert names(selectors.person_search(user=caseworker, q="rådgiveren")) == ["Frede Fleks"]
    assert names(selectors.person_search(user=caseworker, q="jobcenter sagsbehandler")) == [
        "Sara Syg"
    ]
    assert names(selectors.person_search(user=caseworker, q="kbh")) == []


def test_person_search_by_expertise_combines_with_the_filters(experts, fund, caseworker):
    found = selectors.person_search(
        user=caseworker, q="sygedagpenge", organisation_kind=OrganisationKind.JOBCENTER
    )
    assert names(found) == ["Sara Syg"]
    assert names(selectors.person_search(user=caseworker, q="fleksjob", organisation=fund)) == [
        "Bo Begge",
        "Frede Fleks",
    ]


def test_person_search_with_a_topic_filter_still_searches_all_their_topics(experts, caseworker):
    sygedagpenge = experts["syg"].expertise.get()
    found = selectors.person_search(user=caseworker, q="fleksjobbet", topic=sygedagpenge)
    assert names(found) == ["Bo Begge"]
