import pytest

from portal.conftest import make_user


@pytest.fixture
def jurist(operator):
    return make_user(organisation=operator, roles=["jurist"], email="jurist@loh.example.dk")


@pytest.fixture
def other_jurist(operator):
    return make_user(organisation=operator, roles=["jurist"], email="jurist2@loh.example.dk")


@pytest.fixture
def editor(operator):
    return make_user(organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk")


@pytest.fixture
def colleague(fund):
    return make_user(organisation=fund, roles=["caseworker"], email="kollega@3f.example.dk")
