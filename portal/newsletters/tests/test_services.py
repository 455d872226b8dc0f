"""The newsletter's services: the draft the portal proposes, the editor's changes, the sending."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import EmailDelivery, EmailSuppression, OrganisationKind
from portal.core.tests.factories import OrganisationFactory, TopicFactory
from portal.digests.models import EmailPreference
from portal.forum import services as forum_services
from portal.forum.tests.factories import make_reply, make_thread
from portal.guides import services as guide_services
from portal.newsletters import selectors, services, tasks
from portal.newsletters.models import Newsletter, NewsletterItem, NewsletterRecipient

from .conftest import mark_useful, read

pytestmark = pytest.mark.django_db

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
CPR_TEXT = "Borgeren har cpr 010190-1234, se sagen."


def draft_with(editor, *threads) -> Newsletter:
    """A draft holding exactly `threads`, in that order (added as an editor would)."""
    newsletter = services.newsletter_draft_create(by=editor)
    newsletter.items.all().delete()
    for thread in threads:
        services.newsletter_item_add_by_url(
            newsletter=newsletter, by=editor, url=f"/debat/traad/{thread.pk}/"
        )
    return newsletter


def url_error_code(error: ValidationError) -> str:
    return error.error_dict["url"][0].code


def titles(newsletter) -> list[str]:
    return list(newsletter.items.order_by("position").values_list("title", flat=True))


# --- The draft ---------------------------------------------------------------------------


def test_draft_proposes_the_most_read_threads_first_with_the_reason(editor, author, topic):
    quiet = make_thread(author=author, topic=topic, title="Lidt læst")
    popular = make_thread(author=author, topic=topic, title="Meget læst")
    read(quiet, 3)
    read(popular, 40)
    read(popular, 2, day=timezone.localdate() - timedelta(days=1))

    newsletter = services.newsletter_draft_create(by=editor)

    items = list(newsletter.items.order_by("position"))
    assert [item.title for item in items[:2]] == ["Meget læst", "Lidt læst"]
    assert "42" in items[0].reason
    assert items[0].kind == NewsletterItem.Kind.THREAD
    assert items[0].summary == "Hvordan gør I?"
    assert items[0].url == f"/debat/traad/{popular.pk}/"


def test_draft_proposes_useful_threads_accepted_and_jurist_answers(
    editor, author, topic, caseworker, colleague, jurist
):
    useful = make_thread(author=author, topic=topic, title="Nyttig tråd")
    mark_useful(useful, by=caseworker)
    mark_useful(useful, by=colleague)
    question = make_thread(author=caseworker, topic=topic, title="Spørgsmål", kind="question")
    answer = make_reply(author=jurist, thread=question, body="Sådan er reglen.")
    forum_services.answer_accept(thread=question, post=answer, by=caseworker)
    make_thread(author=author, topic=topic, title="Ingen interesse")

    newsletter = services.newsletter_draft_create(by=editor)

    items = {item.title: item for item in newsletter.items.all()}
    assert set(items) == {"Nyttig tråd", "Spørgsmål"}
    # Accepted (3) + jurist answer (2) outweighs two "useful" marks.
    assert titles(newsletter) == ["Spørgsmål", "Nyttig tråd"]
    assert "2" in items["Nyttig tråd"].reason


def test_draft_never_proposes_a_private_network_thread_or_a_hidden_thread(
    editor, author, topic, private_thread, hidden_thread, caseworker
):
    public = make_thread(author=author, topic=topic, title="Offentlig")
    for thread in (private_thread, hidden_thread, public):
        read(thread, 100)
    mark_useful(hidden_thread, by=caseworker)

    newsletter = services.newsletter_draft_create(by=editor)

    assert titles(newsletter) == ["Offentlig"]


def test_draft_proposes_new_guides_but_not_unpublished_ones(editor, topic):
    guide_services.guide_create(by=editor, title="Ny vejledning", topic=topic, body="Tekst")
    guide_services.guide_create(
        by=editor, title="Kladde", topic=topic, body="Tekst", is_published=False
    )

    newsletter = services.newsletter_draft_create(by=editor)

    assert titles(newsletter) == ["Ny vejledning"]
    assert newsletter.items.get().kind == NewsletterItem.Kind.GUIDE


def test_draft_period_runs_from_the_last_sent_newsletter_or_thirty_days_back(editor):
    with time_machine.travel(datetime(2026, 11, 20, 10, tzinfo=COPENHAGEN), tick=False):
        first = services.newsletter_draft_create(by=editor)
        assert (first.period_start.isoformat(), first.period_end.isoformat()) == (
            "2026-10-21",
            "2026-11-20",
        )
        assert first.subject.startswith(services.default_subject(today=first.period_end))
        Newsletter.objects.filter(pk=first.pk).update(
            status=Newsletter.Status.SENT, sent_at=timezone.now()
        )
    with time_machine.travel(datetime(2026, 11, 27, 10, tzinfo=COPENHAGEN), tick=False):
        second = services.newsletter_draft_create(by=editor)
    assert second.period_start.isoformat() == "2026-11-20"


def test_only_the_editorial_desk_may_draft_a_newsletter(
    caseworker, editor, fund_admin, operator_admin
):
    for outsider in (caseworker, fund_admin, operator_admin):
        with pytest.raises(PermissionDenied):
            services.newsletter_draft_create(by=outsider)
    assert services.newsletter_draft_create(by=editor).created_by == editor
    assert Newsletter.objects.count() == 1


# --- The editor's changes ----------------------------------------------------------------


def test_moving_an_item_up_swaps_it_with_the_one_above(editor, author, topic):
    a, b, c = (make_thread(author=author, topic=topic, title=t) for t in "ABC")
    newsletter = draft_with(editor, a, b, c)

    services.newsletter_item_move(item=newsletter.items.get(title="C"), by=editor, direction="up")
    assert titles(newsletter) == ["A", "C", "B"]
    services.newsletter_item_move(item=newsletter.items.get(title="A"), by=editor, direction="up")
    assert titles(newsletter) == ["A", "C", "B"]
    services.newsletter_item_move(item=newsletter.items.get(title="A"), by=editor, direction="down")
    assert titles(newsletter) == ["C", "A", "B"]


def test_removing_an_item_closes_the_gap(editor, author, topic):
    a, b, c = (make_thread(author=author, topic=topic, title=t) for t in "ABC")
    newsletter = draft_with(editor, a, b, c)

    services.newsletter_item_remove(item=newsletter.items.get(title="B"), by=editor)

    assert list(newsletter.items.order_by("position").values_list("title", "position")) == [
        ("A", 0),
        ("C", 1),
    ]


def test_adding_by_url_accepts_a_full_portal_address_of_a_thread_and_a_guide(
    editor, author, topic, settings
):
    thread = make_thread(author=author, topic=topic, title="Tråd")
    guide = guide_services.guide_create(by=editor, title="Vejledning", topic=topic, body="Tekst")
    newsletter = draft_with(editor)

    services.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"{settings.SITE_URL}/debat/traad/{thread.pk}/"
    )
    services.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"{settings.SITE_URL}{guide.get_absolute_url()}"
    )

    assert titles(newsletter) == ["Tråd", "Vejledning"]
    assert newsletter.items.get(title="Vejledning").guide == guide


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://example.com/debat/traad/1/", "not_portal"),
        ("/debat/", "not_portal"),
        ("/debat/traad/999999/", "not_found"),
        ("/debat/vejledninger/findes-ikke/", "not_found"),
    ],
)
def test_adding_by_url_refuses_what_is_not_a_thread_or_guide(editor, url, code):
    newsletter = draft_with(editor)

    with pytest.raises(ValidationError) as error:
        services.newsletter_item_add_by_url(newsletter=newsletter, by=editor, url=url)

    assert error.value.error_dict["url"][0].messages[0]
    assert url_error_code(error.value) == code
    assert newsletter.items.count() == 0


def test_adding_by_url_refuses_private_hidden_and_duplicate_content(
    editor, author, topic, private_thread, hidden_thread
):
    public = make_thread(author=author, topic=topic, title="Offentlig")
    newsletter = draft_with(editor, public)

    for thread, code in ((private_thread, "not_public"), (hidden_thread, "not_public")):
        with pytest.raises(ValidationError) as error:
            services.newsletter_item_add_by_url(
                newsletter=newsletter, by=editor, url=f"/debat/traad/{thread.pk}/"
            )
        assert url_error_code(error.value) == code
    with pytest.raises(ValidationError) as error:
        services.newsletter_item_add_by_url(
            newsletter=newsletter, by=editor, url=f"/debat/traad/{public.pk}/"
        )
    assert url_error_code(error.value) == "duplicate"
    assert titles(newsletter) == ["Offentlig"]


def test_adding_by_the_address_of_a_post_adds_its_thread(editor, author, topic, settings):
    thread = make_thread(author=author, topic=topic, title="Tråd med svar")
    reply = make_reply(author=editor, thread=thread, body="Det bedste svar")
    newsletter = draft_with(editor)

    item = services.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"{settings.SITE_URL}/debat/indlaeg/{reply.pk}/"
    )

    assert (item.thread, item.kind, item.title) == (
        thread,
        NewsletterItem.Kind.THREAD,
        "Tråd med svar",
    )
    assert item.url == f"/debat/traad/{thread.pk}/"
    # The thread's own address, or another of its posts, is the same thread.
    opening = thread.posts.get(is_opening=True)
    for url in (f"/debat/traad/{thread.pk}/", f"/debat/indlaeg/{opening.pk}/"):
        with pytest.raises(ValidationError) as error:
            services.newsletter_item_add_by_url(newsletter=newsletter, by=editor, url=url)
        assert url_error_code(error.value) == "duplicate"
    assert titles(newsletter) == ["Tråd med svar"]


def test_adding_by_the_address_of_a_post_follows_a_merged_thread(editor, author, topic):
    source = make_thread(author=author, topic=topic, title="Kilde")
    reply = make_reply(author=author, thread=source)
    target = make_thread(author=author, topic=topic, title="Mål")
    forum_services.thread_merge(source=source, target=target, by=editor)
    newsletter = draft_with(editor)

    item = services.newsletter_item_add_by_url(
        newsletter=newsletter, by=editor, url=f"/debat/indlaeg/{reply.pk}/"
    )

    assert item.thread == target


def test_adding_by_the_address_of_a_post_refuses_what_not_everyone_may_read(
    editor, author, topic, private_thread
):
    public = make_thread(author=author, topic=topic, title="Offentlig")
    hidden = make_reply(author=author, thread=public, body="Skjult svar")
    forum_services.post_hide(post=hidden, by=editor)
    newsletter = draft_with(editor)

    for post_id, code in (
        (private_thread.posts.get().pk, "not_public"),
        (hidden.pk, "not_public"),
        (999999, "not_found"),
    ):
        with pytest.raises(ValidationError) as error:
            services.newsletter_item_add_by_url(
                newsletter=newsletter, by=editor, url=f"/debat/indlaeg/{post_id}/"
            )
        assert url_error_code(error.value) == code
    assert newsletter.items.count() == 0


def test_intro_with_a_cpr_number_is_refused_and_nothing_changes(editor):
    newsletter = draft_with(editor)
    services.newsletter_update(
        newsletter=newsletter, by=editor, subject="Før", intro="Hej *alle*", segment="everyone"
    )

    with pytest.raises(ValidationError) as error:
        services.newsletter_update(
            newsletter=newsletter, by=editor, subject="Efter", intro=CPR_TEXT, segment="everyone"
        )

    assert "intro" in error.value.error_dict
    newsletter.refresh_from_db()
    assert (newsletter.subject, newsletter.intro) == ("Før", "Hej *alle*")
    assert newsletter.intro_html == "<p>Hej <em>alle</em></p>\n"


def test_an_item_summary_with_a_cpr_number_is_refused(editor, author, topic):
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    item = newsletter.items.get()

    with pytest.raises(ValidationError):
        services.newsletter_item_update(item=item, by=editor, title="Ny titel", summary=CPR_TEXT)

    item.refresh_from_db()
    assert item.title == "Tråd"


def test_a_sent_newsletter_cannot_be_changed(editor):
    newsletter = draft_with(editor)
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.SENT)
    newsletter.refresh_from_db()

    with pytest.raises(ValidationError):
        services.newsletter_update(
            newsletter=newsletter, by=editor, subject="Ny", intro="", segment="everyone"
        )


# --- Segments ----------------------------------------------------------------------------


def test_segments_pick_the_right_people(editor, caseworker, colleague, fund, topic):
    jobcenter = OrganisationFactory(
        slug="jc", name="Jobcenter Aarhus", kind=OrganisationKind.JOBCENTER
    )
    jc_worker = make_user(organisation=jobcenter, email="jc@aarhus.example.dk")
    forum_services.topic_follow(topic=topic, user=colleague)
    forum_services.topic_follow(topic=TopicFactory(), user=jc_worker)
    newsletter = draft_with(editor)

    def recipients():
        return set(selectors.newsletter_recipients(newsletter=newsletter))

    assert recipients() == {editor, caseworker, colleague, jc_worker}
    services.newsletter_update(
        newsletter=newsletter,
        by=editor,
        subject="S",
        intro="",
        segment="organisation_kind",
        segment_organisation_kind="jobcenter",
    )
    assert recipients() == {jc_worker}
    services.newsletter_update(
        newsletter=newsletter,
        by=editor,
        subject="S",
        intro="",
        segment="topic_followers",
        segment_topic=topic,
    )
    assert recipients() == {colleague}


def test_segment_needs_its_kind_or_topic(editor):
    newsletter = draft_with(editor)
    with pytest.raises(ValidationError) as error:
        services.newsletter_update(
            newsletter=newsletter, by=editor, subject="S", intro="", segment="topic_followers"
        )
    assert "segment_topic" in error.value.error_dict


def test_recipients_leave_out_opted_out_suppressed_inactive_and_unapproved_people(
    editor, caseworker, colleague, fund
):
    EmailPreference.objects.create(user=colleague, newsletter=False)
    bounced = make_user(organisation=fund, email="doed@3f.example.dk")
    EmailSuppression.objects.create(address=bounced.email, suppressed_at=timezone.now())
    make_user(organisation=fund, email="stoppet@3f.example.dk", is_active=False)
    make_user(organisation=fund, email="venter@3f.example.dk", approved_at=None)
    newsletter = draft_with(editor)

    assert set(selectors.newsletter_recipients(newsletter=newsletter)) == {editor, caseworker}


# --- Sending -----------------------------------------------------------------------------


def test_sending_gives_each_recipient_one_copy_and_opted_out_and_suppressed_people_none(
    editor, caseworker, colleague, fund, author, topic, django_capture_on_commit_callbacks
):
    EmailPreference.objects.create(user=colleague, newsletter=False)
    bounced = make_user(organisation=fund, email="doed@3f.example.dk")
    EmailSuppression.objects.create(address=bounced.email, suppressed_at=timezone.now())
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))

    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send_now(newsletter=newsletter, by=editor)

    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    deliveries = EmailDelivery.objects.filter(reference=newsletter.reference)
    assert sorted(deliveries.values_list("recipient", flat=True)) == sorted(
        [editor.email, caseworker.email, author.email]
    )
    assert set(deliveries.values_list("category", "status")) == {("newsletter", "sent")}
    assert newsletter.recipient_count == 3


def _sending(newsletter, user_ids):
    """The newsletter in "sending" with its round written, as newsletter_sending_start does."""
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.SENDING)
    NewsletterRecipient.objects.bulk_create(
        [NewsletterRecipient(newsletter=newsletter, user_id=uid) for uid in user_ids]
    )


def test_a_person_who_opts_out_after_scheduling_gets_nothing(editor, caseworker, author, topic):
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    recipient_ids = [caseworker.pk, author.pk]
    _sending(newsletter, recipient_ids)
    EmailPreference.objects.create(user=caseworker, newsletter=False)

    sent = services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=recipient_ids)

    assert sent == 1
    assert list(
        EmailDelivery.objects.filter(reference=newsletter.reference).values_list(
            "recipient", flat=True
        )
    ) == [author.email]


def test_a_retried_chunk_does_not_send_twice(editor, caseworker, author, topic):
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    _sending(newsletter, [caseworker.pk])

    assert (
        services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=[caseworker.pk]) == 1
    )
    assert (
        services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=[caseworker.pk]) == 0
    )
    assert EmailDelivery.objects.filter(reference=newsletter.reference).count() == 1


def test_scheduled_newsletter_is_sent_once_at_its_time_even_if_the_task_runs_twice(
    editor, caseworker, author, topic
):
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    send_at = datetime(2026, 12, 1, 8, 0, tzinfo=COPENHAGEN)
    with time_machine.travel(datetime(2026, 11, 30, 12, tzinfo=COPENHAGEN), tick=False):
        services.newsletter_schedule(newsletter=newsletter, by=editor, send_at=send_at)
    with time_machine.travel(datetime(2026, 12, 1, 7, 59, tzinfo=COPENHAGEN), tick=False):
        tasks.newsletters_send_due.call_local()
    assert not EmailDelivery.objects.filter(reference=newsletter.reference).exists()

    with time_machine.travel(datetime(2026, 12, 1, 8, 0, 30, tzinfo=COPENHAGEN), tick=False):
        tasks.newsletters_send_due.call_local()
        tasks.newsletters_send_due.call_local()
        tasks.newsletter_send.call_local(newsletter.pk)

    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    assert newsletter.sent_at == datetime(2026, 12, 1, 8, 0, 30, tzinfo=COPENHAGEN)
    assert EmailDelivery.objects.filter(reference=newsletter.reference).count() == 3


def test_scheduling_in_the_past_or_without_items_is_refused(editor, author, topic):
    empty = draft_with(editor)
    with pytest.raises(ValidationError) as error:
        services.newsletter_send_now(newsletter=empty, by=editor)
    assert error.value.code == "empty"

    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    with pytest.raises(ValidationError):
        services.newsletter_schedule(
            newsletter=newsletter, by=editor, send_at=timezone.now() - timedelta(minutes=1)
        )
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT


def test_unscheduling_returns_the_newsletter_to_draft_and_nothing_is_sent(editor, author, topic):
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))
    services.newsletter_schedule(
        newsletter=newsletter, by=editor, send_at=timezone.now() + timedelta(minutes=5)
    )
    services.newsletter_unschedule(newsletter=newsletter, by=editor)

    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        tasks.newsletters_send_due.call_local()

    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT
    assert not EmailDelivery.objects.filter(reference=newsletter.reference).exists()


def test_a_reader_copy_leaves_out_a_thread_that_became_private(
    editor, caseworker, author, topic, private_thread
):
    public = make_thread(author=author, topic=topic, title="Offentlig")
    newsletter = draft_with(editor, public)
    # The thread was public when added; then it moved into the closed network.
    newsletter.items.create(
        position=1,
        kind="thread",
        thread=private_thread,
        url=f"/debat/traad/{private_thread.pk}/",
        title="Hemmelig sag",
    )
    items = selectors.newsletter_items(newsletter=newsletter)

    _subject, text, html = services.newsletter_render(
        newsletter=newsletter, items=items, reader=caseworker, delivery=None
    )
    assert "Offentlig" in text and "Hemmelig sag" not in text and "Hemmelig sag" not in html
    _subject, text, _html = services.newsletter_render(
        newsletter=newsletter, items=items, reader=author, delivery=None
    )
    assert "Hemmelig sag" in text


def test_the_copy_is_in_the_reader_language_with_footer_links(editor, caseworker, author, topic):
    caseworker.preferred_language = "en"
    caseworker.save(update_fields=["preferred_language"])
    newsletter = draft_with(editor, make_thread(author=author, topic=topic, title="Tråd"))

    _subject, text, html = services.newsletter_render(
        newsletter=newsletter,
        items=selectors.newsletter_items(newsletter=newsletter),
        reader=caseworker,
        delivery=None,
    )

    assert "Unsubscribe from the newsletter" in text
    assert "/e/afmeld/" in text and "/e/afmeld/" in html
    assert '<html lang="en">' in html
