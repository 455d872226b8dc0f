"""The shipped interview rule sets, and the database's own guards on the partnership's rows."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from portal.partnership.models import InterviewRuleSet
from portal.partnership.tests.factories import (
    ContactCourseFactory,
    InterviewFactory,
    JobClubActivityFactory,
    PartnershipAgreementFactory,
)

pytestmark = pytest.mark.django_db


def _slots(code):
    rule_set = InterviewRuleSet.objects.get(code=code)
    return rule_set, [(s.order, s.months, s.days, s.held_by) for s in rule_set.slots.all()]


def test_the_2015_rule_set_is_six_monthly_slots_held_by_either_side():
    rule_set, slots = _slots("2015")
    assert (rule_set.valid_from, rule_set.valid_to) == (
        datetime.date(2015, 1, 1),
        datetime.date(2019, 12, 31),
    )
    assert not rule_set.to_be_confirmed
    assert slots == [(k, k, 0, "either") for k in range(1, 7)]


def test_the_2025_rule_set_is_fund_led_and_to_be_confirmed():
    rule_set, slots = _slots("2025")
    assert rule_set.to_be_confirmed
    assert (rule_set.valid_from, rule_set.valid_to) == (datetime.date(2025, 1, 1), None)
    assert slots == [
        (1, 0, 14, "fund"),
        (2, 2, 0, "fund"),
        (3, 3, 0, "fund"),
        (4, 4, 0, "jobcenter"),
        (5, 5, 0, "jobcenter"),
        (6, 6, 0, "jobcenter"),
    ]


def test_an_agreement_s_defaults():
    agreement = PartnershipAgreementFactory()
    assert agreement.timeliness_target == Decimal("0.9")
    assert agreement.budget_frame_dkk == Decimal("500000")
    assert (agreement.tolerance_days, agreement.rule_set) == (14, None)


@pytest.mark.parametrize(
    "make",
    [
        lambda: JobClubActivityFactory(cost_dkk=Decimal("-1")),
        lambda: InterviewFactory(kind="coffee"),
        lambda: InterviewFactory(held_by="either"),
        lambda: ContactCourseFactory(age_band="40plus"),
        lambda: PartnershipAgreementFactory(timeliness_target=Decimal("1.5")),
    ],
    ids=["negative cost", "interview kind", "interview held by", "age band", "target ratio"],
)
def test_the_database_refuses_what_no_import_would_write(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()
