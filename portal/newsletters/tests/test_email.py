"""The newsletter email as a mail server receives it: accessible HTML, a complete plain text,
measured links, the reason one receives it, and a working one-click unsubscribe."""

from urllib.parse import urlsplit

import pytest

from portal.digests.models import EmailPreference
from portal.forum.tests.factories import make_thread
from portal.newsletters import selectors, services
from portal.newsletters.models import Newsletter
from portal.testing.email_audit import email_audit
from portal.testing.smtp import extract_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(editor, caseworker, author, topic, smtp_server, django_capture_on_commit_callbacks):
    """A newsletter with two items, sent now; the caseworker's copy as received."""
    newsletter = services.newsletter_draft_create(by=editor)
    for title in ("Første tråd", "Anden tråd"):
        thread = make_thread(author=author, topic=topic, title=title)
        services.newsletter_item_add_by_url(
            newsletter=newsletter, by=editor, url=f"/debat/traad/{thread.pk}/"
        )
    services.newsletter_update(
        newsletter=newsletter,
        by=editor,
        subject="Nyt fra portalen",
        intro="Hej",
        segment="everyone",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send_now(newsletter=newsletter, by=editor)
    newsletter.refresh_from_db()
    return newsletter, smtp_server.wait_for_message(to=caseworker.email)


def test_newsletter_html_passes_a_basic_accessibility_check(sent):
    newsletter, message = sent
    audit = email_audit(message.html)

    assert audit.html_lang == "da"
    assert audit.headings[0] == "h1" and audit.headings.count("h1") == 1
    assert audit.headings.count("h2") == newsletter.items.count()
    assert audit.links and all(text for _href, text in audit.links)
    assert len({text for _href, text in audit.links}) == len(audit.links)
    assert [image["alt"] for image in audit.images if "/e/a/" in image["src"]] == [""]


def test_newsletter_plain_text_has_every_item_with_a_measured_link_and_the_footer(sent, caseworker):
    newsletter, message = sent
    text = message.text

    for item in selectors.newsletter_items(newsletter=newsletter):
        assert item.title in text
    # Every item and the web version are measured links.
    assert text.count("/e/k/") == newsletter.items.count() + 1
    assert "/e/indstillinger/" in text and "/e/afmeld/" in text
    assert services.segment_reason(newsletter=newsletter) in text
    assert message.message["From"] and message.mail_from.startswith("retur+")


def test_one_click_unsubscribe_stops_the_next_newsletter(sent, client, caseworker, editor):
    newsletter, message = sent
    # A long header is folded on its way through SMTP: take the URL between the brackets.
    unsubscribe = "".join(str(message.message["List-Unsubscribe"]).split()).strip("<>")

    response = client.post(urlsplit(unsubscribe).path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code in (200, 204)
    assert EmailPreference.objects.get(user=caseworker).newsletter is False
    following = Newsletter.objects.create(
        subject="Næste", period_start=newsletter.period_start, period_end=newsletter.period_end
    )
    assert caseworker not in selectors.newsletter_recipients(newsletter=following)
    assert extract_url(message.text, contains="/e/afmeld/") == unsubscribe
