"""The operator's page of outgoing mail: failed and waiting messages, and sending one again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.core.email import email_send_rendered
from portal.core.models import AuditEvent, EmailDelivery

pytestmark = pytest.mark.django_db

URL = reverse("core:mail_list")


def _failed(n, start=0):
    deliveries = [
        email_send_rendered(
            to=f"person{i}@3f.example.dk", template="probe/plain", subject=f"Emne {i}", text="x"
        )
        for i in range(start, start + n)
    ]
    EmailDelivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        status=EmailDelivery.Status.FAILED, attempts=15, error="550 No such user"
    )
    return deliveries


def test_the_operator_sees_failed_mail_with_its_error_in_danish(client_for, operator_admin):
    _failed(2)
    waiting = email_send_rendered(
        to="venter@3f.example.dk", template="t", subject="Venter", text="x"
    )

    response = client_for(operator_admin).get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Udgående post" in page and "550 No such user" in page
    assert "person0@3f.example.dk" in page and "person1@3f.example.dk" in page
    assert waiting.recipient not in page
    assert "2 mislykkede" in page and "1 venter på at blive sendt" in page

    pending = client_for(operator_admin).get(URL, {"status": "pending"}).content.decode()
    assert waiting.recipient in pending and "person0@3f.example.dk" not in pending


def test_a_wrong_filter_gets_a_danish_error_and_no_list(client_for, operator_admin):
    _failed(1)

    response = client_for(operator_admin).get(URL, {"status": "sent"})

    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert "person0@3f.example.dk" not in response.content.decode()


def test_only_operator_admins_see_the_page_or_resend(client_for, fund_admin, editor, client):
    (delivery,) = _failed(1)
    assert client.get(URL).status_code == 302  # to sign-in
    for person in (fund_admin, editor):
        signed_in = client_for(person)
        assert signed_in.get(URL).status_code == 403
        assert signed_in.post(reverse("core:mail_resend", args=[delivery.pk])).status_code == 403
    assert EmailDelivery.objects.get(pk=delivery.pk).status == EmailDelivery.Status.FAILED


def test_the_operator_sends_a_failed_message_again(
    client_for, operator_admin, smtp_server, django_capture_on_commit_callbacks
):
    (delivery,) = _failed(1)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(operator_admin).post(
            reverse("core:mail_resend", args=[delivery.pk]), follow=True
        )

    assert "sendes igen" in response.content.decode()
    smtp_server.wait_for_message(to=delivery.recipient)
    assert EmailDelivery.objects.get(pk=delivery.pk).status == EmailDelivery.Status.SENT
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EMAIL_RESENT, actor=operator_admin
    ).exists()


def test_resending_mail_that_did_not_fail_is_refused_in_danish(client_for, operator_admin):
    waiting = email_send_rendered(
        to="venter@3f.example.dk", template="t", subject="Venter", text="x"
    )

    response = client_for(operator_admin).post(
        reverse("core:mail_resend", args=[waiting.pk]), follow=True
    )

    assert "Kun post, der er mislykket, kan sendes igen." in response.content.decode()
    assert (
        client_for(operator_admin).post(reverse("core:mail_resend", args=[999999])).status_code
        == 404
    )


def test_the_page_costs_the_same_number_of_queries_for_n_and_2n_messages(
    client_for, operator_admin
):
    signed_in = client_for(operator_admin)
    signed_in.get(URL)  # the first request of a session loads what later ones have at hand
    _failed(3)
    with CaptureQueriesContext(connection) as with_n:
        assert signed_in.get(URL).status_code == 200
    _failed(3, start=3)
    with CaptureQueriesContext(connection) as with_2n:
        assert signed_in.get(URL).status_code == 200
    assert len(with_n) == len(with_2n)


def test_the_audit_log_page_links_to_outgoing_mail_for_operator_admins_only(
    client_for, operator_admin, fund_admin
):
    link = f'href="{URL}"'
    assert (
        link in client_for(operator_admin).get(reverse("accounts:administration")).content.decode()
    )
    assert (
        link not in client_for(fund_admin).get(reverse("accounts:administration")).content.decode()
    )
