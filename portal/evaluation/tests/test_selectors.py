"""Each figure of the evaluation from hand-made data, the expected number worked out here."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from portal.core.models import EmailCategory, EmailDelivery, OrganisationKind, User
from portal.core.outbox import email_deliver
from portal.core.tests.factories import OrganisationFactory, UserFactory
from portal.digests.services import email_click_record, email_open_record, email_unsubscribe
from portal.evaluation import selectors
from portal.events.models import Event, Registration
from portal.events.tests.factories import (
    EventFactory,
    FeedbackResponseFactory,
    RegistrationFactory,
)
from portal.forum.models import Post, Thread
from portal.hotline.models import HotlineCase
from portal.hotline.tests.factories import make_question
from portal.inbound_mail.models import InboundMessage
from portal.insights.models import DailyVisits, EmailAction
from portal.insights.services import email_action_record
from portal.newsletters.models import Newsletter

pytestmark = pytest.mark.django_db


def at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def today():
    return timezone.localdate()


# --- People -------------------------------------------------------------------------------------


def test_people_registered_active_by_kind_signups_and_pending(today):
    date_from, date_to = today - timedelta(days=100), today - timedelta(days=10)
    until = at(date_to + timedelta(days=1), 0)  # the period ends at midnight after date_to
    long_ago = timezone.now() - timedelta(days=200)
    jobcenter = OrganisationFactory(kind=OrganisationKind.JOBCENTER, slug="jc", name="Jobcenter")
    fund = OrganisationFactory(kind=OrganisationKind.UFUND, slug="uf", name="A-kassen")
    union = OrganisationFactory(kind=OrganisationKind.UNION, slug="fag", name="Forbundet")

    def person(org, **fields):
        fields = {"approved_at": long_ago, "date_joined": long_ago - timedelta(1), **fields}
        return UserFactory(organisation=org, **fields)

    # Registered at the period's end and active in its last 30 days, three ways:
    person(jobcenter, last_login=until - timedelta(days=5))  # signed in
    clicker = person(jobcenter, last_login=until - timedelta(days=40))  # clicked an email
    EmailDelivery.objects.create(
        template="t", recipient=clicker.email, subject="s", user=clicker,
        clicked_at=until - timedelta(days=20),
    )  # fmt: skip
    replier = person(fund)  # replied by email
    InboundMessage.objects.create(
        recipient="svar@example.dk", outcome=InboundMessage.Outcome.POSTED, user=replier,
        received_at=until - timedelta(days=2),
    )  # fmt: skip
    # Registered, but signed in only after the period: not active in it.
    person(fund, last_login=until + timedelta(days=3))
    # Not registered at the period's end: approved after it; deactivated; awaiting approval.
    person(fund, approved_at=until + timedelta(days=2))
    person(fund, is_active=False)
    UserFactory(organisation=union, approved_at=None, date_joined=at(date_from + timedelta(5)))

    people = selectors.people_figures(date_from=date_from, date_to=date_to)

    assert people.registered == 4  # 2 jobcenter + 2 fund
    assert people.by_organisation_kind == {"jobcenter": 2, "ufund": 2, "union": 0, "operator": 0}
    assert [(o.name, o.registered) for o in people.by_organisation] == [
        ("A-kassen", 2),
        ("Jobcenter", 2),
    ]
    assert people.active_30d == 3  # the signed-in, the clicker, the replier
    assert people.new_signups == 1  # only the union's person joined within the period
    assert people.pending_approvals == 1
    assert people.goal == 300
    assert people.monthly[-1].registered == 4
    assert people.monthly[0].month == date_from.replace(day=1)
    assert "4" in people.summary and "300" in people.summary


def test_the_goal_is_a_setting(settings, today):
    settings.PORTAL_EVALUATION_GOAL_PEOPLE = 354
    assert selectors.people_figures(date_from=today, date_to=today).goal == 354


# --- Reach --------------------------------------------------------------------------------------


def test_visits_per_iso_week_email_opens_clicks_and_actions_from_email(today, smtp_server):
    monday = today - timedelta(days=today.weekday() + 14)  # two weeks ago, a Monday
    date_from, date_to = monday, monday + timedelta(days=13)
    for day, channel, count in [
        (monday, "email", 3),
        (monday, "direct", 2),
        (monday + timedelta(days=6), "email", 1),  # Sunday: the same ISO week
        (monday + timedelta(days=7), "direct", 5),  # the next week
        (monday - timedelta(days=1), "email", 100),  # before the period
    ]:
        DailyVisits.objects.create(day=day, channel=channel, count=count)

    # Sent through the real outbox on the Wednesday; opened and clicked through the links'
    # landing points, some a week later: counted on the day they were sent.
    def delivery(category, recipient="a@example.dk"):
        return EmailDelivery.objects.create(
            template="t", recipient=recipient, subject="s", text_body="t", category=category
        )

    newsletters = [delivery(EmailCategory.NEWSLETTER) for _ in range(4)]
    digests = [delivery(EmailCategory.DIGEST) for _ in range(2)]
    receipt = delivery(EmailCategory.TRANSACTIONAL)
    delivery(EmailCategory.NEWSLETTER)  # still waiting in the outbox: not sent
    with time_machine.travel(at(monday + timedelta(days=2)), tick=False):
        email_deliver([d.pk for d in [*newsletters, *digests, receipt]])
    with time_machine.travel(at(monday + timedelta(days=9)), tick=False):
        email_click_record(delivery_id=newsletters[0].pk, item="i", url="/")  # opened too
        email_click_record(delivery_id=newsletters[0].pk, item="i", url="/")  # once
        email_open_record(delivery_id=newsletters[1].pk)
        email_open_record(delivery_id=newsletters[1].pk)  # once
        email_click_record(delivery_id=digests[0].pk, item="i", url="/")
        email_open_record(delivery_id=receipt.pk)  # not a digest nor a newsletter
    with time_machine.travel(at(monday + timedelta(days=3)), tick=False):
        reader = UserFactory()
        email_unsubscribe(user_id=reader.pk, category=EmailCategory.NEWSLETTER)
        email_unsubscribe(user_id=reader.pk, category=EmailCategory.NEWSLETTER)  # once
        email_unsubscribe(user_id=reader.pk, category=EmailCategory.DIGEST)
    with time_machine.travel(at(monday - timedelta(days=1)), tick=False):
        email_action_record(action=EmailAction.UNSUBSCRIBE)  # before the period
        email_action_record(action=EmailAction.RSVP)
    with time_machine.travel(at(monday + timedelta(days=4)), tick=False):
        email_action_record(action=EmailAction.RSVP)
    for outcome in ("posted", "posted", "rejected"):
        InboundMessage.objects.create(
            recipient="svar@example.dk", outcome=outcome, received_at=at(monday)
        )

    reach = selectors.reach_figures(date_from=date_from, date_to=date_to)

    assert (reach.visits_email, reach.visits_direct) == (4, 7)  # 3 + 1; 2 + 5
    assert [(w.email, w.direct) for w in reach.weekly] == [(4, 2), (0, 5)]
    assert reach.weekly[0].week == monday.isocalendar()[1]
    newsletter, digest = reach.emails["newsletter"], reach.emails["digest"]
    assert (newsletter.sent, newsletter.opened, newsletter.clicked) == (4, 2, 1)
    assert (newsletter.open_rate, newsletter.click_rate) == (0.5, 0.25)
    assert (digest.sent, digest.opened, digest.clicked) == (2, 1, 1)
    assert reach.replies_by_email == 2
    assert (reach.rsvps_from_email, reach.unsubscribes) == (1, 2)
    assert "36%" in reach.summary or "36 %" in reach.summary  # 4 of 11 visits from email


# --- Knowledge ----------------------------------------------------------------------------------


def test_questions_answered_medians_and_hotline_deadlines(caseworker, jurist, today):
    date_from, date_to = today - timedelta(days=30), today
    asked = timezone.now() - timedelta(days=10)

    def question(reply_after=None, accepted_after=None, **fields):
        thread = make_question(author=caseworker)
        Thread.objects.filter(pk=thread.pk).update(created_at=asked, **fields)
        if reply_after is not None:
            post = Post.objects.create(
                thread=thread, author=jurist, body="Svar", created_at=asked + reply_after
            )
            if accepted_after is not None:
                Thread.objects.filter(pk=thread.pk).update(
                    accepted_answer=post, accepted_at=asked + accepted_after
                )
        return thread

    answered_and_accepted = question(timedelta(hours=2), timedelta(hours=5))
    answered_late = question(timedelta(hours=4))
    question()  # unanswered
    question(timedelta(hours=1), is_hidden=True)  # hidden: not counted
    Thread.objects.filter(pk=make_question(author=caseworker).pk).update(
        kind=Thread.Kind.DISCUSSION
    )  # a discussion: not a question
    old = question(timedelta(hours=1))
    Thread.objects.filter(pk=old.pk).update(created_at=asked - timedelta(days=60))  # before

    deadline = asked + timedelta(days=3)
    HotlineCase.objects.create(
        thread=answered_and_accepted, requested_at=asked, deadline=deadline,
        status="answered", answered_at=deadline - timedelta(hours=1),
    )  # fmt: skip
    HotlineCase.objects.create(
        thread=answered_late, requested_at=asked, deadline=deadline,
        status="answered", answered_at=deadline + timedelta(hours=1),
    )  # fmt: skip
    HotlineCase.objects.create(
        thread=make_question(author=caseworker), requested_at=asked, deadline=deadline
    )  # still open

    knowledge = selectors.knowledge_figures(date_from=date_from, date_to=date_to)

    # 3 visible questions in the period + the hotline's open one = 4 asked; 2 have a reply.
    assert knowledge.questions_asked == 4
    assert knowledge.questions_answered == 2
    assert knowledge.answered_share == 0.5
    assert knowledge.median_hours_to_first_answer == 3.0  # median of 2 h and 4 h
    assert knowledge.median_hours_to_accepted_answer == 5.0
    assert (knowledge.hotline_cases, knowledge.hotline_answered) == (3, 2)
    assert knowledge.hotline_on_time == 1


def test_guides_on_time_and_searches_that_found_nothing(today, editor):
    from portal.core.tests.factories import TopicFactory
    from portal.guides.models import Guide
    from portal.search.models import SearchMiss
    from portal.search.services import search_miss_record

    def guide(slug, review_by, **fields):
        Guide.objects.create(
            title=slug, slug=slug, topic=TopicFactory(), body="Tekst", owner=editor,
            review_by=review_by, **fields,
        )  # fmt: skip

    guide("frisk", today + timedelta(days=30))  # on time
    guide("i-dag", today)  # due today: still on time
    guide("forfalden", today - timedelta(days=1))  # overdue
    guide("markeret", today + timedelta(days=30), needs_review=True)  # law changed
    guide("kladde", today - timedelta(days=99), is_published=False)  # not published
    for words in ["Seniorjob  fleksjob", "seniorjob fleksjob", "ressourceforløb", "0101901234"]:
        search_miss_record(words=words)
    SearchMiss.objects.create(day=today - timedelta(days=40), words="gammel", count=9)

    knowledge = selectors.knowledge_figures(date_from=today - timedelta(days=30), date_to=today)

    assert (knowledge.guides_published, knowledge.guides_on_time) == (4, 2)
    # The same words however typed count together; the CPR-shaped query is not kept.
    assert knowledge.search_misses == [("seniorjob fleksjob", 2), ("ressourceforløb", 1)]


# --- Meetings -----------------------------------------------------------------------------------


def test_events_held_signups_attendance_and_feedback(today):
    date_from, date_to = today - timedelta(days=30), today
    held = EventFactory(starts_at=timezone.now() - timedelta(days=7))
    checked_in = timezone.now() - timedelta(days=7)
    RegistrationFactory(event=held, checked_in_at=checked_in)
    RegistrationFactory(event=held, checked_in_at=checked_in)
    RegistrationFactory(event=held)  # signed up, did not come
    RegistrationFactory(event=held, cancelled=True)  # cancelled: not a sign-up
    FeedbackResponseFactory(event=held, overall=4, usefulness=5)
    FeedbackResponseFactory(event=held, overall=5, usefulness=4)
    EventFactory(starts_at=timezone.now() - timedelta(days=3))  # held, nobody came
    EventFactory(draft=True, starts_at=timezone.now() - timedelta(days=3))  # never published
    EventFactory(cancelled=True, starts_at=timezone.now() - timedelta(days=3))
    future = EventFactory(starts_at=timezone.now() + timedelta(days=3))  # not held yet
    RegistrationFactory(event=future)
    assert Registration.objects.count() == 5 and Event.objects.count() == 5

    meetings = selectors.meeting_figures(date_from=date_from, date_to=date_to)

    assert meetings.events_held == 2
    assert meetings.signups == 3
    assert meetings.attendance == 2
    assert meetings.feedback_responses == 2
    assert (meetings.feedback_overall, meetings.feedback_usefulness) == (4.5, 4.5)


# --- Editorial effort ---------------------------------------------------------------------------


def test_newsletters_sent_in_the_period(today):
    def newsletter(status, sent_at=None, edits=0):
        return Newsletter.objects.create(
            subject="Nyt", period_start=today, period_end=today, status=status,
            sent_at=sent_at, editor_edits=edits,
        )  # fmt: skip

    newsletter(Newsletter.Status.SENT, timezone.now() - timedelta(days=3), edits=4)
    newsletter(Newsletter.Status.SENT, timezone.now() - timedelta(days=20), edits=1)
    newsletter(Newsletter.Status.SENT, timezone.now() - timedelta(days=90), edits=7)  # before
    newsletter(Newsletter.Status.DRAFT, edits=2)  # not sent

    editorial = selectors.editorial_figures(date_from=today - timedelta(days=30), date_to=today)

    assert editorial.newsletters_sent == 2
    assert editorial.editor_edits == 5  # 4 + 1


def test_the_editors_edits_of_a_draft_are_counted(editor, today):
    from portal.newsletters import services
    from portal.newsletters.models import NewsletterItem

    draft = Newsletter.objects.create(subject="Nyt", period_start=today, period_end=today)
    first, second = (
        NewsletterItem.objects.create(newsletter=draft, position=n, kind="link", url="/", title="T")
        for n in range(2)
    )
    services.newsletter_update(newsletter=draft, by=editor, subject="Nyt i maj", intro="",
                               segment="everyone")  # fmt: skip
    services.newsletter_item_update(item=first, by=editor, title="Bedre titel", summary="")
    services.newsletter_item_move(item=second, by=editor, direction="up")
    services.newsletter_item_move(item=second, by=editor, direction="up")  # already first
    services.newsletter_item_remove(item=first, by=editor)

    draft.refresh_from_db()
    assert draft.editor_edits == 4  # the move that could not happen is not an edit


# --- The whole summary: a fixed number of queries -----------------------------------------------


def test_the_summary_takes_a_fixed_number_of_queries(django_assert_num_queries, today):
    def data(n):
        for _ in range(n):
            UserFactory(last_login=timezone.now())
        DailyVisits.objects.create(day=today - timedelta(days=n), channel="email", count=n)

    period = {"date_from": today - timedelta(days=365), "date_to": today}
    data(1)
    with django_assert_num_queries(18):
        selectors.evaluation_summary(**period)
    data(5)
    with django_assert_num_queries(18):
        summary = selectors.evaluation_summary(**period)
    assert summary.people.registered == User.objects.count() == 6
