import pytest

from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory


@pytest.fixture
def union(db):
    return OrganisationFactory(slug="hk", name="HK Hovedstaden", kind=OrganisationKind.UNION)


@pytest.fixture
def jobcenter_coordinator(jobcenter):
    return make_user(
        organisation=jobcenter, roles=["coordinator"], email="koordinator@jobcenter.example.dk"
    )


@pytest.fixture
def fund_coordinator(fund):
    return make_user(organisation=fund, roles=["coordinator"], email="koordinator@3f.example.dk")
