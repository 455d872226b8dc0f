"""The evaluation's figures for a period: people, reach, knowledge, meetings, editorial effort.

Counters and aggregates only, summed in SQL: nothing here says who read what. A period is two
Copenhagen dates, both included. Each section is a dataclass with a one-line Danish `summary`
(gettext, with the numbers) and, where a chart needs one, a series; the dashboard, the annual
report and the API (GET /api/v1/insights/summary) are all built on `evaluation_summary`.
A fixed number of queries however many people and days (docs/decisions/0039-evaluation-figures.md).
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Avg, Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.models import EmailCategory, EmailDelivery, OrganisationKind, User
from portal.events.models import Event, FeedbackResponse, Registration
from portal.forum.models import Post, Thread
from portal.forum.selectors import thread_list_visible
from portal.guides.models import Guide
from portal.guides.selectors import guide_list_visible
from portal.hotline.models import HotlineCase
from portal.inbound_mail.models import InboundMessage
from portal.insights.models import DailyVisits, EmailAction, VisitChannel
from portal.insights.selectors import (
    email_actions,
    email_figures,
    most_read_guides,
    most_read_threads,
)
from portal.newsletters.models import Newsletter
from portal.search.selectors import search_misses
from portal.surveys.models import Survey, SurveyRecipient, SurveyResponse

from . import access

ACTIVE_DAYS = 30


def goal_people() -> int:
    return int(getattr(settings, "PORTAL_EVALUATION_GOAL_PEOPLE", 300))


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _end(day: date) -> datetime:
    """The first moment after `day` (Copenhagen): periods are [start, end)."""
    return _start(day + timedelta(days=1))


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


# --- People -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationCount:
    organisation_id: int | None
    name: str
    kind: str
    registered: int


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    registered: int  # approved and active people by the end of that month


@dataclass(frozen=True)
class PeopleFigures:
    goal: int
    registered: int
    active_30d: int
    by_organisation_kind: dict[str, int]
    by_organisation: list[OrganisationCount]
    monthly: list[MonthCount]
    new_signups: int
    pending_approvals: int
    summary: str


def _people_registered_q(until: datetime) -> Q:
    return Q(is_active=True, approved_at__isnull=False, approved_at__lt=until)


def people_figures(*, date_from: date, date_to: date) -> PeopleFigures:
    """Registered people (approved and active) at the end of the period against the goal; of
    them, those active in the 30 days up to then (signed in, clicked a link in an email or
    replied by email); by organisation and kind; the monthly growth; new sign-ups in the period
    and people awaiting approval now. 4 queries."""
    until = min(_end(date_to), timezone.now())
    since = until - timedelta(days=ACTIVE_DAYS)
    registered = User.objects.filter(_people_registered_q(until))

    per_organisation = list(
        registered.values("organisation_id", "organisation__name", "organisation__kind")
        .annotate(n=Count("id"))
        .order_by("-n", "organisation__name")
    )
    by_organisation = [
        OrganisationCount(
            organisation_id=row["organisation_id"],
            name=row["organisation__name"] or "",
            kind=row["organisation__kind"] or "",
            registered=row["n"],
        )
        for row in per_organisation
    ]
    by_kind = {kind: 0 for kind in OrganisationKind.values}
    for row in by_organisation:
        if row.kind in by_kind:
            by_kind[row.kind] += row.registered
    total = sum(row.registered for row in by_organisation)

    # Subqueries the planner hashes once (not a lookup per person); the clicks come from a
    # partial index on EmailDelivery.clicked_at.
    clicked = EmailDelivery.objects.filter(
        clicked_at__gte=since, clicked_at__lt=until, user__isnull=False
    ).values("user_id")
    replied = InboundMessage.objects.filter(
        outcome=InboundMessage.Outcome.POSTED,
        received_at__gte=since,
        received_at__lt=until,
        user__isnull=False,
    ).values("user_id")
    active = registered.filter(
        Q(last_login__gte=since, last_login__lt=until) | Q(pk__in=clicked) | Q(pk__in=replied)
    ).count()

    counts = User.objects.aggregate(
        new_signups=Count(
            "id", filter=Q(date_joined__gte=_start(date_from), date_joined__lt=_end(date_to))
        ),
        pending=Count("id", filter=Q(is_active=True, approved_at__isnull=True)),
    )

    months = dict(
        registered.filter(approved_at__lt=until)
        .annotate(month=TruncMonth("approved_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("month", "n")
    )
    monthly = []
    before = sum(n for month, n in months.items() if _month(month) < date_from.replace(day=1))
    month = date_from.replace(day=1)
    while month <= date_to:
        before += sum(n for m, n in months.items() if _month(m) == month)
        monthly.append(MonthCount(month=month, registered=before))
        month = (month + timedelta(days=32)).replace(day=1)

    goal = goal_people()
    summary = _(
        "%(registered)s registered people against a goal of %(goal)s (%(percent)s%%); "
        "%(active)s were active in the last 30 days."
    ) % {
        "registered": total,
        "goal": goal,
        "percent": _percent(total, goal),
        "active": active,
    }
    return PeopleFigures(
        goal=goal,
        registered=total,
        active_30d=active,
        by_organisation_kind=by_kind,
        by_organisation=by_organisation,
        monthly=monthly,
        new_signups=counts["new_signups"],
        pending_approvals=counts["pending"],
        summary=summary,
    )


def _month(value) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


# --- Reach --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekVisits:
    year: int
    week: int  # ISO week
    email: int
    direct: int


@dataclass(frozen=True)
class EmailFigures:
    category: str
    sent: int
    opened: int  # a lower bound: many mail programs load no images
    clicked: int
    open_rate: float
    click_rate: float


@dataclass(frozen=True)
class ReachFigures:
    visits_email: int
    visits_direct: int
    weekly: list[WeekVisits]
    emails: dict[str, EmailFigures]
    replies_by_email: int
    rsvps_from_email: int  # sign-ups for a meeting through the link in an email
    unsubscribes: int  # from the link in an email (the settings page is not counted)
    summary: str


def reach_figures(*, date_from: date, date_to: date) -> ReachFigures:
    """Visits from email and direct, per ISO week; the digest's and newsletter's opens (a lower
    bound) and clicks, from the daily counters; what people did from an email: replies,
    sign-ups for meetings, unsubscribes. 4 queries."""
    weeks: dict[tuple[int, int], dict[str, int]] = {}
    for day, channel, count in DailyVisits.objects.filter(
        day__gte=date_from, day__lte=date_to
    ).values_list("day", "channel", "count"):
        year, week, _weekday = day.isocalendar()
        weeks.setdefault((year, week), {c: 0 for c in VisitChannel.values})[channel] += count
    weekly = [
        WeekVisits(year=year, week=week, email=counts["email"], direct=counts["direct"])
        for (year, week), counts in sorted(weeks.items())
    ]
    visits_email = sum(week.email for week in weekly)
    visits_direct = sum(week.direct for week in weekly)

    found = email_figures(start=date_from, end=date_to)
    emails = {}
    for category in (EmailCategory.DIGEST, EmailCategory.NEWSLETTER):
        row = found.get(category, {"sent": 0, "opened": 0, "clicked": 0})
        emails[str(category)] = EmailFigures(
            category=str(category),
            sent=row["sent"],
            opened=row["opened"],
            clicked=row["clicked"],
            open_rate=_rate(row["opened"], row["sent"]),
            click_rate=_rate(row["clicked"], row["sent"]),
        )
    replies = InboundMessage.objects.filter(
        outcome=InboundMessage.Outcome.POSTED,
        received_at__gte=_start(date_from),
        received_at__lt=_end(date_to),
    ).count()
    actions = email_actions(start=date_from, end=date_to)
    summary = _(
        "%(email)s visits came from an email and %(direct)s were direct (%(percent)s%% from "
        "email); from emails, %(replies)s replies were written, %(rsvps)s signed up for a "
        "meeting and %(unsubscribes)s unsubscribed."
    ) % {
        "email": visits_email,
        "direct": visits_direct,
        "percent": _percent(visits_email, visits_email + visits_direct),
        "replies": replies,
        "rsvps": actions[EmailAction.RSVP],
        "unsubscribes": actions[EmailAction.UNSUBSCRIBE],
    }
    return ReachFigures(
        visits_email=visits_email,
        visits_direct=visits_direct,
        weekly=weekly,
        emails=emails,
        replies_by_email=replies,
        rsvps_from_email=actions[EmailAction.RSVP],
        unsubscribes=actions[EmailAction.UNSUBSCRIBE],
        summary=summary,
    )


# --- Knowledge ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnowledgeFigures:
    questions_asked: int
    questions_answered: int
    answered_share: float
    median_hours_to_first_answer: float | None
    median_hours_to_accepted_answer: float | None
    hotline_cases: int
    hotline_answered: int
    hotline_on_time: int
    guides_published: int
    guides_on_time: int  # not past their review date nor marked for review, at the period's end
    top_threads: list[tuple[int, int]] = field(default_factory=list)  # (thread id, reads)
    top_guides: list[tuple[int, int]] = field(default_factory=list)  # (guide id, reads)
    # (words, searches) of the searches that found nothing: what content is missing.
    search_misses: list[tuple[str, int]] = field(default_factory=list)
    summary: str = ""


def _median_hours(durations: list[timedelta]) -> float | None:
    if not durations:
        return None
    return round(statistics.median(d.total_seconds() for d in durations) / 3600, 1)


def knowledge_figures(*, date_from: date, date_to: date) -> KnowledgeFigures:
    """Questions asked in the period (not hidden): how many got a reply, the median time to the
    first reply and to an accepted answer; the hotline's cases asked in the period and how many
    were answered by their deadline; the published guides and how many are reviewed on time
    (at the period's end, or today); the most read threads; the searches that found nothing,
    by their words. 6 queries."""
    start, end = _start(date_from), _end(date_to)
    first_reply = (
        Post.objects.filter(access.posts_counted(), thread=OuterRef("pk"), is_opening=False)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    questions = list(
        Thread.objects.filter(
            access.threads_counted(),
            kind=Thread.Kind.QUESTION,
            created_at__gte=start,
            created_at__lt=end,
        )
        .annotate(first_reply_at=first_reply)
        .values_list("created_at", "first_reply_at", "accepted_at")
        .order_by()
    )
    answered = [reply - created for created, reply, _accepted in questions if reply]
    accepted = [acc - created for created, _reply, acc in questions if acc]

    hotline = HotlineCase.objects.filter(requested_at__gte=start, requested_at__lt=end).aggregate(
        cases=Count("id"),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
        on_time=Count("id", filter=Q(answered_at__isnull=False, answered_at__lte=F("deadline"))),
    )
    reference_day = min(date_to, timezone.localdate())
    guides = Guide.objects.filter(access.guides_counted()).aggregate(
        published=Count("id"),
        on_time=Count("id", filter=Q(needs_review=False, review_by__gte=reference_day)),
    )
    top = most_read_threads(start=date_from, end=date_to, limit=10)
    top_guides = most_read_guides(start=date_from, end=date_to, limit=10)
    misses = search_misses(start=date_from, end=date_to, limit=20)
    asked = len(questions)
    summary = _(
        "%(asked)s questions were asked and %(percent)s%% answered; %(on_time)s of "
        "%(cases)s hotline cases were answered within the deadline."
    ) % {
        "asked": asked,
        "percent": _percent(len(answered), asked),
        "on_time": hotline["on_time"],
        "cases": hotline["cases"],
    }
    return KnowledgeFigures(
        questions_asked=asked,
        questions_answered=len(answered),
        answered_share=_rate(len(answered), asked),
        median_hours_to_first_answer=_median_hours(answered),
        median_hours_to_accepted_answer=_median_hours(accepted),
        hotline_cases=hotline["cases"],
        hotline_answered=hotline["answered"],
        hotline_on_time=hotline["on_time"],
        guides_published=guides["published"],
        guides_on_time=guides["on_time"],
        top_threads=top,
        top_guides=top_guides,
        search_misses=misses,
        summary=summary,
    )


# --- Meetings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingFigures:
    events_held: int
    signups: int
    attendance: int
    feedback_responses: int
    feedback_overall: float | None  # the average score, 1..5
    feedback_usefulness: float | None
    summary: str


def meeting_figures(*, date_from: date, date_to: date) -> MeetingFigures:
    """Published events that began in the period (and have begun): their confirmed sign-ups,
    the people checked in, and the feedback forms returned and their average scores. 3 queries."""
    start, end = _start(date_from), min(_end(date_to), timezone.now())
    held = Event.objects.filter(
        status=Event.Status.PUBLISHED, starts_at__gte=start, starts_at__lt=end
    )
    counts = Registration.objects.filter(event__in=held).aggregate(
        signups=Count("id", filter=Q(status=Registration.Status.CONFIRMED)),
        attendance=Count("id", filter=Q(checked_in_at__isnull=False)),
    )
    events_held = held.count()
    feedback = FeedbackResponse.objects.filter(event__in=held).aggregate(
        n=Count("id"), overall=Avg("overall"), usefulness=Avg("usefulness")
    )
    summary = ngettext(
        "%(events)s meeting was held with %(signups)s sign-ups and %(attendance)s checked in.",
        "%(events)s meetings were held with %(signups)s sign-ups and %(attendance)s checked in.",
        events_held,
    ) % {"events": events_held, "signups": counts["signups"], "attendance": counts["attendance"]}
    return MeetingFigures(
        events_held=events_held,
        signups=counts["signups"],
        attendance=counts["attendance"],
        feedback_responses=feedback["n"],
        feedback_overall=round(feedback["overall"], 1) if feedback["overall"] else None,
        feedback_usefulness=round(feedback["usefulness"], 1) if feedback["usefulness"] else None,
        summary=summary,
    )


# --- Editorial effort ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EditorialFigures:
    newsletters_sent: int
    editor_edits: int  # the editor's edits of those newsletters' drafts (Newsletter.editor_edits)
    summary: str


def editorial_figures(*, date_from: date, date_to: date) -> EditorialFigures:
    """Newsletters sent in the period and the edits the editor made to their drafts. 1 query."""
    counts = Newsletter.objects.filter(
        status=Newsletter.Status.SENT, sent_at__gte=_start(date_from), sent_at__lt=_end(date_to)
    ).aggregate(sent=Count("id"), edits=Sum("editor_edits"))
    sent, edits = counts["sent"], counts["edits"] or 0
    summary = ngettext(
        "%(sent)s newsletter was sent; the editor made %(edits)s edits to the drafts.",
        "%(sent)s newsletters were sent; the editor made %(edits)s edits to the drafts.",
        sent,
    ) % {"sent": sent, "edits": edits}
    return EditorialFigures(newsletters_sent=sent, editor_edits=edits, summary=summary)


# --- Everything ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationSummary:
    date_from: date
    date_to: date
    people: PeopleFigures
    reach: ReachFigures
    knowledge: KnowledgeFigures
    meetings: MeetingFigures
    editorial: EditorialFigures


def evaluation_summary(*, date_from: date, date_to: date) -> EvaluationSummary:
    """Every figure of the evaluation for the period (Copenhagen dates, both included)."""
    period = {"date_from": date_from, "date_to": date_to}
    return EvaluationSummary(
        date_from=date_from,
        date_to=date_to,
        people=people_figures(**period),
        reach=reach_figures(**period),
        knowledge=knowledge_figures(**period),
        meetings=meeting_figures(**period),
        editorial=editorial_figures(**period),
    )


# --- The dashboard's extras ---------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyFigures:
    survey_id: int
    title: str
    status: str
    status_label: str
    recipients: int
    responses: int
    response_rate: int | None  # percent of those it was sent to


def _count_of(queryset) -> Subquery:
    counted = queryset.order_by().values("survey").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def latest_surveys(*, limit: int = 5) -> list[SurveyFigures]:
    """The latest sent or closed surveys with their response rate. 1 query."""
    rows = (
        Survey.objects.filter(status__in=[Survey.Status.SENT, Survey.Status.CLOSED])
        # Subqueries, not two joins: recipients x responses would multiply the rows.
        .annotate(
            n_recipients=_count_of(
                SurveyRecipient.objects.filter(survey=OuterRef("pk"), delivery__isnull=False)
            ),
            n_responses=_count_of(SurveyResponse.objects.filter(survey=OuterRef("pk"))),
        )
        .order_by("-sent_at", "-pk")[:limit]
    )
    return [
        SurveyFigures(
            survey_id=survey.pk,
            title=survey.title,
            status=survey.status,
            status_label=survey.get_status_display(),
            recipients=survey.n_recipients,
            responses=survey.n_responses,
            response_rate=_percent(survey.n_responses, survey.n_recipients)
            if survey.n_recipients
            else None,
        )
        for survey in rows
    ]


@dataclass(frozen=True)
class TopThread:
    thread_id: int
    title: str | None  # None: a thread this viewer may not read (shown without its title)
    reads: int


def top_threads_for(*, user: User, top: list[tuple[int, int]]) -> list[TopThread]:
    """The most read threads with the titles this viewer may read (forum's policy). 1 query."""
    ids = [thread_id for thread_id, _reads in top]
    titles = (
        dict(thread_list_visible(user=user).filter(pk__in=ids).values_list("pk", "title"))
        if ids
        else {}
    )
    return [
        TopThread(thread_id=thread_id, title=titles.get(thread_id), reads=reads)
        for thread_id, reads in top
    ]


@dataclass(frozen=True)
class TopGuide:
    guide_id: int
    slug: str | None
    title: str | None  # None: a guide this viewer may not read (shown without its title)
    reads: int


def top_guides_for(*, user: User, top: list[tuple[int, int]]) -> list[TopGuide]:
    """The most read guides with the titles this viewer may read (guides' policy). 1 query."""
    ids = [guide_id for guide_id, _reads in top]
    rows = (
        {
            pk: (slug, title)
            for pk, slug, title in guide_list_visible(user=user)
            .filter(pk__in=ids)
            .values_list("pk", "slug", "title")
        }
        if ids
        else {}
    )
    return [
        TopGuide(
            guide_id=guide_id,
            slug=rows.get(guide_id, (None, None))[0],
            title=rows.get(guide_id, (None, None))[1],
            reads=reads,
        )
        for guide_id, reads in top
    ]
