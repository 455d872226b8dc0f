"""The editor's newsletter in a real browser: draft, reorder, add from the search box, intro,
preview, test, confirm and send.

Every page reached is axe-clean, and the newsletter arrives at a real SMTP server.
"""

import re

import pytest
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum import services as forum_services
from portal.insights.models import DailyThreadReads
from portal.newsletters.models import Newsletter
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


def item_titles(page) -> list[str]:
    return [title.strip() for title in page.locator("#items li h3").all_inner_texts()]


def test_an_editor_drafts_previews_tests_and_sends_a_newsletter(
    page, operator, fund, password, smtp_server
):
    editor = make_user(
        organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk", full_name="Rie"
    )
    reader = make_user(organisation=fund, email="laeser@3f.example.dk", full_name="Lars Læser")
    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    most_read = forum_services.thread_create(
        author=reader, topic=topic, title="Rådighed ved deltid", body="Hvordan vurderer I det?"
    )
    less_read = forum_services.thread_create(
        author=reader, topic=topic, title="Supplerende dagpenge", body="Hvad gælder nu?"
    )
    forum_services.thread_create(
        author=reader, topic=topic, title="Fleksjob i praksis", body="Erfaringer, tak."
    )
    today = timezone.localdate()
    DailyThreadReads.objects.create(thread=most_read, day=today, count=30)
    DailyThreadReads.objects.create(thread=less_read, day=today, count=10)

    sign_in_with_password(page, email=editor.email, password=password)
    assert_accessible(page)
    page.goto("/nyhedsbreve/redaktion/")
    assert_accessible(page)

    # The portal drafts the newsletter from the period's most read threads.
    page.locator("a[href='/nyhedsbreve/redaktion/nyt/']").click()
    page.wait_for_url("**/nyhedsbreve/redaktion/nyt/")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/nyhedsbreve/redaktion/\d+/$"))
    assert_accessible(page)
    newsletter = Newsletter.objects.get()
    assert item_titles(page) == ["Rådighed ved deltid", "Supplerende dagpenge"]

    # Move the second item up: htmx swaps the list in place.
    page.locator("#items button[data-move=up]").click()
    page.wait_for_function(
        "() => document.querySelector('#items li h3').textContent.includes('Supplerende')"
    )
    assert item_titles(page) == ["Supplerende dagpenge", "Rådighed ved deltid"]
    assert_accessible(page)

    # Find a thread by title in the search box (htmx as one types) and add it.
    page.locator("#id_q").fill("fleksjob")
    add = page.locator("#search-results form button")
    add.wait_for()
    assert_accessible(page)
    add.click()
    page.wait_for_url(re.compile(r".*/nyhedsbreve/redaktion/\d+/#items$"))
    assert item_titles(page)[-1] == "Fleksjob i praksis"

    # A short introduction.
    page.locator("textarea[name=intro]").fill("Godt nyt om **dagpenge** i denne måned.")
    page.locator("form:has(textarea[name=intro]) button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    newsletter.refresh_from_db()
    assert "<strong>dagpenge</strong>" in newsletter.intro_html

    # Preview as the reader.
    page.locator(f"a[href='/nyhedsbreve/redaktion/{newsletter.pk}/forhaandsvisning/']").click()
    page.wait_for_url("**/forhaandsvisning/")
    assert_accessible(page)
    page.locator("input[name=reader]").fill(reader.email)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/forhaandsvisning/?reader=*")
    assert_accessible(page)
    assert "Supplerende dagpenge" in page.locator("pre").inner_text()
    assert page.frame_locator("iframe").locator("h1").inner_text() == newsletter.subject

    # A test to the editor.
    page.goto(f"/nyhedsbreve/redaktion/{newsletter.pk}/")
    assert_accessible(page)
    page.locator("form[action$='/test/'] button").click()
    page.wait_for_url(re.compile(r".*/nyhedsbreve/redaktion/\d+/$"))
    assert_accessible(page)
    test = smtp_server.wait_for_message(to=editor.email)
    assert test.subject.strip().startswith("[TEST]")

    # Send now asks first, with the number of recipients; the reader gets it, measured links.
    page.locator("#send-now").click()
    page.wait_for_url("**/send/")
    assert_accessible(page)
    assert re.fullmatch(r"Send til \d+ modtagere?\?", page.locator("h1").inner_text().strip())
    page.locator("#confirm-send").click()
    page.wait_for_url("**/nyhedsbreve/redaktion/")
    assert_accessible(page)
    received = smtp_server.wait_for_message(to=reader.email)
    assert received.subject.strip() == newsletter.subject
    assert received.text.index("Supplerende dagpenge") < received.text.index("Rådighed")
    assert "/e/k/" in received.text
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT

    # The figures page and the archive.
    page.locator(f"a[href='/nyhedsbreve/redaktion/{newsletter.pk}/tal/']").click()
    page.wait_for_url("**/tal/")
    assert_accessible(page)
    page.goto(f"/nyhedsbreve/{newsletter.pk}/")
    assert_accessible(page)
