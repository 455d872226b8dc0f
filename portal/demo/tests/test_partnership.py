"""The partnership demo: 18 months of figures that tell a story, and the fund login's view."""

from datetime import date

from django.utils import timezone

from portal.core.cpr import contains_cpr_number
from portal.core.models import Organisation, OrganisationKind, User
from portal.demo import people as demo
from portal.demo.partnership import partnership_demo_load
from portal.partnership.kpis import add_months
from portal.partnership.models import ContactCourse, FundMonth, PartnershipAgreement
from portal.partnership.selectors import budget_frame


def _last_months(n: int) -> list[date]:
    this_month = timezone.localdate().replace(day=1)
    return [add_months(this_month, -k) for k in range(n)]


def _funds():
    return Organisation.objects.filter(kind=OrganisationKind.UFUND).order_by("slug")


def test_every_demo_fund_has_figures_for_each_of_the_last_18_months(demo_loaded):
    months = set(_last_months(18))
    for fund in _funds():
        stored = set(FundMonth.objects.filter(fund=fund).values_list("period", flat=True))
        assert months <= stored, fund.slug
    assert 100 <= ContactCourse.objects.filter(fund__slug="tib-akasse").count() <= 400


def _timeliness(fund, periods) -> float:
    rows = FundMonth.objects.filter(fund=fund, period__in=periods)
    return sum(r.slots_on_time for r in rows) / sum(r.slots_due for r in rows)


def test_most_funds_are_on_time_but_some_fall_below_90_percent(demo_loaded):
    ended = _last_months(13)[1:]  # the twelve months just ended
    rates = {fund.slug: _timeliness(fund, ended) for fund in _funds()}
    below = {slug for slug, rate in rates.items() if rate < 0.9}
    assert {"foa-akasse", "tib-akasse"} <= below
    assert len(below) < len(rates) / 2


def test_one_fund_is_over_its_budget_frame_this_year(demo_loaded):
    year = timezone.localdate().year
    over = []
    for fund in _funds():
        spent = sum(
            FundMonth.objects.filter(fund=fund, period__year=year).values_list(
                "budget_used_dkk", flat=True
            )
        )
        assert budget_frame(fund=fund, year=year) == 500_000
        if spent > 500_000:
            over.append(fund.slug)
    assert over == ["3f-akasse"]


def test_every_fund_has_an_agreement_for_this_year_and_last_with_contacts(demo_loaded):
    year = timezone.localdate().year
    for fund in _funds():
        agreements = PartnershipAgreement.objects.filter(fund=fund).order_by("year")
        assert [a.year for a in agreements] == [year - 1, year]
        for agreement in agreements:
            assert agreement.tolerance_days == 14
            assert agreement.jobcenter_contacts.get().email == f"koordinator@{demo.DEMO_DOMAIN}"
            assert agreement.fund_contacts.get().organisation == fund


def test_citizen_keys_are_pseudonyms(demo_loaded):
    keys = list(ContactCourse.objects.values_list("citizen_key", flat=True))
    assert all(key.startswith("demo-") and not contains_cpr_number(key) for key in keys)
    assert len(set(keys)) == len(keys)


def test_the_fund_login_sees_its_own_dashboard_and_not_another_funds(demo_loaded, client):
    client.force_login(User.objects.get(email=f"akasse@{demo.DEMO_DOMAIN}"))
    assert client.get("/partnerskab/3f-akasse/").status_code == 200
    assert client.get("/partnerskab/foa-akasse/").status_code == 404


def test_loading_twice_creates_nothing(demo_loaded):
    before = ContactCourse.objects.count()
    assert partnership_demo_load() == {"courses": 0}
    assert ContactCourse.objects.count() == before
