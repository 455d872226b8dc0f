"""The annual evaluation report (PDF and DOCX): its text carries every headline figure worked
out from hand-made data; who may make it; a year with no data still renders; the audit entry."""

from datetime import date, datetime, time, timedelta
from io import BytesIO

import docx
import pytest
from django.utils import timezone
from pypdf import PdfReader

from portal.core.models import AuditEvent
from portal.core.tests.factories import UserFactory
from portal.events.tests.factories import EventFactory, RegistrationFactory
from portal.forum.models import Post, Thread
from portal.hotline.models import HotlineCase
from portal.hotline.tests.factories import make_question
from portal.insights.models import DailyVisits
from portal.newsletters.models import Newsletter
from portal.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1  # a year that is over
LAST = YEAR - 1


def at(year, month, day=15):
    return timezone.make_aware(datetime.combine(date(year, month, day), time(12)))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def docx_text(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


@pytest.fixture
def year_of_data(fund, caseworker, jurist):
    # People: 3 approved (and joined) last year, 4 more this year → 3 then 7 registered.
    for year, month, n in [(LAST, 3, 3), (YEAR, 5, 4)]:
        for _i in range(n):
            UserFactory(organisation=fund, approved_at=at(year, month), date_joined=at(year, month))
    # Visits: this year 47 from email, 23 direct; last year 11 and 31.
    for day, channel, count in [
        (date(YEAR, 2, 3), "email", 40),
        (date(YEAR, 9, 1), "email", 7),
        (date(YEAR, 2, 3), "direct", 23),
        (date(LAST, 6, 1), "email", 11),
        (date(LAST, 6, 1), "direct", 31),
    ]:
        DailyVisits.objects.create(day=day, channel=channel, count=count)
    # Questions: 2 asked this year, 1 answered; both went to the hotline, 1 answered in time.
    asked = at(YEAR, 3)
    answered, unanswered = make_question(author=caseworker), make_question(author=caseworker)
    Thread.objects.filter(pk__in=[answered.pk, unanswered.pk]).update(created_at=asked)
    Post.objects.create(
        thread=answered, author=jurist, body="Svar", created_at=asked + timedelta(hours=3)
    )
    deadline = asked + timedelta(days=3)
    for thread, answered_at in [
        (answered, deadline - timedelta(hours=1)),
        (unanswered, deadline + timedelta(days=1)),
    ]:
        HotlineCase.objects.create(
            thread=thread, requested_at=asked, deadline=deadline, status="answered",
            answered_at=answered_at,
        )  # fmt: skip
    # Meetings: one held this year, 3 sign-ups, 2 checked in.
    held = EventFactory(starts_at=at(YEAR, 10))
    RegistrationFactory(event=held, checked_in_at=at(YEAR, 10))
    RegistrationFactory(event=held, checked_in_at=at(YEAR, 10))
    RegistrationFactory(event=held)
    # Newsletters: 2 sent this year (12 edits), 1 last year.
    for sent_at, edits in [(at(YEAR, 4), 5), (at(YEAR, 8), 7), (at(LAST, 4), 1)]:
        Newsletter.objects.create(
            subject="Nyt", period_start=sent_at.date(), period_end=sent_at.date(),
            status=Newsletter.Status.SENT, sent_at=sent_at, editor_edits=edits,
        )  # fmt: skip
    # A survey sent this year: one choice question, 2 answers "Ja", 1 "Nej".
    survey = Survey.objects.create(
        title="Brugerundersøgelse om portalen", status=Survey.Status.CLOSED,
        sent_at=at(YEAR, 6), closed_at=at(YEAR, 7),
    )  # fmt: skip
    question = SurveyQuestion.objects.create(
        survey=survey, kind=SurveyQuestion.Kind.CHOICE, text="Bruger du portalen ugentligt?",
        options="Ja\nNej",
    )  # fmt: skip
    for value in (0, 0, 1):
        response = SurveyResponse.objects.create(survey=survey)
        SurveyAnswer.objects.create(response=response, question=question, value=value)
    Survey.objects.create(title="Kladde der aldrig blev sendt")  # a draft: not in the report


def _flat(text: str) -> str:
    """The words in order, a table's cells one after another (as pypdf reads them)."""
    return " " + " ".join(text.replace("|", " ").split()) + " "


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_report_carries_every_headline_figure(client, editor, year_of_data, fmt):
    client.force_login(editor)

    response = client.get(f"/indsigt/rapport/{YEAR}.{fmt}")

    assert response.status_code == 200
    assert f"evalueringsrapport-{YEAR}.{fmt}" in response["Content-Disposition"]
    text = pdf_text(response.content) if fmt == "pdf" else docx_text(response.content)
    flat = _flat(text)
    assert str(YEAR) in text
    # The summary against the goals: 7 of 300 (2 %), 47 of 70 visits from email (67 %).
    assert "7" in text and "300" in text and "2%" in text.replace(" ", "")
    assert "47" in text and "23" in text and "67%" in text.replace(" ", "")
    # The development since last year: last year, this year, the change.
    for last, this, change in [
        (3, 7, "+4"),  # registered
        (3, 4, "+1"),  # new sign-ups
        (11, 47, "+36"),  # visits from email
        (31, 23, "-8"),  # direct visits
        (1, 2, "+1"),  # newsletters sent
        (0, 3, "+3"),  # sign-ups for meetings
    ]:
        assert f" {last} {this} {change} " in flat, (last, this)
    # Questions asked, hotline cases, checked in at meetings: 0 → 2, three rows.
    assert flat.count(" 0 2 +2 ") == 3
    # Questions answered, hotline cases answered in time, meetings held: 0 → 1, three rows.
    assert flat.count(" 0 1 +1 ") == 3
    # The survey that ran this year, with its counts; not the draft.
    assert "Brugerundersøgelse om portalen" in text
    assert " Ja 2 67 % " in flat  # 2 of 3 answers
    assert "Kladde" not in text
    event = AuditEvent.objects.get(action=AuditEvent.Action.EVALUATION_REPORT_GENERATED)
    assert event.actor == editor
    assert (event.detail["year"], event.detail["format"], event.detail["surveys"]) == (
        YEAR,
        fmt,
        1,
    )


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_year_with_no_data_still_renders(client, operator_admin, fmt):
    client.force_login(operator_admin)

    response = client.get(f"/indsigt/rapport/{YEAR}.{fmt}")

    assert response.status_code == 200
    text = pdf_text(response.content) if fmt == "pdf" else docx_text(response.content)
    assert str(YEAR) in text
    assert " 0 0 0 " in _flat(text)


@pytest.mark.parametrize("who", ["caseworker", "jurist", "fund_admin"])
def test_everyone_else_gets_403(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(f"/indsigt/rapport/{YEAR}.pdf").status_code == 403
    assert not AuditEvent.objects.filter(
        action=AuditEvent.Action.EVALUATION_REPORT_GENERATED
    ).exists()


def test_signed_out_goes_to_sign_in(client):
    response = client.get(f"/indsigt/rapport/{YEAR}.pdf")
    assert response.status_code == 302


def test_a_year_to_come_is_404(client, editor):
    client.force_login(editor)
    assert client.get(f"/indsigt/rapport/{YEAR + 2}.pdf").status_code == 404


def test_the_report_takes_a_fixed_number_of_queries(client, editor, django_assert_num_queries):
    """Two years' summaries (16 each), the session and user, the surveys of the year and the
    audit entry; each survey sent that year adds its results' few queries."""
    client.force_login(editor)
    client.get(f"/indsigt/rapport/{YEAR}.docx")  # warm the session
    with django_assert_num_queries(44):
        client.get(f"/indsigt/rapport/{YEAR}.docx")
