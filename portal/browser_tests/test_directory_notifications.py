"""Finding a colleague and reading the bell's notifications, as a caseworker does, pass axe-core."""

import pytest

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum.models import Thread
from portal.notifications.models import Notification
from portal.notifications.services import notification_create_many
from portal.notifications.tests.factories import make_reply, make_thread
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


@pytest.fixture
def colleague(fund):
    person = make_user(
        organisation=fund,
        full_name="Søren Ærø-Jørgensen",
        title="Socialrådgiver",
        phone="33 12 34 56",
        email="soeren@3f.example.dk",
    )
    person.expertise.add(TopicFactory(name="Rådighed"))
    make_user(organisation=fund, full_name="Mette Hansen", email="mette@3f.example.dk")
    return person


@pytest.fixture
def answered_question(caseworker, colleague):
    thread = make_thread(author=caseworker, title="Rådighed under ferie", kind=Thread.Kind.QUESTION)
    post = make_reply(thread=thread, author=colleague)
    notification_create_many(
        recipients=[caseworker],
        kind=Notification.Kind.ANSWER,
        actor=colleague,
        thread=thread,
        post=post,
    )
    return thread


def test_a_caseworker_finds_a_colleague_and_reads_the_notification(
    page, caseworker, colleague, answered_question, password
):
    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)

    bell = page.locator("header a.portal-bell")
    assert bell.locator(".badge").inner_text() == "1"
    assert "1" in bell.locator(".sr-only").inner_text()

    page.goto("/kolleger/")
    assert_accessible(page)
    page.locator("input[name=q]").fill("soren jorgensen")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state("load")
    results = page.locator("#person-results .card h3 a")
    assert results.all_inner_texts() == ["Søren Ærø-Jørgensen"]
    assert_accessible(page)

    results.first.click()
    page.wait_for_url(f"**/kolleger/{colleague.pk}/")
    assert page.locator("main h1").inner_text() == "Søren Ærø-Jørgensen"
    assert page.locator("main a[href^='mailto:']").inner_text() == "soeren@3f.example.dk"
    ask = page.locator(f"main a[href*='addressed_to={colleague.pk}']")
    assert ask.count() == 1
    answer = answered_question.posts.last()
    assert page.locator(f"main a[href$='/debat/indlaeg/{answer.pk}/']").count() == 1
    assert_accessible(page)

    bell.click()
    page.wait_for_url("**/notifikationer/")
    item = page.locator(".portal-notification-unread")
    assert "Søren Ærø-Jørgensen" in item.inner_text()
    assert "Rådighed under ferie" in item.inner_text()
    assert_accessible(page)

    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator(".portal-notification-unread").count() == 0
    assert page.locator("header a.portal-bell .badge").count() == 0
    assert_accessible(page)
