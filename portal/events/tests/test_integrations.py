"""Events in the rest of the portal: the digest (with a signed RSVP link), newsletter drafts and
search, each only with events the reader may see."""

from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from portal.conftest import make_user
from portal.core.models import EmailDelivery, OrganisationKind
from portal.core.tests.factories import OrganisationFactory, TopicFactory
from portal.digests.models import DigestFrequency
from portal.digests.services import digest_round
from portal.events.models import Event, Registration
from portal.forum import services as forum
from portal.forum.tests.factories import NetworkFactory, add_member
from portal.insights.models import DailyEmailActions, DailyEmailFigures
from portal.newsletters import services as newsletters
from portal.newsletters.models import NewsletterItem
from portal.search import indexing
from portal.search.models import SearchDocument
from portal.search.selectors import search
from portal.testing.smtp import extract_url
from portal.testing.smtp import smtp_server as _smtp_server  # noqa: F401 (the fixture)

from .factories import EventFactory, EventSessionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")
WRITE_AT = datetime(2026, 11, 18, 10, 0, tzinfo=CPH)
MONDAY_0630 = datetime(2026, 11, 23, 6, 30, tzinfo=CPH)


def _event(**fields) -> Event:
    starts = fields.pop("starts_at", datetime(2026, 12, 10, 13, 0, tzinfo=CPH))
    with time_machine.travel(WRITE_AT, tick=False):
        return EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=3), **fields)


def _digest_round():
    with time_machine.travel(MONDAY_0630, tick=False):
        return digest_round(frequency=DigestFrequency.WEEKLY)


# --- Digest ----------------------------------------------------------------------------------


def test_the_digest_offers_a_visible_event_with_a_working_rsvp_link(
    smtp_server, client, caseworker
):
    event = _event(title="Temamøde: Rådighed ved deltid", capacity=20, venue="LO Hovedstaden")
    _digest_round()
    message = smtp_server.wait_for_message(to=caseworker.email)
    assert event.title in message.text
    assert "LO Hovedstaden" in message.text and "LO Hovedstaden" in message.html
    assert "10. december 2026" in message.text  # date in the reader's language (Danish)
    assert event.get_absolute_url() in message.text
    link = extract_url(message.text, contains="/e/k/")
    # The click-measured link leads to the reader's own sign-up page, which signs up nobody...
    landing = client.get(urlsplit(link).path)
    assert landing.status_code == 302 and "/arrangementer/svar/" in landing["Location"]
    page = client.get(landing["Location"])
    assert page.status_code == 200 and event.title in page.content.decode()
    assert not Registration.objects.exists()
    # ...until the button is pressed.
    assert client.post(landing["Location"]).status_code == 200
    registration = Registration.objects.get()
    assert (registration.user, registration.event) == (caseworker, event)
    # The evaluation counts the digest sent and clicked, and one sign-up from an email, once.
    assert client.post(landing["Location"]).status_code == 200
    assert list(DailyEmailActions.objects.values_list("action", "count")) == [("rsvp", 1)]
    sent_day = timezone.localdate(EmailDelivery.objects.get(recipient=caseworker.email).sent_at)
    assert DailyEmailFigures.objects.filter(
        day=sent_day, category="digest", opened=1, clicked=1
    ).exists()


def test_the_digest_never_offers_an_event_of_a_network_the_reader_is_not_in(
    smtp_server, caseworker, colleague, fund
):
    network = NetworkFactory(is_open=True)
    add_member(network, colleague)
    _event(
        title="Netværksmøde for medlemmer",
        audience=Event.Audience.NETWORK,
        audience_network=network,
    )
    _event(
        title="Kun for jobcentre",
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.JOBCENTER,
    )
    _event(
        title="For a-kasser",
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.UFUND,
    )
    _event(title="Kladde", draft=True)
    _event(title="Aflyst", cancelled=True)
    _digest_round()
    mine = smtp_server.wait_for_message(to=caseworker.email)
    theirs = smtp_server.wait_for_message(to=colleague.email)
    assert "Netværksmøde for medlemmer" not in mine.text
    assert "Netværksmøde for medlemmer" in theirs.text
    for message in (mine, theirs):
        assert "For a-kasser" in message.text
        assert "Kun for jobcentre" not in message.text
        assert "Kladde" not in message.text and "Aflyst" not in message.text


def test_the_digest_leaves_out_events_one_is_signed_up_for_or_cannot_join(
    smtp_server, caseworker, colleague
):
    signed_up = _event(title="Allerede tilmeldt")
    RegistrationFactory(event=signed_up, user=caseworker)
    _event(
        title="Tilmelding lukket", registration_closes_at=datetime(2026, 11, 20, 12, 0, tzinfo=CPH)
    )
    _event(title="Langt ude i fremtiden", starts_at=datetime(2027, 6, 1, 10, 0, tzinfo=CPH))
    _event(title="Åbent møde")
    _digest_round()
    text = smtp_server.wait_for_message(to=caseworker.email).text
    assert "Åbent møde" in text
    assert "Allerede tilmeldt" not in text
    assert "Tilmelding lukket" not in text and "Langt ude i fremtiden" not in text
    assert "Allerede tilmeldt" in smtp_server.wait_for_message(to=colleague.email).text


def test_events_of_followed_topics_come_first(smtp_server, caseworker):
    followed, other = TopicFactory(name="Sygedagpenge"), TopicFactory(name="Unge")
    forum.topic_follow(topic=followed, user=caseworker)
    _event(title="Om unge", topic=other, starts_at=datetime(2026, 12, 1, 10, 0, tzinfo=CPH))
    _event(title="Om sygedagpenge", topic=followed)
    _digest_round()
    text = smtp_server.wait_for_message(to=caseworker.email).text
    assert text.index("Om sygedagpenge") < text.index("Om unge")


def test_the_events_source_costs_the_same_queries_for_more_readers_and_events(smtp_server, fund):
    def round_queries(n_people, n_events, start):
        for i in range(n_people):
            make_user(organisation=fund, email=f"laeser{start + i}@3f.example.dk")
        for i in range(n_events):
            _event(title=f"Møde {start + i}")
        from portal.digests.models import DigestRun

        DigestRun.objects.all().delete()
        with (
            time_machine.travel(MONDAY_0630, tick=False),
            CaptureQueriesContext(connection) as ctx,
        ):
            result = digest_round(frequency=DigestFrequency.WEEKLY)
        return len(ctx.captured_queries), result.sent

    few, few_sent = round_queries(2, 1, 100)
    many, many_sent = round_queries(5, 3, 200)
    assert many_sent > few_sent > 0
    # Composing the events block costs the same whatever the readers and events; sending costs
    # two queries per message (its claim and its mark: a crash sends at most one twice).
    assert few - 2 * few_sent == many - 2 * many_sent


# --- Newsletter ------------------------------------------------------------------------------


def test_a_newsletter_draft_proposes_upcoming_events_open_to_everyone(editor, fund):
    upcoming = EventFactory(title="Årskonference 2027", description="Kom og **vær med**.")
    EventFactory(
        title="Kun for a-kasser",
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.UFUND,
    )
    EventFactory(title="Kladden", draft=True)
    EventFactory(title="Forbi", past=True)
    EventFactory(title="Aflyst", cancelled=True)
    with translation.override("en"):
        newsletter = newsletters.newsletter_draft_create(by=editor)
    items = list(newsletter.items.filter(kind=NewsletterItem.Kind.EVENT))
    assert [item.title for item in items] == ["Årskonference 2027"]
    item = items[0]
    assert item.url == upcoming.get_absolute_url()
    assert item.reason == "Upcoming event"  # "Kommende arrangement" in Danish
    assert "LO Hovedstaden" in item.summary and "vær med" in item.summary
    assert "**" not in item.summary


def test_an_editor_pastes_the_address_of_an_event_open_to_everyone(editor, settings):
    from django.core.exceptions import ValidationError

    event = EventFactory(title="Temamøde om rådighed")
    kind_only = EventFactory(
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.UFUND,
    )
    draft = EventFactory(draft=True)
    with translation.override("en"):
        newsletter = newsletters.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()

    item = newsletters.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"{settings.SITE_URL}{event.get_absolute_url()}"
    )
    assert (item.kind, item.title, item.url) == (
        NewsletterItem.Kind.EVENT,
        "Temamøde om rådighed",
        event.get_absolute_url(),
    )
    refused = {
        event.get_absolute_url(): "duplicate",
        kind_only.get_absolute_url(): "not_public",
        draft.get_absolute_url(): "not_public",
        "/arrangementer/999999/": "not_found",
    }
    for url, code in refused.items():
        with pytest.raises(ValidationError) as error:
            newsletters.newsletter_item_add_by_url(newsletter=newsletter, by=editor, url=url)
        assert error.value.error_dict["url"][0].code == code
    assert newsletter.items.count() == 1


# --- Search ----------------------------------------------------------------------------------


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    def _indexed():
        return django_capture_on_commit_callbacks(execute=True)

    return _indexed


def test_search_finds_an_event_by_a_danish_word_of_its_description(indexed, caseworker):
    with indexed():
        event = EventFactory(
            title="Temamøde om ledige",
            description="Vi drøfter sanktionerne over for de langtidsledige.",
        )
    results = search(user=caseworker, query="sanktion")
    assert [hit.document.object_id for hit in results.hits] == [event.pk]
    assert results.hits[0].document.kind == SearchDocument.Kind.EVENT
    assert results.hits[0].document.url == event.get_absolute_url()
    assert search(user=caseworker, query="sanktion", kinds=["event"]).total == 1
    assert search(user=caseworker, query="sanktion", kinds=["thread"]).total == 0


def test_search_finds_an_event_by_its_programme_and_follows_changes(indexed, caseworker):
    with indexed():
        event = EventFactory(title="Årsmøde")
        EventSessionFactory(event=event, title="Jobafklaringsforløb i praksis")
    assert search(user=caseworker, query="jobafklaringsforløb").total == 1
    with indexed():
        event.title = "Årsmøde om fleksjob"
        event.save()
    assert search(user=caseworker, query="fleksjob").total == 1
    with indexed():
        event.status = Event.Status.DRAFT
        event.save()
    assert search(user=caseworker, query="årsmøde").total == 0
    with indexed():
        event.status = Event.Status.PUBLISHED
        event.save()
    assert search(user=caseworker, query="årsmøde").total == 1
    with indexed():
        event.delete()
    assert not SearchDocument.objects.filter(kind=SearchDocument.Kind.EVENT).exists()


def test_search_never_shows_an_event_outside_the_readers_audience(
    indexed, caseworker, colleague, editor
):
    network = NetworkFactory(is_open=True)
    add_member(network, colleague)
    jobcentre = OrganisationFactory(kind=OrganisationKind.JOBCENTER)
    jobcentre_reader = make_user(organisation=jobcentre, email="jc@jobcenter.example.dk")
    with indexed():
        EventFactory(
            title="Netværksmøde",
            description="Hemmelige overvejelser om partshøring.",
            audience=Event.Audience.NETWORK,
            audience_network=network,
        )
        EventFactory(
            title="A-kassemøde",
            description="Partshøring i a-kassen.",
            audience=Event.Audience.ORGANISATION_KIND,
            audience_organisation_kind=OrganisationKind.UFUND,
        )
        EventFactory(title="Kladde om partshøring", draft=True)
    assert search(user=caseworker, query="partshøring").total == 1  # the fund event only
    assert search(user=colleague, query="partshøring").total == 2  # a member of the network
    assert search(user=jobcentre_reader, query="partshøring").total == 0
    assert search(user=editor, query="partshøring").total == 2  # drafts are never indexed


def test_search_rebuild_includes_published_and_cancelled_events_not_drafts(caseworker):
    EventFactory(title="Offentliggjort")
    EventFactory(title="Aflyst", cancelled=True)
    EventFactory(title="Kladde", draft=True)
    counts = indexing.index_rebuild()
    assert counts["event"] == 2
    assert set(
        SearchDocument.objects.filter(kind=SearchDocument.Kind.EVENT).values_list(
            "title", flat=True
        )
    ) == {"Offentliggjort", "Aflyst"}


def test_the_search_page_offers_events_as_a_type(client_for, caseworker, indexed):
    with indexed():
        event = EventFactory(
            title="Temamøde om rådighed", description="Rådighedsvurdering i praksis."
        )
    response = client_for(caseworker).get("/soeg/", {"q": "rådighed", "type": "event"})
    assert response.status_code == 200
    assert f'href="{event.get_absolute_url()}"' in response.content.decode()
    assert response.context["results"].total == 1
    # In Danish an event is an "arrangement", never the audit log's "hændelse".
    page = response.content.decode()
    assert ">Arrangement<" in page
    assert "Hændelse" not in page
