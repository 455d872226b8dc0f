"""The personal front page in a real browser: what is new for the person, on a phone too, and
the "N nye" mark gone once the thread is read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.events.tests.factories import EventFactory, RegistrationFactory
from portal.forum import services
from portal.forum.models import DebateVisit
from portal.forum.tests.factories import make_question, make_reply, make_thread
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_the_front_page_shows_what_is_new_and_the_thread_list_agrees(page, fund, password):
    topic = TopicFactory(slug="sygedagpenge", name="Sygedagpenge")
    reader = make_user(organisation=fund, email="laeser@3f.example.dk", full_name="Lise Læser")
    writer = make_user(organisation=fund, email="skriver@3f.example.dk", full_name="Sune Skriver")
    reader.expertise.add(topic)
    thread = make_thread(author=writer, topic=topic, title="Sygedagpenge ved delvis raskmelding")
    services.thread_follow(thread=thread, user=reader)
    services.thread_read_record(
        user=reader, thread=thread, post_ids=list(thread.posts.values_list("pk", flat=True))
    )
    DebateVisit.objects.create(user=reader, last_seen_at=timezone.now() - timedelta(hours=3))
    make_reply(author=writer, thread=thread)
    make_reply(author=writer, thread=thread)
    make_question(author=writer, topic=topic, title="Hvem betaler efter 22 uger?")
    RegistrationFactory(user=reader, event=EventFactory(title="Temamøde om sygedagpenge"))

    sign_in_with_password(page, email=reader.email, password=password)
    page.wait_for_url("**/")
    new_threads = page.locator("[data-block='new-threads']")
    assert new_threads.locator("[data-unread='2']").count() == 1
    assert (
        page.locator("[data-block='expertise-questions']")
        .get_by_text("Hvem betaler efter 22 uger?")
        .is_visible()
    )
    assert page.locator("[data-block='registrations'] [data-state='confirmed']").is_visible()
    assert page.locator("[data-empty='guides-to-review']").is_visible()
    assert_accessible(page)

    # On a phone: every block readable, no sideways scrolling of the page.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert page.locator("[data-block='registrations']").is_visible()
    assert_accessible(page)

    # Reading the thread clears its mark, on the front page and in the thread list.
    new_threads.locator(f"a[href='/debat/traad/{thread.pk}/']").click()
    page.wait_for_url(f"**/debat/traad/{thread.pk}/")
    assert_accessible(page)
    page.goto("/debat/")
    assert page.locator("[data-unread]").count() == 0
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(page)
    page.goto("/")
    assert page.locator("[data-empty='new-threads']").is_visible()
    assert_accessible(page)
