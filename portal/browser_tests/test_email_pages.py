"""A caseworker's way from a notification email into the portal and out of the mailing list.

The email arrives through a real SMTP server; its tracked link leads to the thread, the email
settings page changes the digest, and the unsubscribe link in the List-Unsubscribe header
stops notification mail. Every page is axe-clean.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.digests.models import EmailClick, EmailPreference
from portal.forum.services import reply_create, thread_create
from portal.insights.models import DailyVisits
from portal.notifications.emails import notification_email_round
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.smtp import extract_url

pytestmark = pytest.mark.browser


def test_from_a_notification_email_to_the_thread_settings_and_unsubscribe(
    page, smtp_server, fund, other_fund, password
):
    asker = make_user(organisation=fund, email="spoerger@3f.example.dk", full_name="Sofie Spørger")
    answerer = make_user(
        organisation=other_fund, email="svarer@foa.example.dk", full_name="Svend Svarer"
    )
    thread = thread_create(
        author=asker,
        topic=TopicFactory(name="Dagpenge"),
        title="Rådighed ved deltidsarbejde",
        body="Hvordan vurderer I rådigheden?",
    )
    reply_create(author=answerer, thread=thread, body="Vi ser på timetallet først.")
    notification_email_round(now=timezone.now() + timedelta(minutes=30))
    mail = smtp_server.wait_for_message(to=asker.email)
    assert "Rådighed ved deltidsarbejde" in mail.text

    sign_in_with_password(page, email=asker.email, password=password)
    assert_accessible(page)
    page.goto(extract_url(mail.text, contains="/e/k/"))
    page.wait_for_url(f"**/debat/traad/{thread.pk}/**")
    assert_accessible(page)
    assert "Vi ser på timetallet først." in page.locator("main").inner_text()
    assert EmailClick.objects.filter(delivery__recipient=asker.email).count() == 1
    assert DailyVisits.objects.get(channel="email").count == 1

    page.goto("/e/indstillinger/")
    assert_accessible(page)
    page.locator("input[name=digest_frequency][value=daily]").check()
    page.locator("form:has(input[name=digest_frequency]) button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert EmailPreference.objects.get(user=asker).digest_frequency == "daily"

    unsubscribe = str(mail.message["List-Unsubscribe"]).strip().strip("<>")
    page.goto(unsubscribe)
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    preference = EmailPreference.objects.get(user=asker)
    assert preference.notifications is False
    assert preference.digest_frequency == "daily"  # only the one category stopped
