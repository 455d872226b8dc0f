import pytest
from django.urls import reverse
from django.utils import translation

from portal.conftest import make_user
from portal.forum import list_cache, services
from portal.forum.models import Post, Reaction, Report, Thread, ThreadFollow
from portal.notifications.models import Notification

from .factories import NetworkFactory, add_member, make_question, make_reply, make_thread, text_file

pytestmark = pytest.mark.django_db


def test_the_debate_needs_signing_in(client):
    response = client.get(reverse("forum:thread_list"))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_the_thread_list_shows_visible_threads_with_filters(
    caseworker, colleague, topic, client_for
):
    network = NetworkFactory(is_open=False)
    add_member(network, colleague)
    make_thread(author=colleague, topic=topic, title="Hemmelig tråd", network=network)
    make_question(author=colleague, topic=topic, title="Offentligt spørgsmål")
    client = client_for(caseworker)
    content = client.get(reverse("forum:thread_list")).content.decode()
    assert "Offentligt spørgsmål" in content
    assert "Hemmelig tråd" not in content
    filtered = client.get(reverse("forum:thread_list"), {"kind": "discussion"}).content.decode()
    assert "Offentligt spørgsmål" not in filtered


def test_the_thread_list_answers_htmx_with_the_rows_only(caseworker, topic, client_for):
    make_thread(author=caseworker, topic=topic, title="Række")
    response = client_for(caseworker).get(
        reverse("forum:thread_list"), headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert "Række" in content
    assert "<html" not in content


def test_a_question_is_asked_answered_and_accepted(caseworker, colleague, topic, client_for):
    client = client_for(caseworker)
    response = client.post(
        reverse("forum:thread_create"),
        {"kind": "question", "topic": topic.slug, "title": "Hvordan?", "body": "Spørgsmål"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("forum:thread_detail", args=[thread.pk])
    client = client_for(colleague)
    response = client.post(reverse("forum:reply_create", args=[thread.pk]), {"body": "Sådan"})
    answer = Post.objects.get(is_opening=False)
    assert response["Location"].endswith(f"#post-{answer.pk}")
    client = client_for(caseworker)
    client.post(reverse("forum:answer_accept", args=[answer.pk]))
    thread.refresh_from_db()
    assert thread.accepted_answer == answer
    content = client.get(reverse("forum:thread_detail", args=[thread.pk])).content.decode()
    assert "Accepted answer" in content or "Accepteret svar" in content


def test_the_new_thread_form_takes_its_defaults_from_the_address(
    caseworker, colleague, topic, client_for
):
    response = client_for(caseworker).get(
        reverse("forum:thread_create"),
        {"kind": "question", "topic": topic.slug, "addressed_to": colleague.pk},
    )
    form = response.context["form"]
    assert form.initial["kind"] == "question"
    assert form.initial["topic"] == topic.slug
    assert response.context["addressed_to"] == colleague
    assert "Karen Kollega" in response.content.decode()


def test_the_topic_picker_asks_for_a_topic_in_words(caseworker, topic, client_for):
    page = client_for(caseworker).get(reverse("forum:thread_create")).content.decode()
    assert '<option value="" selected>Vælg et emne</option>' in page
    assert "---------" not in page


def test_posting_in_a_private_network_one_is_not_member_of_is_not_offered(
    caseworker, topic, client_for
):
    network = NetworkFactory(is_open=False)
    response = client_for(caseworker).post(
        reverse("forum:thread_create"),
        {
            "kind": "discussion",
            "topic": topic.slug,
            "network": network.slug,
            "title": "T",
            "body": "B",
        },
    )
    assert response.status_code == 400
    assert not Thread.objects.exists()


def test_the_thread_page_shows_author_organisation_role_and_jurist(
    caseworker, jurist, topic, client_for
):
    thread = make_question(author=caseworker, topic=topic, body="Hjælp")
    make_reply(author=jurist, thread=thread, body="Svar fra juristen")
    content = (
        client_for(caseworker)
        .get(reverse("forum:thread_detail", args=[thread.pk]))
        .content.decode()
    )
    assert reverse("directory:person_detail", args=[jurist.pk]) in content
    assert "3F A-kasse" in content
    assert "Svar fra juristen" in content
    assert "forum-tag-jurist" in content


def test_a_private_thread_is_not_found_for_non_members(caseworker, colleague, topic, client_for):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    thread = make_thread(author=caseworker, topic=topic, network=network)
    client = client_for(colleague)
    assert client.get(reverse("forum:thread_detail", args=[thread.pk])).status_code == 404
    response = client.post(reverse("forum:reply_create", args=[thread.pk]), {"body": "Ind"})
    assert response.status_code == 404
    assert client.get(reverse("forum:network_detail", args=[network.slug])).status_code == 200


def test_a_merged_threads_address_leads_to_the_target(caseworker, editor, topic, client_for):
    source = make_thread(author=caseworker, topic=topic)
    target = make_thread(author=caseworker, topic=topic)
    services.thread_merge(source=source, target=target, by=editor)
    response = client_for(caseworker).get(reverse("forum:thread_detail", args=[source.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("forum:thread_detail", args=[target.pk])


def test_quote_prefills_the_reply(caseworker, colleague, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic, body="Linje et\nLinje to")
    opening = thread.posts.get()
    response = client_for(colleague).get(
        reverse("forum:thread_detail", args=[thread.pk]), {"citer": opening.pk}
    )
    form = response.context["reply_form"]
    assert "> Linje et\n> Linje to" in form.initial["body"]
    assert form.initial["quoted_post"] == opening.pk


def test_reply_with_an_attachment(caseworker, colleague, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    client_for(colleague).post(
        reverse("forum:reply_create", args=[thread.pk]),
        {
            "body": "Se bilag",
            "attachments": [text_file("Bilag 1", "a.txt"), text_file("Bilag 2", "b.txt")],
        },
    )
    reply = Post.objects.get(is_opening=False)
    assert sorted(reply.attachments.values_list("original_name", flat=True)) == ["a.txt", "b.txt"]


def test_a_wrong_attachment_is_explained_and_the_draft_kept(caseworker, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(caseworker).post(
        reverse("forum:reply_create", args=[thread.pk]),
        {"body": "Mit udkast", "attachments": [SimpleUploadedFile("x.exe", b"MZ\x90\x00\x03")]},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "x.exe" in content
    assert "Mit udkast" in content


def test_closed_threads_refuse_replies_in_the_browser(caseworker, editor, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    services.thread_close(thread=thread, by=editor)
    response = client_for(caseworker).post(
        reverse("forum:reply_create", args=[thread.pk]), {"body": "Sent"}
    )
    assert response.status_code == 400
    assert Post.objects.count() == 1


def test_the_edit_page_shows_the_history(caseworker, topic, client_for):
    post = make_thread(author=caseworker, topic=topic, body="Gammel tekst").posts.get()
    client = client_for(caseworker)
    response = client.post(
        reverse("forum:post_edit", args=[post.pk]), {"title": "Ny titel", "body": "Ny tekst"}
    )
    assert response.status_code == 302
    content = client.get(reverse("forum:post_edit", args=[post.pk])).content.decode()
    assert "Gammel tekst" in content
    history = client.get(reverse("forum:post_history", args=[post.pk])).content.decode()
    assert "Gammel tekst" in history and "Ny tekst" in history


def test_others_cannot_open_the_edit_page(caseworker, colleague, topic, client_for):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    assert client_for(colleague).get(reverse("forum:post_edit", args=[post.pk])).status_code == 403


def test_reactions_follow_and_report(caseworker, colleague, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    post = thread.posts.get()
    client = client_for(colleague)
    client.post(reverse("forum:post_react", args=[post.pk]), {"kind": "thanks"})
    assert Reaction.objects.filter(post=post, user=colleague, kind="thanks").exists()
    client.post(reverse("forum:thread_follow", args=[thread.pk]), {"follow": "1"})
    assert ThreadFollow.objects.filter(user=colleague, thread=thread).exists()
    client.post(reverse("forum:thread_follow", args=[thread.pk]), {"follow": "0"})
    assert not ThreadFollow.objects.filter(user=colleague, thread=thread).exists()
    client.post(reverse("forum:post_report", args=[post.pk]), {"reason": "Upassende"})
    assert Report.objects.get().reporter == colleague


def test_state_changes_need_post(caseworker, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    client = client_for(caseworker)
    assert client.get(reverse("forum:thread_follow", args=[thread.pk])).status_code == 405
    assert (
        client.get(reverse("forum:thread_moderate", args=[thread.pk, "close"])).status_code == 405
    )


def test_editors_moderate_from_the_thread_page(caseworker, editor, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    client = client_for(caseworker)
    assert (
        client.post(reverse("forum:thread_moderate", args=[thread.pk, "close"])).status_code == 403
    )
    client = client_for(editor)
    for action in ("close", "pin", "hide"):
        client.post(reverse("forum:thread_moderate", args=[thread.pk, action]))
    thread.refresh_from_db()
    assert thread.is_closed and thread.is_pinned and thread.is_hidden
    post = thread.posts.get()
    client.post(reverse("forum:post_moderate", args=[post.pk, "hide"]))
    assert Post.objects.get(pk=post.pk).is_hidden


def test_editors_move_and_merge(caseworker, editor, topic, client_for):
    from portal.core.tests.factories import TopicFactory

    other = TopicFactory()
    thread = make_thread(author=caseworker, topic=topic)
    target = make_thread(author=caseworker, topic=topic)
    client = client_for(editor)
    assert client.get(reverse("forum:thread_move", args=[thread.pk])).status_code == 200
    client.post(
        reverse("forum:thread_move", args=[thread.pk]), {"topic": other.slug, "network": ""}
    )
    thread.refresh_from_db()
    assert thread.topic == other
    response = client.post(reverse("forum:thread_merge", args=[thread.pk]), {"target": 999999})
    assert response.status_code == 400
    response = client.post(reverse("forum:thread_merge", args=[thread.pk]), {"target": target.pk})
    assert response["Location"] == reverse("forum:thread_detail", args=[target.pk])


def test_a_hidden_post_shows_a_notice_to_readers(caseworker, colleague, editor, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    reply = make_reply(author=colleague, thread=thread, body="Fjernes snart")
    services.post_hide(post=reply, by=editor)
    content = (
        client_for(caseworker)
        .get(reverse("forum:thread_detail", args=[thread.pk]))
        .content.decode()
    )
    assert "Fjernes snart" not in content
    content = (
        client_for(editor).get(reverse("forum:thread_detail", args=[thread.pk])).content.decode()
    )
    assert "Fjernes snart" in content


def test_a_post_needing_review_says_so(caseworker, colleague, topic, client_for):
    thread = make_question(author=caseworker, topic=topic)
    reply = make_reply(author=colleague, thread=thread)
    Post.objects.filter(pk=reply.pk).update(needs_review=True, review_reason="§ 12 er ændret.")
    content = (
        client_for(caseworker)
        .get(reverse("forum:thread_detail", args=[thread.pk]))
        .content.decode()
    )
    assert "§ 12 er ændret." in content


def test_topic_pages_follow_and_management(caseworker, editor, topic, client_for):
    make_thread(author=caseworker, topic=topic, title="Om dagpenge")
    client = client_for(caseworker)
    assert "Dagpenge" in client.get(reverse("forum:topic_list")).content.decode()
    assert (
        "Om dagpenge"
        in client.get(reverse("forum:topic_detail", args=[topic.slug])).content.decode()
    )
    client.post(reverse("forum:topic_follow", args=[topic.slug]), {"follow": "1"})
    assert caseworker.topic_follows.filter(topic=topic).exists()
    assert client.get(reverse("forum:topic_create")).status_code == 403
    client = client_for(editor)
    response = client.post(
        reverse("forum:topic_create"), {"name": "Sygedagpenge", "description": ""}
    )
    assert response["Location"] == reverse("forum:topic_detail", args=["sygedagpenge"])
    response = client.post(reverse("forum:topic_create"), {"name": "Sygedagpenge 010190-1234"})
    assert response.status_code == 400


def test_unanswered_questions_page(caseworker, topic, client_for):
    make_question(author=caseworker, topic=topic, title="Hvem ved det?")
    content = client_for(caseworker).get(reverse("forum:unanswered_list")).content.decode()
    assert "Hvem ved det?" in content


def test_networks_join_leave_and_members(caseworker, colleague, editor, client_for):
    open_network = NetworkFactory(name="Åbent netværk")
    client = client_for(caseworker)
    assert "Åbent netværk" in client.get(reverse("forum:network_list")).content.decode()
    client.post(reverse("forum:network_join", args=[open_network.slug]))
    assert open_network.members.filter(pk=caseworker.pk).exists()
    client.post(reverse("forum:network_leave", args=[open_network.slug]))
    assert not open_network.members.filter(pk=caseworker.pk).exists()
    client = client_for(editor)
    client.post(
        reverse("forum:network_create"), {"name": "Lukket", "description": "", "is_open": ""}
    )
    network = open_network.__class__.objects.get(name="Lukket")
    assert not network.is_open
    response = client.post(
        reverse("forum:network_member_add", args=[network.slug]), {"email": "ukendt@x.dk"}
    )
    assert response.status_code == 400
    client.post(
        reverse("forum:network_member_add", args=[network.slug]), {"email": colleague.email}
    )
    assert network.members.filter(pk=colleague.pk).exists()
    assert Notification.objects.filter(recipient=colleague, kind="network_added").exists()
    client.post(reverse("forum:network_member_remove", args=[network.slug, colleague.pk]))
    assert not network.members.filter(pk=colleague.pk).exists()


def test_a_private_networks_threads_are_hidden_on_its_page(
    caseworker, colleague, topic, client_for
):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    make_thread(author=caseworker, topic=topic, network=network, title="Kun for medlemmer")
    content = (
        client_for(colleague)
        .get(reverse("forum:network_detail", args=[network.slug]))
        .content.decode()
    )
    assert "Kun for medlemmer" not in content
    content = (
        client_for(caseworker)
        .get(reverse("forum:network_detail", args=[network.slug]))
        .content.decode()
    )
    assert "Kun for medlemmer" in content


def test_the_reports_queue_is_for_editors(caseworker, colleague, editor, topic, client_for):
    post = make_thread(author=caseworker, topic=topic, title="Anmeldt").posts.get()
    report = services.report_create(post=post, reporter=colleague, reason="Se her")
    assert client_for(caseworker).get(reverse("forum:report_list")).status_code == 403
    client = client_for(editor)
    assert "Se her" in client.get(reverse("forum:report_list")).content.decode()
    client.post(reverse("forum:report_resolve", args=[report.pk]), {"resolution": "Skjult"})
    report.refresh_from_db()
    assert report.resolved_by == editor


# --- Query counts ------------------------------------------------------------------------


def _fill_threads(n, *, topic, fund, network):
    for i in range(n):
        author = make_user(organisation=fund)
        make_thread(
            author=author, topic=topic, title=f"Tråd {i}", network=network if i % 2 else None
        )


def test_the_thread_list_costs_the_same_for_n_and_2n_threads(
    caseworker, topic, fund, client_for, django_assert_num_queries
):
    network = NetworkFactory()
    client = client_for(caseworker)
    url = reverse("forum:thread_list")
    client.get(url)
    _fill_threads(3, topic=topic, fund=fund, network=network)
    with django_assert_num_queries(THREAD_LIST_QUERIES):
        client.get(url)
    _fill_threads(3, topic=topic, fund=fund, network=network)
    with django_assert_num_queries(THREAD_LIST_QUERIES):
        client.get(url)


def _fill_replies(n, *, thread, fund, reactor):
    for i in range(n):
        author = make_user(organisation=fund, roles=["caseworker", "jurist"])
        reply = make_reply(
            author=author,
            thread=thread,
            body=f"Svar {i} til @sagsbehandler",
            attachments=[text_file("x")],
        )
        services.reaction_toggle(post=reply, user=reactor, kind="thanks")
        services.post_edit(post=reply, editor=author, body=f"Rettet svar {i}")


def test_the_thread_page_costs_the_same_for_10_and_100_posts(
    caseworker, colleague, topic, fund, client_for, django_assert_num_queries, settings
):
    thread = make_question(author=caseworker, topic=topic)
    client = client_for(caseworker)
    url = reverse("forum:thread_detail", args=[thread.pk])
    client.get(url)
    _fill_replies(9, thread=thread, fund=fund, reactor=colleague)
    with django_assert_num_queries(THREAD_PAGE_QUERIES):
        client.get(url)
    others = [make_user(organisation=fund) for _ in range(3)]
    for i in range(90):
        make_reply(author=others[i % 3], thread=thread, body=f"Svar {i}")
    assert thread.posts.count() == 100
    with django_assert_num_queries(THREAD_PAGE_QUERIES):
        client.get(url)
    with django_assert_num_queries(THREAD_PAGE_QUERIES):
        client.get(url, {"page": 4})
    settings.PORTAL_THREAD_PAGE_SIZE = 1000
    with django_assert_num_queries(THREAD_PAGE_QUERIES):
        assert client.get(url).content.decode().count('<article id="post-') == 100


# Uncached: session, user, roles, organisation, bell, reader's private networks, count, threads,
# topics and networks of the filter form, the reader's visit and their read marks.
THREAD_LIST_QUERIES = 12
# The thread page also counts the read (one UPDATE of today's counter, portal.insights) and
# remembers how far the reader has read (one UPDATE); its posts are the ids and authors of the
# thread's posts in page order, then the page's posts, their authors' roles, their attachments
# and their reactions (counts and the reader's own in one query). The thread is read twice:
# alone for the access check (all a page kept whole needs), then with what the page shows
# beside the posts (decision 0052). What a page kept whole needs of the reader (their
# reactions to the thread, following it) and the side panels (the hotline's case, the guides)
# are queries of their own, each kept in the cache in production (decision 0053).
THREAD_PAGE_QUERIES = 18


def test_a_reaction_by_htmx_answers_with_the_buttons_only(caseworker, colleague, topic, client_for):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    response = client_for(colleague).post(
        reverse("forum:post_react", args=[post.pk]),
        {"kind": "useful"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert 'value="useful"' in content and 'aria-pressed="true"' in content
    assert "(1)" in content


def test_the_unfiltered_thread_list_is_served_from_the_cache_until_the_debate_changes(
    caseworker, colleague, topic, client_for, django_assert_max_num_queries
):
    make_thread(author=colleague, topic=topic, title="Første tråd")
    client = client_for(caseworker)
    url = reverse("forum:thread_list")
    assert "Første tråd" in client.get(url).content.decode()
    # Cached: the base page, the reader's networks and the cache; no thread is read.
    with django_assert_max_num_queries(THREAD_LIST_QUERIES - 3):
        assert "Første tråd" in client.get(url).content.decode()
    make_thread(author=colleague, topic=topic, title="Anden tråd")
    assert "Anden tråd" in client.get(url).content.decode()


def test_readers_of_a_private_network_never_share_a_cached_list_with_outsiders(
    caseworker, colleague, topic, client_for
):
    network = NetworkFactory(is_open=False)
    add_member(network, colleague)
    make_thread(author=colleague, topic=topic, title="Kun for netværket", network=network)
    url = reverse("forum:thread_list")
    assert "Kun for netværket" in client_for(colleague).get(url).content.decode()
    assert "Kun for netværket" not in client_for(caseworker).get(url).content.decode()


def test_the_thread_list_cache_holds_threads_and_choices_not_markup(
    caseworker, colleague, topic, client_for
):
    make_thread(author=colleague, topic=topic, title="Første tråd")
    response = client_for(caseworker).get(reverse("forum:thread_list"))
    with translation.override(response.headers["Content-Language"]):
        data, _keys, _version = list_cache.cached_parts(
            user=caseworker, page="1", parts=("rows", "filter")
        )
    assert [thread.title for thread in data["rows"]["threads"]] == ["Første tråd"]
    assert (topic.slug, topic.name) in data["filter"]["topic"]
