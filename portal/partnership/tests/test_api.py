"""GET /api/v1/partnership/kpis: the figures exactly as defined, only for funds one may see."""

from datetime import date

import pytest

from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.partnership import figures
from portal.partnership.models import ContactCourse, Interview

pytestmark = pytest.mark.django_db


def _get(client, user, **params):
    _token, key = api_token_create(user=user, name="Test")
    return client.get(
        "/api/v1/partnership/kpis", params, headers={"Authorization": f"Bearer {key}"}
    )


@pytest.fixture
def figures_of_3f(fund):
    course = ContactCourse.objects.create(
        course_id="c1",
        fund=fund,
        citizen_key="k1",
        unemployment_start=date(2016, 1, 15),
        age_band="under30",
    )
    # Slot 1 due 15 Feb, met on 16 Feb; slot 2 due 15 Mar, missed (nothing held).
    Interview.objects.create(
        interview_id="i1",
        course=course,
        kind="joint",
        held_on=date(2016, 2, 16),
        held_by="jobcenter",
        channel="video",
        status="held",
    )
    figures.kpis_refresh(fund_ids=[fund.pk])


def test_a_funds_own_people_read_its_figures(client, fund, figures_of_3f):
    response = _get(client, make_user(organisation=fund), fund="3f", period="2016-02")
    assert response.status_code == 200
    body = response.json()
    assert (body["fund"], body["period"], body["slots_due"], body["slots_on_time"]) == (
        "3f",
        "2016-02",
        1,
        1,
    )
    assert body["timeliness"] == 1.0
    march = _get(client, make_user(organisation=fund), fund="3f", period="2016-03").json()
    assert (march["slots_due"], march["slots_on_time"], march["timeliness"]) == (1, 0, 0.0)


def test_jobcenter_coordinators_read_every_fund(client, fund, figures_of_3f):
    jobcenter = OrganisationFactory(slug="jc", name="Jobcenter", kind=OrganisationKind.JOBCENTER)
    coordinator = make_user(organisation=jobcenter, roles=("coordinator",), mfa=True)
    response = _get(client, coordinator, fund="3f", period="2016-02")
    assert response.status_code == 200
    assert response.json()["slots_on_time"] == 1


def test_another_fund_or_a_union_gets_404(client, fund, other_fund, figures_of_3f):
    assert (
        _get(client, make_user(organisation=other_fund), fund="3f", period="2016-02").status_code
        == 404
    )
    union = OrganisationFactory(slug="hk", name="HK", kind=OrganisationKind.UNION)
    assert (
        _get(client, make_user(organisation=union), fund="3f", period="2016-02").status_code == 404
    )
    assert (
        _get(client, make_user(organisation=fund), fund="nope", period="2016-02").status_code == 404
    )


@pytest.mark.parametrize("period", ["2016-13", "2016-2", "16-02", "", "2016-02-01", "2301-01"])
def test_a_bad_period_is_refused_with_422(client, fund, period):
    response = _get(client, make_user(organisation=fund), fund="3f", period=period)
    assert response.status_code == 422
    assert "detail" in response.json() or "errors" in response.json()


def test_a_month_without_data_answers_zeros_and_nulls(client, fund):
    body = _get(client, make_user(organisation=fund), fund="3f", period="2031-07").json()
    assert body["slots_due"] == 0 and body["timeliness"] is None
    assert body["self_supporting_26w"] is None and body["budget_used_dkk"] == 0
