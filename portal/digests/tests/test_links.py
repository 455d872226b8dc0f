"""Links in emails: click-through, opens and one-click unsubscribe are signed and safe."""

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client

from portal.core.models import EmailCategory, EmailDelivery
from portal.digests import links
from portal.digests.models import DigestFrequency, EmailClick, EmailPreference
from portal.digests.preferences import email_preference_of


@pytest.fixture
def delivery(caseworker):
    return EmailDelivery.objects.create(
        template="notifications/emails/notification_batch",
        recipient=caseworker.email,
        category=EmailCategory.NOTIFICATION,
        user=caseworker,
        reference="notifications",
    )


def _path(url: str) -> str:
    assert url.startswith(settings.SITE_URL)
    return url[len(settings.SITE_URL) :]


def _tampered(url: str) -> str:
    """The same link with one character of its token changed."""
    path = _path(url).rstrip("/")
    head, token = path.rsplit("/", 1)
    index = len(token) // 2
    swapped = "A" if token[index] != "A" else "B"
    return f"{head}/{token[:index]}{swapped}{token[index + 1 :]}/"


def test_a_click_is_recorded_and_leads_to_the_portal_page(client, delivery):
    url = links.tracked_url(
        delivery_id=delivery.pk, url="/debat/12/#post-40", item="notification:7"
    )
    response = client.get(_path(url))
    assert response.status_code == 302
    assert response["Location"] == "/debat/12/#post-40"
    click = EmailClick.objects.get()
    assert (click.delivery_id, click.item, click.url) == (
        delivery.pk,
        "notification:7",
        "/debat/12/#post-40",
    )
    delivery.refresh_from_db()
    assert delivery.clicked_at is not None and delivery.opened_at is not None
    assert client.session["visit_channel"] == "email"


def test_a_tampered_click_link_is_not_found_and_records_nothing(client, delivery):
    url = links.tracked_url(delivery_id=delivery.pk, url="/debat/12/", item="item:1")
    assert client.get(_tampered(url)).status_code == 404
    assert client.get("/e/k/not-a-token/").status_code == 404
    assert not EmailClick.objects.exists()
    assert "visit_channel" not in client.session


@pytest.mark.parametrize(
    "target",
    ["https://evil.example.com/login", "//evil.example.com/", "javascript:alert(1)", "evil"],
)
def test_a_click_link_can_never_lead_outside_the_portal(client, delivery, target):
    with pytest.raises(ValueError):
        links.tracked_url(delivery_id=delivery.pk, url=target)
    # Even a token signed with our key (say, by an older version) cannot redirect away.
    token = signing.dumps([delivery.pk, "", target], salt="digests.click", compress=True)
    assert client.get(f"/e/k/{token}/").status_code == 404
    assert not EmailClick.objects.exists()


def test_without_a_delivery_the_link_is_the_plain_portal_address():
    assert links.tracked_url(delivery_id=None, url="/debat/3/") == settings.SITE_URL + "/debat/3/"


def test_a_click_on_an_email_whose_delivery_is_gone_still_leads_on(client, delivery):
    url = links.tracked_url(delivery_id=delivery.pk, url="/debat/")
    delivery.delete()
    response = client.get(_path(url))
    assert response.status_code == 302 and response["Location"] == "/debat/"
    assert not EmailClick.objects.exists()


def test_the_open_pixel_is_a_gif_and_marks_the_email_opened(client, delivery):
    response = client.get(_path(links.open_pixel_url(delivery_id=delivery.pk)))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a")
    delivery.refresh_from_db()
    assert delivery.opened_at is not None


def test_a_tampered_open_pixel_is_not_found(client, delivery):
    assert client.get(_tampered(links.open_pixel_url(delivery_id=delivery.pk))).status_code == 404
    delivery.refresh_from_db()
    assert delivery.opened_at is None


def test_opening_the_unsubscribe_link_only_asks(caseworker):
    url = links.unsubscribe_url(user_id=caseworker.pk, category=EmailCategory.NOTIFICATION)
    response = Client().get(_path(url))
    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert email_preference_of(user=caseworker).notifications is True
    assert not EmailPreference.objects.exists()


@pytest.mark.parametrize(
    ("category", "field", "value"),
    [
        (EmailCategory.NOTIFICATION, "notifications", False),
        (EmailCategory.DIGEST, "digest_frequency", DigestFrequency.NEVER),
        (EmailCategory.NEWSLETTER, "newsletter", False),
    ],
)
def test_a_one_click_post_without_csrf_token_or_session_unsubscribes(
    caseworker, category, field, value
):
    url = links.unsubscribe_url(user_id=caseworker.pk, category=category)
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(_path(url), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert getattr(EmailPreference.objects.get(user=caseworker), field) == value


def test_a_tampered_unsubscribe_link_changes_nothing(caseworker):
    url = links.unsubscribe_url(user_id=caseworker.pk, category=EmailCategory.NOTIFICATION)
    client = Client(enforce_csrf_checks=True)
    assert client.post(_tampered(url)).status_code == 404
    assert client.get(_tampered(url)).status_code == 404
    assert not EmailPreference.objects.exists()


def test_account_and_security_mail_cannot_be_unsubscribed(caseworker):
    token = links.unsubscribe_token(user_id=caseworker.pk, category=EmailCategory.TRANSACTIONAL)
    assert Client().post(f"/e/afmeld/{token}/").status_code == 404


def test_an_unsubscribe_link_of_a_deleted_person_is_not_found(caseworker):
    url = links.unsubscribe_url(user_id=caseworker.pk, category=EmailCategory.DIGEST)
    caseworker.delete()
    assert Client().post(_path(url)).status_code == 404
    assert not EmailPreference.objects.exists()


def test_a_click_token_is_no_unsubscribe_token(caseworker, delivery):
    """Each link kind is signed with its own salt: one cannot be replayed as another."""
    click = links.tracked_url(delivery_id=delivery.pk, url="/debat/")
    token = _path(click).rstrip("/").rsplit("/", 1)[1]
    assert Client().post(f"/e/afmeld/{token}/").status_code == 404
    assert not EmailPreference.objects.exists()
