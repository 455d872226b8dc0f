"""The register's policy: the filter, the check of one item and the readers among many people
agree for every kind of person; who may triage, handle and keep the offices."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.conftest import make_user
from portal.register import access, services, workflow
from portal.register.models import RegisterItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(jobcenter, fund, coordinator, jc_caseworker, office_member, operator_admin):
    inactive = make_user(organisation=fund, email="gone@3f.example.dk", is_active=False)
    waiting = make_user(organisation=fund, email="new@3f.example.dk", approved_at=None)
    fund_person = make_user(organisation=fund, email="x@3f.example.dk")
    return {
        "inactive": inactive,
        "waiting for approval": waiting,
        "fund caseworker": fund_person,
        "jobcenter caseworker": jc_caseworker,
        "coordinator": coordinator,
        "office member": office_member,
        "operator admin": operator_admin,
    }


def test_filter_check_and_readers_agree(people, jc_caseworker, office):
    item = services.item_report(by=jc_caseworker, title="Blanketter", problem="Manuel underskrift")
    readers = {person.pk for person in access.item_readers(item=item, users=people.values())}
    for name, person in people.items():
        by_filter = RegisterItem.objects.filter(access.items_readable(user=person)).exists()
        assert by_filter == access.item_readable(user=person, item=item), name
        assert by_filter == (person.pk in readers), name
    assert not RegisterItem.objects.filter(access.items_readable(user=AnonymousUser())).exists()
    assert readers == {
        people[name].pk for name in people if name not in {"inactive", "waiting for approval"}
    }


def test_who_triages_handles_and_keeps_the_offices(people, jc_caseworker, office):
    item = services.item_report(by=jc_caseworker, title="Blanketter", problem="Manuel underskrift")
    item.responsible_office = office
    expected = {
        # name: (triage, office step, keeps offices)
        "fund caseworker": (False, False, False),
        "jobcenter caseworker": (False, False, False),
        "coordinator": (True, False, False),
        "office member": (False, True, False),
        "operator admin": (False, False, True),
        "inactive": (False, False, False),
        "waiting for approval": (False, False, False),
    }
    for name, (triage, office_step, offices) in expected.items():
        person = people[name]
        assert access.may_triage(user=person) is triage, name
        assert access.may_step(user=person, item=item, by=workflow.OFFICE) is office_step, name
        assert access.may_manage_offices(user=person) is offices, name
