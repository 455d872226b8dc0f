"""The newsletter figures as CSV and Excel: for the editorial desk, one row per newsletter."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.core.models import AuditEvent, EmailDelivery
from portal.newsletters import services
from portal.newsletters.models import Newsletter
from portal.testing.exports import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def export_url(fmt="csv"):
    return reverse("newsletters:figures_export", args=[fmt])


def sent_newsletter(editor, *, subject, delivered=0, opened=0, clicked=0):
    newsletter = services.newsletter_draft_create(by=editor)
    Newsletter.objects.filter(pk=newsletter.pk).update(
        subject=subject,
        status=Newsletter.Status.SENT,
        sent_at=timezone.now(),
        recipient_count=delivered + 1,
    )
    now = timezone.now()
    for n in range(delivered):
        EmailDelivery.objects.create(
            template="newsletters/newsletter",
            recipient=f"laeser{n}@3f.example.dk",
            subject=subject,
            status=EmailDelivery.Status.SENT,
            reference=newsletter.reference,
            opened_at=now if n < opened else None,
            clicked_at=now if n < clicked else None,
        )
    newsletter.refresh_from_db()
    return newsletter


def test_an_editor_gets_opens_clicks_and_recipients_per_newsletter(client_for, editor):
    sent_newsletter(editor, subject="-Nyt om dagpenge", delivered=3, opened=2, clicked=1)
    response = client_for(editor).get(export_url())
    assert response.status_code == 200
    header, *rows = csv_rows(response)
    assert header[0] == "Emne"
    assert len(rows) == 1
    subject, _status, _sent, recipients, _items, delivered, opened, clicked = rows[0]
    assert subject == "'-Nyt om dagpenge"
    assert (recipients, delivered, opened, clicked) == ("4", "3", "2", "1")


def test_the_excel_file_has_numbers_and_dates(client_for, editor):
    sent_newsletter(editor, subject="Nyt", delivered=2, opened=1)
    _header, row = xlsx_rows(client_for(editor).get(export_url("xlsx")))
    assert isinstance(row[2], datetime)
    assert row[3:] == (3, row[4], 2, 1, 0)


def test_the_export_is_audited(client_for, editor):
    sent_newsletter(editor, subject="Nyt")
    client_for(editor).get(export_url("xlsx"))
    entry = AuditEvent.objects.get(action=AuditEvent.Action.TABLE_EXPORTED)
    assert entry.actor == editor
    assert entry.detail == {
        "what": "newsletter_figures",
        "format": "xlsx",
        "rows": 1,
        "filters": {},
    }


@pytest.mark.parametrize("who", ["caseworker", "jurist", "fund_admin"])
def test_only_editors_may_export(client_for, editor, caseworker, jurist, fund_admin, who):
    sent_newsletter(editor, subject="Nyt")
    user = {"caseworker": caseworker, "jurist": jurist, "fund_admin": fund_admin}[who]
    assert client_for(user).get(export_url()).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TABLE_EXPORTED).exists()


def test_the_editor_list_shows_the_buttons(client_for, editor):
    sent_newsletter(editor, subject="Nyt")
    page = client_for(editor).get(reverse("newsletters:editor_list")).content.decode()
    assert export_url("csv") in page
    assert export_url("xlsx") in page


def test_the_export_costs_the_same_number_of_queries_for_more_newsletters(
    client_for, editor, django_assert_num_queries
):
    sent_newsletter(editor, subject="Første", delivered=1)
    client = client_for(editor)
    client.get(export_url())
    with django_assert_num_queries(8) as first:
        client.get(export_url())
    for n in range(3):
        sent_newsletter(editor, subject=f"Flere {n}", delivered=2, opened=1)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(export_url())
