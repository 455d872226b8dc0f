"""The search page as a caseworker uses it: a query, highlighted results, filters, a typo."""

import pytest

from portal.core.tests.factories import TopicFactory
from portal.forum.models import Post, Thread
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


@pytest.fixture
def debate(caseworker):
    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    threads = {}
    for title, body in [
        ("Rådighedsvurderingen efter ferie", "Hvordan vurderer I rådighed efter ferie?"),
        ("Sygedagpenge efter 22 uger", "Hvornår ophører sygedagpengene?"),
    ]:
        thread = Thread.objects.create(title=title, topic=topic, author=caseworker)
        Post.objects.create(thread=thread, author=caseworker, is_opening=True, body=body)
        threads[title] = thread
    return threads


def test_a_caseworker_finds_a_thread_by_part_of_a_compound(page, caseworker, password, debate):
    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)  # the front page, where signing in leads
    page.goto("/soeg/")
    assert_accessible(page)
    page.get_by_role("searchbox").fill("rådighed")
    page.locator("form[role=search] .search button").click()
    page.wait_for_url("**/soeg/?q=*")
    assert_accessible(page)
    result = page.locator(".search-result").first
    assert result.locator("mark").first.inner_text() == "Rådighedsvurderingen"
    assert page.locator(".search-result").count() == 1

    page.locator("summary").click()
    page.get_by_label("Type").select_option("guide")
    page.locator("details button").click()
    page.wait_for_url("**type=guide*")
    assert_accessible(page)
    assert page.locator(".search-result").count() == 0
    # Nothing found: ask the hotline, the colleagues, or find the experts instead; on a phone
    # too, without sideways scrolling.
    suggestions = page.locator(".search-suggestions")
    assert suggestions.locator("a[href*='kind=question'][href*='title=r']").count() == 1
    assert suggestions.locator("a[href^='/debat/ny/?title=']").count() == 1
    assert suggestions.locator("a[href*='?q=r']").count() == 1
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_typo_is_corrected_and_said(page, caseworker, password, debate):
    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)  # the front page, where signing in leads
    page.goto("/soeg/?q=sygedagpnge")
    assert_accessible(page)
    assert "sygedagpenge" in page.locator(".alert-info").inner_text()
    assert page.locator(".search-result").count() == 1
