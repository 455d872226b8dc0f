"""The newsletter's pages: who may see what, the editor's flow without JS and with htmx, and
the query counts of the lists."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.core.models import EmailDelivery
from portal.digests.models import EmailClick
from portal.forum.tests.factories import make_thread
from portal.insights.models import DailyVisits
from portal.newsletters import services
from portal.newsletters.models import Newsletter
from portal.testing.smtp import extract_url

from .conftest import read

pytestmark = pytest.mark.django_db


def sent_newsletter(editor, *, subject="Nyhedsbrev", items=()):
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()
    for thread in items:
        services.newsletter_item_add_by_url(
            newsletter=newsletter, by=editor, url=f"/debat/traad/{thread.pk}/"
        )
    Newsletter.objects.filter(pk=newsletter.pk).update(
        subject=subject, status=Newsletter.Status.SENT, sent_at=timezone.now()
    )
    newsletter.refresh_from_db()
    return newsletter


# --- Permissions -------------------------------------------------------------------------


def test_a_caseworker_is_refused_every_editor_page(client_for, caseworker, editor):
    newsletter = services.newsletter_draft_create(by=editor)
    client = client_for(caseworker)
    pk = newsletter.pk
    for url in (
        reverse("newsletters:editor_list"),
        reverse("newsletters:newsletter_create"),
        reverse("newsletters:newsletter_edit", args=[pk]),
        reverse("newsletters:newsletter_preview", args=[pk]),
        reverse("newsletters:newsletter_preview_html", args=[pk]),
        reverse("newsletters:newsletter_figures", args=[pk]),
    ):
        assert client.get(url).status_code == 403, url
    for url in (
        reverse("newsletters:newsletter_send", args=[pk]),
        reverse("newsletters:newsletter_test", args=[pk]),
        reverse("newsletters:item_add", args=[pk]),
        reverse("newsletters:newsletter_delete", args=[pk]),
    ):
        assert client.post(url).status_code == 403, url
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT
    assert not EmailDelivery.objects.exists()


def test_a_draft_web_version_is_not_found_for_a_caseworker(client_for, caseworker, editor):
    newsletter = services.newsletter_draft_create(by=editor)
    response = client_for(caseworker).get(
        reverse("newsletters:newsletter_detail", args=[newsletter.pk])
    )
    assert response.status_code == 404


def test_an_unknown_newsletter_is_not_found_for_an_editor(client_for, editor):
    response = client_for(editor).get(reverse("newsletters:newsletter_edit", args=[9999]))
    assert response.status_code == 404


def test_the_archive_needs_a_signed_in_member(client):
    response = client.get(reverse("newsletters:newsletter_archive"))
    assert response.status_code == 302


# --- Archive and web version -------------------------------------------------------------


def test_archive_lists_sent_newsletters_newest_first_and_not_drafts(client_for, caseworker, editor):
    services.newsletter_draft_create(by=editor)
    older = sent_newsletter(editor, subject="Oktober")
    Newsletter.objects.filter(pk=older.pk).update(sent_at=timezone.now() - timedelta(days=30))
    sent_newsletter(editor, subject="November")

    response = client_for(caseworker).get(reverse("newsletters:newsletter_archive"))

    assert [n.subject for n in response.context["page_obj"].object_list] == [
        "November",
        "Oktober",
    ]


def test_web_version_shows_the_items_a_reader_may_see_with_plain_links(
    client_for, caseworker, editor, author, topic, private_thread
):
    public = make_thread(author=author, topic=topic, title="Offentlig")
    newsletter = sent_newsletter(editor, items=[public])
    newsletter.items.create(
        position=1, kind="thread", thread=private_thread, url="/x/", title="Hemmelig sag"
    )

    response = client_for(caseworker).get(
        reverse("newsletters:newsletter_detail", args=[newsletter.pk])
    )

    page = response.content.decode()
    assert "Offentlig" in page and "Hemmelig sag" not in page
    assert f"/debat/traad/{public.pk}/" in page and "/e/k/" not in page


@pytest.mark.parametrize("rows", [3, 6])
def test_archive_query_count_does_not_grow_with_the_newsletters(
    rows, client_for, caseworker, editor, django_assert_num_queries
):
    for number in range(rows):
        sent_newsletter(editor, subject=f"Nr. {number}")
    client = client_for(caseworker)
    client.get(reverse("newsletters:newsletter_archive"))  # session and caches warm

    with django_assert_num_queries(ARCHIVE_QUERIES):
        response = client.get(reverse("newsletters:newsletter_archive"))
    assert len(response.context["page_obj"].object_list) == rows


ARCHIVE_QUERIES = 7
EDITOR_LIST_QUERIES = 7


@pytest.mark.parametrize("rows", [3, 6])
def test_editor_list_query_count_does_not_grow_with_the_newsletters(
    rows, client_for, editor, author, topic, django_assert_num_queries
):
    thread = make_thread(author=author, topic=topic, title="Tråd")
    for number in range(rows):
        sent_newsletter(editor, subject=f"Nr. {number}", items=[thread])
        services.newsletter_draft_create(by=editor)
    client = client_for(editor)
    client.get(reverse("newsletters:editor_list"))

    with django_assert_num_queries(EDITOR_LIST_QUERIES):
        response = client.get(reverse("newsletters:editor_list"))
    assert len(response.context["page_obj"].object_list) == 2 * rows


# --- The editor's flow -------------------------------------------------------------------


def test_new_newsletter_creates_a_draft_with_proposed_items(client_for, editor, author, topic):
    read(make_thread(author=author, topic=topic, title="Meget læst"), 10)
    client = client_for(editor)
    form = client.get(reverse("newsletters:newsletter_create")).context["form"]

    response = client.post(
        reverse("newsletters:newsletter_create"),
        {
            "period_start": form.initial["period_start"].isoformat(),
            "period_end": form.initial["period_end"].isoformat(),
        },
    )

    newsletter = Newsletter.objects.get()
    assert response.url == reverse("newsletters:newsletter_edit", args=[newsletter.pk])
    page = client.get(response.url).content.decode()
    assert "Meget læst" in page
    assert newsletter.items.get().reason in page


def test_moving_an_item_works_without_js_and_swaps_the_list_with_htmx(
    client_for, editor, author, topic
):
    a = make_thread(author=author, topic=topic, title="Første")
    b = make_thread(author=author, topic=topic, title="Anden")
    newsletter = sent_newsletter(editor, items=[a, b])
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.DRAFT)
    second = newsletter.items.get(title="Anden")
    client = client_for(editor)
    url = reverse("newsletters:item_move", args=[newsletter.pk, second.pk])

    response = client.post(url, {"direction": "up"})
    assert response.status_code == 302
    assert list(newsletter.items.order_by("position").values_list("title", flat=True)) == [
        "Anden",
        "Første",
    ]

    response = client.post(url, {"direction": "down"}, headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.lstrip().startswith('<div id="items">')
    assert "<html" not in fragment
    assert fragment.index("Første") < fragment.index("Anden")


def test_adding_a_private_thread_by_url_shows_the_reason_and_keeps_the_address(
    client_for, editor, private_thread
):
    newsletter = services.newsletter_draft_create(by=editor)
    url = f"/debat/traad/{private_thread.pk}/"

    response = client_for(editor).post(
        reverse("newsletters:item_add", args=[newsletter.pk]), {"url": url}
    )

    assert response.status_code == 400
    assert response.context["add_form"].errors["url"]
    assert f'value="{url}"' in response.content.decode()
    assert newsletter.items.count() == 0


def test_saving_an_intro_with_a_cpr_number_keeps_the_text_and_changes_nothing(client_for, editor):
    newsletter = services.newsletter_draft_create(by=editor)
    subject = newsletter.subject

    response = client_for(editor).post(
        reverse("newsletters:newsletter_edit", args=[newsletter.pk]),
        {"subject": "Nyt emne", "intro": "Se 010190-1234", "segment": "everyone"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["intro"]
    newsletter.refresh_from_db()
    assert (newsletter.subject, newsletter.intro) == (subject, "")


def test_preview_shows_exactly_the_copy_of_the_chosen_reader(
    client_for, editor, caseworker, author, topic, private_thread
):
    newsletter = sent_newsletter(
        editor, items=[make_thread(author=author, topic=topic, title="Åben")]
    )
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.DRAFT)
    newsletter.items.create(
        position=1,
        kind="thread",
        thread=private_thread,
        url=f"/debat/traad/{private_thread.pk}/",
        title="Hemmelig sag",
    )
    client = client_for(editor)
    preview = reverse("newsletters:newsletter_preview", args=[newsletter.pk])

    as_caseworker = client.get(preview, {"reader": caseworker.email}).context["text"]
    as_author = client.get(preview, {"reader": author.email}).context["text"]
    html = client.get(
        reverse("newsletters:newsletter_preview_html", args=[newsletter.pk]),
        {"reader": caseworker.email},
    )

    assert "Åben" in as_caseworker and "Hemmelig sag" not in as_caseworker
    assert "Hemmelig sag" in as_author
    assert html["X-Frame-Options"] == "SAMEORIGIN"
    assert "Hemmelig sag" not in html.content.decode()
    assert "/e/k/" not in html.content.decode()


def test_send_a_test_mails_the_editor_alone_marked_test(
    client_for, editor, caseworker, smtp_server, django_capture_on_commit_callbacks
):
    newsletter = services.newsletter_draft_create(by=editor)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(reverse("newsletters:newsletter_test", args=[newsletter.pk]))

    message = smtp_server.wait_for_message(to=editor.email)
    assert message.subject.strip() == f"[TEST] {newsletter.subject}"
    assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert smtp_server.messages_to(caseworker.email) == []
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT


def test_schedule_form_takes_copenhagen_time(client_for, editor, author, topic):
    newsletter = sent_newsletter(editor, items=[make_thread(author=author, topic=topic)])
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.DRAFT)

    response = client_for(editor).post(
        reverse("newsletters:newsletter_schedule", args=[newsletter.pk]),
        {"send_at": "2099-07-01T08:00"},
    )

    assert response.status_code == 302
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SCHEDULED
    # 08:00 in Copenhagen summer time is 06:00 UTC.
    assert newsletter.scheduled_for.astimezone(UTC).hour == 6


# --- End to end against a real SMTP server -----------------------------------------------


def test_recipients_get_the_newsletter_and_a_followed_link_shows_in_the_figures(
    client_for,
    editor,
    caseworker,
    colleague,
    author,
    topic,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    thread = make_thread(author=author, topic=topic, title="Rådighed ved deltid")
    read(thread, 25)
    client = client_for(editor)
    client.post(
        reverse("newsletters:newsletter_create"),
        {
            "period_start": timezone.localdate().replace(day=1).isoformat(),
            "period_end": timezone.localdate().isoformat(),
        },
    )
    newsletter = Newsletter.objects.get()
    item = newsletter.items.get()
    client.post(
        reverse("newsletters:newsletter_edit", args=[newsletter.pk]),
        {"subject": "Nyt fra portalen", "intro": "Hej **alle**", "segment": "everyone"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletters:newsletter_send", args=[newsletter.pk]))

    received = smtp_server.wait_for_message(to=caseworker.email)
    smtp_server.wait_for_message(to=colleague.email)
    assert received.subject == "Nyt fra portalen"
    assert "<strong>alle</strong>" in received.html
    assert received.message["Precedence"] == "bulk"
    assert received.message["List-Unsubscribe"]
    link = extract_url(received.text, contains="/e/k/")
    assert link in received.html
    assert 'alt=""' in received.html and "/e/a/" in received.html

    reader = client_for(caseworker)
    landing = reader.get(urlsplit(link).path)
    assert landing.status_code == 302
    assert landing.url == f"/debat/traad/{thread.pk}/"
    click = EmailClick.objects.get()
    assert click.item == item.key
    assert click.delivery.recipient == caseworker.email

    figures = (
        client_for(editor)
        .get(reverse("newsletters:newsletter_figures", args=[newsletter.pk]))
        .context["figures"]
    )
    newsletter.refresh_from_db()
    assert figures.sent == newsletter.recipient_count == 4
    assert figures.clicked == 1
    assert figures.click_rate == 25.0
    assert [(row.item.pk, row.clicks, row.people) for row in figures.items] == [(item.pk, 1, 1)]


def test_figures_show_the_visits_from_email_and_direct_in_the_week_of_sending(
    client_for, editor, author, topic
):
    newsletter = sent_newsletter(editor, items=[make_thread(author=author, topic=topic)])
    day = timezone.localdate(newsletter.sent_at)
    DailyVisits.objects.create(day=day, channel="email", count=5)
    DailyVisits.objects.create(day=day + timedelta(days=6), channel="direct", count=7)
    DailyVisits.objects.create(day=day + timedelta(days=7), channel="email", count=100)

    response = client_for(editor).get(
        reverse("newsletters:newsletter_figures", args=[newsletter.pk])
    )

    visits = response.context["visits"]
    assert (visits.email, visits.direct) == (5, 7)
    page = response.content.decode()
    # Shown once, in the page, not in its <title>.
    assert page.count('id="visits-email"') == 1
    title = page[page.index("<title>") : page.index("</title>")]
    assert "visits-email" not in title
