"""The digest email itself: accessible HTML and a complete plain text, tracked links, a reply
address per thread, one-click unsubscribe and the recipient's language."""

from urllib.parse import parse_qs, unquote, urlsplit

import time_machine

from portal.core.mail_addresses import reply_address_parse
from portal.core.models import EmailDelivery
from portal.digests.models import DigestFrequency, EmailClick
from portal.digests.services import digest_round
from portal.forum import services as forum
from portal.forum.tests.factories import make_reply, make_thread
from portal.testing.email_audit import email_audit
from portal.testing.smtp import extract_url

from .conftest import MONDAY_0630, local


def _digest_for(smtp_server, reader, colleague, topic, *, titles=("Rådighed & deltid",)):
    forum.topic_follow(topic=topic, user=reader)
    with time_machine.travel(local(2026, 11, 18, 10, 0), tick=False):
        threads = [make_thread(author=colleague, topic=topic, title=t) for t in titles]
    with time_machine.travel(MONDAY_0630, tick=False):
        digest_round(frequency=DigestFrequency.WEEKLY)
    return smtp_server.wait_for_message(to=reader.email), threads


def test_digest_html_passes_a_basic_accessibility_check(smtp_server, caseworker, colleague, topic):
    message, threads = _digest_for(
        smtp_server, caseworker, colleague, topic, titles=("Første", "Anden", "Tredje")
    )
    audit = email_audit(message.html)

    assert audit.html_lang == "da"
    assert audit.headings.count("h1") == 1 and audit.headings[0] == "h1"
    assert audit.headings.count("h2") == len(threads)
    assert audit.links and all(text for _href, text in audit.links)
    assert all("alt" in image for image in audit.images)
    assert any("/e/a/" in image["src"] and image["alt"] == "" for image in audit.images)
    # A link text makes sense alone: the reply link names its thread.
    reply_texts = [text for href, text in audit.links if href.startswith("mailto:")]
    assert len(reply_texts) == 3 and all(t.split()[-3:] != ["by", "email"] for t in reply_texts)
    assert len({text for _href, text in audit.links}) == len(audit.links)


def test_digest_plain_text_has_every_item_title_and_link(smtp_server, caseworker, colleague, topic):
    message, threads = _digest_for(
        smtp_server, caseworker, colleague, topic, titles=("Rådighed & deltid", "Efterløn")
    )
    html_links = {href for href, _text in email_audit(message.html).links}
    for thread in threads:
        assert thread.title in message.text  # not HTML-escaped in the text part
        assert thread.title.replace("&", "&amp;") in message.html
    tracked = [line.split()[-1] for line in message.text.splitlines() if "/e/k/" in line]
    assert len(tracked) == len(threads)
    assert set(tracked) <= html_links  # the same links in both parts


def test_digest_links_are_click_tracked_and_reply_addresses_are_signed(
    smtp_server, client, caseworker, colleague, topic
):
    message, [thread] = _digest_for(smtp_server, caseworker, colleague, topic)
    link = extract_url(message.text, contains="/e/k/")

    response = client.get(urlsplit(link).path)

    assert response.status_code == 302 and response["Location"] == f"/debat/traad/{thread.pk}/"
    click = EmailClick.objects.get()
    assert click.item == f"thread:{thread.pk}"
    assert click.delivery.recipient == caseworker.email
    mailto = next(
        href for href, _t in email_audit(message.html).links if href.startswith("mailto:")
    )
    address, query = mailto.removeprefix("mailto:").split("?")
    target = reply_address_parse(address)
    assert (target.user_id, target.thread_id) == (caseworker.pk, thread.pk)
    assert unquote(parse_qs(query)["subject"][0]) == f"Re: {thread.title}"


def test_digest_has_one_click_unsubscribe_that_stops_the_next_digest(
    smtp_server, client, caseworker, colleague, topic
):
    message, _threads = _digest_for(smtp_server, caseworker, colleague, topic)
    header = message.message["List-Unsubscribe"]
    assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.message["Precedence"] == "bulk"
    url = "".join(str(header).split()).strip("<>")
    assert url in message.text  # the footer link is the same

    response = client.post(urlsplit(url).path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    with time_machine.travel(local(2026, 11, 25, 10, 0), tick=False):
        make_thread(author=colleague, topic=topic, title="Næste uge")
    with time_machine.travel(local(2026, 11, 30, 6, 30), tick=False):
        result = digest_round(frequency=DigestFrequency.WEEKLY)
    assert result.sent == 0
    assert len(smtp_server.messages_to(caseworker.email)) == 1


def test_digest_is_in_the_recipients_language(smtp_server, caseworker, colleague, topic):
    caseworker.preferred_language = "en"
    caseworker.save(update_fields=["preferred_language"])
    colleague.preferred_language = "da"
    colleague.save(update_fields=["preferred_language"])
    forum.topic_follow(topic=topic, user=colleague)
    with time_machine.travel(local(2026, 11, 18, 9, 0), tick=False):
        make_reply(author=caseworker, thread=make_thread(author=caseworker, topic=topic))

    english, _threads = _digest_for(smtp_server, caseworker, colleague, topic)
    danish = smtp_server.wait_for_message(to=colleague.email)

    assert email_audit(english.html).html_lang == "en"
    assert email_audit(danish.html).html_lang == "da"
    assert "New thread in a topic you follow" in english.text
    assert "New thread in a topic you follow" not in danish.text
    assert english.subject.startswith("Your weekly digest")


def test_digest_delivery_is_recorded_per_recipient(smtp_server, caseworker, colleague, topic):
    _digest_for(smtp_server, caseworker, colleague, topic)

    delivery = EmailDelivery.objects.get(recipient=caseworker.email)
    assert delivery.category == "digest" and delivery.status == "sent"
    assert delivery.reference == "digest:weekly:2026-11-23"
    assert delivery.user_id == caseworker.pk


def test_the_greeting_stands_on_its_own_line(smtp_server, caseworker, colleague, topic):
    message, _threads = _digest_for(smtp_server, caseworker, colleague, topic)
    lines = message.text.splitlines()
    greeting = next(line for line in lines if line.startswith("Hej "))
    assert "nyt for dig" not in greeting
    after = lines[lines.index(greeting) + 1 :]
    assert after[0] == "" and after[1].startswith("Det her er nyt for dig")
    assert f"{greeting}</p>" in message.html  # its own paragraph in the HTML part too
