from pathlib import Path

import pytest
from django.utils import translation

from portal.conftest import make_user
from portal.register.models import Office

# Seed 004's 172 items as clean data (the demo's too).
SEED_ITEMS = Path(__file__).resolve().parents[2] / "demo" / "data" / "seed004_items.json"


@pytest.fixture(autouse=True)
def _danish():
    """Services and the import answer in the language active in the thread: Danish, whatever
    an earlier test's request (an English browser in core's tests) left behind."""
    with translation.override("da"):
        yield


@pytest.fixture
def coordinator(jobcenter):
    return make_user(
        organisation=jobcenter, roles=["coordinator"], email="ko@jobcenter.example.dk", mfa=True
    )


@pytest.fixture
def jc_caseworker(jobcenter):
    return make_user(organisation=jobcenter, email="sb@jobcenter.example.dk")


@pytest.fixture
def office(db):
    return Office.objects.create(name="1. kontor", slug="1-kontor")


@pytest.fixture
def office_member(jobcenter, office):
    person = make_user(organisation=jobcenter, email="jurist@1kontor.example.dk")
    office.members.add(person)
    return person
