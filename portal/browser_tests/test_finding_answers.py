"""Finding answers while asking: similar threads under the title, @mentions in the editor."""

import pytest

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum.tests.factories import make_thread
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


def test_a_caseworker_sees_a_similar_thread_and_mentions_a_colleague(
    page, fund, other_fund, password
):
    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    asker = make_user(organisation=fund, email="spoerger@3f.example.dk", full_name="Sofie Spørger")
    nanna = make_user(
        organisation=other_fund, email="nanna.berg@foa.example.dk", full_name="Nanna Berg"
    )
    earlier = make_thread(
        author=nanna, topic=topic, title="Rådighed ved deltidsarbejde", body="Hvordan gør I?"
    )

    sign_in_with_password(page, email=asker.email, password=password)
    assert_accessible(page)
    page.goto("/debat/ny/?kind=question")
    assert_accessible(page)

    # Two letters: nothing is asked for; the third brings the similar thread after a pause.
    title = page.locator("input[name=title]")
    title.press_sequentially("rå", delay=50)
    page.wait_for_timeout(700)
    assert page.locator("#title-suggestions a").count() == 0
    title.press_sequentially("dighed ved", delay=50)
    suggestion = page.locator(f"#title-suggestions a[href='/debat/traad/{earlier.pk}/']")
    suggestion.wait_for()
    assert page.locator("#title-suggestions-status").inner_text().startswith("1 ")
    assert_accessible(page)

    # "@na" in the editor opens the listbox; the arrow key and Enter insert the handle.
    editor = page.locator("textarea[name=body]")
    editor.click()
    editor.press_sequentially("Ved du det, @na", delay=50)
    option = page.locator(".mention-listbox [role=option]")
    option.first.wait_for()
    assert option.count() == 1
    assert "Nanna Berg" in option.first.inner_text()
    assert other_fund.name in option.first.inner_text()
    assert editor.get_attribute("aria-expanded") == "true"
    # The suggestions and the listbox fit a phone held upright (WCAG 1.4.10 reflow).
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})
    editor.press("ArrowDown")
    assert editor.get_attribute("aria-activedescendant") == option.first.get_attribute("id")
    assert option.first.get_attribute("aria-selected") == "true"
    assert_accessible(page)
    editor.press("Enter")
    assert editor.input_value() == "Ved du det, @nanna.berg "
    assert editor.get_attribute("aria-expanded") == "false"
    assert page.locator(".mention-listbox").is_hidden()
