import pytest
from django.urls import reverse

from portal.core.email import email_send_rendered
from portal.core.models import EmailDelivery, OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_message(django_capture_on_commit_callbacks, caseworker):
    with django_capture_on_commit_callbacks(execute=True):
        email_send_rendered(
            to=caseworker.email,
            template="test/hello",
            subject="Hej",
            text="Velkommen til https://example.dk",
        )
    return OutboxMessage.objects.get()


def test_sent_email_lands_in_the_outbox_with_text_and_html(sent_message, caseworker):
    assert sent_message.recipients == caseworker.email
    assert "Velkommen" in sent_message.text_body
    assert 'href="https://example.dk"' in sent_message.html_body
    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.sent_at is not None


def test_admin_reads_the_outbox(sent_message, operator_admin, client_for):
    client = client_for(operator_admin)
    assert sent_message.subject in client.get(reverse("core:outbox_list")).content.decode()
    detail = client.get(reverse("core:outbox_detail", args=[sent_message.pk]))
    assert "Velkommen" in detail.content.decode()


def test_outbox_html_is_sandboxed(sent_message, operator_admin, client_for):
    response = client_for(operator_admin).get(reverse("core:outbox_html", args=[sent_message.pk]))
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_caseworker_cannot_read_the_outbox(sent_message, caseworker, client_for):
    response = client_for(caseworker).get(reverse("core:outbox_detail", args=[sent_message.pk]))
    assert response.status_code == 403


def test_outbox_does_not_exist_outside_the_demo(sent_message, operator_admin, client_for, settings):
    settings.PORTAL_OUTBOX_VISIBLE = False
    response = client_for(operator_admin).get(reverse("core:outbox_list"))
    assert response.status_code == 404


def test_plain_text_is_escaped_in_the_html_version(django_capture_on_commit_callbacks, caseworker):
    with django_capture_on_commit_callbacks(execute=True):
        email_send_rendered(
            to=caseworker.email, template="test/x", subject="Hej", text="<script>alert(1)</script>"
        )
    assert "<script>alert" not in OutboxMessage.objects.get().html_body
