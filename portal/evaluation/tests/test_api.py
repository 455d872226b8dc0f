"""GET /api/v1/insights/summary: the figures, who may see them, and bad dates."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory, UserFactory
from portal.evaluation import access
from portal.insights.services import visit_record

pytestmark = pytest.mark.django_db

URL = "/api/v1/insights/summary"


@pytest.fixture
def get(client):
    def _get(user, **query):
        _token, key = api_token_create(user=user, name="Evaluering")
        return client.get(URL, query, headers={"Authorization": f"Bearer {key}"})

    return _get


def _today():
    return timezone.localdate().isoformat()


def test_the_summary_has_every_field_the_issue_names(editor, get, fund):
    UserFactory(organisation=fund)  # approved and active
    UserFactory(organisation=fund, approved_at=None)  # waiting: not counted
    UserFactory(organisation=fund, is_active=False)  # deactivated: not counted
    start = (timezone.localdate() - timedelta(days=30)).isoformat()

    response = get(editor, date_from=start, date_to=_today())

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "date_from", "date_to", "goal_people", "people_registered", "people_active_30d",
        "people_by_organisation_kind", "visits_email", "visits_direct", "newsletters_sent",
        "newsletter_click_rate", "questions_asked", "questions_answered", "hotline_cases",
        "hotline_on_time", "events_held", "event_attendance",
    }  # fmt: skip
    assert body["date_from"] == start and body["date_to"] == _today()
    assert body["goal_people"] == 300
    # The editor (operator) and the fund's one approved, active person.
    assert body["people_registered"] == 2
    assert body["people_by_organisation_kind"] == {
        "jobcenter": 0, "ufund": 1, "union": 0, "operator": 1,
    }  # fmt: skip


def test_a_visit_counted_today_appears_at_once(editor, get):
    visit_record(channel="email")
    visit_record(channel="email")
    visit_record(channel="direct")

    body = get(editor, date_from=_today(), date_to=_today()).json()

    assert (body["visits_email"], body["visits_direct"]) == (2, 1)


def test_an_operator_admin_may_see_the_summary(operator_admin, get):
    assert get(operator_admin, date_from=_today(), date_to=_today()).status_code == 200


@pytest.mark.parametrize("who", ["caseworker", "fund_admin", "jurist"])
def test_everyone_else_gets_403_with_a_danish_message(who, request, get):
    response = get(request.getfixturevalue(who), date_from=_today(), date_to=_today())
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Kun redaktører og operatørens administratorer kan se evalueringen."
    )


def test_without_a_token_it_is_401(client):
    assert client.get(URL, {"date_from": _today(), "date_to": _today()}).status_code == 401


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "2026-13-01", "date_to": "2026-12-31"},
        {"date_from": "i går", "date_to": "2026-12-31"},
        {"date_from": "2026-12-31", "date_to": "2026-01-01"},  # reversed
        {"date_from": "0001-01-01", "date_to": "2026-01-01"},  # outside 2000-2100
        {"date_from": "2026-01-01", "date_to": "9999-12-31"},
    ],
)
def test_bad_dates_are_400_with_a_danish_message(editor, get, query):
    response = get(editor, **query)
    assert response.status_code == 400
    assert response.json()["detail"] in {
        "date_from skal være en dato skrevet ÅÅÅÅ-MM-DD.",
        "date_to må ikke ligge før date_from.",
        "Perioden skal ligge mellem årene 2000 og 2100.",
    }


def test_a_missing_date_is_the_apis_usual_422(editor, get):
    response = get(editor, date_to="2026-12-31")
    assert response.status_code == 422
    assert "date_from" in response.json()["detail"]


def test_the_summary_is_documented_in_the_schema(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/insights/summary"]
    assert {"200", "400", "401", "403"} <= set(operation["get"]["responses"])


def test_who_may_view_the_evaluation(editor, operator_admin, caseworker, jurist, operator):
    from django.contrib.auth.models import AnonymousUser

    assert access.may_view(user=editor)
    assert access.may_view(user=operator_admin)
    assert not access.may_view(user=caseworker)
    assert not access.may_view(user=jurist)
    assert not access.may_view(user=AnonymousUser())
    # An editor awaiting approval or deactivated sees nothing.
    waiting = make_user(organisation=operator, roles=["editor"], approved_at=None)
    assert not access.may_view(user=waiting)
    # The operator-admin role held outside the operator counts for nothing.
    union = OrganisationFactory(kind=OrganisationKind.UNION, slug="u")
    assert not access.may_view(user=make_user(organisation=union, roles=["operator_admin"]))


def test_the_policy_is_registered():
    from portal.core.access import policy_modules

    assert policy_modules()["evaluation"] == "portal.evaluation.access"
