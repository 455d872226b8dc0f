import pytest

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory


@pytest.fixture
def topic(db):
    return TopicFactory(slug="dagpenge", name="Dagpenge")


@pytest.fixture
def colleague(other_fund):
    return make_user(
        organisation=other_fund, email="kollega@foa.example.dk", full_name="Karen Kollega"
    )


@pytest.fixture
def editor(fund):
    return make_user(
        organisation=fund, roles=["caseworker", "editor"], email="redaktoer@3f.example.dk"
    )


@pytest.fixture
def jurist(fund):
    return make_user(organisation=fund, roles=["jurist"], email="jurist@3f.example.dk")
