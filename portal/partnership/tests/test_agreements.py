"""A fund's agreement: the jobcenter's coordinators make and change it in the portal, the fund
reads its own, others get 404; every save is in the audit log; a changed tolerance or rule set
recomputes the fund's figures; bad input changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.conftest import make_user
from portal.core.models import AuditEvent, OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.partnership import figures, services
from portal.partnership.models import (
    ContactCourse,
    FundMonth,
    Interview,
    InterviewRuleSet,
    PartnershipAgreement,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobcenter_coordinator(jobcenter):
    return make_user(
        organisation=jobcenter,
        roles=["coordinator"],
        email="koordinator@jobcenter.example.dk",
        mfa=True,
        full_name="Jette Koordinator",
    )


@pytest.fixture
def fund_contact(fund):
    return make_user(organisation=fund, email="kontakt@3f.example.dk", full_name="Kim Kontakt")


def _url(name, fund, year=2016):
    return reverse(f"partnership:{name}", kwargs={"slug": fund.slug, "year": year})


def _form(**changes):
    data = {
        "timeliness_target": "87,5",
        "job_club_share_target": "60",
        "budget_frame_dkk": "450.000",
        "effect_target": "",
        "rule_set": "",
        "tolerance_days": "14",
    }
    data.update(changes)
    return data


def test_a_coordinator_makes_the_agreement_and_the_fund_reads_it(
    client_for, jobcenter_coordinator, fund, fund_contact, caseworker
):
    client = client_for(jobcenter_coordinator)
    assert "Lav aftalen" in client.get(_url("agreement", fund)).content.decode()
    form = _form(
        rule_set=str(InterviewRuleSet.objects.get(code="2015").pk),
        jobcenter_contacts=[str(jobcenter_coordinator.pk)],
        fund_contacts=[str(fund_contact.pk)],
    )
    response = client.post(_url("agreement_edit", fund), form)
    assert response.status_code == 302
    assert response["Location"] == _url("agreement", fund)

    agreement = PartnershipAgreement.objects.get(fund=fund, year=2016)
    assert agreement.timeliness_target == Decimal("0.8750")
    assert agreement.job_club_share_target == Decimal("0.6000")
    assert agreement.budget_frame_dkk == Decimal("450000")
    assert agreement.effect_target is None
    assert agreement.rule_set.code == "2015"
    assert list(agreement.fund_contacts.all()) == [fund_contact]
    entry = AuditEvent.objects.get(action=AuditEvent.Action.PARTNERSHIP_AGREEMENT_SAVED)
    assert entry.actor == jobcenter_coordinator and entry.organisation == fund
    assert entry.detail["created"] is True
    assert entry.detail["changes"]["timeliness_target"] == [None, "0.8750"]
    assert entry.detail["changes"]["fund_contacts"] == [[], ["kontakt@3f.example.dk"]]

    page = client_for(caseworker).get(_url("agreement", fund)).content.decode()
    assert "87,5 %" in page and "450.000 kr." in page and "Kim Kontakt" in page
    assert _url("agreement_edit", fund) not in page  # the fund reads, it does not edit


def test_a_change_is_logged_with_what_changed_only(client_for, jobcenter_coordinator, fund):
    client = client_for(jobcenter_coordinator)
    client.post(_url("agreement_edit", fund), _form())
    client.post(_url("agreement_edit", fund), _form(timeliness_target="92"))
    latest = AuditEvent.objects.filter(action=AuditEvent.Action.PARTNERSHIP_AGREEMENT_SAVED).latest(
        "pk"
    )
    assert latest.detail == {
        "created": False,
        "changes": {"timeliness_target": ["0.8750", "0.9200"]},
    }
    edit_page = client.get(_url("agreement_edit", fund)).content.decode()
    assert 'value="92"' in edit_page  # shown as the percentage it was typed as


def test_a_changed_tolerance_recomputes_the_funds_figures(
    client_for, jobcenter_coordinator, fund, django_capture_on_commit_callbacks
):
    course = ContactCourse.objects.create(
        course_id="kf-1",
        fund=fund,
        citizen_key="borger-1",
        unemployment_start=date(2016, 1, 10),
        age_band="30plus",
        end_date=date(2016, 2, 20),
    )
    # Slot 1 is due 10 February; held ten days late: on time with 14 days' tolerance, not with 7.
    Interview.objects.create(
        interview_id="s-1",
        course=course,
        kind="job",
        held_on=date(2016, 2, 20),
        held_by="fund",
        channel="phone",
        status="held",
    )
    figures.kpis_refresh(fund_ids=[fund.pk])
    assert FundMonth.objects.get(fund=fund, period=date(2016, 2, 1)).slots_on_time == 1

    with django_capture_on_commit_callbacks(execute=True):
        client_for(jobcenter_coordinator).post(
            _url("agreement_edit", fund), _form(tolerance_days="7")
        )

    february = FundMonth.objects.get(fund=fund, period=date(2016, 2, 1))
    assert (february.slots_due, february.slots_on_time) == (1, 0)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("timeliness_target", "120", "mindre end eller lig 100"),
        ("timeliness_target", "", "Feltet skal udfyldes"),
        ("budget_frame_dkk", "mange penge", "heltal"),
        ("tolerance_days", "-1", "større end eller lig 0"),
        ("rule_set", "999999", "Marker en gyldig valgmulighed"),
    ],
)
def test_bad_input_gets_a_danish_error_and_changes_nothing(
    client_for, jobcenter_coordinator, fund, field, value, message
):
    response = client_for(jobcenter_coordinator).post(
        _url("agreement_edit", fund), _form(**{field: value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PartnershipAgreement.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PARTNERSHIP_AGREEMENT_SAVED)


def test_a_contact_from_another_fund_is_refused(
    client_for, jobcenter_coordinator, fund, other_fund
):
    stranger = make_user(organisation=other_fund, email="x@foa.example.dk")
    response = client_for(jobcenter_coordinator).post(
        _url("agreement_edit", fund), _form(fund_contacts=[str(stranger.pk)])
    )
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert not PartnershipAgreement.objects.exists()
    with pytest.raises(ValidationError):  # the service holds the same line on its own
        services.agreement_save(
            fund=fund,
            year=2016,
            by=jobcenter_coordinator,
            values=services.AgreementValues(
                timeliness_target=Decimal("0.9"),
                job_club_share_target=None,
                budget_frame_dkk=Decimal(500000),
                effect_target=None,
                rule_set=None,
                tolerance_days=14,
            ),
            jobcenter_contacts=[],
            fund_contacts=[stranger],
        )
    assert not PartnershipAgreement.objects.exists()


def test_who_reads_and_who_edits(client_for, caseworker, fund, other_fund, jobcenter_coordinator):
    fund_coordinator = make_user(organisation=fund, roles=["coordinator"], mfa=True)
    union = OrganisationFactory(slug="hk", name="HK", kind=OrganisationKind.UNION)
    unionist = make_user(organisation=union)
    jobcenter_admin = make_user(
        organisation=jobcenter_coordinator.organisation, roles=["admin"], mfa=True
    )
    expected = {
        caseworker: (200, 404, 404),
        fund_coordinator: (200, 404, 404),
        unionist: (404, 404, 404),
        jobcenter_admin: (200, 200, 404),  # follows every fund, keeps no agreement
        jobcenter_coordinator: (200, 200, 200),
    }
    for person, (read, read_other, edit) in expected.items():
        client = client_for(person)
        assert client.get(_url("agreement", fund)).status_code == read, person
        assert client.get(_url("agreement", other_fund)).status_code == read_other, person
        assert client.get(_url("agreement_edit", other_fund)).status_code == edit, person
        if edit == 404:
            assert client.post(_url("agreement_edit", fund), _form()).status_code == 404
    assert not PartnershipAgreement.objects.exists()


def test_the_dashboard_links_the_years_agreement(client_for, caseworker, fund):
    page = client_for(caseworker).get(
        reverse("partnership:dashboard", args=[fund.slug]), {"year": 2016}
    )
    assert _url("agreement", fund) in page.content.decode()
