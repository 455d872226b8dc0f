from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.core.models import AuditEvent
from portal.core.tests.factories import TopicFactory
from portal.forum.models import Post, Thread
from portal.guides.models import Guide
from portal.guides.services import law_reference_mark_changed

from .factories import accept_answer, make_guide, make_question, make_reply

pytestmark = pytest.mark.django_db

GUIDE_LIST = reverse("guides:guide_list")
LAW_LIST = reverse("guides:law_list")
REVIEW_LIST = reverse("guides:review_list")
CPR_TEXT = "Borgeren med CPR 010190-1234 har spurgt."


def _form_data(topic, owner, **changes):
    return {
        "title": "Sådan bevilges løntilskud",
        "topic": topic.pk,
        "summary": "Kort om løntilskud",
        "body": "Efter LAB § 51 kan ...",
        "law_references_text": "LAB § 51",
        "owner": owner.pk,
        "review_by": (timezone.localdate() + timedelta(days=200)).isoformat(),
        "is_published": "on",
        **changes,
    }


def test_everyone_signed_in_reads_the_guide_list_grouped_by_topic(client_for, caseworker, editor):
    topic = TopicFactory(name="Løntilskud")
    guide = make_guide(by=editor, topic=topic)
    draft = make_guide(by=editor, topic=topic, title="Kladde", is_published=False)

    response = client_for(caseworker).get(GUIDE_LIST)

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [guide]
    assert draft.get_absolute_url() not in response.content.decode()


def test_editors_see_drafts_in_the_list(client_for, editor):
    draft = make_guide(by=editor, title="Kladde", is_published=False)
    assert list(client_for(editor).get(GUIDE_LIST).context["page_obj"]) == [draft]


def test_the_list_filters_stale_guides_and_tags_them(client_for, caseworker, editor):
    fresh = make_guide(by=editor, title="Frisk")
    stale = make_guide(by=editor, title="Forældet")
    flagged = make_guide(by=editor, title="Markeret")
    Guide.objects.filter(pk=stale.pk).update(review_by=date(2020, 1, 1))
    Guide.objects.filter(pk=flagged.pk).update(needs_review=True)
    client = client_for(caseworker)

    response = client.get(GUIDE_LIST, {"stale": "on"})

    assert {guide.pk for guide in response.context["page_obj"]} == {stale.pk, flagged.pk}
    assert response.content.decode().count('data-guide-state="needs_review"') == 2
    assert fresh.pk in {guide.pk for guide in client.get(GUIDE_LIST).context["page_obj"]}


def test_the_list_filters_by_topic(client_for, caseworker, editor):
    topic = TopicFactory(slug="sygedagpenge", name="Sygedagpenge")
    wanted = make_guide(by=editor, topic=topic)
    make_guide(by=editor, title="Andet emne")
    response = client_for(caseworker).get(GUIDE_LIST, {"topic": "sygedagpenge"})
    assert list(response.context["page_obj"]) == [wanted]


def test_the_guide_list_costs_the_same_number_of_queries_for_more_guides(
    client_for, caseworker, editor, jurist, django_assert_num_queries
):
    client = client_for(caseworker)

    def add_guides(count):
        for n in range(count):
            make_guide(
                by=editor, owner=jurist, title=f"Vejledning {n}", references="LAB § 16, LAS § 7"
            )

    add_guides(2)
    client.get(GUIDE_LIST)
    with django_assert_num_queries(9):
        client.get(GUIDE_LIST)
    add_guides(2)
    with django_assert_num_queries(9):
        response = client.get(GUIDE_LIST)
    assert len(response.context["page_obj"]) == 4


def test_a_stale_guide_shows_a_warning(client_for, caseworker, editor):
    guide = make_guide(by=editor)
    client = client_for(caseworker)
    assert (
        'class="alert alert-warning"' not in client.get(guide.get_absolute_url()).content.decode()
    )

    Guide.objects.filter(pk=guide.pk).update(review_by=date(2020, 1, 1))

    content = client.get(guide.get_absolute_url()).content.decode()
    assert 'class="alert alert-warning"' in content


def test_a_guide_flagged_by_a_law_change_shows_the_reason(client_for, caseworker, editor):
    guide = make_guide(by=editor, references="LAB § 16")
    law_reference_mark_changed(law="LAB", paragraph="16", note="Ny frist", by=editor)
    content = client_for(caseworker).get(guide.get_absolute_url()).content.decode()
    assert 'class="alert alert-warning"' in content
    assert "Ny frist" in content


def test_a_draft_is_not_found_by_caseworkers(client_for, caseworker, editor):
    draft = make_guide(by=editor, is_published=False)
    assert client_for(caseworker).get(draft.get_absolute_url()).status_code == 404


def test_the_guide_page_links_the_source_thread_only_for_those_who_may_read_it(
    client_for, caseworker, colleague, editor, jurist
):
    from portal.hotline.tests.factories import make_private_network

    network = make_private_network(members=[caseworker, editor])
    thread = make_question(author=caseworker, network=network, title="Hemmeligt spørgsmål")
    accept_answer(thread=thread, post=make_reply(thread=thread, author=jurist))
    guide = make_guide(by=editor, source_thread=thread)
    thread_url = reverse("forum:thread_detail", args=[thread.pk])

    assert thread_url in client_for(caseworker).get(guide.get_absolute_url()).content.decode()
    assert thread_url not in client_for(colleague).get(guide.get_absolute_url()).content.decode()


def test_the_guide_page_costs_a_fixed_number_of_queries(
    client_for, caseworker, editor, django_assert_num_queries
):
    guide = make_guide(by=editor, references="LAB § 16, LAS § 7, SDL § 7")
    client = client_for(caseworker)
    client.get(guide.get_absolute_url())
    with django_assert_num_queries(8):
        client.get(guide.get_absolute_url())


# --- Writing -----------------------------------------------------------------------------


def test_caseworkers_and_jurists_may_not_write_guides(client_for, caseworker, jurist):
    for person in (caseworker, jurist):
        assert client_for(person).get(reverse("guides:guide_create")).status_code == 403


def test_an_editor_writes_a_guide(client_for, editor):
    topic = TopicFactory()
    client = client_for(editor)
    assert client.get(reverse("guides:guide_create")).status_code == 200

    response = client.post(reverse("guides:guide_create"), _form_data(topic, editor))

    guide = Guide.objects.get()
    assert response["Location"] == guide.get_absolute_url()
    assert [str(reference) for reference in guide.law_references.all()] == ["LAB § 51"]


def test_a_guide_with_a_cpr_number_is_refused_and_the_text_kept(client_for, editor):
    topic = TopicFactory()
    response = client_for(editor).post(
        reverse("guides:guide_create"), _form_data(topic, editor, body=CPR_TEXT)
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("body", "cpr_number")
    assert "Borgeren med CPR" in response.content.decode()
    assert not Guide.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("law_references_text", "LAB § 51, paragraf seksten"),
        ("review_by", "2020-01-01"),
        ("review_by", "i morgen"),
        ("title", ""),
    ],
)
def test_bad_input_is_refused_with_the_form_kept(client_for, editor, field, value):
    topic = TopicFactory()
    response = client_for(editor).post(
        reverse("guides:guide_create"), _form_data(topic, editor, **{field: value})
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "Efter LAB § 51 kan" in response.content.decode()
    assert not Guide.objects.exists()


def test_a_caseworker_cannot_be_made_owner(client_for, editor, caseworker):
    topic = TopicFactory()
    response = client_for(editor).post(
        reverse("guides:guide_create"), _form_data(topic, caseworker)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["owner"]
    assert not Guide.objects.exists()


def test_an_editor_edits_a_guide(client_for, editor):
    guide = make_guide(by=editor, references="LAB § 16")
    url = reverse("guides:guide_update", args=[guide.slug])
    client = client_for(editor)
    assert client.get(url).context["form"].initial["law_references_text"] == "LAB § 16"

    client.post(url, _form_data(guide.topic, editor, title="Rettet titel"))

    guide.refresh_from_db()
    assert guide.title == "Rettet titel"


def test_the_owner_marks_a_guide_reviewed(client_for, editor, jurist, caseworker):
    guide = make_guide(by=editor, owner=jurist)
    Guide.objects.filter(pk=guide.pk).update(needs_review=True, review_by=date(2020, 1, 1))
    url = reverse("guides:guide_mark_reviewed", args=[guide.slug])
    assert client_for(caseworker).post(url).status_code == 403

    client_for(jurist).post(url, {"review_by": ""})

    guide.refresh_from_db()
    assert not guide.is_stale


def test_a_question_is_turned_into_a_guide_from_its_thread(client_for, caseworker, editor, jurist):
    thread = make_question(author=caseworker, title="Gælder LAB § 16 her?")
    accept_answer(
        thread=thread, post=make_reply(thread=thread, author=jurist, body="Ja, se SDL § 7.")
    )
    url = reverse("guides:guide_from_thread", args=[thread.pk])
    client = client_for(editor)

    form = client.get(url).context["form"]
    assert form.initial["title"] == "Gælder LAB § 16 her?"
    assert "Ja, se SDL § 7." in form.initial["body"]

    data = _form_data(thread.topic, editor, title=form.initial["title"], body=form.initial["body"])
    client.post(url, data)

    assert Guide.objects.get().source_thread == thread


def test_an_unanswered_question_cannot_be_turned_into_a_guide(client_for, caseworker, editor):
    thread = make_question(author=caseworker)
    response = client_for(editor).get(reverse("guides:guide_from_thread", args=[thread.pk]))
    assert response["Location"] == reverse("forum:thread_detail", args=[thread.pk])


# --- Laws and review ---------------------------------------------------------------------


def test_the_law_list_counts_citing_guides_and_accepted_answers(
    client_for, caseworker, editor, jurist
):
    make_guide(by=editor, references="LAB § 16")
    make_guide(by=editor, title="To", body="Efter LAB § 16 ...")
    thread = make_question(author=caseworker)
    accept_answer(thread=thread, post=make_reply(thread=thread, author=jurist, body="LAB § 16"))
    make_reply(thread=thread, author=caseworker, body="Og LAB § 16 igen")

    response = client_for(caseworker).get(LAW_LIST)

    counts = {
        str(ref): (ref.guide_count, ref.answer_count)
        for group in response.context["laws"]
        for ref in group.references
    }
    assert counts["LAB § 16"] == (2, 1)
    assert response.context["form"] is None


def test_the_law_list_names_each_law_in_full_and_links_to_retsinformation(
    client_for, caseworker, editor
):
    make_guide(by=editor, references="LAB § 16, SDL § 7")

    page = client_for(caseworker).get(LAW_LIST).content.decode()

    assert '<h2 id="lov-lab">LAB – lov om en aktiv beskæftigelsesindsats</h2>' in page
    assert "SDL – sygedagpengeloven" in page
    # Each paragraph links to its law on Retsinformation, in the same tab, saying where it goes.
    assert (
        '<a href="https://www.retsinformation.dk/documents?t=lov+om+en+aktiv+besk%C3%A6ftigelsesindsats">'
        "LAB § 16: søg på Retsinformation</a>"
    ) in page
    assert (
        '<a href="https://www.retsinformation.dk/documents?t=sygedagpengeloven">'
        "SDL § 7: søg på Retsinformation</a>"
    ) in page
    assert "target=" not in page.split("<main", 1)[-1]


def test_the_law_list_sorts_paragraphs_as_numbers(client_for, caseworker, editor):
    make_guide(by=editor, references="LAB § 10, LAB § 16 a, LAB § 2, LAB § 16, LAS § 7, LAB")

    response = client_for(caseworker).get(LAW_LIST)

    laws = response.context["laws"]
    assert [group.abbreviation for group in laws] == ["LAB", "LAS"]
    assert [ref.label for ref in laws[0].references] == [
        "LAB",
        "LAB § 2",
        "LAB § 10",
        "LAB § 16",
        "LAB § 16 a",
    ]
    page = response.content.decode()
    positions = [page.index(f'data-reference="LAB § {p}"') for p in ("2", "10", "16", "16 a")]
    assert positions == sorted(positions)


def test_the_law_list_costs_the_same_number_of_queries_for_more_references(
    client_for, caseworker, editor, django_assert_num_queries
):
    make_guide(by=editor, references="LAB § 16")
    client = client_for(caseworker)
    client.get(LAW_LIST)
    with django_assert_num_queries(6):
        client.get(LAW_LIST)
    make_guide(by=editor, title="Flere", references="LAB § 2, LAS § 7, SDL § 7, FVL § 19")
    with django_assert_num_queries(6):
        client.get(LAW_LIST)


def test_an_editor_marks_a_law_changed_from_the_law_list(client_for, editor):
    guide = make_guide(by=editor, references="LAB § 16")
    response = client_for(editor).post(LAW_LIST, {"reference": "LAB § 16", "note": "Ny frist"})
    assert response["Location"] == LAW_LIST
    guide.refresh_from_db()
    assert guide.needs_review


def test_a_jurist_marks_a_law_changed_from_the_law_list(client_for, jurist, editor):
    guide = make_guide(by=editor, references="LAB § 16")
    other = make_guide(by=editor, title="Anden", references="LAB § 17")
    client = client_for(jurist)
    assert client.get(LAW_LIST).context["can_mark"]

    response = client.post(LAW_LIST, {"reference": "LAB § 16", "note": "Ny frist"})

    assert response.status_code == 302
    assert response["Location"] == LAW_LIST
    guide.refresh_from_db()
    other.refresh_from_db()
    assert guide.needs_review and "Ny frist" in guide.review_reason
    assert not other.needs_review
    entry = AuditEvent.objects.get(action=AuditEvent.Action.LAW_MARKED_CHANGED)
    assert (entry.actor, entry.object_label) == (jurist, "LAB § 16")
    changed = {
        ref.label: ref.changed_note
        for group in client.get(LAW_LIST).context["laws"]
        for ref in group.references
    }
    assert changed == {"LAB § 16": "Ny frist", "LAB § 17": ""}


def test_a_caseworker_cannot_mark_a_law_changed(client_for, caseworker, editor):
    guide = make_guide(by=editor, references="LAB § 16")
    response = client_for(caseworker).post(LAW_LIST, {"reference": "LAB", "note": "x"})
    assert response.status_code == 403
    guide.refresh_from_db()
    assert not guide.needs_review
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LAW_MARKED_CHANGED).exists()


@pytest.mark.parametrize("reference", ["XYZ § 3", "LAB § 16, LAS § 7", ""])
def test_an_unreadable_law_is_refused_and_nothing_changes(client_for, editor, reference):
    guide = make_guide(by=editor, references="LAB § 16")
    response = client_for(editor).post(LAW_LIST, {"reference": reference, "note": "Ny frist"})
    assert response.status_code == 200
    assert response.context["form"].errors["reference"]
    assert "Ny frist" in response.content.decode()
    guide.refresh_from_db()
    assert not guide.needs_review


def test_the_review_list_is_for_editors(client_for, caseworker, jurist, editor):
    make_guide(by=editor, references="LAB § 16")
    thread = make_question(author=caseworker)
    answer = make_reply(thread=thread, author=jurist, body="LAB § 16", jurist=True)
    accept_answer(thread=thread, post=answer)
    law_reference_mark_changed(law="LAB", note="x", by=editor)

    assert client_for(caseworker).get(REVIEW_LIST).status_code == 403
    response = client_for(editor).get(REVIEW_LIST)
    assert len(response.context["guides"]) == 1
    assert response.context["answers"] == [answer]

    client_for(editor).post(reverse("guides:answer_mark_reviewed", args=[answer.pk]))
    assert not Post.objects.get(pk=answer.pk).needs_review


# --- The panel beside the thread ---------------------------------------------------------


def _panel(thread, user):
    thread = Thread.objects.get(pk=thread.pk)
    return render_to_string("guides/thread_panel.html", {"thread": thread, "user": user})


def test_the_panel_offers_editors_to_turn_an_answered_question_into_a_guide(
    caseworker, editor, jurist
):
    thread = make_question(author=caseworker)
    link = reverse("guides:guide_from_thread", args=[thread.pk])
    assert link not in _panel(thread, editor)
    accept_answer(thread=thread, post=make_reply(thread=thread, author=jurist))
    assert link in _panel(thread, editor)
    assert link not in _panel(thread, caseworker)


def test_the_panel_lists_the_guides_made_from_the_thread_in_one_query(
    caseworker, editor, jurist, django_assert_num_queries
):
    thread = make_question(author=caseworker)
    accept_answer(thread=thread, post=make_reply(thread=thread, author=jurist))
    guides = [make_guide(by=editor, title=f"G{n}", source_thread=thread) for n in range(3)]
    thread = Thread.objects.get(pk=thread.pk)
    caseworker.role_names  # noqa: B018 (loaded once per request by the page)
    with django_assert_num_queries(1):
        html = render_to_string("guides/thread_panel.html", {"thread": thread, "user": caseworker})
    assert all(guide.get_absolute_url() in html for guide in guides)
