"""The partnership's access policy answers the same in its three forms (the filter, the check of
one fund and the bulk form) for every kind of person and organisation, and says what each may
see and import."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.conftest import make_user
from portal.core.models import Organisation
from portal.partnership import access
from portal.partnership.models import ContactCourse, Interview
from portal.partnership.tests.factories import ContactCourseFactory, InterviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(fund, other_fund, operator, jobcenter, union):
    people = {
        "jobcenter coordinator": make_user(
            organisation=jobcenter, roles=["coordinator"], email="ko@jobcenter.example.dk"
        ),
        "jobcenter admin": make_user(
            organisation=jobcenter, roles=["admin"], email="admin@jobcenter.example.dk"
        ),
        "jobcenter caseworker": make_user(organisation=jobcenter, email="sb@jobcenter.example.dk"),
        "fund caseworker": make_user(organisation=fund, email="sb@3f.example.dk"),
        "fund coordinator": make_user(
            organisation=fund, roles=["coordinator"], email="ko@3f.example.dk"
        ),
        "other fund admin": make_user(
            organisation=other_fund, roles=["admin"], email="admin@foa.example.dk"
        ),
        "inactive fund caseworker": make_user(
            organisation=fund, email="stoppet@3f.example.dk", is_active=False
        ),
        "unapproved fund caseworker": make_user(
            organisation=fund, email="ny@3f.example.dk", approved_at=None
        ),
        "union admin": make_user(organisation=union, roles=["admin"], email="admin@hk.example.dk"),
        "editor": make_user(organisation=operator, roles=["editor"], email="red@loh.example.dk"),
        "operator admin": make_user(
            organisation=operator, roles=["admin", "operator_admin"], email="op@loh.example.dk"
        ),
    }
    organisations = {
        "fund": fund,
        "other fund": other_fund,
        "union": union,
        "jobcenter": jobcenter,
    }
    return people, organisations


# Who sees which organisation's partnership data; everything else is unseen.
EXPECTED = {
    "jobcenter coordinator": {"fund", "other fund"},
    "jobcenter admin": {"fund", "other fund"},
    "jobcenter caseworker": set(),
    "fund caseworker": {"fund"},
    "fund coordinator": {"fund"},
    "other fund admin": {"other fund"},
    "inactive fund caseworker": set(),
    "unapproved fund caseworker": set(),
    "union admin": set(),
    "editor": set(),
    "operator admin": {"fund", "other fund"},
}

# For which funds each may import (the jobcenter's coordinators: every fund).
IMPORTS = {
    "jobcenter coordinator": {"fund", "other fund"},
    "fund coordinator": {"fund"},
    "other fund admin": {"other fund"},
}


def _fresh(user):
    """The person as a request would load them: nothing cached from setting up."""
    return type(user).objects.get(pk=user.pk)


def test_the_filter_the_check_and_the_bulk_form_agree(world):
    people, organisations = world
    for org_name, organisation in organisations.items():
        readers = {
            person.pk
            for person in access.fund_readers(
                fund=organisation, users=[_fresh(p) for p in people.values()]
            )
        }
        for name, person in people.items():
            expected = org_name in EXPECTED[name]
            by_filter = (
                Organisation.objects.filter(access.funds_readable(user=_fresh(person)))
                .filter(pk=organisation.pk)
                .exists()
            )
            by_check = access.fund_readable(user=_fresh(person), fund=organisation)
            assert (by_filter, by_check, person.pk in readers) == (expected,) * 3, (
                name,
                org_name,
            )


def test_the_prefix_filters_courses_and_interviews_by_their_fund(world):
    people, organisations = world
    mine = InterviewFactory(course=ContactCourseFactory(fund=organisations["fund"]))
    theirs = InterviewFactory(course=ContactCourseFactory(fund=organisations["other fund"]))
    for name, person in people.items():
        seen = {
            org
            for org, interview in (("fund", mine), ("other fund", theirs))
            if Interview.objects.filter(
                access.funds_readable(user=person, prefix="course__fund__"), pk=interview.pk
            ).exists()
        }
        assert seen == EXPECTED[name], name
        courses = set(
            ContactCourse.objects.filter(
                access.funds_readable(user=person, prefix="fund__")
            ).values_list("fund__slug", flat=True)
        )
        assert courses == {organisations[org].slug for org in EXPECTED[name]}, name


def test_the_bulk_form_takes_a_fixed_number_of_queries(world, django_assert_num_queries):
    people, organisations = world
    fresh = [_fresh(p) for p in people.values()]
    with django_assert_num_queries(2):  # the roles, the organisations
        access.fund_readers(fund=organisations["fund"], users=fresh)


def test_who_may_import_for_which_fund(world):
    people, organisations = world
    for name, person in people.items():
        expected = IMPORTS.get(name, set())
        for org_name, organisation in organisations.items():
            by_check = access.may_import_for(user=_fresh(person), fund=organisation)
            by_filter = (
                Organisation.objects.filter(access.funds_importable(user=_fresh(person)))
                .filter(pk=organisation.pk)
                .exists()
            )
            assert (by_check, by_filter) == ((org_name in expected),) * 2, (name, org_name)
        assert access.may_import(user=_fresh(person)) == bool(expected), name


def test_only_the_jobcenter_s_coordinators_edit_agreements(world):
    people, _organisations = world
    editors = {name for name, person in people.items() if access.may_edit_agreement(user=person)}
    assert editors == {"jobcenter coordinator"}


def test_anonymous_sees_nothing(world):
    _people, organisations = world
    anonymous = AnonymousUser()
    assert not Organisation.objects.filter(access.funds_readable(user=anonymous)).exists()
    assert not access.fund_readable(user=anonymous, fund=organisations["fund"])
    assert access.fund_readers(fund=organisations["fund"], users=[anonymous]) == []
    assert not access.may_import(user=anonymous)


def test_the_policy_is_registered():
    from portal.core.access import policy_modules

    assert policy_modules()["partnership"] == "portal.partnership.access"


def test_a_kind_check_keeps_a_non_fund_out_even_for_its_own_people(world):
    people, organisations = world
    # A union's admin is never a fund reader, even of the union itself.
    assert not access.fund_readable(user=people["union admin"], fund=organisations["union"])
    assert not access.may_import_for(user=people["union admin"], fund=organisations["union"])
