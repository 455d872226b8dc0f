"""Issue 14, item 7: the draft leaves out what the last newsletter carried, the editor adds
from a search box, "Send now" asks first with the recipient count, and the list shows how far
a round has got."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.core.models import EmailDelivery
from portal.core.tests.factories import UserFactory
from portal.events.models import Event
from portal.events.tests.factories import EventFactory
from portal.forum.tests.factories import make_thread
from portal.guides import services as guide_services
from portal.newsletters import selectors, services
from portal.newsletters.models import Newsletter, NewsletterItem, NewsletterRecipient

from .conftest import read

pytestmark = pytest.mark.django_db


def titles(newsletter) -> list[str]:
    return list(newsletter.items.order_by("position").values_list("title", flat=True))


def mark_sent(newsletter, **fields):
    fields = {"status": Newsletter.Status.SENT, "sent_at": timezone.now(), **fields}
    Newsletter.objects.filter(pk=newsletter.pk).update(**fields)


# --- The draft ---------------------------------------------------------------------------


def test_draft_proposes_threads_guides_and_events_but_not_what_the_last_one_carried(
    editor, author, topic
):
    carried = make_thread(author=author, topic=topic, title="Allerede bragt")
    read(carried, 50)
    guide = guide_services.guide_create(
        by=editor, title="Vejledning om ledighed", topic=topic, body="Tekst"
    )
    event = EventFactory(title="Temadag om fleksjob")
    first = services.newsletter_draft_create(by=editor)
    assert set(first.items.values_list("kind", flat=True)) == {
        NewsletterItem.Kind.THREAD,
        NewsletterItem.Kind.GUIDE,
        NewsletterItem.Kind.EVENT,
    }
    first.items.exclude(thread=carried).delete()
    mark_sent(first)

    new = make_thread(author=author, topic=topic, title="Nyt i dag")
    read(new, 5)
    second = services.newsletter_draft_create(by=editor)

    assert "Allerede bragt" not in titles(second)
    assert titles(second) == ["Nyt i dag", guide.title, event.title]
    assert second.period_start == timezone.localdate()


def test_an_older_newsletter_does_not_hold_back_proposals(editor, author, topic):
    thread = make_thread(author=author, topic=topic, title="Igen aktuel")
    read(thread, 9)
    older = services.newsletter_draft_create(by=editor)
    mark_sent(older, sent_at=timezone.now() - timedelta(days=40))
    latest = services.newsletter_draft_create(by=editor)
    latest.items.all().delete()
    mark_sent(latest)

    assert "Igen aktuel" in titles(services.newsletter_draft_create(by=editor))


# --- The search box ----------------------------------------------------------------------


def search(client, newsletter, q, **kwargs):
    return client.get(reverse("newsletters:item_search", args=[newsletter.pk]), {"q": q}, **kwargs)


def test_search_finds_public_threads_guides_and_events_by_title_with_danish_analysis(
    client_for, editor, author, topic, private_thread, hidden_thread
):
    make_thread(author=author, topic=topic, title="Sygedagpengene ved deltid")
    make_thread(author=author, topic=topic, title="Noget helt andet")
    guide_services.guide_create(
        by=editor, title="Sygedagpenge: vejledning", topic=topic, body="Tekst"
    )
    guide_services.guide_create(
        by=editor, title="Sygedagpenge kladde", topic=topic, body="Tekst", is_published=False
    )
    EventFactory(title="Temadag om sygedagpenge")
    EventFactory(title="Sygedagpenge for få", audience=Event.Audience.ORGANISATION_KIND)
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()

    response = search(
        client_for(editor), newsletter, "sygedagpenge", headers={"HX-Request": "true"}
    )

    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.lstrip().startswith('<div id="search-results"')
    assert "<html" not in fragment
    assert "Skjult" not in fragment and "Hemmelig" not in fragment
    found = search(client_for(editor), newsletter, "sygedagpenge").context["search_results"]
    assert [a.proposal.title for a in found] == [
        "Sygedagpengene ved deltid",
        "Sygedagpenge: vejledning",
        "Temadag om sygedagpenge",
    ]
    assert 'name="url"' in fragment and "csrfmiddlewaretoken" in fragment


def test_search_typed_without_danish_letters_finds_titles_with_them(
    client_for, editor, author, topic
):
    thread = make_thread(author=author, topic=topic, title="Rådighed ved ferie")
    make_thread(author=author, topic=topic, title="Noget helt andet")
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()

    found = search(client_for(editor), newsletter, "raadighed").context["search_results"]

    assert [result.proposal.title for result in found] == [thread.title]


def test_search_without_js_returns_the_editor_page_and_adding_puts_the_item_last(
    client_for, editor, author, topic
):
    thread = make_thread(author=author, topic=topic, title="Fleksjob og løntilskud")
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()
    client = client_for(editor)

    page = search(client, newsletter, "fleksjob")
    assert page.status_code == 200
    assert "<html" in page.content.decode()
    (found,) = page.context["search_results"]
    response = client.post(
        reverse("newsletters:item_add", args=[newsletter.pk]), {"url": found.proposal.url}
    )

    assert response.status_code == 302
    assert newsletter.items.get().thread == thread
    again = search(client, newsletter, "fleksjob").context["search_results"]
    assert again[0].added
    assert "Allerede i nyhedsbrevet" in search(client, newsletter, "fleksjob").content.decode()


def test_search_is_for_editors_only_and_an_empty_query_finds_nothing(
    client_for, editor, caseworker
):
    newsletter = services.newsletter_draft_create(by=editor)
    url = reverse("newsletters:item_search", args=[newsletter.pk])
    assert client_for(caseworker).get(url, {"q": "x"}).status_code == 403
    assert client_for(editor).get(url, {"q": ""}).context["search_results"] == []


SEARCH_QUERIES = 9


@pytest.mark.parametrize("rows", [1, 2])
def test_search_query_count_does_not_grow_with_the_hits(
    rows, client_for, editor, author, topic, django_assert_num_queries
):
    for number in range(rows):
        make_thread(author=author, topic=topic, title=f"Dagpenge {number}")
        guide_services.guide_create(
            by=editor, title=f"Dagpenge guide {number}", topic=topic, body="Tekst"
        )
        EventFactory(title=f"Dagpenge møde {number}")
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()
    client = client_for(editor)
    search(client, newsletter, "dagpenge", headers={"HX-Request": "true"})

    with django_assert_num_queries(SEARCH_QUERIES):
        response = search(client, newsletter, "dagpenge", headers={"HX-Request": "true"})
    assert response.content.decode().count('name="url"') == 3 * rows


# --- Send now, after a question ----------------------------------------------------------


def test_send_now_asks_with_the_recipient_count_and_only_the_post_sends(
    client_for, editor, author, topic, fund
):
    thread = make_thread(author=author, topic=topic, title="Tråd")
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()
    services.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"/debat/traad/{thread.pk}/"
    )
    count = selectors.newsletter_recipient_count(newsletter=newsletter)
    client = client_for(editor)
    url = reverse("newsletters:newsletter_send", args=[newsletter.pk])

    edit_page = client.get(reverse("newsletters:newsletter_edit", args=[newsletter.pk]))
    assert f'href="{url}"' in edit_page.content.decode()
    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert f"Send til {count} modtagere?" in text
    assert f'<form method="post" action="{url}"' in text and "csrfmiddlewaretoken" in text
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT

    response = client.post(url)
    assert response.url == reverse("newsletters:editor_list")
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SCHEDULED
    assert newsletter.sent_by == editor


def test_the_question_shows_large_counts_the_danish_way(client_for, editor, monkeypatch):
    newsletter = services.newsletter_draft_create(by=editor)
    monkeypatch.setattr(selectors, "newsletter_recipient_count", lambda newsletter: 1024)
    page = client_for(editor).get(reverse("newsletters:newsletter_send", args=[newsletter.pk]))
    assert "Send til 1.024 modtagere?" in page.content.decode()


def test_the_question_is_for_editors_only_and_a_sent_newsletter_goes_back(
    client_for, editor, caseworker
):
    newsletter = services.newsletter_draft_create(by=editor)
    url = reverse("newsletters:newsletter_send", args=[newsletter.pk])
    assert client_for(caseworker).get(url).status_code == 403
    mark_sent(newsletter)
    assert client_for(editor).get(url).url == reverse(
        "newsletters:newsletter_edit", args=[newsletter.pk]
    )


# --- Progress ----------------------------------------------------------------------------


def sending_round(editor, *, total: int, sent: int, failed: int, skipped: int, waiting: int):
    """A newsletter in "sending" whose round is partly through, made row by row."""
    newsletter = services.newsletter_draft_create(by=editor)
    Newsletter.objects.filter(pk=newsletter.pk).update(
        status=Newsletter.Status.SENDING, recipient_count=total
    )
    states = (
        [EmailDelivery.Status.SENT] * sent
        + [EmailDelivery.Status.FAILED] * failed
        + ["skipped"] * skipped
        + [EmailDelivery.Status.PENDING] * waiting
    )
    states += ["unhandled"] * (total - len(states))
    for number, state in enumerate(states):
        person = UserFactory(email=f"r{newsletter.pk}-{number}@example.dk")
        delivery = None
        if state not in ("skipped", "unhandled"):
            delivery = EmailDelivery.objects.create(
                template="newsletters/emails/newsletter",
                recipient=person.email,
                subject="x",
                status=state,
                reference=newsletter.reference,
            )
        NewsletterRecipient.objects.create(
            newsletter=newsletter,
            user=person,
            handled_at=None if state == "unhandled" else timezone.now(),
            delivery=delivery,
        )
    return newsletter


def test_the_list_shows_how_far_a_round_has_got(client_for, editor):
    sending_round(editor, total=8, sent=3, failed=1, skipped=1, waiting=2)

    page = client_for(editor).get(reverse("newsletters:editor_list")).content.decode()

    assert "sender (5/8)" in page


PROGRESS_LIST_QUERIES = 7


@pytest.mark.parametrize("rounds", [1, 3])
def test_progress_costs_no_query_per_newsletter(
    rounds, client_for, editor, django_assert_num_queries
):
    for _number in range(rounds):
        sending_round(editor, total=4, sent=2, failed=0, skipped=0, waiting=1)
    client = client_for(editor)
    client.get(reverse("newsletters:editor_list"))

    with django_assert_num_queries(PROGRESS_LIST_QUERIES):
        page = client.get(reverse("newsletters:editor_list")).content.decode()
    assert page.count("sender (2/4)") == rounds


SEND_QUESTION_QUERIES = 8


def test_the_question_page_query_count_is_pinned(
    client_for, editor, author, topic, django_assert_num_queries
):
    for number in range(3):
        make_thread(author=author, topic=topic, title=f"Tråd {number}")
    newsletter = services.newsletter_draft_create(by=editor)
    client = client_for(editor)
    url = reverse("newsletters:newsletter_send", args=[newsletter.pk])
    client.get(url)

    with django_assert_num_queries(SEND_QUESTION_QUERIES):
        assert client.get(url).status_code == 200
