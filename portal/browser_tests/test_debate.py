"""The debate in a real browser: a question asked, answered and accepted, every page axe-clean."""

import re

import pytest

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum.models import Thread
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


def wait_for_thread_page(page):
    """The thread's address, with or without the #post-<id> anchor of a new or changed post."""
    page.wait_for_url(re.compile(r".*/debat/traad/\d+/(#post-\d+)?$"))


def sign_out(page):
    page.context.clear_cookies()


def test_a_question_is_asked_answered_and_accepted(page, fund, other_fund, password):
    TopicFactory(slug="dagpenge", name="Dagpenge")
    asker = make_user(organisation=fund, email="spoerger@3f.example.dk", full_name="Sofie Spørger")
    answerer = make_user(
        organisation=other_fund, email="svarer@foa.example.dk", full_name="Svend Svarer"
    )

    # The asker asks.
    sign_in_with_password(page, email=asker.email, password=password)
    assert_accessible(page)
    page.goto("/debat/")
    assert_accessible(page)
    # Locators go by address and name, not by text: the Danish catalogue is filled separately.
    page.locator("a[href='/debat/ny/?kind=question']").click()
    page.wait_for_url("**/debat/ny/?kind=question")
    assert_accessible(page)
    page.locator("input[name=title]").fill("Rådighed ved deltidsarbejde")
    page.locator("select[name=topic]").select_option("dagpenge")
    page.locator("textarea[name=body]").fill("Hvordan vurderer I rådighed, @svarer?")
    page.locator("form:has(textarea[name=body]) button[type=submit]").click()
    wait_for_thread_page(page)
    assert_accessible(page)
    thread = Thread.objects.get()
    assert thread.is_question

    # The asker corrects the question: the edit page is axe-clean too.
    page.locator(f"#post-{thread.posts.get().pk} a[href$='/rediger/']").click()
    page.wait_for_url("**/rediger/")
    assert_accessible(page)
    page.locator("textarea[name=body]").fill("Hvordan vurderer I rådighed ved deltid, @svarer?")
    page.locator("form:has(textarea[name=body]) button[type=submit]").click()
    wait_for_thread_page(page)
    assert_accessible(page)
    sign_out(page)

    # Another person answers.
    sign_in_with_password(page, email=answerer.email, password=password)
    assert_accessible(page)
    page.goto(f"/debat/traad/{thread.pk}/")
    assert_accessible(page)
    page.locator("textarea[name=body]").fill("Vi ser på timetallet i de seneste 13 uger.")
    page.locator("form:has(textarea[name=body]) button[type=submit]").click()
    wait_for_thread_page(page)
    assert_accessible(page)
    sign_out(page)

    # The asker accepts the answer.
    sign_in_with_password(page, email=asker.email, password=password)
    assert_accessible(page)
    page.goto(f"/debat/traad/{thread.pk}/")
    assert_accessible(page)
    page.locator("form[action$='/accepter/'] button").click()
    wait_for_thread_page(page)
    assert_accessible(page)
    thread.refresh_from_db()
    assert thread.accepted_answer.author == answerer
    assert page.locator(".forum-post-accepted").count() == 1

    # And anyone finds it again by search, from an inflected part of a compound word.
    page.goto("/soeg/")
    page.get_by_role("searchbox").fill("deltidsarbejdet")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url("**/soeg/?*")
    assert_accessible(page)
    assert page.locator(f"a[href^='/debat/traad/{thread.pk}/']").count() >= 1


def test_every_debate_page_an_editor_reaches_is_accessible(page, fund, other_fund, password):
    from portal.forum import services
    from portal.forum.models import Post

    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    editor = make_user(
        organisation=fund,
        roles=["caseworker", "editor"],
        email="redaktoer@3f.example.dk",
        full_name="Rikke Redaktør",
    )
    jurist = make_user(organisation=other_fund, roles=["jurist"], email="jurist@foa.example.dk")
    network = services.network_create(by=editor, name="Ledighed", slug="ledighed", is_open=False)
    thread = services.thread_create(
        author=editor,
        topic=topic,
        kind="question",
        network=network,
        title="Et spørgsmål i netværket",
        body="Hvad siger **loven**?\n\n> Et citat",
    )
    services.thread_create(author=jurist, topic=topic, kind="question", title="Ubesvaret", body="?")
    services.network_member_add(network=network, user=jurist, by=editor)
    answer = services.reply_create(author=jurist, thread=thread, body="Se § 12.")
    services.answer_accept(thread=thread, post=answer, by=editor)
    Post.objects.filter(pk=answer.pk).update(needs_review=True, review_reason="§ 12 er ændret.")
    hidden = services.reply_create(author=jurist, thread=thread, body="Skjult svar")
    services.post_hide(post=hidden, by=editor)
    services.post_edit(post=answer, editor=jurist, body="Se § 12, stk. 2.")
    services.report_create(post=hidden, reporter=editor, reason="Uden for emnet")

    sign_in_with_password(page, email=editor.email, password=password)
    assert_accessible(page)
    for path in (
        "/debat/",
        "/debat/?topic=dagpenge&kind=question&unanswered=on",
        f"/debat/traad/{thread.pk}/",
        f"/debat/traad/{thread.pk}/?citer={answer.pk}",
        f"/debat/traad/{thread.pk}/flyt/",
        f"/debat/traad/{thread.pk}/sammenlaeg/",
        f"/debat/indlaeg/{answer.pk}/historik/",
        f"/debat/indlaeg/{answer.pk}/anmeld/",
        f"/debat/indlaeg/{answer.pk}/rediger/",
        "/debat/ubesvarede/",
        "/debat/emner/",
        "/debat/emner/dagpenge/",
        "/debat/emner/nyt/",
        "/debat/emner/dagpenge/rediger/",
        "/debat/netvaerk/",
        "/debat/netvaerk/nyt/",
        "/debat/netvaerk/ledighed/",
        "/debat/netvaerk/ledighed/rediger/",
        "/debat/moderation/",
    ):
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        assert_accessible(page)


def test_a_long_thread_in_pages_and_an_old_link_to_a_post_on_a_later_page(
    page, fund, password, settings
):
    """Page 2 is axe-clean; a link made before threads had pages (`#post-<id>` on the thread's
    address) is sent on by forum/post_link.js to the page holding the post."""
    from portal.forum import services

    settings.PORTAL_THREAD_PAGE_SIZE = 3
    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    reader = make_user(organisation=fund, email="laeser@3f.example.dk", full_name="Lise Læser")
    writer = make_user(organisation=fund, email="skriver@3f.example.dk", full_name="Sam Skriver")
    thread = services.thread_create(
        author=writer, topic=topic, title="En lang tråd", body="Første indlæg"
    )
    replies = [
        services.reply_create(author=writer, thread=thread, body=f"Svar {n}") for n in range(7)
    ]

    sign_in_with_password(page, email=reader.email, password=password)
    assert_accessible(page)
    page.goto(f"/debat/traad/{thread.pk}/?page=2")
    assert page.locator("nav.pagination").count() == 1
    assert page.locator("article.forum-post").count() == 3
    assert_accessible(page)

    last = replies[-1]
    page.goto(f"/debat/traad/{thread.pk}/#post-{last.pk}")
    page.wait_for_url(re.compile(rf".*/debat/traad/{thread.pk}/\?page=3#post-{last.pk}$"))
    assert page.locator(f"#post-{last.pk}").count() == 1
    assert_accessible(page)
