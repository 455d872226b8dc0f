"""The demo's year behind the evaluation: the dashboard for the last twelve months and the
annual report of this year look like the real thing the seeds describe (a goal of 300, 354
counted, most visits from the newsletter)."""

import re
from datetime import date, timedelta
from io import BytesIO

import docx
import pytest
from django.utils import timezone
from pypdf import PdfReader

from portal.core.models import User
from portal.demo.evaluation import SURVEY_TITLE, evaluation_demo_load
from portal.demo.people import DEMO_DOMAIN
from portal.evaluation.selectors import evaluation_summary, latest_surveys
from portal.insights.models import DailyEmailFigures, DailyThreadReads, DailyVisits
from portal.newsletters.models import Newsletter
from portal.search.models import SearchMiss
from portal.surveys.models import Survey, SurveyAnswer, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(demo_loaded):
    today = timezone.localdate()
    return evaluation_summary(date_from=today - timedelta(days=364), date_to=today)


@pytest.fixture
def editor(demo_loaded):
    return User.objects.get(email=f"redaktoer@{DEMO_DOMAIN}")


def test_people_grow_over_the_year_toward_the_354_of_the_evaluation(year):
    people = year.people
    assert 300 <= people.registered <= 400
    assert people.registered == 354
    monthly = [month.registered for month in people.monthly]
    assert monthly == sorted(monthly)
    assert 200 <= monthly[0] <= monthly[-1] - 40
    assert 0.4 <= people.active_30d / people.registered <= 0.65
    assert people.new_signups >= 40
    assert 1 <= people.pending_approvals <= 5
    assert all(people.by_organisation_kind[kind] > 0 for kind in ("jobcenter", "ufund", "union"))


def test_most_visits_come_from_an_email_every_day_of_the_year(year):
    assert year.reach.visits_email > year.reach.visits_direct > 1000
    assert len(year.reach.weekly) >= 52
    today = timezone.localdate()
    assert DailyVisits.objects.filter(day__lte=today).count() == 2 * 365
    # More on weekdays than at the weekend.
    weekdays = [w for w in DailyVisits.objects.filter(channel="direct") if w.day.weekday() < 5]
    weekends = [w for w in DailyVisits.objects.filter(channel="direct") if w.day.weekday() >= 5]
    assert sum(w.count for w in weekdays) / len(weekdays) > 3 * max(
        1, sum(w.count for w in weekends) / len(weekends)
    )


def test_the_digest_and_the_newsletter_are_opened_and_clicked_like_the_real_ones(year):
    digest, newsletter = year.reach.emails["digest"], year.reach.emails["newsletter"]
    # The weekly digest to most of ~350 people, a year of Mondays; twelve newsletters.
    assert 52 * 250 < digest.sent < 52 * 350
    assert 11 * 250 < newsletter.sent < 13 * 354 + 200
    assert 0.35 <= digest.open_rate <= 0.47 and 0.10 <= digest.click_rate <= 0.16
    assert 0.40 <= newsletter.open_rate <= 0.50 and 0.14 <= newsletter.click_rate <= 0.21
    # The newsletter sent today is counted from its own copies (with their opens).
    today = DailyEmailFigures.objects.get(day=timezone.localdate(), category="newsletter")
    latest = Newsletter.objects.latest("sent_at")
    assert today.sent == latest.recipient_count and 0 < today.clicked < today.opened
    assert year.reach.rsvps_from_email > 0
    assert 0 < year.reach.replies_by_email < year.knowledge.questions_asked * 5


def test_questions_are_answered_and_the_hotline_keeps_most_deadlines(year):
    knowledge = year.knowledge
    assert knowledge.questions_asked > 100
    assert knowledge.answered_share > 0.5
    assert knowledge.median_hours_to_first_answer is not None
    # Most cases answered in time; the rest are this week's worklist, still open.
    assert knowledge.hotline_on_time > knowledge.hotline_cases / 2
    assert knowledge.hotline_on_time <= knowledge.hotline_answered < knowledge.hotline_cases
    assert [words for words, _n in knowledge.search_misses[:3]] == [
        "seniorjob",
        "fleksjob ledighedsydelse",
        "kontanthjælpsloft",
    ]
    assert knowledge.top_threads
    oldest = DailyThreadReads.objects.order_by("day").first().day
    assert oldest < timezone.localdate() - timedelta(days=300)


def test_meetings_were_held_over_the_year_with_attendance_and_feedback(year):
    meetings = year.meetings
    assert meetings.events_held >= 6
    assert meetings.signups > meetings.attendance > meetings.signups / 2
    assert meetings.feedback_responses > 20
    assert 3 <= meetings.feedback_overall <= 5


def test_twelve_newsletters_with_the_editors_edits(year):
    assert year.editorial.newsletters_sent == 12
    assert year.editorial.editor_edits > 12
    latest = Newsletter.objects.order_by("-sent_at").first()
    assert latest.items.exists()  # the one in the archive with its copies stays the latest


def test_a_finished_user_survey_with_four_in_ten_answering(demo_loaded):
    title = SURVEY_TITLE.format(year=timezone.localdate().year)
    [figures] = [s for s in latest_surveys() if s.title == title]
    assert figures.status == Survey.Status.CLOSED
    assert 35 <= figures.response_rate <= 45
    survey = Survey.objects.get(pk=figures.survey_id)
    assert survey.sent_at.date() < timezone.localdate() - timedelta(days=30)
    assert survey.closed_at > survey.sent_at
    assert {q.kind for q in survey.questions.all()} == {"scale", "choice", "text"}
    responses = SurveyResponse.objects.filter(survey=survey)
    assert 0 < responses.filter(user__isnull=False).count() < responses.count() / 3
    assert SurveyAnswer.objects.filter(response__survey=survey).exclude(text="").count() > 5


def test_the_dashboard_renders_the_demo_for_the_editor(client, editor):
    client.force_login(editor)

    response = client.get("/indsigt/")

    assert response.status_code == 200
    text = re.sub(r"\s+", " ", response.content.decode())
    assert "354" in text
    assert SURVEY_TITLE.format(year=timezone.localdate().year) in text


def _flat(text: str) -> str:
    return " " + " ".join(text.replace("|", " ").split()) + " "


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_this_years_report_carries_the_demos_headline_figures(client, editor, fmt):
    this_year = timezone.localdate().year
    summary = evaluation_summary(date_from=date(this_year, 1, 1), date_to=date(this_year, 12, 31))
    client.force_login(editor)

    response = client.get(f"/indsigt/rapport/{this_year}.{fmt}")

    assert response.status_code == 200
    content = BytesIO(response.content)
    if fmt == "pdf":
        text = "\n".join(page.extract_text() for page in PdfReader(content).pages)
    else:
        document = docx.Document(content)
        parts = [p.text for p in document.paragraphs]
        parts += [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
        text = "\n".join(parts)
    flat = _flat(text)
    for figure in (
        summary.people.registered,
        summary.reach.visits_email,
        summary.reach.visits_direct,
        summary.knowledge.questions_asked,
        summary.meetings.signups,
        summary.editorial.newsletters_sent,
    ):
        assert f" {figure} " in flat, figure
    assert summary.people.summary.split(";")[0] in flat
    assert SURVEY_TITLE.format(year=this_year) in text


def test_a_second_load_creates_nothing(demo_loaded):
    counts = (User.objects.count(), DailyVisits.objects.count(), SearchMiss.objects.count())

    created = evaluation_demo_load()

    assert set(created.values()) == {0}
    assert counts == (User.objects.count(), DailyVisits.objects.count(), SearchMiss.objects.count())
