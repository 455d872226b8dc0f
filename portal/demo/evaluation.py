"""The demo's year for the evaluation dashboard (/indsigt/) and the annual report: the 354 people
joining over the years (a third of them in the last twelve months) and signing in, a year of
visits, email figures, thread reads and searches that found nothing, earlier meetings held with
sign-ups, check-ins and feedback, eleven earlier newsletters, and a finished user survey.

The seeds say it (000*, 001*): a goal of 300 users, 354 counted, few daily visits and most of
them from the newsletter. All figures are fictional: a fixed random seed gives the same year on
every machine, counted back from the day of loading. Counters and cheap rows, not a year of
individual emails (docs/decisions/0044-demo-year.md).
"""

import random
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from faker import Faker

from portal.core.models import EmailCategory, EmailDelivery, Organisation, OrganisationKind, User
from portal.events.models import Event, FeedbackResponse, Registration
from portal.forum import access
from portal.forum.models import Post, Thread
from portal.guides import access as guides_access
from portal.guides.models import Guide
from portal.hotline.models import HotlineCase
from portal.hotline.workdays import response_deadline
from portal.inbound_mail.models import InboundMessage
from portal.insights.models import (
    DailyEmailActions,
    DailyEmailFigures,
    DailyGuideReads,
    DailyThreadReads,
    DailyVisits,
    EmailAction,
    VisitChannel,
)
from portal.insights.services import email_figures_rebuild
from portal.newsletters.models import Newsletter
from portal.newsletters.services import default_subject
from portal.search.models import SearchMiss
from portal.surveys import services as surveys
from portal.surveys.models import Survey, SurveyQuestion, SurveyRecipient

from .people import DEMO_DOMAIN, DEMO_LOGINS, FAKER_SEED, SEED_PEOPLE, _email_local_part

SURVEY_TITLE = "Brugerundersøgelse {year}"
SEED = f"{FAKER_SEED}:evaluation"
DAYS = 365
# People who signed up in the last days and wait for their organisation's admin.
PENDING = 3


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@transaction.atomic
def evaluation_demo_load() -> dict[str, int]:
    """Load the demo's year once; a second call creates nothing (the survey is the marker)."""
    today = timezone.localdate()
    if Survey.objects.filter(title=SURVEY_TITLE.format(year=today.year)).exists():
        return {
            "pending_people": 0,
            "earlier_hotline_cases": 0,
            "past_events": 0,
            "earlier_newsletters": 0,
            "surveys": 0,
        }
    rng = random.Random(SEED)  # noqa: S311 (fictional figures, not security)
    _people_over_the_year(rng, today)
    pending = _pending_people(today)
    _search_misses(rng, today)
    _replies_by_email(rng, today)
    cases = _hotline_history(rng)
    events = _past_events(rng, today)
    newsletters = _earlier_newsletters(rng, today)
    _user_survey(rng, today)
    _email_figures(rng, today)
    return {
        "pending_people": pending,
        "earlier_hotline_cases": cases,
        "past_events": events,
        "earlier_newsletters": newsletters,
        "surveys": 1,
    }


# --- People ---------------------------------------------------------------------------------


def _people_over_the_year(rng: random.Random, today: date) -> None:
    """A third of the invented people who have written nothing joined in the last twelve
    months (approved the day after they signed up); the demo logins have been there for two
    years; about half of everyone signed in within the last 30 days."""
    now = timezone.now()
    logins = [login.email for login in DEMO_LOGINS]
    User.objects.filter(email__in=logins).update(
        date_joined=now - timedelta(days=731), approved_at=now - timedelta(days=730)
    )
    writers = Post.objects.values("author_id")
    signed_up = Registration.objects.values("user_id")
    quiet = list(
        User.objects.exclude(email__in=logins)
        .exclude(pk__in=writers)
        .exclude(pk__in=signed_up)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    newcomers = rng.sample(quiet, min(len(quiet), 115))
    people = list(User.objects.filter(approved_at__isnull=False).order_by("pk"))
    new = set(newcomers)
    for person in people:
        if person.pk in new:
            # More join in the spring and after the summer (the partnership's campaigns).
            days_ago = int(rng.triangular(3, DAYS - 5, 200))
            person.approved_at = _at(today - timedelta(days=days_ago), rng.randint(8, 15))
            person.date_joined = person.approved_at - timedelta(hours=rng.randint(3, 40))
        since_joined = max(1, (now - person.approved_at).days)
        draw = rng.random()
        if draw < 0.5:
            last = rng.randint(0, min(29, since_joined))
        elif draw < 0.85:
            last = rng.randint(30, max(30, min(DAYS, since_joined)))
        else:
            person.last_login = None
            continue
        person.last_login = now - timedelta(days=last, minutes=rng.randint(0, 600))
    # One statement executed per person: much faster than bulk_update's CASE over 354 rows.
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {User._meta.db_table} SET approved_at = %s, date_joined = %s, "  # noqa: S608
            "last_login = %s WHERE id = %s",
            [
                (adapt(p.approved_at), adapt(p.date_joined), adapt(p.last_login), p.pk)
                for p in people
            ],
        )


def _pending_people(today: date) -> int:
    """A few sign-ups from the last days, waiting for approval (unusable passwords)."""
    fake = Faker("da_DK")
    fake.seed_instance(f"{FAKER_SEED}:pending")
    organisations = list(
        Organisation.objects.filter(
            kind__in=[OrganisationKind.JOBCENTER, OrganisationKind.UFUND]
        ).order_by("pk")[:PENDING]
    )
    users = []
    for i, organisation in enumerate(organisations):
        full_name = f"{fake.first_name()} {fake.last_name()}"
        while full_name.lower() in SEED_PEOPLE:
            full_name = f"{fake.first_name()} {fake.last_name()}"
        domain = organisation.domain_list[0]
        users.append(
            User(
                email=f"{_email_local_part(full_name)}@{domain}",
                full_name=full_name,
                title="Sagsbehandler",
                organisation=organisation,
                date_joined=_at(today - timedelta(days=i + 1), 10 + i),
                approved_at=None,
                password=make_password(None),
            )
        )
    users = [u for u in users if not User.objects.filter(email=u.email).exists()]
    User.objects.bulk_create(users)
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in User.objects.filter(email__in=[u.email for u in users])
        ]
    )
    return len(users)


# --- Reach ----------------------------------------------------------------------------------


def _digest_day(day: date) -> bool:
    return day.weekday() == 0  # the weekly digest goes out on Mondays


def _newsletter_days(today: date) -> list[date]:
    """The first Tuesday of each of the eleven months before this one (the twelfth, the one in
    the archive with its copies, was sent on the day of loading)."""
    days = []
    month = today.replace(day=1)
    for _ in range(11):
        month = (month - timedelta(days=1)).replace(day=1)
        day = month + timedelta(days=(1 - month.weekday()) % 7)
        days.append(day)
    return days


def reading_figures_load(today: date | None = None) -> None:
    """A year of visits per channel and reads of the most read public threads: few visits a
    day, most of them from an email (the seeds), more on weekdays and on the days the digest and
    the newsletter go out. Called by the email demo before its newsletter is drafted (the draft
    picks the most read threads)."""
    today = today or timezone.localdate()
    rng = random.Random(f"{SEED}:reads")  # noqa: S311 (fictional figures, not security)
    threads = list(
        Thread.objects.filter(access.threads_public(), network__isnull=True)
        .order_by("pk")
        .values_list("pk", "created_at")
    )
    popular = rng.sample(threads, min(40, len(threads)))
    reads = []
    for rank, (thread_id, created_at) in enumerate(popular):
        opened = timezone.localtime(created_at).date()
        age_limit = min(DAYS, (today - opened).days + 1)
        # Read most in the first three weeks after it was asked and lately, now and then between.
        busy = {d for d in range(age_limit) if d < 30 or age_limit - d <= 21}
        quiet = [d for d in range(age_limit) if d not in busy]
        days = sorted(busy | set(rng.sample(quiet, len(quiet) // 8)))
        for days_ago in days:
            day = today - timedelta(days=days_ago)
            if days_ago in busy:
                count = max(0, int(rng.gauss(30 - rank * 0.6, 4)))
            else:
                count = rng.randint(1, 4)
            if count:
                reads.append(DailyThreadReads(thread_id=thread_id, day=day, count=count))
    DailyThreadReads.objects.bulk_create(reads, ignore_conflicts=True, batch_size=2000)
    _guide_reads(rng, today)
    _visits(rng, today)


def _guide_reads(rng: random.Random, today: date) -> None:
    """The guides are read a little every working day, the first few most."""
    guides = list(
        Guide.objects.filter(guides_access.guides_published())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    reads = []
    for rank, guide_id in enumerate(rng.sample(guides, min(15, len(guides)))):
        for days_ago in range(0, DAYS, 3):
            day = today - timedelta(days=days_ago)
            count = max(0, int(rng.gauss(6 - rank * 0.35, 2))) if day.weekday() < 5 else 0
            if count:
                reads.append(DailyGuideReads(guide_id=guide_id, day=day, count=count))
    DailyGuideReads.objects.bulk_create(reads, ignore_conflicts=True)


def _visits(rng: random.Random, today: date) -> None:
    if DailyVisits.objects.filter(day__lt=today - timedelta(days=60)).exists():
        return
    newsletter_days = set(_newsletter_days(today)) | {today}
    visits = []
    for days_ago in range(DAYS):
        day = today - timedelta(days=days_ago)
        weekday = day.weekday() < 5
        # Fewer in July and between Christmas and New Year.
        holiday = 0.4 if day.month == 7 or (day.month == 12 and day.day >= 23) else 1.0
        email = rng.randint(18, 38) if weekday else rng.randint(0, 4)
        direct = rng.randint(8, 22) if weekday else rng.randint(0, 3)
        if _digest_day(day):
            email += rng.randint(25, 45)
        if day in newsletter_days:
            email += rng.randint(60, 110)
        visits.append(DailyVisits(day=day, channel=VisitChannel.EMAIL, count=int(email * holiday)))
        visits.append(
            DailyVisits(day=day, channel=VisitChannel.DIRECT, count=int(direct * holiday))
        )
    DailyVisits.objects.bulk_create(visits, ignore_conflicts=True)


def _email_figures(rng: random.Random, today: date) -> None:
    """The counters the dashboard reads: first counted afresh from the copies on record (the
    newsletter sent today with its opens and clicks, the survey's copies on the day they went
    out, the debate's notifications), then the year before them that has no copies: the digest
    and the eleven earlier newsletters. And what people did from an email: sign-ups for
    meetings and unsubscribes, a few a month."""
    email_figures_rebuild()
    existing = set(DailyEmailFigures.objects.values_list("day", "category"))
    DailyEmailFigures.objects.bulk_create(
        [
            DailyEmailFigures(day=day, category=category, sent=sent, opened=opened, clicked=clicked)
            for day, category, sent, opened, clicked in email_figure_rows(rng, today)
            if (day, category) not in existing
        ]
    )
    actions = []
    for days_ago in range(1, DAYS):
        day = today - timedelta(days=days_ago)
        for action, chance in ((EmailAction.RSVP, 0.25), (EmailAction.UNSUBSCRIBE, 0.04)):
            if day.weekday() < 5 and rng.random() < chance:
                actions.append(DailyEmailActions(day=day, action=action, count=rng.randint(1, 3)))
    DailyEmailActions.objects.bulk_create(actions, ignore_conflicts=True)


def email_figure_rows(rng: random.Random, today: date) -> list[tuple[date, str, int, int, int]]:
    """(day, category, sent, opened, clicked): the weekly digest to most people on Mondays, the
    daily digest to a few on weekdays, eleven monthly newsletters on their days (the twelfth
    counted from its own copies). Growing with the number of people over the year."""
    registered = User.objects.filter(is_active=True, approved_at__isnull=False)
    approvals = sorted(
        timezone.localtime(a).date() for a in registered.values_list("approved_at", flat=True)
    )
    newsletter_days = set(_newsletter_days(today))
    rows = []
    for days_ago in range(1, DAYS):
        day = today - timedelta(days=days_ago)
        people = sum(1 for a in approvals if a <= day)
        if _digest_day(day):
            sent = int(people * rng.uniform(0.78, 0.84))
            opened = int(sent * rng.uniform(0.35, 0.45))
            clicked = int(sent * rng.uniform(0.10, 0.15))
            rows.append((day, EmailCategory.DIGEST, sent, opened, clicked))
        elif day.weekday() < 5:
            sent = rng.randint(9, 14)
            opened = rng.randint(4, sent - 3)
            rows.append((day, EmailCategory.DIGEST, sent, opened, rng.randint(1, opened - 2)))
        if day in newsletter_days:
            sent = int(people * rng.uniform(0.93, 0.97))
            opened = int(sent * rng.uniform(0.42, 0.48))
            clicked = int(sent * rng.uniform(0.15, 0.20))
            rows.append((day, EmailCategory.NEWSLETTER, sent, opened, clicked))
    return rows


# --- Knowledge: what was searched for and not found -----------------------------------------

SEARCH_MISSES = [
    ("seniorjob", 9),
    ("fleksjob ledighedsydelse", 7),
    ("kontanthjælpsloft", 6),
    ("seniorpension", 5),
    ("225 timers regel", 5),
    ("ressourceforløb a-kasse", 4),
    ("jobafklaringsforløb", 4),
    ("dagpengeperiode forlængelse", 3),
    ("revalidering", 3),
    ("sygedagpenge udland", 2),
    ("tidlig pension", 2),
    ("ydelseskort", 2),
]


def _replies_by_email(rng: random.Random, today: date) -> None:
    """About one reply in six of the year came by email (reply by email's log of what it
    posted): the reach section's "replies written by email"."""
    since = _at(today - timedelta(days=DAYS - 1), 0)
    replies = Post.objects.filter(is_opening=False, created_at__gte=since).values_list(
        "pk", "author_id", "created_at"
    )
    InboundMessage.objects.bulk_create(
        InboundMessage(
            recipient=f"svar@{DEMO_DOMAIN}",
            outcome=InboundMessage.Outcome.POSTED,
            received_at=created_at,
            user_id=author_id,
            post_id=post_id,
        )
        for post_id, author_id, created_at in replies.order_by("pk")
        if rng.random() < 1 / 6
    )


def _search_misses(rng: random.Random, today: date) -> None:
    rows = {}
    for words, weight in SEARCH_MISSES:
        for _ in range(weight * 6):
            day = today - timedelta(days=rng.randint(0, DAYS - 1))
            rows[(day, words)] = rows.get((day, words), 0) + rng.randint(1, 3)
    SearchMiss.objects.bulk_create(
        [SearchMiss(day=day, words=words, count=n) for (day, words), n in sorted(rows.items())],
        ignore_conflicts=True,
    )


def _hotline_history(rng: random.Random) -> int:
    """The debate's hotline cases are this month's worklist; earlier in the year, about half of
    the older questions a jurist answered had been sent to the hotline by the asker: the case,
    answered by that reply (on time or not, as the reply's time says)."""
    now = timezone.now()
    jurist_reply = (
        Post.objects.filter(
            access.posts_shown(), thread=OuterRef("pk"), is_opening=False, author_is_jurist=True
        )
        .order_by("created_at")
        .values("created_at", "author_id")[:1]
    )
    older = list(
        Thread.objects.filter(
            access.threads_shown_everywhere(),
            kind=Thread.Kind.QUESTION,
            hotline_case__isnull=True,
            created_at__lt=now - timedelta(days=30),
        )
        .annotate(
            answered_at=Subquery(jurist_reply.values("created_at")),
            answered_by=Subquery(jurist_reply.values("author_id")),
        )
        .filter(answered_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "author_id", "created_at", "answered_at", "answered_by")
    )
    chosen = [row for row in older if rng.random() < 0.55]
    HotlineCase.objects.bulk_create(
        [
            HotlineCase(
                thread_id=thread_id,
                status=HotlineCase.Status.ANSWERED,
                requested_by_id=author_id,
                requested_at=created_at,
                deadline=response_deadline(created_at),
                assigned_to_id=jurist_id,
                answered_at=answered_at,
                answered_by_id=jurist_id,
            )
            for thread_id, author_id, created_at, answered_at, jurist_id in chosen
        ]
    )
    return len(chosen)


# --- Meetings -------------------------------------------------------------------------------

PAST_MEETINGS = [
    (330, "Temamøde: Sygedagpenge og opfølgning i de første otte uger", 28),
    (290, "Netværksmøde: A-kassernes samarbejde med jobcentret", 18),
    (250, "Temamøde: Fleksjob og ledighedsydelse i praksis", 35),
    (205, "Webinar: Rådighed og de nye samtaler", 42),
    (150, "Temamøde: Unge under 30 uden uddannelse", 24),
    (110, "Temamøde: Kontanthjælpsloftet og 225-timers-reglen", 31),
    (60, "Netværksmøde: Sygedagpenge på tværs", 16),
]


def _past_events(rng: random.Random, today: date) -> int:
    """Meetings held over the year, shaped like the demo's past theme meeting (its copy with
    another title and day): sign-ups, most of them checked in, about half gave feedback."""
    model = (
        Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
    )
    if model is None:
        return 0
    people = list(
        User.objects.filter(is_active=True, approved_at__isnull=False)
        .exclude(email__endswith=f"@{DEMO_DOMAIN}")
        .order_by("pk")
    )
    comments = ["", "", "Godt oplæg, gerne mere tid til spørgsmål.", "Meget relevant for min sag."]
    registrations, feedback = [], []
    for days_ago, title, size in PAST_MEETINGS:
        day = today - timedelta(days=days_ago)
        day -= timedelta(days=max(0, day.weekday() - 3))  # Monday to Thursday
        starts_at, ends_at = _at(day, 13), _at(day, 16)
        event = Event.objects.get(pk=model.pk)
        event.pk = event.id = None
        event._state.adding = True
        event.title = title
        event.starts_at, event.ends_at = starts_at, ends_at
        event.registration_opens_at = event.registration_closes_at = None
        event.created_at = starts_at - timedelta(days=30)
        event.published_at = starts_at - timedelta(days=28)
        event.reminders_sent_at = starts_at - timedelta(days=2)
        event.feedback_requested_at = ends_at + timedelta(hours=2)
        event.capacity = max(size + 5, event.capacity or 0)
        event.save()
        event.organisers.set(model.organisers.all())
        eligible = [p for p in people if p.approved_at < starts_at - timedelta(days=14)]
        chosen = rng.sample(eligible, min(size, len(eligible)))
        for i, person in enumerate(chosen):
            queued = starts_at - timedelta(days=20, minutes=-37 * i)
            came = rng.random() < 0.85
            registrations.append(
                Registration(
                    event=event,
                    user=person,
                    status=Registration.Status.CONFIRMED,
                    queued_at=queued,
                    confirmed_at=queued,
                    checked_in_at=starts_at - timedelta(minutes=rng.randint(2, 20))
                    if came
                    else None,
                    reminder_sent_at=starts_at - timedelta(days=2),
                    feedback_requested_at=ends_at + timedelta(hours=2) if came else None,
                )
            )
            if came and rng.random() < 0.5:
                feedback.append(
                    FeedbackResponse(
                        event=event,
                        user=person,
                        overall=rng.choice([3, 4, 4, 4, 5, 5]),
                        usefulness=rng.choice([2, 3, 4, 4, 5, 5]),
                        comment=rng.choice(comments),
                        created_at=ends_at + timedelta(hours=3 + i),
                    )
                )
    Registration.objects.bulk_create(registrations)
    FeedbackResponse.objects.bulk_create(feedback)
    return len(PAST_MEETINGS)


# --- Editorial effort -----------------------------------------------------------------------


def _earlier_newsletters(rng: random.Random, today: date) -> int:
    """The eleven monthly newsletters before the one in the demo's archive: the rows as the
    send left them (the copies are counted in the email figures, not kept)."""
    latest = Newsletter.objects.filter(status=Newsletter.Status.SENT).order_by("-sent_at").first()
    if latest is None:
        return 0
    editor = User.objects.get(email=f"redaktoer@{DEMO_DOMAIN}")
    rows = []
    days = sorted(_newsletter_days(today))
    for previous, day in zip([days[0] - timedelta(days=28), *days], days, strict=False):
        sent_at = _at(day, 9, 30)
        rows.append(
            Newsletter(
                subject=default_subject(today=day),
                intro=latest.intro,
                intro_html=latest.intro_html,
                period_start=previous,
                period_end=day,
                status=Newsletter.Status.SENT,
                segment=Newsletter.Segment.EVERYONE,
                created_by=editor,
                created_at=sent_at - timedelta(days=5),
                scheduled_for=sent_at,
                sent_by=editor,
                sent_at=sent_at,
                recipient_count=rng.randint(280, 340),
                editor_edits=rng.randint(3, 14),
            )
        )
    Newsletter.objects.bulk_create(rows)
    return len(rows)


# --- The user survey ------------------------------------------------------------------------

FREE_TEXTS = [
    "Hotlinen er guld værd, svarene kommer hurtigt og er til at bruge.",
    "Nyhedsbrevet er det, jeg læser mest. Gerne flere eksempler fra praksis.",
    "Det er svært at finde de gamle svar om fleksjob, søgningen kunne være bedre.",
    "Jeg savner mere om seniorjob og seniorpension.",
    "Godt at kunne spørge jobcentret direkte uden at ringe rundt.",
    "Temamøderne giver meget, men de ligger tit samtidig med vores teammøder.",
    "Jeg bruger portalen mest, når jeg får en e-mail om et svar.",
    "Mere om kontanthjælpsloftet og 225-timers-reglen, tak.",
]


def _user_survey(rng: random.Random, today: date) -> None:
    """Composed, sent and closed by the editorial desk through the services, to the partner
    unemployment funds; about four in ten answered. Sent seven weeks ago, closed four weeks
    later (the dates are set afterwards; the copies went to the local outbox)."""
    editor = User.objects.get(email=f"redaktoer@{DEMO_DOMAIN}")
    survey = surveys.survey_compose(
        by=editor,
        title=SURVEY_TITLE.format(year=today.year),
        intro=(
            "Hjælp os med at gøre Samarbejdsportalen bedre. Det tager fem minutter, og dine svar "
            "er anonyme, medmindre du selv vælger andet."
        ),
        segment=Survey.Segment.ORGANISATION_KIND,
        segment_organisation_kind=OrganisationKind.UFUND,
    )
    Kind = SurveyQuestion.Kind
    questions = [
        surveys.question_add(
            survey=survey, by=editor, kind=Kind.SCALE, text="Hvor tilfreds er du med portalen?"
        ),
        surveys.question_add(
            survey=survey,
            by=editor,
            kind=Kind.SCALE,
            text="Hvor nyttige er svarene fra hotlinen og debatten i dit arbejde?",
        ),
        surveys.question_add(
            survey=survey,
            by=editor,
            kind=Kind.CHOICE,
            text="Hvordan kommer du oftest ind på portalen?",
            options="Fra nyhedsbrevet\nFra ugens overblik\nDirekte\nFra en kollega",
        ),
        surveys.question_add(
            survey=survey,
            by=editor,
            kind=Kind.TEXT,
            text="Hvad skal vi gøre bedre?",
        ),
    ]
    surveys.survey_send(survey=survey, by=editor)
    # The round, as the queue runs it after commit (the demo is one transaction).
    waiting = surveys.survey_waiting(survey_id=survey.pk)
    for chunk in surveys.recipient_chunks(waiting):
        surveys.survey_send_chunk(survey_id=survey.pk, user_ids=chunk)
    recipients = list(
        SurveyRecipient.objects.filter(survey=survey, delivery__isnull=False).order_by("pk")
    )
    scale, useful, channel, free = questions
    answered = rng.sample(recipients, round(len(recipients) * 0.4))
    for i, recipient in enumerate(answered):
        surveys.survey_answer(
            recipient=recipient,
            values={
                scale.pk: rng.choice([3, 4, 4, 4, 5, 5, 2]),
                useful.pk: rng.choice([3, 4, 4, 5, 5, 5]),
                channel.pk: rng.choice([0, 0, 0, 1, 1, 2, 3]),
                free.pk: FREE_TEXTS[i % len(FREE_TEXTS)] if rng.random() < 0.45 else "",
            },
            show_name=rng.random() < 0.15,
        )
    surveys.survey_close(survey=survey, by=editor)
    sent_at = _at(today - timedelta(days=49), 9)
    Survey.objects.filter(pk=survey.pk).update(
        created_at=sent_at - timedelta(days=6),
        sent_at=sent_at,
        closed_at=sent_at + timedelta(days=28),
    )
    survey.responses.update(answered_on=sent_at.date() + timedelta(days=2))
    EmailDelivery.objects.filter(reference=survey.reference).update(
        created_at=sent_at, sent_at=sent_at
    )
