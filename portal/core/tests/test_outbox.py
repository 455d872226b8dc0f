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


def _send(django_capture_on_commit_callbacks, *, to: str, subject: str) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        email_send_rendered(to=to, template="test/hello", subject=subject, text="Hej")


def test_outbox_list_is_paged_and_filtered_by_recipient_kind_status_and_date(
    django_capture_on_commit_callbacks, operator_admin, client_for
):
    for number in range(55):
        _send(django_capture_on_commit_callbacks, to=f"p{number}@x.dk", subject=f"Besked {number}")
    _send(django_capture_on_commit_callbacks, to="anne@kommune.dk", subject="Til Anne")
    django_mail = OutboxMessage.objects.create(
        sender="a@x.dk", recipients="drift@x.dk", subject="Fejlrapport", text_body="", raw=""
    )
    client = client_for(operator_admin)
    url = reverse("core:outbox_list")

    first = client.get(url).content.decode()
    assert "57 e-mails." in first
    assert "Side 1 af 2" in first
    assert "Fejlrapport" in first and "Konto og sikkerhed" in first
    assert "Besked 0<" not in first
    assert "Besked 0<" in client.get(url, {"page": 2}).content.decode()

    anne = client.get(url, {"email": "ANNE@kommune"}).content.decode()
    assert "Til Anne" in anne and "Besked 1<" not in anne and "1 e-mail." in anne
    sent = client.get(url, {"category": "transactional", "status": "sent"}).content.decode()
    assert "56 e-mails." in sent and "Fejlrapport" not in sent
    assert (
        "Ingen e-mails passer til filteret."
        in client.get(url, {"status": "failed"}).content.decode()
    )
    today = django_mail.created_at.date()
    later = client.get(url, {"date_from": (today.replace(year=today.year + 1)).isoformat()})
    assert "Ingen e-mails passer til filteret." in later.content.decode()


def test_outbox_list_refuses_a_bad_filter_and_shows_nothing(operator_admin, client_for):
    response = client_for(operator_admin).get(
        reverse("core:outbox_list"), {"date_from": "i går", "status": "bogus"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ret filteret for at se e-mails." in content
    assert "Skriv datoen som ÅÅÅÅ-MM-DD." in content


def test_outbox_list_queries_do_not_grow_with_the_messages(
    django_capture_on_commit_callbacks, operator_admin, client_for, django_assert_num_queries
):
    client = client_for(operator_admin)
    url = reverse("core:outbox_list")
    for number in range(3):
        _send(django_capture_on_commit_callbacks, to=f"p{number}@x.dk", subject="Hej")
    client.get(url)
    with django_assert_num_queries(9) as few:
        client.get(url, {"category": "transactional"})
    for number in range(6):
        _send(django_capture_on_commit_callbacks, to=f"q{number}@x.dk", subject="Hej")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url, {"category": "transactional"})
