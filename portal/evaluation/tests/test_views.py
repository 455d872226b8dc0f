"""The evaluation dashboard /indsigt/: who sees it, the figures in the page, the period form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import UserFactory
from portal.guides.tests.factories import make_guide
from portal.hotline.tests.factories import make_question
from portal.insights.services import guide_read_record, thread_read_record, visit_record
from portal.search.services import search_miss_record
from portal.surveys import services as survey_services
from portal.surveys.models import SurveyRecipient
from portal.surveys.tests.conftest import compose

pytestmark = pytest.mark.django_db

URL = "/indsigt/"


def test_editors_and_operator_admins_see_the_page(client, editor, operator_admin):
    for user in (editor, operator_admin):
        client.force_login(user)
        response = client.get(URL)
        assert response.status_code == 200
        assert (
            "Evaluering" in response.content.decode() or "Evaluation" in response.content.decode()
        )


def test_a_caseworker_is_refused_and_anonymous_is_sent_to_sign_in(client, caseworker):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
    client.force_login(caseworker)
    assert client.get(URL).status_code == 403


def _make_figures(editor, fund, caseworker, django_capture_on_commit_callbacks, n=1):
    for _i in range(n):
        UserFactory(organisation=fund)
    for _i in range(3):
        visit_record(channel="email")
    visit_record(channel="direct")
    thread = make_question(author=caseworker)
    thread_read_record(thread_id=thread.pk)
    thread_read_record(thread_id=thread.pk)
    guide_read_record(guide_id=make_guide(by=editor, title=f"Vejledning {n}").pk)
    for _i in range(2):
        search_miss_record(words="seniorjob fleksjob")
    survey = compose(editor)
    with django_capture_on_commit_callbacks(execute=True):
        survey_services.survey_send(survey=survey, by=editor)
    return thread, survey


def test_the_page_shows_the_figures(
    client, editor, fund, caseworker, django_capture_on_commit_callbacks
):
    thread, survey = _make_figures(editor, fund, caseworker, django_capture_on_commit_callbacks)
    recipients = SurveyRecipient.objects.filter(survey=survey, delivery__isnull=False).count()
    assert recipients > 0
    client.force_login(editor)

    html = client.get(URL).content.decode()

    # The editor, the caseworker and the one extra person: all approved and active.
    assert '<td class="align-text-right" id="people-registered">3</td>' in html
    assert '<td class="align-text-right" id="visits-email">3</td>' in html
    assert '<td class="align-text-right" id="visits-direct">1</td>' in html
    assert '<td class="align-text-right" id="questions-asked">1</td>' in html
    assert f'href="/debat/traad/{thread.pk}/"' in html and thread.title in html
    assert '<th scope="row">seniorjob fleksjob</th><td class="align-text-right">2</td>' in html
    assert f'href="/spoergeskemaer/redaktion/{survey.pk}/resultater/"' in html
    assert f'<td class="align-text-right">{recipients}</td>' in html
    # Each section: its summary, a chart labelled with it, then its table.
    assert html.count('role="img"') == 6
    people = html.index('id="summary-people"')
    assert people < html.index("<svg", people) < html.index('id="people-registered"')


def test_a_bad_period_shows_a_danish_error_and_the_default_period(client, editor):
    client.force_login(editor)
    today = timezone.localdate()

    response = client.get(URL, {"date_from": "i går", "date_to": today.isoformat()})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="alert alert-error"' in html
    assert response.context["summary"].date_to == today
    assert response.context["summary"].date_from == today.replace(year=today.year - 1) + (
        timedelta(days=1)
    )

    reversed_period = {"date_from": today.isoformat(), "date_to": "2020-01-01"}
    response = client.get(URL, reversed_period)
    assert response.context["form"].errors["date_to"]
    assert response.context["summary"].date_to == today


def test_a_chosen_period_is_used(client, editor):
    client.force_login(editor)
    response = client.get(URL, {"date_from": "2026-01-01", "date_to": "2026-03-31"})
    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.date_from.isoformat(), summary.date_to.isoformat()) == (
        "2026-01-01",
        "2026-03-31",
    )
    assert len(summary.people.monthly) == 3


def test_the_query_count_is_fixed(
    client,
    editor,
    fund,
    caseworker,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    _make_figures(editor, fund, caseworker, django_capture_on_commit_callbacks)
    client.force_login(editor)
    client.get(URL)  # warm the session and caches
    with django_assert_num_queries(QUERIES):
        client.get(URL)
    _make_figures(editor, fund, caseworker, django_capture_on_commit_callbacks, n=5)
    make_user(organisation=fund, email="flere@3f.example.dk")
    with django_assert_num_queries(QUERIES):
        client.get(URL)


# Session, user and roles (3), the figures (18), the latest surveys (1), the top threads and
# guides (2),
# the header (notification bell, 2).
QUERIES = 26


def test_the_chart_draws_a_bar_per_value_with_dot_decimals():
    from portal.evaluation.charts import Chart
    from portal.evaluation.templatetags.evaluation_charts import bar_chart

    drawn = bar_chart(Chart(label="x", series=["a", "b"], rows=[("u1", [3, 1]), ("u2", [0, 7])]))

    assert len(drawn["bars"]) == 4
    assert [tick["value"] for tick in drawn["ticks"]] == [0, 2, 4, 6, 8, 10]
    tallest = max(drawn["bars"], key=lambda bar: float(bar["h"]))
    assert tallest["h"] == "145.6"  # 7 of 10 on a 208 high plot
    assert all("," not in bar["x"] for bar in drawn["bars"])


def test_the_menu_links_the_evaluation_for_those_who_may_see_it_and_the_report_from_the_page(
    client, client_for, editor, caseworker
):
    editor_page = client_for(editor).get("/").content.decode()
    assert 'href="/indsigt/"' in editor_page
    assert 'href="/indsigt/"' not in client_for(caseworker).get("/").content.decode()
    client.logout()
    assert 'href="/indsigt/"' not in client.get("/").content.decode()
    year = timezone.localdate().year
    dashboard = client_for(editor).get("/indsigt/").content.decode()
    assert f'href="/indsigt/rapport/{year}.pdf"' in dashboard
    assert f'href="/indsigt/rapport/{year}.docx"' in dashboard
