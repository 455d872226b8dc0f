"""Search quality (issue 14, item 5), on SQLite and PostgreSQL: hand-made threads, the order and
the shape of what a caseworker sees. See docs/decisions/0032-search-quality.md."""

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.search.selectors import search

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def titles(user, query):
    return [hit.document.title for hit in search(user=user, query=query).hits]


def test_a_compounds_own_word_ranks_the_thread_that_contains_it_first(
    caseworker, make_thread, make_reply
):
    own = make_thread(
        "Genindtræden i dagpengeretten efter sygdom",
        "Hvornår genindtræder borgeren i dagpengeretten?",
    )
    # Newer, shorter and with more of the shared stem: today's ranking put these first.
    make_thread("Dagpenge", "Dagpenge, dagpenge og dagpengene igen.")
    make_thread("Sygedagpenge", "Sygedagpengene og dagpengene stopper.")
    make_thread("Dagpenge eller sygedagpenge?", "Dagpenge under sygdom.", kind="question")
    found = titles(caseworker, "dagpengeret")
    assert found[0] == own.title
    assert len(found) == 4


def test_a_whole_word_ranks_above_a_compound_that_only_ends_with_it(caseworker, make_thread):
    make_thread("Udbetaling", "Hvornår kommer dagpengene, når man har haft mange ting at se til?")
    make_thread("Sygedagpenge", "Sygedagpenge, sygedagpenge og sygedagpengene.")
    found = titles(caseworker, "dagpenge")
    assert found == ["Udbetaling", "Sygedagpenge"]


def test_a_thread_and_its_answers_come_as_one_result_with_the_best_snippet(
    caseworker, make_thread, make_reply, indexed
):
    thread = make_thread("Spørgsmål om ferie", "Hvad sker der med efterlønnen?", kind="question")
    make_reply(thread, "Jeg tror at efterlønnen stopper.")
    answer = make_reply(thread, "Efterlønnen stopper ved folkepension, efterløn er slut.")
    with indexed():
        thread.accepted_answer = answer
        thread.save(update_fields=["accepted_answer"])
    other = make_thread("Efterløn og job", "Kan man arbejde på efterløn?")
    results = search(user=caseworker, query="efterløn")
    assert results.total == 2
    threads = [hit.document.thread_id for hit in results.hits]
    assert sorted(threads) == sorted([thread.pk, other.pk])
    best = next(hit for hit in results.hits if hit.document.thread_id == thread.pk)
    assert best.document.object_id == answer.pk
    assert "folkepension" in best.snippet_html


def test_snippets_show_text_never_markdown(caseworker, make_thread):
    make_thread(
        "Revalidering i praksis",
        "## Overskrift\n\n> Citat om **revalidering** og `kode`\n\n"
        "- Læs [vejledningen](https://example.dk/vejledning) om _revalidering_.\n",
    )
    (hit,) = search(user=caseworker, query="revalidering").hits
    snippet = str(hit.snippet_html)
    for syntax in ("**", "##", "](", "`", "&gt;", "_revalidering_", "https://"):
        assert syntax not in snippet
    assert "<mark>revalidering</mark>" in snippet
    assert "vejledningen" in snippet and "Citat" in snippet


def test_nothing_found_suggests_the_hotline_colleagues_and_experts(
    caseworker, client_for, make_thread, fund, topic
):
    make_thread("Fleksjob", "Om fleksjob.")
    expert = make_user(organisation=fund, email="ekspert@3f.example.dk", full_name="Eva Ekspert")
    # An expert in "Dagpenge", not (yet) in the index: the directory asks its own tables.
    expert.expertise.add(topic)
    response = client_for(caseworker).get(URL, {"q": "dagpengeret xylofon"})
    content = response.content.decode()
    assert response.context["results"].hits == []
    create = reverse("forum:thread_create")
    assert f"{create}?kind=question&amp;title=dagpengeret%20xylofon" in content
    assert f"{create}?title=dagpengeret%20xylofon" in content
    assert f"{reverse('directory:person_list')}?q=dagpengeret%20xylofon" in content
    response = client_for(caseworker).get(URL, {"q": "dagpengeret"})
    assert response.context["results"].hits == []
    assert [p.pk for p in response.context["experts"]] == [expert.pk]
    assert "Eva Ekspert" in response.content.decode()


def test_the_thread_form_takes_its_title_from_the_link(caseworker, client_for):
    response = client_for(caseworker).get(
        reverse("forum:thread_create"), {"kind": "question", "title": "Dagpengeret"}
    )
    assert 'value="Dagpengeret"' in response.content.decode()
