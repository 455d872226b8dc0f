"""An email is enough on its own: full post texts, and a hotline question a jurist can take
from the inbox (question, asker's organisation, deadline, reply address); a question another
jurist has answered is no longer mailed."""

from datetime import timedelta
from email.utils import getaddresses

import pytest
from django.utils import formats, timezone, translation

from portal.conftest import make_user
from portal.core.mail_addresses import reply_address_parse
from portal.forum import services as forum
from portal.forum.models import Post, Thread
from portal.hotline.models import HotlineCase
from portal.hotline.services import hotline_case_open, hotline_case_withdraw
from portal.inbound_mail.services import inbound_mail_receive
from portal.inbound_mail.tests.mails import reply_mail
from portal.notifications.emails import notification_email_round
from portal.notifications.models import Notification

from .conftest import DELAY

LONG_BODY = (
    "Vi har en borger på **supplerende dagpenge**, som også får løntilskud.\n\n"
    "- Hvordan tæller timerne i forbrugsperioden?\n"
    "- Skal a-kassen have besked om hver ændring?\n\n"
    + "Sagen er kompliceret, fordi arbejdstiden skifter fra uge til uge. " * 6
    + "\n\nSidste sætning, som et uddrag på 240 tegn aldrig nåede."
)


@pytest.fixture
def asker(fund):
    """Reads her email in English, so that the assertions read the catalogue's source."""
    return make_user(
        organisation=fund,
        email="spoerger@3f.example.dk",
        full_name="Sara Spørger",
        preferred_language="en",
    )


def _english(*users):
    for user in users:
        user.preferred_language = "en"
        user.save(update_fields=["preferred_language"])


def _question(asker, topic, body=LONG_BODY):
    return forum.thread_create(
        author=asker,
        topic=topic,
        title="Supplerende dagpenge og løntilskud",
        body=body,
        kind=Thread.Kind.QUESTION,
    )


def test_a_reply_email_carries_the_whole_post_as_html_and_as_text(
    asker, colleague, topic, smtp_server, clock
):
    thread = _question(asker, topic, body="Kort spørgsmål?")
    forum.reply_create(author=colleague, thread=thread, body=LONG_BODY)
    clock.shift(DELAY)
    assert notification_email_round() == 1

    [mail] = smtp_server.messages_to(asker.email)
    # The whole text, not an excerpt: the last sentence is there in both parts.
    assert "Sidste sætning, som et uddrag på 240 tegn aldrig nåede." in mail.text
    assert "Sidste sætning, som et uddrag på 240 tegn aldrig nåede." in mail.html
    # HTML part: the Markdown rendered (and sanitised); text part: the Markdown, readable.
    assert "<strong>supplerende dagpenge</strong>" in mail.html
    assert "<li>Hvordan tæller timerne i forbrugsperioden?</li>" in mail.html
    assert "  - Hvordan tæller timerne i forbrugsperioden?" in mail.text
    # Who wrote it, from which organisation.
    assert colleague.get_full_name() in mail.text
    assert colleague.organisation.name in mail.text


def test_a_mention_link_in_the_post_is_absolute_in_the_email(
    asker, colleague, topic, smtp_server, clock, settings
):
    thread = _question(asker, topic, body="Kort spørgsmål?")
    post = forum.reply_create(author=colleague, thread=thread, body="Se svaret fra kollegaen.")
    # A post whose HTML links within the portal (as mentions and attachments do).
    Post.objects.filter(pk=post.pk).update(
        body_html='<p>Se <a href="/kolleger/42/">profilen</a> og <a href="https://retsinformation.dk/">loven</a>.</p>'
    )
    clock.shift(DELAY)
    notification_email_round()

    [mail] = smtp_server.messages_to(asker.email)
    assert f'href="{settings.SITE_URL}/kolleger/42/"' in mail.html
    assert 'href="https://retsinformation.dk/"' in mail.html
    assert 'href="/kolleger' not in mail.html


def test_a_hidden_post_is_not_mailed(asker, colleague, editor, topic, smtp_server, clock):
    thread = _question(asker, topic, body="Kort spørgsmål?")
    post = forum.reply_create(author=colleague, thread=thread, body="Noget der blev skjult.")
    Post.objects.filter(pk=post.pk).update(is_hidden=True)
    clock.shift(DELAY)
    notification_email_round()

    for mail in smtp_server.messages_to(asker.email):
        assert "Noget der blev skjult." not in mail.text
        assert "Noget der blev skjult." not in mail.html


def test_the_hotline_email_carries_question_organisation_deadline_and_a_reply_address(
    asker, jurist, other_jurist, topic, smtp_server, clock
):
    _english(jurist, other_jurist)
    thread = _question(asker, topic)
    case = hotline_case_open(thread=thread, by=asker)
    clock.shift(DELAY)
    assert notification_email_round() == 2

    [mail] = smtp_server.messages_to(jurist.email)
    assert "Supplerende dagpenge og løntilskud" in mail.subject
    # The question, whole.
    assert "Sidste sætning, som et uddrag på 240 tegn aldrig nåede." in mail.text
    assert "<strong>supplerende dagpenge</strong>" in mail.html
    # The asker's organisation and the deadline (Thursday 16:00, three working days on).
    assert f"Asked by {asker.organisation.name}." in mail.text
    with translation.override("en"):
        deadline = formats.date_format(timezone.localtime(case.deadline), "DATETIME_FORMAT")
    assert timezone.localtime(case.deadline).date().isoformat() == "2026-03-05"
    assert f"The jurists answer by {deadline}." in mail.text
    # Reply by email: the Reply-To is the jurist's own address for the thread.
    [(_, reply_to)] = getaddresses([mail.message["Reply-To"]])
    target = reply_address_parse(reply_to)
    assert (target.user_id, target.thread_id) == (jurist.pk, thread.pk)
    assert reply_to in mail.text


def test_a_jurists_emailed_reply_answers_the_case(asker, jurist, topic, smtp_server, clock):
    _english(jurist)
    thread = _question(asker, topic)
    hotline_case_open(thread=thread, by=asker)
    clock.shift(DELAY)
    notification_email_round()
    [mail] = smtp_server.messages_to(jurist.email)
    [(_, reply_to)] = getaddresses([mail.message["Reply-To"]])

    [result] = inbound_mail_receive(
        raw=reply_mail(to=reply_to, sender=jurist.email, body="Timerne tæller efter LAB § 2."),
        envelope_from=jurist.email,
        recipients=[reply_to],
    )

    case = HotlineCase.objects.get(thread=thread)
    assert case.status == HotlineCase.Status.ANSWERED
    assert case.answered_by == jurist
    assert thread.posts.filter(author=jurist, body__contains="LAB § 2").exists()


def test_once_a_jurist_has_answered_the_other_jurists_pending_emails_are_not_sent(
    asker, jurist, other_jurist, topic, smtp_server, clock
):
    thread = _question(asker, topic)
    hotline_case_open(thread=thread, by=asker)
    clock.shift(timedelta(minutes=3))  # within the email delay: nothing has gone out yet
    forum.reply_create(author=jurist, thread=thread, body="Svaret står i LAB § 2.")
    assert HotlineCase.objects.get(thread=thread).status == HotlineCase.Status.ANSWERED
    clock.shift(DELAY)

    notification_email_round()

    assert smtp_server.messages_to(other_jurist.email) == []
    assert smtp_server.messages_to(jurist.email) == []
    # Settled, not left waiting: the next rounds do not reconsider them, and the bell keeps them.
    hotline = Notification.objects.filter(kind=Notification.Kind.HOTLINE_NEW)
    assert hotline.count() == 2
    assert not hotline.filter(emailed_at__isnull=True).exists()
    assert not hotline.filter(email_delivery__isnull=False).exists()
    # The asker still hears of the answer.
    [mail] = smtp_server.messages_to(asker.email)
    assert "Svaret står i LAB § 2." in mail.text


def test_an_email_already_sent_before_the_answer_is_untouched_and_a_late_warning_is_not_sent(
    asker, jurist, other_jurist, topic, smtp_server, clock
):
    _english(jurist, other_jurist)
    thread = _question(asker, topic)
    hotline_case_open(thread=thread, by=asker)
    clock.shift(DELAY)
    assert notification_email_round() == 2
    [sent] = smtp_server.messages_to(other_jurist.email)

    forum.reply_create(author=jurist, thread=thread, body="Svaret står i LAB § 2.")
    # A deadline warning written before the answer (an urgent kind, no delay) is not sent.
    Notification.objects.create(
        recipient=other_jurist, kind=Notification.Kind.HOTLINE_DEADLINE, thread=thread
    )
    clock.shift(DELAY)
    notification_email_round()

    assert smtp_server.messages_to(other_jurist.email) == [sent]


def test_a_withdrawn_question_is_not_mailed_to_the_jurists(
    asker, jurist, other_jurist, topic, smtp_server, clock
):
    thread = _question(asker, topic)
    case = hotline_case_open(thread=thread, by=asker)
    hotline_case_withdraw(case=case, by=asker)
    clock.shift(DELAY)

    notification_email_round()

    assert smtp_server.messages_to(jurist.email) == []
    assert smtp_server.messages_to(other_jurist.email) == []
