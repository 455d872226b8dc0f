"""The email settings page /e/indstillinger/: digest, newsletter, notification kinds, bounces."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.core.models import EmailSuppression
from portal.core.notify import SELF_MAILED_KINDS
from portal.digests.models import DigestFrequency, EmailPreference
from portal.digests.preferences import email_preference_of
from portal.digests.services import email_preference_update, email_suppression_clear
from portal.notifications.models import Notification

URL = "/e/indstillinger/"
ALL_KINDS = {
    "kinds_debate": [
        "reply",
        "mention",
        "answer",
        "answer_accepted",
        "question_for_you",
        "new_thread",
    ],
    "kinds_hotline": ["hotline_new", "hotline_deadline", "hotline_overdue"],
    "kinds_other": ["network_added", "guide_review", "partnership_below_goal"],
    "kinds_register": ["register_item_moved", "register_item_overdue"],
}


def _post(client, **data):
    return client.post(URL, {"digest_frequency": "weekly", **ALL_KINDS, **data})


def test_the_settings_page_lives_at_e_indstillinger():
    assert reverse("digests:preferences") == URL


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.post(URL, {"digest_frequency": "never"}).status_code == 302
    assert not EmailPreference.objects.exists()


def test_the_page_shows_the_defaults_to_someone_who_never_chose(caseworker, client_for):
    response = client_for(caseworker).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        'name="digest_frequency" value="weekly" id="id_digest_frequency_1" required checked' in html
    )
    assert 'name="kinds_debate" value="reply" id="id_kinds_debate_0" checked' in html
    assert 'name="notifications"' in html and 'name="newsletter"' in html
    for kind in Notification.Kind:
        if kind in SELF_MAILED_KINDS:  # mailed by their own app, not a choice
            assert str(kind.label) not in html
            continue
        shown = str(kind.label) in html
        assert shown is not kind.value.startswith("hotline_"), kind
    assert 'name="csrfmiddlewaretoken"' in html
    assert not EmailPreference.objects.filter(user=caseworker).exists()


def test_saving_stores_the_choices_and_says_so(caseworker, client_for):
    client = client_for(caseworker)
    response = _post(
        client,
        digest_frequency="daily",
        newsletter="",
        notifications="on",
        kinds_debate=["reply", "mention"],
        kinds_hotline=[],
        kinds_other=["guide_review", "partnership_below_goal"],
    )
    assert response.status_code == 302
    assert response["Location"] == URL
    preference = EmailPreference.objects.get(user=caseworker)
    assert preference.digest_frequency == DigestFrequency.DAILY
    assert preference.newsletter is False
    assert preference.notifications is True
    assert preference.notification_kinds_off == [
        "new_thread",
        "answer",
        "answer_accepted",
        "question_for_you",
        "network_added",
    ]
    assert preference.wants_notification_email("reply")
    assert not preference.wants_notification_email("answer")

    page = client.get(URL)
    [message] = list(page.context["messages"])
    assert message.level_tag == "success"
    form = page.context["form"]
    assert form["kinds_debate"].value() == ["reply", "mention"]
    assert form["digest_frequency"].value() == "daily"


def test_a_jurist_chooses_the_hotline_kinds_too(jurist, client_for):
    client = client_for(jurist)
    html = client.get(URL).content.decode()
    assert 'name="kinds_hotline" value="hotline_deadline"' in html
    _post(client, notifications="on", kinds_hotline=["hotline_deadline", "hotline_overdue"])
    preference = EmailPreference.objects.get(user=jurist)
    assert preference.notification_kinds_off == ["hotline_new"]


def test_someone_not_asked_about_the_hotline_keeps_their_hotline_setting(caseworker, client_for):
    EmailPreference.objects.create(user=caseworker, notification_kinds_off=["hotline_new"])
    _post(client_for(caseworker), notifications="on", kinds_hotline=[])
    preference = EmailPreference.objects.get(user=caseworker)
    assert preference.notification_kinds_off == ["hotline_new"]


def test_turning_notification_emails_off_keeps_the_kind_choices(caseworker, client_for):
    _post(client_for(caseworker), notifications="", newsletter="on")
    preference = EmailPreference.objects.get(user=caseworker)
    assert preference.notifications is False
    assert preference.notification_kinds_off == []
    assert not preference.wants_notification_email("reply")


def test_an_unknown_frequency_or_kind_is_refused_and_nothing_is_saved(caseworker, client_for):
    client = client_for(caseworker)
    response = _post(client, digest_frequency="hourly")
    assert response.status_code == 400
    assert response.context["form"].errors["digest_frequency"]
    assert client.post(URL, {}).status_code == 400  # no frequency chosen at all
    response = _post(client, kinds_debate=["reply", "everything"])
    assert response.status_code == 400
    assert response.context["form"].errors["kinds_debate"]
    assert 'class="alert alert-error"' in response.content.decode()
    assert not EmailPreference.objects.filter(user=caseworker).exists()


def test_the_form_needs_its_csrf_token(caseworker):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(caseworker)
    response = csrf_client.post(URL, {"digest_frequency": "never", **ALL_KINDS})
    assert response.status_code == 403
    assert email_preference_of(user=caseworker).digest_frequency == DigestFrequency.WEEKLY


def test_a_bounced_address_is_shown_with_a_button_to_try_again(caseworker, client_for):
    EmailSuppression.objects.create(
        address=caseworker.email.upper(), hard_bounces=1, suppressed_at=timezone.now()
    )
    client = client_for(caseworker)
    html = client.get(URL).content.decode()
    assert 'name="action" value="retry_address"' in html

    response = client.post(URL, {"action": "retry_address"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert not EmailSuppression.objects.exists()
    assert 'value="retry_address"' not in client.get(URL).content.decode()


def test_an_address_only_being_counted_for_soft_bounces_is_not_shown_as_stopped(
    caseworker, client_for
):
    EmailSuppression.objects.create(address=caseworker.email, soft_bounces=1)
    assert 'value="retry_address"' not in client_for(caseworker).get(URL).content.decode()


def test_trying_again_lifts_only_the_persons_own_address(caseworker, colleague):
    EmailSuppression.objects.create(address=caseworker.email, suppressed_at=timezone.now())
    EmailSuppression.objects.create(address=colleague.email, suppressed_at=timezone.now())
    assert email_suppression_clear(user=caseworker) is True
    assert list(EmailSuppression.objects.values_list("address", flat=True)) == [colleague.email]
    assert email_suppression_clear(user=caseworker) is False


def test_the_service_refuses_unknown_values(caseworker):
    with pytest.raises(ValueError):
        email_preference_update(
            user=caseworker,
            digest_frequency="hourly",
            newsletter=True,
            notifications=True,
            notification_kinds_off=[],
        )
    with pytest.raises(ValueError):
        email_preference_update(
            user=caseworker,
            digest_frequency="weekly",
            newsletter=True,
            notifications=True,
            notification_kinds_off=["spam"],
        )


def test_the_profile_page_links_to_the_email_settings(caseworker, client_for):
    html = client_for(caseworker).get(reverse("accounts:profile")).content.decode()
    assert f'href="{URL}"' in html


def test_the_settings_page_costs_the_same_queries_with_or_without_a_saved_preference(
    caseworker, client_for, django_assert_num_queries
):
    client = client_for(caseworker)
    client.get(URL)
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(URL)
    EmailPreference.objects.create(user=caseworker, notification_kinds_off=["reply"])
    EmailSuppression.objects.create(address=caseworker.email, suppressed_at=timezone.now())
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(URL)


# Session, user, roles, organisation (base page), bell, preference, suppression.
PAGE_QUERIES = 7
