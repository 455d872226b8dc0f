"""Relevance, filters, permissions and freshness of the index, on SQLite and PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory, TopicFactory
from portal.forum import signals as forum_signals
from portal.forum.models import Network
from portal.guides.models import Guide
from portal.search.backends import PostgresBackend
from portal.search.models import SearchDocument, SearchTerm
from portal.search.selectors import search

pytestmark = pytest.mark.django_db


def found(user, query, **filters):
    return [
        (h.document.kind, h.document.object_id)
        for h in search(user=user, query=query, **filters).hits
    ]


def thread_ids(user, query, **filters):
    return [oid for kind, oid in found(user, query, **filters) if kind == "thread"]


def threads_found(user, query, **filters):
    """The threads of the results: a thread and its replies are one result, shown by the best
    of its documents."""
    return [h.document.thread_id for h in search(user=user, query=query, **filters).hits]


# --- Danish relevance -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Hvornår ophører sygedagpengene?", "sygedagpenge"),
        ("Regler for sygedagpenge", "sygedagpengene"),
        ("Den ledige skal stå til rådighed", "ledig"),
        ("Hjælp til ledige", "lediges"),
    ],
)
def test_inflected_forms_find_each_other(caseworker, make_thread, text, query):
    thread = make_thread("Spørgsmål", text)
    assert thread_ids(caseworker, query) == [thread.pk]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Rådighedsvurderingen blev udskudt", "rådighed"),
        ("Revalideringsforløbet er slut", "revalidering"),
        ("Rådighedsvurderingen blev udskudt", "vurdering"),
        ("Jobafklaringsforløb efter sygedagpengeperioden", "sygedagpenge"),
    ],
)
def test_compound_words_are_found_by_their_parts(caseworker, make_thread, text, query):
    thread = make_thread("Spørgsmål", text)
    make_thread("Noget helt andet", "Om ferie og fridage")
    assert thread_ids(caseworker, query) == [thread.pk]


def test_danish_letters_can_be_typed_as_ae_oe_aa(caseworker, make_thread):
    thread = make_thread("Rådighed og forløb", "Står borgeren til rådighed?")
    assert thread_ids(caseworker, "raadighed") == [thread.pk]
    assert thread_ids(caseworker, "forloeb") == [thread.pk]


def test_small_typos_are_corrected_and_said(caseworker, make_thread):
    thread = make_thread("Sygedagpenge efter 22 uger", "Hvad sker der med sygedagpengene?")
    results = search(user=caseworker, query="sygedagpnge")
    assert [h.document.object_id for h in results.hits] == [thread.pk]
    assert [(c.typed, c.used) for c in results.corrections] == [("sygedagpnge", "sygedagpenge")]


def test_every_word_of_the_query_must_match(caseworker, make_thread):
    both = make_thread("Revalidering og rådighed")
    make_thread("Kun revalidering")
    assert thread_ids(caseworker, "revalidering rådighed") == [both.pk]


def test_a_title_match_ranks_above_a_mention_in_the_text(caseworker, make_thread):
    mention = make_thread(
        "Spørgsmål om en borger",
        "Lang tekst om mange ting, blandt andet fleksjob, ferie, kurser og møder i centret.",
    )
    titled = make_thread("Fleksjob", "Hvordan gør I?")
    assert thread_ids(caseworker, "fleksjob") == [titled.pk, mention.pk]


def test_an_accepted_answer_ranks_above_other_replies(caseworker, make_thread, make_reply, indexed):
    """The thread is one result, shown by its accepted answer."""
    thread = make_thread("Spørgsmål om ferie", kind="question")
    make_reply(thread, "Jeg tror at efterlønnen stopper.")
    answer = make_reply(thread, "Efterlønnen stopper ved folkepension.")
    with indexed():
        thread.accepted_answer = answer
        thread.save(update_fields=["accepted_answer"])
    assert found(caseworker, "efterløn") == [("post", answer.pk)]
    document = SearchDocument.objects.get(kind="post", object_id=answer.pk)
    assert document.is_accepted_answer


def test_matched_words_are_highlighted_and_the_text_escaped(caseworker, make_thread):
    make_thread("Rådighed <script>", "Vurdering af <b>rådighed</b> i rådighedsvurderingen.")
    (hit,) = search(user=caseworker, query="rådighed").hits
    assert hit.title_html == "<mark>Rådighed</mark> &lt;script&gt;"
    assert "&lt;b&gt;<mark>rådighed</mark>&lt;/b&gt;" in hit.snippet_html
    assert "<mark>rådighedsvurderingen</mark>" in hit.snippet_html


# --- Filters ----------------------------------------------------------------------------------


def test_filters_by_type_topic_organisation_kind_and_date(caseworker, make_thread, make_reply):
    other_topic = TopicFactory(slug="fleksjob", name="Fleksjob")
    jobcenter = OrganisationFactory(
        slug="jc", name="Jobcenter Aarhus", kind=OrganisationKind.JOBCENTER
    )
    jc_worker = make_user(organisation=jobcenter, email="jc@jc.example.dk")
    old = make_thread("Kontanthjælp før", created_at=timezone.now() - datetime.timedelta(days=40))
    new = make_thread("Kontanthjælp nu", topic=other_topic, author=jc_worker)
    reply = make_reply(new, "Kontanthjælp igen")

    assert set(thread_ids(caseworker, "kontanthjælp")) == {old.pk, new.pk}
    assert found(caseworker, "kontanthjælp", kinds=["post"]) == [("post", reply.pk)]
    assert thread_ids(caseworker, "kontanthjælp", topic_id=other_topic.pk) == [new.pk]
    assert thread_ids(caseworker, "kontanthjælp", organisation_kind="jobcenter") == [new.pk]
    since = timezone.localdate() - datetime.timedelta(days=7)
    assert thread_ids(caseworker, "kontanthjælp", date_from=since) == [new.pk]
    assert thread_ids(caseworker, "kontanthjælp", date_to=since) == [old.pk]


# --- Permissions ------------------------------------------------------------------------------


def test_invitation_only_networks_stay_private(
    caseworker, fund, make_thread, make_reply, private_network, member_of
):
    member = make_user(organisation=fund, email="medlem@3f.example.dk")
    member_of(private_network, member)
    secret = make_thread("Fortrolig revalidering", network=private_network, author=member)
    reply = make_reply(secret, "Revalidering i netværket", author=member)
    public = make_thread("Åben revalidering")

    assert set(found(caseworker, "revalidering")) == {("thread", public.pk)}
    assert sorted(threads_found(member, "revalidering")) == sorted([public.pk, secret.pk])
    assert found(member, "revalidering", kinds=["post"]) == [("post", reply.pk)]
    assert found(caseworker, "revalidering", kinds=["post"]) == []


def test_open_networks_are_searchable_by_everyone(caseworker, make_thread, indexed):
    with indexed():
        network = Network.objects.create(slug="aaben", name="Åbent netværk", is_open=True)
    thread = make_thread("Ressourceforløb i netværket", network=network)
    assert thread_ids(caseworker, "ressourceforløb") == [thread.pk]


# --- The index stays current ------------------------------------------------------------------


def test_an_edited_post_is_found_by_its_new_words_only(
    caseworker, make_thread, make_reply, indexed
):
    thread = make_thread("Spørgsmål")
    reply = make_reply(thread, "Om efterløn")
    with indexed():
        reply.body = "Om fleksjob"
        reply.save()
    assert found(caseworker, "efterløn") == []
    assert found(caseworker, "fleksjob") == [("post", reply.pk)]
    assert not SearchTerm.objects.filter(term="efterloen", doc_count__gt=0).exists()


def test_deleted_replies_and_threads_leave_the_index(caseworker, make_thread, make_reply, indexed):
    thread = make_thread("Dagpengeret")
    reply = make_reply(thread, "Dagpengeret efter opsigelse")
    with indexed():
        reply.delete()
    assert found(caseworker, "dagpengeret") == [("thread", thread.pk)]
    with indexed():
        thread.delete()
    assert found(caseworker, "dagpengeret") == []
    assert not SearchDocument.objects.filter(kind__in=["thread", "post"]).exists()


def test_hidden_and_merged_threads_leave_the_index_with_their_replies(
    caseworker, make_thread, make_reply, indexed
):
    hidden = make_thread("Visitation")
    make_reply(hidden, "Visitation igen")
    merged = make_thread("Visitation to")
    survivor = make_thread("Visitation tre")
    with indexed():
        hidden.is_hidden = True
        hidden.save()
        merged.merged_into = survivor
        merged.save()
    assert found(caseworker, "visitation") == [("thread", survivor.pk)]
    with indexed():
        hidden.is_hidden = False
        hidden.save()
    assert sorted(threads_found(caseworker, "visitation")) == sorted([hidden.pk, survivor.pk])
    assert [kind for kind, _ in found(caseworker, "visitation", kinds=["post"])] == ["post"]


def test_a_hidden_reply_leaves_the_index(caseworker, make_thread, make_reply, indexed):
    thread = make_thread("Spørgsmål")
    reply = make_reply(thread, "Løntilskud")
    with indexed():
        reply.is_hidden = True
        reply.save()
    assert found(caseworker, "løntilskud") == []


def test_moderation_reported_by_the_forum_reindexes_the_replies(
    caseworker, make_thread, make_reply, indexed
):
    thread = make_thread("Spørgsmål")
    reply = make_reply(thread, "Løntilskud")
    with indexed():
        type(reply).objects.filter(pk=reply.pk).update(is_hidden=True)
        forum_signals.thread_changed.send(sender=None, thread=thread)
    assert found(caseworker, "løntilskud") == []


def test_a_thread_moved_into_a_private_network_takes_its_replies_along(
    caseworker, make_thread, make_reply, private_network, indexed
):
    other_topic = TopicFactory(slug="sygedagpenge", name="Sygedagpenge")
    thread = make_thread("Mentorordning")
    reply = make_reply(thread, "Mentorordning i praksis")
    with indexed():
        thread.topic = other_topic
        thread.save()
    assert found(caseworker, "mentorordning", topic_id=other_topic.pk, kinds=["post"]) == [
        ("post", reply.pk)
    ]
    with indexed():
        thread.network = private_network
        thread.save()
    assert found(caseworker, "mentorordning") == []


def test_guides_are_found_while_published(caseworker, topic, indexed):
    with indexed():
        guide = Guide.objects.create(
            title="Sådan laver du en rådighedsvurdering",
            slug="raadighedsvurdering",
            topic=topic,
            body="Trin for trin.",
            review_by=timezone.localdate() + datetime.timedelta(days=90),
        )
    assert found(caseworker, "rådighed") == [("guide", guide.pk)]
    with indexed():
        guide.is_published = False
        guide.save()
    assert found(caseworker, "rådighed") == []


def test_people_are_found_by_name_organisation_and_expertise(caseworker, fund, topic, indexed):
    with indexed():
        expert = make_user(
            organisation=fund, email="ekspert@3f.example.dk", full_name="Birgitte Sørensen"
        )
        expert.expertise.add(topic)
    assert ("person", expert.pk) in found(caseworker, "sørensen")
    assert ("person", expert.pk) in found(caseworker, "dagpenge", kinds=["person"])
    with indexed():
        expert.is_active = False
        expert.save()
    assert found(caseworker, "sørensen") == []


@pytest.mark.parametrize("walk_cost", [0.0, 1e9], ids=["walk-created-index", "collect-matches"])
def test_both_ways_of_collecting_candidates_give_the_same_ranked_visible_page(
    caseworker, fund, make_thread, make_reply, private_network, monkeypatch, walk_cost
):
    monkeypatch.setattr(PostgresBackend, "WALK_ROW_COST", walk_cost)
    old = make_thread(
        "Spørgsmål", "Noget om praktik", created_at=timezone.now() - datetime.timedelta(days=9)
    )
    titled = make_thread("Praktik", "Hvordan?")
    make_thread("Praktik i netværket", network=private_network)
    reply = make_reply(old, "Praktik igen")
    results = found(caseworker, "praktik")
    assert results[0] == ("thread", titled.pk)
    assert sorted(threads_found(caseworker, "praktik")) == sorted([titled.pk, old.pk])
    assert len(results) == 2
    assert found(caseworker, "praktik", kinds=["post"]) == [("post", reply.pk)]
    both = make_thread("Praktik og mentor")
    assert found(caseworker, "mentor praktik") == [("thread", both.pk)]
