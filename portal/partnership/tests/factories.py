import datetime
from decimal import Decimal

import factory

from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.partnership.models import (
    AgeBand,
    ContactCourse,
    Interview,
    InterviewRuleSet,
    InterviewSlot,
    JobClubActivity,
    Outcome,
    PartnershipAgreement,
)
from portal.partnership.rule_sets import SHIPPED_RULE_SETS


class FundFactory(OrganisationFactory):
    kind = OrganisationKind.UFUND


class ContactCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactCourse

    course_id = factory.Sequence(lambda n: f"K-{n:06d}")
    fund = factory.SubFactory(FundFactory)
    citizen_key = factory.Sequence(lambda n: f"borger-{n}")
    unemployment_start = datetime.date(2016, 1, 15)
    age_band = AgeBand.FROM_30


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    interview_id = factory.Sequence(lambda n: f"S-{n:06d}")
    course = factory.SubFactory(ContactCourseFactory)
    kind = Interview.Kind.JOB
    held_on = datetime.date(2016, 2, 15)
    held_by = "fund"
    channel = Interview.Channel.IN_PERSON
    status = Interview.Status.HELD


class JobClubActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobClubActivity

    activity_id = factory.Sequence(lambda n: f"J-{n:06d}")
    course = factory.SubFactory(ContactCourseFactory)
    start_date = datetime.date(2016, 3, 1)
    cost_dkk = Decimal("1500.00")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    course = factory.SubFactory(ContactCourseFactory)
    weeks_after_start = 26
    self_supporting = True


class PartnershipAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipAgreement

    fund = factory.SubFactory(FundFactory)
    year = 2016


def shipped_rule_sets_ensure() -> None:
    """The rule sets the data migration ships, back in place. Tests that commit (the browser
    tests' live server) empty every table afterwards, the migration's rows included."""
    for spec in SHIPPED_RULE_SETS:
        rule_set, created = InterviewRuleSet.objects.get_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "valid_from": spec.valid_from,
                "valid_to": spec.valid_to,
                "to_be_confirmed": spec.to_be_confirmed,
            },
        )
        if created:
            InterviewSlot.objects.bulk_create(
                InterviewSlot(
                    rule_set=rule_set,
                    order=slot.order,
                    months=slot.months,
                    days=slot.days,
                    held_by=slot.held_by,
                )
                for slot in spec.slots
            )
